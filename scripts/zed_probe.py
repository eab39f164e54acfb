#!/usr/bin/python3
"""Probe, not product: a ZED-style "too predictable?" statistic (Cozzolino et
al., ECCV 2024), natural-only, as measured for issue 15 (docs/method.md,
*Probed, not built: a lossless-coding predictor*). Kept so the figures can be
rerun; nothing in the build uses it. Run with Debian's interpreter
(/usr/bin/python3: python3-torch, numpy, PIL):

  zed_probe.py train  DATA OUT.pt [STEPS]          natural/ photos, SHA-1 first byte < 0xB0
  zed_probe.py train-large DATA OUT.npz SECONDS [WIDTH BLOCKS]
                                                   the larger predictor, for a GPU (any torch
                                                   >= 1.13; CUDA when present)
  zed_probe.py score  DATA OUT.pt SCORES.json [SHARD NSHARDS]
  zed_probe.py report DATA SCORES.json DEFAULT_MODEL.safetensors

A three-level predictor (one CNN shared by the levels) gives each pixel a
discretized logistic from the image shrunk 2x; per level an image's coding
cost (NLL, bits per subpixel), the predictor's expected cost (entropy H) and
NLL - H. S1 = -(NLL - H) at the finest level; S2 = a Gaussian's Mahalanobis
distance over the nine values, fitted on natural photos. The real side is the
shipped default's held-out photos (its metadata) the predictor did not train
on, so both are out of sample on the same photos.
"""
import sys, os, io, csv, hashlib, random, time, math, json
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F
from PIL import Image
from collections import defaultdict
torch.set_num_threads(int(os.environ.get('ZED_THREADS', '2')))
D = None  # the data folder (shared/data), set from the command line

class Net(nn.Module):
    def __init__(s, c=32, n=5):
        super().__init__()
        L = [nn.Conv2d(3, c, 3, padding=1), nn.ReLU()]
        for _ in range(n - 1): L += [nn.Conv2d(c, c, 3, padding=1), nn.ReLU()]
        L += [nn.Conv2d(c, 24, 1)]
        s.f = nn.Sequential(*L)
    def forward(s, lo):  # lo: B,3,h,w in 0..255 -> mu, logs for B,3,2h,2w
        o = s.f(lo / 255.0 - 0.5)
        o = F.pixel_shuffle(o, 2)  # B,6,2h,2w
        up = F.interpolate(lo, scale_factor=2, mode='nearest')
        mu = up + 8.0 * o[:, :3]
        logs = o[:, 3:].clamp(-4, 5)
        return mu, logs

class ResNet(nn.Module):
    """The larger predictor of the device-machine rerun: residual blocks, same head."""
    def __init__(s, c=64, blocks=6):
        super().__init__()
        s.inp = nn.Conv2d(3, c, 3, padding=1)
        s.blocks = nn.ModuleList(nn.Sequential(nn.ReLU(), nn.Conv2d(c, c, 3, padding=1), nn.ReLU(),
                                               nn.Conv2d(c, c, 3, padding=1)) for _ in range(blocks))
        s.out = nn.Sequential(nn.ReLU(), nn.Conv2d(c, 24, 1))
    def forward(s, lo):
        h = s.inp(lo / 255.0 - 0.5)
        for b in s.blocks: h = h + b(h)
        o = F.pixel_shuffle(s.out(h), 2)
        up = F.interpolate(lo, scale_factor=2, mode='nearest')
        return up + 8.0 * o[:, :3], o[:, 3:].clamp(-4, 5)

def save_npz(net, arch, out, **info):
    # numpy, not torch.save: written by a newer torch, read by Debian's 1.13
    arrays = {k: v.detach().cpu().numpy() for k, v in net.state_dict().items()}
    tmp = out + '.tmp.npz'
    np.savez(tmp, __arch__=json.dumps(arch), __info__=json.dumps(info), **arrays)
    os.replace(tmp, out)

def load_net(path):
    if not path.endswith('.npz'):
        net = Net(); net.load_state_dict(torch.load(path)); return net.eval()
    z = np.load(path)
    net = ResNet(**json.loads(str(z['__arch__'])))
    net.load_state_dict({k: torch.from_numpy(z[k]) for k in z.files if not k.startswith('__')})
    return net.eval()

def down(x):  # integer image B,3,H,W -> rounded 2x area mean
    return torch.round(F.avg_pool2d(x, 2))

def nll_bits(x, mu, logs):  # discretized logistic, bits per subpixel
    s = torch.exp(logs)
    up = torch.where(x >= 255, torch.full_like(x, 1e9), (x + 0.5 - mu) / s)
    lo = torch.where(x <= 0, torch.full_like(x, -1e9), (x - 0.5 - mu) / s)
    p = torch.sigmoid(up) - torch.sigmoid(lo)
    return -torch.log2(p.clamp_min(1e-12))

def _disc_entropy(m, ss, lo_bin, K):
    # bins lo_bin .. lo_bin+K-1 (inside 0..255); CDF at the K+1 edges once; the
    # edge bins 0 and 255 take the tails
    e = lo_bin + torch.arange(K + 1.0) - 0.5                      # (N, K+1) edges
    F_ = torch.sigmoid((e - m) / ss)
    F_ = torch.where(e < 0, torch.zeros_like(F_), F_)
    F_ = torch.where(e > 255, torch.ones_like(F_), F_)
    p = (F_[:, 1:] - F_[:, :-1]).clamp_min(1e-12)
    return -(p * torch.log2(p)).sum(-1)

def entropy_bits(mu, logs):
    # discretized logistic entropy over 0..255. Exact on the bins within about 8 s
    # of mu (mass beyond ~7e-4; the window kept inside 0..255 so clipping counts)
    # where s < 4; the continuous logistic's (ln s + 2) where wider and far from
    # 0 and 255; exact on all 256 bins for the rest (wide and near an edge).
    s = torch.exp(logs)
    mf, sf = mu.reshape(-1, 1), s.reshape(-1, 1)
    out = ((logs + 2.0) / math.log(2.0)).reshape(-1).clone()
    lo_s = torch.zeros_like(sf[:, 0])
    for hi_s, W in ((0.5, 5), (1.0, 9), (2.0, 17), (4.0, 33)):
        sel = (sf[:, 0] >= lo_s) & (sf[:, 0] < hi_s)
        lo_s = torch.full_like(lo_s, hi_s)
        if sel.any():
            m, ss = mf[sel], sf[sel]
            start = torch.round(m).clamp(W, 255 - W) - W
            out[sel] = _disc_entropy(m, ss, start, 2 * W + 1)
    wide = sf[:, 0] >= 4.0
    reach_lo = mf[:, 0] - 8 * sf[:, 0]; reach_hi = mf[:, 0] + 8 * sf[:, 0]
    done = torch.zeros_like(wide)
    for K in (32, 64, 128):   # near 0: bins 0..K-1 hold the mass; near 255: 256-K..255
        sel = wide & ~done & (reach_lo < 0) & (reach_hi < K - 1)
        if sel.any():
            out[sel] = _disc_entropy(mf[sel], sf[sel], torch.zeros_like(mf[sel]), K); done |= sel
        sel = wide & ~done & (reach_hi > 255) & (reach_lo > 256 - K)
        if sel.any():
            out[sel] = _disc_entropy(mf[sel], sf[sel], torch.full_like(mf[sel], 256.0 - K), K); done |= sel
    edge = wide & ~done & ((reach_lo < 0) | (reach_hi > 255))
    if edge.any():
        m, ss = mf[edge], sf[edge]
        out[edge] = _disc_entropy(m, ss, torch.zeros_like(m), 256)
    return out.view_as(mu)

LEVELS = 3
def level_terms(net, x):  # x: B,3,H,W integer floats; yields (target, mu, logs) per level
    cur = x
    for l in range(LEVELS):
        lo = down(cur)
        mu, logs = net(lo)
        yield l, cur, mu, logs
        cur = lo

def load_rgb(p):
    im = Image.open(p); im.load()
    return np.asarray(im.convert('RGB'))

def jpeg(a, q):
    b = io.BytesIO(); Image.fromarray(a).save(b, 'JPEG', quality=int(q)); b.seek(0)
    return np.asarray(Image.open(b).convert('RGB'))

def rows(manifest):
    with open(manifest) as f: return list(csv.DictReader(f))

def natural_split():
    tr, te = [], []
    for r in rows(f'{D}/natural/manifest.csv'):
        (tr if int(r['sha1'][:2], 16) < 176 else te).append(f"{D}/natural/{r['path']}")
    return tr, te

def augmented_crops(a, K, P, rng):
    # K random P-px crops of one photo: a quarter shrunk 0.5-1x first, half
    # recompressed at JPEG 65-100 (fewer where the photo is too small)
    out = []
    for _ in range(K):
        b = a
        if rng.random() < 0.25:
            f = rng.uniform(0.5, 1.0)
            h, w = b.shape[:2]
            if min(h, w) * f >= P:
                b = np.asarray(Image.fromarray(b).resize((int(w*f), int(h*f)), Image.BOX))
        h, w = b.shape[:2]
        if h < P or w < P: continue
        y = rng.randrange(h - P + 1); x = rng.randrange(w - P + 1)
        c = np.ascontiguousarray(b[y:y+P, x:x+P])
        if rng.random() < 0.5: c = jpeg(c, rng.uniform(65, 100))
        out.append(c)
    return out

def train(out, steps=1500, P=96, B=16, seed=1):
    rng = random.Random(seed); torch.manual_seed(seed)
    tr, _ = natural_split()
    crops = []
    t0 = time.time()
    for p in tr:
        try: a = load_rgb(p)
        except Exception: continue
        crops += augmented_crops(a, 3, P, rng)
    X = torch.from_numpy(np.stack(crops)).permute(0, 3, 1, 2).float()
    print(f'{len(crops)} training crops from {len(tr)} photos, {time.time()-t0:.0f}s', flush=True)
    net = Net(); opt = torch.optim.Adam(net.parameters(), 2e-3)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, 2e-3, total_steps=steps)
    t0 = time.time()
    for st in range(steps):
        idx = torch.randint(len(X), (B,))
        x = X[idx]
        if rng.random() < 0.5: x = x.flip(3)
        loss = sum(nll_bits(t, mu, lg).mean() for _, t, mu, lg in level_terms(net, x)) / LEVELS
        opt.zero_grad(); loss.backward(); opt.step(); sched.step()
        if st % 100 == 0: print(st, f'{loss.item():.3f} bits', f'{time.time()-t0:.0f}s', flush=True)
    torch.save(net.state_dict(), out)

def _photo_crops(job):  # a worker's share of train_large's crops, its own seed per photo
    i, p, K, P, seed = job
    try: a = load_rgb(p)
    except Exception: return []
    return augmented_crops(a, K, P, random.Random(seed * 1000003 + i))

def train_large(out, seconds, width=64, blocks=6, B=64, P=128, K=24, seed=1, lr=1e-3):
    from multiprocessing import Pool
    torch.manual_seed(seed); rng = random.Random(seed)
    tr, _ = natural_split()
    tr.sort(key=lambda p: hashlib.sha1(open(p, 'rb').read()).hexdigest())
    val_p = tr[::20]; train_p = [p for i, p in enumerate(tr) if i % 20]
    t0 = time.time()
    with Pool(os.cpu_count()) as pool:
        tc = [c for cs in pool.map(_photo_crops, [(i, p, K, P, seed) for i, p in enumerate(train_p)]) for c in cs]
        vc = [c for cs in pool.map(_photo_crops, [(i, p, 4, P, seed + 1) for i, p in enumerate(val_p)]) for c in cs]
    dev = 'cuda' if torch.cuda.is_available() else 'cpu'  # after the workers: no CUDA before a fork
    torch.backends.cudnn.benchmark = True
    X = torch.from_numpy(np.stack(tc)).permute(0, 3, 1, 2).contiguous().to(dev)
    V = torch.from_numpy(np.stack(vc)).permute(0, 3, 1, 2).contiguous().to(dev)
    print(f'{dev} ({torch.cuda.get_device_name() if dev == "cuda" else "cpu"}), torch {torch.__version__}: '
          f'{len(tc)} training crops from {len(train_p)} photos, {len(vc)} validation crops from {len(val_p)}, '
          f'{time.time()-t0:.0f}s', flush=True)
    arch = {'c': width, 'blocks': blocks}
    net = ResNet(**arch).to(dev)
    print(sum(p.numel() for p in net.parameters()), 'parameters', flush=True)
    opt = torch.optim.Adam(net.parameters(), lr)
    def bits(x): return sum(nll_bits(t, mu, lg).mean() for _, t, mu, lg in level_terms(net, x)) / LEVELS
    @torch.no_grad()
    def val_bits():
        net.eval(); v = sum(bits(V[i:i+256].float()).item() * len(V[i:i+256]) for i in range(0, len(V), 256)) / len(V)
        net.train(); return v
    t0 = time.time(); last = t0; step = 0; hist = []
    while True:
        frac = (time.time() - t0) / seconds
        if frac >= 1: break
        for g in opt.param_groups:
            g['lr'] = lr * (frac / 0.03 if frac < 0.03 else 0.5 * (1 + math.cos(math.pi * (frac - 0.03) / 0.97)))
        x = X[torch.randint(len(X), (B,), device=dev)].float()
        if rng.random() < 0.5: x = x.flip(3)
        loss = bits(x)
        opt.zero_grad(); loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0); opt.step(); step += 1
        if time.time() - last >= 60 or step == 1:
            last = time.time(); v = val_bits(); hist.append((step, round(last - t0), round(v, 4)))
            print(step, f'train {loss.item():.3f} val {v:.4f} bits', f'{last-t0:.0f}s', flush=True)
            save_npz(net, arch, out, steps=step, seconds=seconds, val_history=hist, partial=True)
    v = val_bits(); hist.append((step, round(time.time() - t0), round(v, 4)))
    print(step, f'final val {v:.4f} bits', f'{time.time()-t0:.0f}s', flush=True)
    save_npz(net, arch, out, steps=step, seconds=seconds, val_history=hist, partial=False,
             train_photos=len(train_p), train_crops=len(tc), batch=B, patch=P, lr=lr, seed=seed,
             device=str(dev), torch=torch.__version__)

@torch.no_grad()
def feats(net, a):
    x = torch.from_numpy(a.copy()).permute(2, 0, 1)[None].float()
    f = []
    for l, t, mu, lg in level_terms(net, x):
        n = nll_bits(t, mu, lg); h = entropy_bits(mu, lg)
        f += [n.mean().item(), h.mean().item(), (n - h).mean().item()]
    return f

def centre(a, S=256):
    h, w = a.shape[:2]
    if h < S or w < S: return None
    y = (h - S) // 2; x = (w - S) // 2
    return np.ascontiguousarray(a[y:y+S, x:x+S])

def score_sets(netp, out, shard=0, nshard=1):
    net = load_net(netp)
    _, te = natural_split()
    items = [('natural', p) for p in te]
    for r in rows(f'{D}/dev/manifest.csv'):
        if r['label'] in ('real', 'fake'):
            items.append((('real:' if r['label']=='real' else 'fake:') + r['generator'], f"{D}/dev/{r['path']}"))
    res = []
    t0 = time.time()
    for i, (g, p) in enumerate(items):
        if i % nshard != shard: continue
        try: a = load_rgb(p)
        except Exception: continue
        c = centre(a)
        if c is None: continue
        res.append({'group': g, 'path': p, 'crop': feats(net, c), 'cropjpg': feats(net, jpeg(c, 85))})
        if i % 100 == 0: print(i, len(items), f'{time.time()-t0:.0f}s', flush=True)
    json.dump(res, open(out, 'w'))

def sha256(p): return hashlib.sha256(open(p, 'rb').read()).hexdigest()
def auc(pos, neg):
    pos = np.asarray(pos); neg = np.asarray(neg)
    # Mann-Whitney with ties counted half
    gt = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return gt / (len(pos) * len(neg))
def report(scores, model):
    import struct
    res = json.load(open(scores))
    with open(model, 'rb') as f:
        n = struct.unpack('<Q', f.read(8))[0]
        meta = json.loads(json.loads(f.read(n))['__metadata__']['clipflow.model'])
    hold = set(meta['training']['holdout_files']); train_ = set(meta['training']['files'])
    real, fit, fakes = [], [], defaultdict(list)
    for r in res:
        h = sha256(r['path'])
        g = r['group']
        if g.startswith('fake:'): fakes[g[5:]].append(r)
        elif h in hold: real.append(r)
        elif g == 'natural' and h in train_: fit.append(r)
    print(f'real side {len(real)} (dev {sum(r["group"]!="natural" for r in real)}), S2 fit {len(fit)}, fakes', {k: len(v) for k, v in fakes.items()})
    for cond in ('crop', 'cropjpg'):
        F = np.array([r[cond] for r in fit]); mu = F.mean(0); C = np.cov(F.T) + 1e-6 * np.eye(F.shape[1]); Ci = np.linalg.inv(C)
        def s1(f): return -f[2]
        def s2(f): d = np.asarray(f) - mu; return float(d @ Ci @ d)
        print(f'== {cond}')
        print('  real mean feats', np.round(np.mean([r[cond] for r in real], 0), 3))
        allf = [r for v in fakes.values() for r in v]
        print('  fake mean feats', np.round(np.mean([r[cond] for r in allf], 0), 3))
        for name, s in (('S1', s1), ('S2', s2)):
            neg = [s(r[cond]) for r in real]
            line = f'  {name} all {auc([s(r[cond]) for r in allf], neg):.3f}'
            for k, v in sorted(fakes.items(), key=lambda kv: -len(kv[1])):
                if len(v) >= 20: line += f' | {k[:18]} {auc([s(r[cond]) for r in v], neg):.3f}'
            print(line)
        for lvl in range(3):
            for j, nm in enumerate(('nll', 'H', 'D')):
                neg = [-r[cond][3*lvl+j] for r in real]
                print(f'    level {lvl} -{nm}: AUC {auc([-r[cond][3*lvl+j] for r in allf], neg):.3f}')

if __name__ == '__main__':
    cmd, D = sys.argv[1], sys.argv[2]
    if cmd == 'train': train(sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 1500)
    elif cmd == 'train-large': train_large(sys.argv[3], float(sys.argv[4]), *(int(v) for v in sys.argv[5:7]))
    elif cmd == 'score': score_sets(sys.argv[3], sys.argv[4], *(int(v) for v in sys.argv[5:7]))
    elif cmd == 'report': report(sys.argv[3], sys.argv[4])
    else: sys.exit(__doc__)

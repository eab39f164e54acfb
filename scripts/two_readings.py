#!/usr/bin/python3
"""Measurement, not product: two CLIP-Flow models read side by side on 256 x 256
centre crops (docs/method.md, *A second reading with the chroma halved*).
Writes the crops of the photos in REAL_DIR and of the images under each
FAKE_DIR (at least 256 px; PNG and Pillow JPEG 85 4:2:0) to OUT/NAME/{png,jpg},
scores them with `clipflow score --model` for both models, and prints ROC-AUC
and the TPR at the photos' own 95th percentile, per FAKE_DIR and pooled, for
model A, model B and the larger of their standardised unnaturalness
-(log-likelihood - median) / robust_sigma (each model's own calibration,
natural photos only). Per-image scores go to OUT/scores.json. Crops already
in OUT are reused. Run with Debian's interpreter (/usr/bin/python3: PIL):

  two_readings.py CLIPFLOW OUT MODEL_A MODEL_B REAL_DIR FAKE_DIR...
"""
import bisect, glob, json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crop_jpeg_sweep import centre_crop, model_meta  # noqa: E402

CLI, out, ma, mb, real_dir = sys.argv[1:6]
fakes = sys.argv[6:]

def write_set(name, files):
    for cond in ('png', 'jpg'):
        d = os.path.join(out, name, cond); os.makedirs(d, exist_ok=True)
    n = 0
    for f in files:
        base = os.path.splitext(os.path.basename(f))[0]
        if os.path.exists(os.path.join(out, name, 'png', base + '.png')): n += 1; continue
        c = centre_crop(f)
        if c is None: continue
        c.save(os.path.join(out, name, 'png', base + '.png'))
        c.save(os.path.join(out, name, 'jpg', base + '.jpg'), quality=85, subsampling=2)
        n += 1
    return n

def scores(model, d):
    r = subprocess.run([CLI, 'score', '--model', model, '--json', d], capture_output=True, text=True)
    if r.returncode not in (0, 1):  # 1: some files failed, the rest scored
        sys.exit(f'clipflow score --model {model} {d}: exit {r.returncode}: {r.stderr[-500:]}')
    s = {}
    for line in r.stdout.splitlines():
        j = json.loads(line)
        if 'log_likelihood' in j: s[os.path.basename(j['file'])] = j['log_likelihood']
    return s

def auc(neg, pos):  # P(pos > neg), ties counted half
    s = sorted(neg)
    return sum(bisect.bisect_left(s, v) + (bisect.bisect_right(s, v) - bisect.bisect_left(s, v)) / 2 for v in pos) / (len(pos) * len(s))

def tpr5(neg, pos):
    t = sorted(neg)[int(0.95 * len(neg))]
    return sum(v > t for v in pos) / len(pos)

held = sorted(glob.glob(os.path.join(real_dir, '*')))
sets = {'real': held}
for fd in fakes:
    sets[os.path.basename(fd.rstrip('/'))] = sorted(glob.glob(os.path.join(fd, '**', '*.*'), recursive=True))
for k, v in sets.items(): print(k, write_set(k, v), file=sys.stderr)
ca, cb = model_meta(ma)['calibration'], model_meta(mb)['calibration']
res = {}
for cond in ('png', 'jpg'):
    per = {}
    for k in sets:
        a = scores(ma, os.path.join(out, k, cond)); b = scores(mb, os.path.join(out, k, cond))
        # "less natural" = higher: -standardised log-likelihood
        za = {f: -(v - ca['median']) / ca['robust_sigma'] for f, v in a.items()}
        zb = {f: -(v - cb['median']) / cb['robust_sigma'] for f, v in b.items()}
        keys = sorted(set(za) & set(zb))
        per[k] = {'a': [za[f] for f in keys], 'b': [zb[f] for f in keys], 'max': [max(za[f], zb[f]) for f in keys]}
    for k in per:
        if k == 'real': continue
        for how in ('a', 'b', 'max'):
            print(f'{cond:4s} {k:24s} {how:4s} n={len(per[k][how]):4d} AUC {auc(per["real"][how], per[k][how]):.3f} TPR5 {tpr5(per["real"][how], per[k][how]):.3f}')
    for how in ('a', 'b', 'max'):
        pos = [v for k in per if k != 'real' for v in per[k][how]]
        print(f'{cond:4s} {"pooled":24s} {how:4s} n={len(pos):4d} AUC {auc(per["real"][how], pos):.3f} TPR5 {tpr5(per["real"][how], pos):.3f}')
    res[cond] = per
json.dump(res, open(os.path.join(out, 'scores.json'), 'w'))

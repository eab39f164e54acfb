#!/usr/bin/env python3
"""The same flow and training step in Python/PyTorch eager, for bench/compare_flow.py:
K x (ActNorm, LU invertible linear, affine coupling with a 2-hidden-layer MLP),
combined objective (natural NLL + hinge on proxies), Adam, gradient clipping.

Usage: flow_torch.py N DIM EPOCHS  -> JSON {"seconds_per_epoch": ...}
"""
import json
import math
import os
import sys
import time

import torch

STEPS, HIDDEN, BATCH, CLAMP, MARGIN = 8, 512, 256, 3.0, 1.0


class ActNorm(torch.nn.Module):
    def __init__(self, d):
        super().__init__()
        self.loc = torch.nn.Parameter(torch.zeros(d))
        self.logs = torch.nn.Parameter(torch.zeros(d))

    def forward(self, x):
        s = self.logs.clamp(-15, 15)
        return (x + self.loc) * torch.exp(s), s.sum().expand(x.shape[0])


class InvLinear(torch.nn.Module):
    def __init__(self, d):
        super().__init__()
        q = torch.linalg.qr(torch.randn(d, d))[0]
        p, l, u = torch.linalg.lu(q)
        self.register_buffer("perm", p)
        self.register_buffer("sign", torch.sign(u.diagonal()))
        self.log_s = torch.nn.Parameter(torch.log(u.diagonal().abs()))
        self.lower = torch.nn.Parameter(l.tril(-1))
        self.upper = torch.nn.Parameter(u.triu(1))

    def forward(self, x):
        d = self.perm.shape[0]
        w = self.perm @ (self.lower.tril(-1) + torch.eye(d)) @ (self.upper.triu(1) + torch.diag(self.sign * torch.exp(self.log_s.clamp(-15, 15))))
        return x @ w.t(), self.log_s.clamp(-15, 15).sum().expand(x.shape[0])


class Coupling(torch.nn.Module):
    def __init__(self, d, flip):
        super().__init__()
        self.da, self.db = (d - d // 2, d // 2) if flip else (d // 2, d - d // 2)
        last = torch.nn.Linear(HIDDEN, 2 * self.db)
        torch.nn.init.zeros_(last.weight)
        torch.nn.init.zeros_(last.bias)
        self.net = torch.nn.Sequential(torch.nn.Linear(self.da, HIDDEN), torch.nn.ReLU(), torch.nn.Linear(HIDDEN, HIDDEN), torch.nn.ReLU(), last)

    def forward(self, x):
        a, b = x[:, :self.da], x[:, self.da:]
        s, t = self.net(a).chunk(2, 1)
        s = CLAMP * torch.tanh(s / CLAMP)
        return torch.cat([a, b * torch.exp(s) + t], 1), s.sum(1)


class Flow(torch.nn.Module):
    def __init__(self, d):
        super().__init__()
        self.d = d
        self.layers = torch.nn.ModuleList()
        for k in range(STEPS):
            self.layers.extend([ActNorm(d), InvLinear(d), Coupling(d, k % 2 == 1)])

    def log_likelihood(self, x):
        logdet = torch.zeros(x.shape[0])
        for layer in self.layers:
            x, ld = layer(x)
            logdet = logdet + ld
        return (-0.5 * (x.square() + math.log(2 * math.pi)).sum(1) + logdet) / self.d


def main():
    n, d, epochs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(os.cpu_count())
    torch.manual_seed(0)
    nat, prox = torch.randn(n, d), torch.randn(n, d) * 1.5
    flow = Flow(d)
    opt = torch.optim.Adam(flow.parameters(), lr=1e-3)
    steps = (n + BATCH - 1) // BATCH
    t0 = time.perf_counter()
    for epoch in range(epochs):
        pn, pp = torch.randperm(n), torch.randperm(n)
        for s in range(steps):
            xb, pb = nat[pn[s * BATCH:(s + 1) * BATCH]], prox[pp[s * BATCH:(s + 1) * BATCH]]
            ll_nat, ll_prox = flow.log_likelihood(xb), flow.log_likelihood(pb)
            loss = -ll_nat.mean() + torch.relu(ll_prox - (ll_nat.mean().detach() - MARGIN)).mean()
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(flow.parameters(), 10.0)
            opt.step()
    print(json.dumps({"seconds_per_epoch": (time.perf_counter() - t0) / epochs, "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""PyTorch side of the CTC benchmark (see bench/ctc/README.md).

CTC loss + gradient with respect to the logits for a batch of B x T x C logits and targets of
length L, PyTorch's torch.nn.functional.ctc_loss (log_softmax first, reduction 'sum', blank 0,
float32 and float64). The data are generated here with the same recipe as the Java side (see
make_data) so both see the same numbers. Prints one JSON object on stdout.

Run with the Debian interpreter that has python3-torch: /usr/bin/python3 bench/ctc/bench_torch.py
"""
import argparse
import json
import statistics
import time

import torch


def make_data(b, t, c, length, seed):
    """Logits uniform in [-2, 2), targets uniform over labels 1..c-1, full lengths (torch.Generator)."""
    g = torch.Generator().manual_seed(seed)
    logits = torch.rand(b, t, c, generator=g, dtype=torch.float64) * 4 - 2
    targets = torch.randint(1, c, (b, length), generator=g)
    return logits, targets


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--frames", type=int, default=400)
    ap.add_argument("--classes", type=int, default=30)
    ap.add_argument("--length", type=int, default=80)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--reps", type=int, default=15)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dump", default="", help="write logits and targets as raw little-endian files with this prefix")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    logits64, targets = make_data(a.batch, a.frames, a.classes, a.length, a.seed)
    if a.dump:
        logits64.numpy().astype("<f8").tofile(a.dump + ".logits.f64")
        targets.numpy().astype("<i4").tofile(a.dump + ".targets.i32")
    in_len = torch.full((a.batch,), a.frames, dtype=torch.long)
    tg_len = torch.full((a.batch,), a.length, dtype=torch.long)
    result = {"threads": a.threads, "torch": torch.__version__}
    for name, dtype in (("float32", torch.float32), ("float64", torch.float64)):
        base = logits64.to(dtype)

        def step():
            z = base.clone().requires_grad_(True)
            lp = torch.log_softmax(z, dim=2).transpose(0, 1)  # [T, B, C]
            loss = torch.nn.functional.ctc_loss(lp, targets, in_len, tg_len, blank=0, reduction="sum")
            loss.backward()
            return loss.item(), z.grad

        for _ in range(a.warmup):
            step()
        times = []
        for _ in range(a.reps):
            t0 = time.perf_counter()
            loss, grad = step()
            times.append(time.perf_counter() - t0)
        result[name] = {"median_s": statistics.median(times), "loss": loss, "grad_abs_sum": grad.abs().sum().item()}
    print(json.dumps(result))


if __name__ == "__main__":
    main()

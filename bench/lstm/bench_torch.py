#!/usr/bin/env python3
"""PyTorch side of the word-LSTM language-model benchmark (see bench/lstm/README.md).

Same settings as org.seqlab.sequence.bench.LstmLmBenchmark: embedding -> one LSTM layer ->
linear output over the full vocabulary, softmax cross-entropy (mean over positions), Adam.
Token ids are drawn uniformly with a fixed seed. Prints one JSON object on stdout.

Run with the Debian interpreter that has python3-torch: /usr/bin/python3 bench/lstm/bench_torch.py
"""
import argparse
import json
import statistics
import time

import torch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vocab", type=int, default=10000)
    ap.add_argument("--embed", type=int, default=128)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--length", type=int, default=35)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    emb = torch.nn.Embedding(a.vocab, a.embed)
    lstm = torch.nn.LSTM(a.embed, a.hidden, batch_first=True)
    out = torch.nn.Linear(a.hidden, a.vocab)
    params = list(emb.parameters()) + list(lstm.parameters()) + list(out.parameters())
    opt = torch.optim.Adam(params, lr=1e-3)
    g = torch.Generator().manual_seed(a.seed)
    x = torch.randint(0, a.vocab, (a.batch, a.length), generator=g)
    y = torch.randint(0, a.vocab, (a.batch, a.length), generator=g)

    def loss_of():
        h, _ = lstm(emb(x))                      # [B, T, H]
        logits = out(h)                          # [B, T, V]
        return torch.nn.functional.cross_entropy(logits.reshape(-1, a.vocab), y.reshape(-1))

    def train_step():
        opt.zero_grad(set_to_none=True)
        loss = loss_of()
        loss.backward()
        opt.step()
        return loss.item()

    def infer_step():
        with torch.no_grad():
            return loss_of().item()

    tokens = a.batch * a.length
    result = {"framework": "pytorch", "version": torch.__version__, "threads": torch.get_num_threads(),
              "vocab": a.vocab, "embed": a.embed, "hidden": a.hidden, "batch": a.batch, "length": a.length,
              "warmup": a.warmup, "steps": a.steps, "seed": a.seed}
    for name, fn in (("train", train_step), ("infer", infer_step)):
        for _ in range(a.warmup):
            fn()
        times = []
        for _ in range(a.steps):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        med = statistics.median(times)
        result[name + "_median_s"] = med
        result[name + "_tokens_per_s"] = tokens / med
    print(json.dumps(result))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Combines the run.sh outputs (stats JSON, /usr/bin/time -v reports, evaluations, GloVe costs) into
bench/results/embeddings.json (merging with the sections already there) and prints a side-by-side table."""
import argparse, datetime, json, os, re


def read_time(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("Maximum resident set size"):
                out["peak_rss_mib"] = int(line.rsplit(":", 1)[1]) / 1024
            elif line.startswith("Elapsed (wall clock) time"):
                v = line.rsplit(": ", 1)[1].split(":")
                out["wall_seconds"] = sum(float(x) * 60 ** i for i, x in enumerate(reversed(v)))
            elif line.startswith("User time"):
                out["user_seconds"] = float(line.rsplit(":", 1)[1])
            elif line.startswith("System time"):
                out["system_seconds"] = float(line.rsplit(":", 1)[1])
    return out


def load(work, name):
    s = {}
    for suffix in (".json", ".eval.json"):
        p = os.path.join(work, name + suffix)
        if os.path.exists(p):
            with open(p, encoding="utf-8") as f:
                s.update(json.load(f))
    t = os.path.join(work, name + ".time")
    if os.path.exists(t):
        s.update(read_time(t))
    if s.get("train_words"):
        s["words_per_second"] = s["train_words"] / s["train_seconds"]
    return s


def glove_costs(work):
    costs = []
    p = os.path.join(work, "glove.log")
    if os.path.exists(p):
        with open(p, encoding="utf-8") as f:
            for line in f:
                m = re.search(r"cost ([0-9.]+)", line)
                if m and line.startswith("progress"):
                    costs.append(float(m.group(1)))
    return costs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--corpus", required=True)
    a = ap.parse_args()
    result = {}
    if os.path.exists(a.out):
        with open(a.out, encoding="utf-8") as f:
            result = json.load(f)
    now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    g, s = load(a.work, "gensim"), load(a.work, "seqlab")
    if g and s:
        result["sgns"] = {"measured": now, "corpus": os.path.basename(a.corpus), "gensim": g, "seqlab": s,
                          "ratio_words_per_second": s["words_per_second"] / g["words_per_second"]}
        rows = [("training words/s", "words_per_second", "{:,.0f}"), ("training seconds", "train_seconds", "{:.1f}"),
                ("whole run wall seconds", "wall_seconds", "{:.1f}"), ("peak RSS MiB", "peak_rss_mib", "{:.0f}"),
                ("analogy total (top 30k)", "analogy_total", "{:.2%}"), ("analogy semantic", "analogy_semantic", "{:.2%}"),
                ("analogy syntactic", "analogy_syntactic", "{:.2%}"), ("WordSim353 rho", "wordsim353_spearman", "{:.3f}"),
                ("SimLex-999 rho", "simlex999_spearman", "{:.3f}")]
        print(f"SGNS on {os.path.basename(a.corpus)}, {s.get('threads')} threads   ({s.get('signature')})")
        print(f"{'':28}{'gensim ' + g.get('version', ''):>18}{'seqlab':>18}{'ratio':>10}")
        for label, key, fmt in rows:
            if key in g and key in s:
                ratio = s[key] / g[key] if g[key] else float("nan")
                print(f"{label:28}{fmt.format(g[key]):>18}{fmt.format(s[key]):>18}{ratio:>10.2f}")
    rounds = []
    r = 1
    while os.path.exists(os.path.join(a.work, f"speed{r}-seqlab.json")):
        gs, ss = load(a.work, f"speed{r}-gensim"), load(a.work, f"speed{r}-seqlab")
        rounds.append({"gensim_words_per_second": gs["words_per_second"], "seqlab_words_per_second": ss["words_per_second"],
                       "ratio": ss["words_per_second"] / gs["words_per_second"],
                       "gensim_user_plus_system_seconds": gs.get("user_seconds", 0) + gs.get("system_seconds", 0),
                       "seqlab_user_plus_system_seconds": ss.get("user_seconds", 0) + ss.get("system_seconds", 0)})
        r += 1
    if rounds:
        result["sgns_speed_interleaved"] = {"measured": now, "epochs_per_run": 1, "rounds": rounds}
        print("SGNS speed, 1-epoch runs alternating gensim / seqlab (training words/s):")
        for k, x in enumerate(rounds, 1):
            print(f"  round {k}: gensim {x['gensim_words_per_second']:,.0f}  seqlab {x['seqlab_words_per_second']:,.0f}"
                  f"  ratio {x['ratio']:.2f}")
    gl = load(a.work, "glove")
    if gl:
        gl["cost_per_iteration"] = glove_costs(a.work)
        result["glove"] = {"measured": now, "corpus": os.path.basename(a.corpus), "seqlab": gl}
        print(f"GloVe pipeline ({gl.get('signature')}, {gl.get('threads')} threads): wall {gl.get('wall_seconds', 0):.0f} s, "
              f"peak RSS {gl.get('peak_rss_mib', 0):.0f} MiB, analogy total {gl.get('analogy_total', 0):.2%}, "
              f"WordSim353 rho {gl.get('wordsim353_spearman', float('nan')):.3f}")
        print("  cost per iteration: " + ", ".join(f"{c:.4f}" for c in gl["cost_per_iteration"]))
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Scores BLEU test cases and a benchmark corpus with real sacreBLEU, for seqlab's metrics module.

Mode "cases" (default) writes metrics/src/test/resources/org/seqlab/metrics/sacrebleu_cases.json:
seeded random corpora plus hand-picked edge cases, their inputs and sacreBLEU's outputs, which
BleuSacrebleuParityTest checks to 1e-9. With --nltk it also cross-checks sacreBLEU against NLTK's
corpus_bleu on sacreBLEU-tokenised text for the unsmoothed corpus cases and prints the largest gap.

Mode "bench" generates --sentences sentence pairs, times sacreBLEU's corpus_score on them (median
of --runs, cold tokenizer caches), runs the Java benchmark org.seqlab.metrics.bench.BleuBenchmark
on the same files, checks both scores agree to 1e-9 and adds sacreBLEU's numbers and the speed ratio
to bench/results/bleu.json.

sacreBLEU is not packaged in Debian and PyPI is not reachable here, so run it from a source checkout
(the fixture was made from mjpost/sacrebleu f615c72, version 2.6.0) with Debian's python:
  apt-get install -y python3-regex python3-tabulate python3-numpy python3-colorama python3-lxml \
      python3-portalocker python3-nltk
  git --git-dir=<fetched sacrebleu.git> worktree add /tmp/sacrebleu   # never inside /work/main
  mvn -q -pl metrics test-compile          # for bench mode (run everything from the repo root)
  PYTHONPATH=/tmp/sacrebleu /usr/bin/python3 bench/bleu/compare_sacrebleu.py cases --nltk
  PYTHONPATH=/tmp/sacrebleu /usr/bin/python3 bench/bleu/compare_sacrebleu.py bench --sentences 100000
"""
import argparse, json, os, platform, random, statistics, subprocess, sys, tempfile, time
import sacrebleu
from sacrebleu.metrics import BLEU

WORDS = ("the a an cat dog sat on mat There is was it be to of and in that have I for not with "
         "he as you do at this but his by from they we say her she or will my one all would "
         "Haus Straße Öl naïve café Zürich über Ärger 东京 日本語 中文 😀 — – … « » „ “ ” ‘ ’ "
         "3.5 1,000 10-20 2024 -5 U.S. e.g. don't it's &quot; &amp; &lt; &gt; <skipped> "
         "( ) [ ] { } , . ! ? ; : \" ' / \\ @ # $ % ^ * + = ~ ` | _ -- - x-ray 4-door 7.0. $5 5% "
         "a..b 1.,2 ... 3- 😀. 😀, .😀 ١٢٣ ½ ² ＡＢＣ ：． § ¶ © ° ± µ ﹏ "
         "The THE Cat DOG ΣΊΣΥΦΟΣ Σίσυφος İstanbul").split()
SPACES = [" ", " ", " ", "", "  ", "\t", "\u00a0", "\u3000", "\u2009", "\x1c", "\x85", "\n", "-\n"]

def sentence(rng, lo=0, hi=14):
    n = rng.randint(lo, hi)
    toks = [rng.choice(WORDS) for _ in range(n)]
    if rng.random() < 0.15:  # exotic separators, including newlines inside a segment
        return "".join(t + rng.choice(SPACES) for t in toks).strip(" ")
    glue = rng.choice([" ", " ", " ", "", "  "])
    s = glue.join(toks)
    if rng.random() < 0.1:
        s += rng.choice([" ", "\t", "  ", "\u00a0", "\u2028"])
    return s

def perturb(rng, ref):
    out = []
    for t in ref.split():
        r = rng.random()
        if r < 0.15:
            continue
        if r < 0.3:
            out.append(rng.choice(WORDS))
            continue
        out.append(t)
        if rng.random() < 0.1:
            out.append(rng.choice(WORDS))
    return " ".join(out)

def make_case(rng, idx):
    tok = rng.choice(["13a", "13a", "intl", "char", "none"])
    smooth = rng.choice(["exp", "floor", "add-k", "none"])
    smooth_value = None
    if smooth in ("floor", "add-k") and rng.random() < 0.5:
        smooth_value = rng.choice([0.01, 0.1, 0.5, 1, 2])
    cfg = dict(tokenize=tok, lowercase=rng.random() < 0.3, smooth_method=smooth,
               smooth_value=smooth_value, effective_order=rng.random() < 0.3,
               max_ngram_order=rng.choice([4, 4, 4, 1, 2, 3, 5, 9]))
    nseg = rng.randint(1, 12)
    nrefs = rng.choice([1, 1, 2, 3])
    refs = [[None] * nseg for _ in range(nrefs)]
    hyps = []
    for i in range(nseg):
        base = sentence(rng)
        if rng.random() < 0.1:  # repeated tokens exercise clipping
            base = " ".join([rng.choice(WORDS[:6])] * rng.randint(1, 9))
        for r in range(nrefs):
            refs[r][i] = base if r == 0 else perturb(rng, base) if rng.random() < 0.7 else sentence(rng)
        if nrefs > 1 and rng.random() < 0.15:
            refs[rng.randrange(1, nrefs)][i] = None  # fewer references for this segment
        hyps.append(perturb(rng, base) if rng.random() < 0.85 else sentence(rng, 0, 3))
    kind = "sentence" if nseg == 1 and rng.random() < 0.5 else "corpus"
    return dict(id=idx, kind=kind, config=cfg, hyps=hyps, refs=refs)

PAPINENI_REFS = [["It is a guide to action that ensures that the military will forever heed Party commands."],
                 ["It is the guiding principle which guarantees the military forces always being under the command of the Party."],
                 ["It is the practical guide for the army always to heed the directions of the party."]]
EDGE = [
    # Papineni et al. 2002 examples
    dict(kind="corpus", config={}, hyps=["the the the the the the the"],
         refs=[["The cat is on the mat."], ["There is a cat on the mat."]]),
    dict(kind="corpus", config={"lowercase": True, "smooth_method": "none", "max_ngram_order": 1},
         hyps=["the the the the the the the"], refs=[["The cat is on the mat."], ["There is a cat on the mat."]]),
    dict(kind="corpus", config={"smooth_method": "none"},
         hyps=["It is a guide to action which ensures that the military always obeys the commands of the party."],
         refs=PAPINENI_REFS),
    dict(kind="corpus", config={"smooth_method": "none"},
         hyps=["It is to insure the troops forever hearing the activity guidebook that party direct."],
         refs=PAPINENI_REFS),
    dict(kind="corpus", config={}, hyps=[""], refs=[["a b c"]]),
    dict(kind="corpus", config={}, hyps=["a b c"], refs=[[""]]),
    dict(kind="corpus", config={}, hyps=["", ""], refs=[["", ""]]),
    dict(kind="corpus", config={}, hyps=["x y z"], refs=[["a b c"]]),
    dict(kind="corpus", config={"smooth_method": "none"}, hyps=["a b"], refs=[["a b c d"]]),
    dict(kind="corpus", config={"effective_order": True}, hyps=["a b"], refs=[["a b c d"]]),
    dict(kind="sentence", config={}, hyps=["a b"], refs=[["a b c d"]]),
    dict(kind="sentence", config={}, hyps=["a b c d"], refs=[["a b c d"], [None]]),
    dict(kind="corpus", config={}, hyps=["a b c d e"], refs=[["a b c d"], ["a b c d e f"]]),  # BP tie -> shorter
    dict(kind="corpus", config={}, hyps=["a b c d e"], refs=[["a b c d e f"], ["a b c d"]]),
    dict(kind="corpus", config={"smooth_method": "floor", "smooth_value": 0.0}, hyps=["a b x y"], refs=[["a b c d"]]),
    dict(kind="corpus", config={"smooth_method": "add-k", "smooth_value": 0.0}, hyps=["a b x y"], refs=[["a b c d"]]),
    dict(kind="corpus", config={"smooth_method": "exp"}, hyps=["a x b y c"], refs=[["a b c d e"]]),
    dict(kind="corpus", config={}, hyps=["a b c", "d e f", "g"],
         refs=[["a b c", "d e f", "g h"], ["a b", None, "g"], [None, None, "g h i"]]),
    dict(kind="corpus", config={}, hyps=["It costs $5.50, or 1,000.5 yen - i.e. 10-20%."],
         refs=[["It costs $ 5.50 , or 1,000.5 yen - i.e. 10 - 20 %."]]),
    dict(kind="corpus", config={}, hyps=["a-\nb c\nd &amp;quot; &amp;lt; <skip<skipped>ped> x.\ty"],
         refs=[["ab c d &quot; &lt; <skipped> x . y"]]),
    dict(kind="corpus", config={"tokenize": "intl"}, hyps=["«Bonjour», dit-il… 3.14! 東京で 2024."],
         refs=[["« Bonjour » , dit-il … 3.14 ! 東京 で 2024 ."]]),
    dict(kind="corpus", config={"tokenize": "char"}, hyps=["東京で😀 x"], refs=[["東京 で 😀x"]]),
    dict(kind="corpus", config={"lowercase": True}, hyps=["ΣΊΣΥΦΟΣ İstanbul THE Cat"], refs=[["σίσυφος i̇stanbul the cat"]]),
]

def score_case(case):
    cfg = dict(case["config"])
    if case["kind"] == "sentence":
        cfg.setdefault("effective_order", True)
    bleu = BLEU(**cfg)
    if case["kind"] == "sentence":
        s = bleu.sentence_score(case["hyps"][0], [r[0] for r in case["refs"]])
    else:
        s = bleu.corpus_score(case["hyps"], case["refs"])
    sig = str(bleu.get_signature())
    return dict(score=s.score, counts=list(s.counts), totals=list(s.totals),
                precisions=list(s.precisions), bp=s.bp, sys_len=s.sys_len, ref_len=s.ref_len,
                signature=sig, line=s.format(signature=sig))

def nltk_crosscheck(seed, count=300):
    """NLTK corpus_bleu on sacreBLEU's 13a tokens vs sacreBLEU (unsmoothed, 4-grams).

    NLTK divides each sentence's n-gram matches by max(1, number of n-grams), so a hypothesis with
    fewer than 4 tokens gets a different denominator; the corpora here keep every hypothesis at
    4 or more tokens, where the two definitions agree.
    """
    from nltk.translate.bleu_score import corpus_bleu
    rng = random.Random(seed + 1)
    worst, n = 0.0, 0
    while n < count:
        case = make_case(rng, "nltk")
        case.update(kind="corpus", config=dict(tokenize="13a", lowercase=case["config"]["lowercase"],
                                               smooth_method="none"))
        bleu = BLEU(**case["config"])
        hyps = [bleu._preprocess_segment(h).split() for h in case["hyps"]]
        if min(len(h) for h in hyps) < 4:
            continue
        refs = [[bleu._preprocess_segment(r).split() for r in seg if r is not None] for seg in zip(*case["refs"])]
        ours = score_case(case)["score"] / 100
        worst = max(worst, abs(ours - corpus_bleu(refs, hyps)))
        n += 1
    print(f"NLTK {__import__('nltk').__version__} corpus_bleu vs sacreBLEU on {n} random 13a corpora: "
          f"max |diff| = {worst:.3g} (BLEU in 0..1)")
    return worst

def cases_mode(a):
    rng = random.Random(a.seed)
    cases = [dict(id=f"edge{i}", **c) for i, c in enumerate(EDGE)]
    cases += [make_case(rng, f"rand{i}") for i in range(a.cases)]
    for c in cases:
        c["expected"] = score_case(c)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(dict(generator="bench/bleu/compare_sacrebleu.py cases", seed=a.seed,
                       sacrebleu_version=sacrebleu.__version__, cases=cases), f, ensure_ascii=False, indent=0)
        f.write("\n")
    print(f"wrote {len(cases)} cases scored by sacreBLEU {sacrebleu.__version__} to {a.out}")
    if a.nltk:
        nltk_crosscheck(a.seed)

def bench_corpus(rng, n):
    vocab = [w for w in WORDS if "<" not in w and "&" not in w] + \
            [f"w{i}" for i in range(2000)]  # a larger vocabulary, as in real text
    hyps, refs = [], []
    for _ in range(n):
        ref = " ".join(rng.choice(vocab) for _ in range(rng.randint(5, 40)))
        refs.append(ref)
        hyps.append(perturb(rng, ref))
    return hyps, refs

def time_sacrebleu(hyps, refs, runs):
    times, cpu, score = [], [], None
    for _ in range(runs):
        bleu = BLEU(force=True)  # fresh object; clear the class-level lru caches so every run tokenises
        for t in (bleu.tokenizer, getattr(bleu.tokenizer, "_post_tokenizer", None)):
            if t is not None and hasattr(type(t).__call__, "cache_clear"):
                type(t).__call__.cache_clear()
        c0, t0 = time.process_time(), time.perf_counter()
        s = bleu.corpus_score(hyps, [refs])
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        score = s
    return times, cpu, score

def bench_mode(a):
    rng = random.Random(a.seed)
    hyps, refs = bench_corpus(rng, a.sentences)
    data_dir = a.data_dir or tempfile.mkdtemp(prefix="seqlab-bleu-bench-")
    hyp_path, ref_path = os.path.join(data_dir, "hyp.txt"), os.path.join(data_dir, "ref.txt")
    for path, lines in ((hyp_path, hyps), (ref_path, refs)):
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")
    times, cpu, s = time_sacrebleu(hyps, refs, a.py_runs)
    med, med_cpu = statistics.median(times), statistics.median(cpu)
    print(f"sacreBLEU {sacrebleu.__version__}: BLEU {s.score:.6f}, median {med:.3f} s (CPU {med_cpu:.3f} s) "
          f"of {a.py_runs} runs, {a.sentences / med:,.0f} sentences/s")
    cp = "metrics/target/classes:metrics/target/test-classes"
    cmd = [a.java, "-cp", cp, "org.seqlab.metrics.bench.BleuBenchmark", "--hyp", hyp_path, "--ref", ref_path,
           "--runs", str(a.runs), "--out", a.out]
    subprocess.run(cmd, check=True)
    with open(a.out, encoding="utf-8") as f:
        res = json.load(f)
    if abs(res["score"] - s.score) > 1e-9:
        sys.exit(f"score mismatch: Java {res['score']!r} vs sacreBLEU {s.score!r}")
    res["sacrebleu"] = dict(version=sacrebleu.__version__, score=s.score, median_seconds=med,
                            all_seconds=times, median_cpu_seconds=med_cpu, all_cpu_seconds=cpu,
                            sentences_per_second=a.sentences / med, python=platform.python_version())
    res["speedup_vs_sacrebleu"] = res["sentences_per_second"] / res["sacrebleu"]["sentences_per_second"]
    res["cpu_time_ratio_sacrebleu_over_java"] = med_cpu / res["median_thread_cpu_seconds"]
    res["load_average_at_end"] = os.getloadavg()[0]
    res["data"] = f"compare_sacrebleu.py bench --seed {a.seed} --sentences {a.sentences}"
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(res, f, indent=2)
        f.write("\n")
    print(f"Java {res['sentences_per_second']:,.0f} sentences/s = {res['speedup_vs_sacrebleu']:.1f}x sacreBLEU "
          f"(CPU time ratio {res['cpu_time_ratio_sacrebleu_over_java']:.1f}x); "
          f"scores agree ({res['score']!r}); wrote {a.out}")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", nargs="?", default="cases", choices=["cases", "bench"])
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--nltk", action="store_true")
    ap.add_argument("--sentences", type=int, default=100000)
    ap.add_argument("--runs", type=int, default=7, help="timed Java runs")
    ap.add_argument("--py-runs", type=int, default=3, help="timed sacreBLEU runs")
    ap.add_argument("--data-dir", default=None)
    ap.add_argument("--java", default="java")
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    if a.mode == "cases":
        a.out = a.out or "metrics/src/test/resources/org/seqlab/metrics/sacrebleu_cases.json"
        cases_mode(a)
    else:
        a.out = a.out or "bench/results/bleu.json"
        bench_mode(a)

if __name__ == "__main__":
    main()

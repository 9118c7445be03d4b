#!/usr/bin/env python3
"""Generates BLEU test cases and scores them with real sacreBLEU.

Writes metrics/src/test/resources/org/seqlab/metrics/sacrebleu_cases.json: the inputs (seeded random
corpora plus edge cases) and sacreBLEU's outputs, which BleuSacrebleuParityTest checks to 1e-9.

sacreBLEU is not packaged in Debian and PyPI is not reachable here, so run it from a source checkout:
  apt-get install -y python3-regex python3-tabulate python3-numpy python3-colorama python3-lxml python3-portalocker
  PYTHONPATH=/path/to/sacrebleu-checkout /usr/bin/python3 bench/bleu/compare_sacrebleu.py [--seed 20261122] [--cases 400]
"""
import argparse, json, random, sys
import sacrebleu
from sacrebleu.metrics import BLEU

WORDS = ("the a an cat dog sat on mat There is was it be to of and in that have I for not with "
         "he as you do at this but his by from they we say her she or will my one all would "
         "Haus Straße Öl naïve café Zürich über Ärger 东京 日本語 中文 😀 — – … « » „ “ ” ‘ ’ "
         "3.5 1,000 10-20 2024 -5 U.S. e.g. don't it's &quot; &amp; &lt; &gt; <skipped> "
         "( ) [ ] { } , . ! ? ; : \" ' / \\ @ # $ % ^ * + = ~ ` | _ -- - x-ray 4-door 7.0. $5 5% "
         "The THE Cat DOG ΣΊΣΥΦΟΣ Σίσυφος İstanbul").split()

def sentence(rng, lo=0, hi=14):
    n = rng.randint(lo, hi)
    glue = rng.choice([" ", " ", " ", "", "  "])
    toks = [rng.choice(WORDS) for _ in range(n)]
    s = glue.join(toks) if glue else " ".join(toks)
    if rng.random() < 0.1:
        s += rng.choice([" ", "\t", "  ", "\u00a0"])
    return s

def perturb(rng, ref):
    toks = ref.split()
    out = []
    for t in toks:
        r = rng.random()
        if r < 0.15: continue
        if r < 0.3: out.append(rng.choice(WORDS)); continue
        out.append(t)
        if rng.random() < 0.1: out.append(rng.choice(WORDS))
    return " ".join(out)

def make_case(rng, idx):
    tok = rng.choice(["13a", "13a", "intl", "char", "none"])
    smooth = rng.choice(["exp", "floor", "add-k", "none"])
    smooth_value = None
    if smooth in ("floor", "add-k") and rng.random() < 0.5:
        smooth_value = rng.choice([0.01, 0.1, 0.5, 1, 2])
    cfg = dict(tokenize=tok, lowercase=rng.random() < 0.3, smooth_method=smooth,
               smooth_value=smooth_value, effective_order=rng.random() < 0.3,
               max_ngram_order=rng.choice([4, 4, 4, 2, 3, 5]))
    nseg = rng.randint(1, 12)
    nrefs = rng.choice([1, 1, 2, 3])
    refs = [[None] * nseg for _ in range(nrefs)]
    hyps = []
    for i in range(nseg):
        base = sentence(rng)
        for r in range(nrefs):
            refs[r][i] = base if r == 0 else perturb(rng, base) if rng.random() < 0.7 else sentence(rng)
        if nrefs > 1 and rng.random() < 0.15:
            refs[rng.randrange(1, nrefs)][i] = None  # fewer references for this segment
        hyps.append(perturb(rng, base) if rng.random() < 0.85 else sentence(rng, 0, 3))
    kind = "sentence" if nseg == 1 and rng.random() < 0.5 else "corpus"
    return dict(id=idx, kind=kind, config=cfg, hyps=hyps, refs=refs)

EDGE = [
    # Papineni et al. 2002 examples
    dict(kind="corpus", config={}, hyps=["the the the the the the the"],
         refs=[["The cat is on the mat."], ["There is a cat on the mat."]]),
    dict(kind="corpus", config={"smooth_method": "none"},
         hyps=["It is a guide to action which ensures that the military always obeys the commands of the party."],
         refs=[["It is a guide to action that ensures that the military will forever heed Party commands."],
               ["It is the guiding principle which guarantees the military forces always being under the command of the Party."],
               ["It is the practical guide for the army always to heed the directions of the party."]]),
    dict(kind="corpus", config={}, hyps=[""], refs=[["a b c"]]),
    dict(kind="corpus", config={}, hyps=["a b c"], refs=[[""]]),
    dict(kind="corpus", config={}, hyps=["", ""], refs=[["", ""]]),
    dict(kind="corpus", config={}, hyps=["x y z"], refs=[["a b c"]]),
    dict(kind="corpus", config={"smooth_method": "none"}, hyps=["a b"], refs=[["a b c d"]]),
    dict(kind="corpus", config={"effective_order": True}, hyps=["a b"], refs=[["a b c d"]]),
    dict(kind="sentence", config={}, hyps=["a b"], refs=[["a b c d"]]),
    dict(kind="corpus", config={}, hyps=["a b c d e"], refs=[["a b c d"], ["a b c d e f"]]),  # BP tie -> shorter
    dict(kind="corpus", config={}, hyps=["It costs $5.50, or 1,000.5 yen - i.e. 10-20%."],
         refs=[["It costs $ 5.50 , or 1,000.5 yen - i.e. 10 - 20 %."]]),
    dict(kind="corpus", config={"tokenize": "intl"}, hyps=["«Bonjour», dit-il… 3.14! 東京で"],
         refs=[["« Bonjour » , dit-il … 3.14 ! 東京 で"]]),
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

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--cases", type=int, default=400)
    ap.add_argument("--out", default="metrics/src/test/resources/org/seqlab/metrics/sacrebleu_cases.json")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    cases = [dict(id=f"edge{i}", **c) for i, c in enumerate(EDGE)]
    cases += [make_case(rng, f"rand{i}") for i in range(a.cases)]
    for c in cases:
        c["expected"] = score_case(c)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(dict(generator="bench/bleu/compare_sacrebleu.py", seed=a.seed,
                       sacrebleu_version=sacrebleu.__version__, cases=cases), f, ensure_ascii=False, indent=0)
    print(f"wrote {len(cases)} cases scored by sacreBLEU {sacrebleu.__version__} to {a.out}")

if __name__ == "__main__":
    main()

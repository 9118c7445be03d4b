#!/usr/bin/env python3
"""Retrofits word2vec-binary vectors to WordNet (Faruqui et al. 2015): every vocabulary word that
shares a synset with other vocabulary words is pulled towards them, q_i = (v_i + mean_j q_j) / 2,
ten sweeps, alpha 1 and beta 1/degree as in the paper. An experiment for the emojify figures (it
lowered them, see bench/results/sentiment/emojify-retrofit-wordnet.log), kept so it can be rerun.
RELATIONS: syn (synonyms: lemmas of one synset) or sim (also adjective "similar to" and "also see").
Needs numpy and the WordNet 3.0 database (Debian: apt-get install wordnet-base -> /usr/share/wordnet).
Usage: bench/sentiment/retrofit_wordnet.py IN.bin OUT.bin [syn|sim] [WORDNET_DIR]
"""
import collections
import os
import sys

import numpy as np

if len(sys.argv) < 3:
    sys.exit(__doc__)
src, dst = sys.argv[1], sys.argv[2]
relations = sys.argv[3] if len(sys.argv) > 3 else "syn"
wordnet = sys.argv[4] if len(sys.argv) > 4 else "/usr/share/wordnet"
if relations not in ("syn", "sim"):
    sys.exit(f"retrofit_wordnet.py: RELATIONS must be syn or sim, got {relations}")
if not os.path.exists(os.path.join(wordnet, "data.noun")):
    sys.exit(f"retrofit_wordnet.py: {wordnet}/data.noun is missing (apt-get install wordnet-base, or pass WORDNET_DIR)")

with open(src, "rb") as f:
    n, d = map(int, f.readline().split())
    words, vecs = [], np.zeros((n, d), dtype=np.float32)
    for i in range(n):
        w = bytearray()
        while (c := f.read(1)) != b" ":
            if not c:
                sys.exit(f"retrofit_wordnet.py: {src} ends inside word {i} of {n}")
            if c != b"\n":
                w += c
        words.append(w.decode("utf-8"))
        row = f.read(4 * d)
        if len(row) != 4 * d:
            sys.exit(f"retrofit_wordnet.py: {src} ends inside the vector of {words[-1]!r} (word {i} of {n})")
        vecs[i] = np.frombuffer(row, dtype="<f4")
index = {w: i for i, w in enumerate(words)}

# data.<pos> lines: offset lex_filenum ss_type w_cnt(hex) [lemma lex_id]... p_cnt [sym offset pos src/tgt]... | gloss
synsets = {}
for pos in ("noun", "verb", "adj", "adv"):
    with open(os.path.join(wordnet, "data." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue  # licence header
            fields = line.split("|")[0].split()
            kind = "a" if fields[2] == "s" else fields[2]
            count = int(fields[3], 16)
            lemmas = [fields[4 + 2 * k].lower().split("(")[0] for k in range(count)]
            p = 4 + 2 * count
            pointers = [(fields[p + 1 + 4 * k], fields[p + 2 + 4 * k], "a" if fields[p + 3 + 4 * k] == "s" else fields[p + 3 + 4 * k])
                        for k in range(int(fields[p]))]
            synsets[(fields[0], kind)] = (lemmas, pointers)

neighbours = collections.defaultdict(set)
for lemmas, pointers in synsets.values():
    present = [w for w in lemmas if w in index]
    related = set(present)
    if relations == "sim":
        for symbol, offset, kind in pointers:
            if symbol in ("&", "^") and (offset, kind) in synsets:
                related |= {w for w in synsets[(offset, kind)][0] if w in index}
    for w in present:
        neighbours[index[w]] |= {index[v] for v in related if v != w}
edges = {i: sorted(js) for i, js in neighbours.items() if js}
print(f"{len(edges)} of {n} words have WordNet neighbours ({relations}), {sum(map(len, edges.values()))} edges", file=sys.stderr)

q = vecs.copy()
for _ in range(10):
    for i, js in edges.items():
        q[i] = (vecs[i] + q[js].mean(0)) / 2
tmp = dst + ".tmp"
with open(tmp, "wb") as f:
    f.write(f"{n} {d}\n".encode())
    for i, w in enumerate(words):
        f.write(w.encode("utf-8") + b" " + q[i].astype("<f4").tobytes() + b"\n")
os.replace(tmp, dst)

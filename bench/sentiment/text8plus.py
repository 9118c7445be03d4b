#!/usr/bin/env python3
"""Writes a word2vec training corpus: text8 followed by REPEAT copies of the English sentences of
eng-fra (Tatoeba, everyday speech) and of the Multi30k English training captions, one sentence per
line, tokenised like seqlab's sentiment examples (TextTokens: lower-cased runs of letters and digits
with an apostrophe suffix kept; any other non-space character a token of its own).
text8 has few conversational words; the extra 1.4M tokens (per copy) supply them. No labels and no
sentiment data are read, so vectors trained on it can be used with any sentiment split.
Usage: bench/sentiment/text8plus.py DATA_DIR OUT.txt REPEAT
"""
import gzip
import os
import re
import sys
import zipfile

TOKEN = re.compile(r"[^\W_]+(?:'[^\W\d_]+)?|'[^\W\d_]+|[^\s\w]|_")

if len(sys.argv) != 4:
    sys.exit(__doc__)
data, out, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
need = [os.path.join(data, p) for p in ("text8/text8.zip", "eng-fra/fra.txt", "multi30k/raw/train.en.gz")]
for p in need:
    if not os.path.exists(p):
        sys.exit(f"text8plus.py: {p} is missing (DATA_DIR must be the shared data folder)")
with zipfile.ZipFile(need[0]) as z:
    text8 = z.read(z.namelist()[0]).decode("utf-8").strip()
with open(need[1], encoding="utf-8") as f:
    english = [line.split("\t")[0] for line in f]
with gzip.open(need[2], "rt", encoding="utf-8") as f:
    english += list(f)
extra = [" ".join(TOKEN.findall(s.lower())) for s in english]
tmp = out + ".tmp"
with open(tmp, "w", encoding="utf-8") as f:
    f.write(text8 + "\n")
    for _ in range(repeat):
        for s in extra:
            f.write(s + "\n")
os.replace(tmp, out)
n = sum(len(s.split()) for s in extra)
print(f"{out}: text8 {len(text8.split()):,} tokens + {repeat} x {n:,} tokens from {len(extra):,} English sentences")

#!/usr/bin/env python3
"""Trains gensim 4.2 skip-gram (Debian python3-gensim) on a text8-format corpus, the reference side of
bench/embeddings/run.sh. The corpus is fed as gensim's own Text8Corpus iterable (pseudo-sentences of
10,000 words): `corpus_file=` on a one-line file silently trains on only its first 40,000 words.

Writes the vectors (word2vec binary) and a JSON with timings. Training time covers model.train()
only (vocabulary building is timed separately), and words/s counts in-vocabulary words before
subsampling, the same definition seqlab's `embeddings train --stats-json` uses.
"""
import argparse, json, logging, os, sys, time, zipfile

from gensim.models import Word2Vec
from gensim.models.word2vec import Text8Corpus


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True, help="text8-format file or single-entry zip")
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--window", type=int, default=5)
    ap.add_argument("--negative", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--sample", type=float, default=1e-4)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    logging.basicConfig(format="%(asctime)s gensim %(message)s", level=logging.INFO, stream=sys.stderr)

    t0 = time.time()
    path = a.corpus
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            (name,) = z.namelist()
            z.extract(name, a.workdir)
            path = os.path.join(a.workdir, name)
    sentences = Text8Corpus(path)  # 10,000-word chunks, re-read every epoch
    model = Word2Vec(vector_size=a.dim, window=a.window, negative=a.negative, hs=0, sg=1, min_count=a.min_count,
                     sample=a.sample, workers=a.threads, seed=a.seed, alpha=0.025, min_alpha=0.0001)
    model.build_vocab(sentences)
    t1 = time.time()
    words = int(sum(int(model.wv.get_vecattr(w, "count")) for w in model.wv.index_to_key))
    model.train(sentences, total_examples=model.corpus_count, epochs=a.epochs)
    t2 = time.time()
    model.wv.save_word2vec_format(a.out, binary=True)
    t3 = time.time()
    stats = {"tool": "gensim", "version": __import__("gensim").__version__, "threads": a.threads,
             "vocab": len(model.wv.index_to_key), "dim": a.dim, "encode_seconds": t1 - t0,
             "train_seconds": t2 - t1, "train_words": words * a.epochs, "write_seconds": t3 - t2,
             "total_seconds": t3 - t0}
    with open(a.stats, "w", encoding="utf-8") as f:
        json.dump(stats, f)
    if path != a.corpus:
        os.remove(path)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Scores a vectors file with gensim's own evaluators, the same protocol for every tool: Google
analogies (questions-words.txt, restrict_vocab=30000, 3CosAdd, OOV questions skipped) and Spearman
rho on WordSim353 (and SimLex-999). Prints one JSON object."""
import argparse, json, logging, os

from gensim.models import KeyedVectors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vectors", required=True)
    ap.add_argument("--format", choices=["w2v-bin", "w2v-text", "glove"], default="w2v-bin")
    ap.add_argument("--data", required=True, help="directory with questions-words.txt, wordsim353.tsv, simlex999.txt")
    ap.add_argument("--restrict", type=int, default=30000)
    a = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    kv = KeyedVectors.load_word2vec_format(a.vectors, binary=a.format == "w2v-bin", no_header=a.format == "glove")
    score, sections = kv.evaluate_word_analogies(os.path.join(a.data, "questions-words.txt"), restrict_vocab=a.restrict)
    by_name = {s["section"]: (len(s["correct"]), len(s["correct"]) + len(s["incorrect"])) for s in sections}
    semantic = [n for n in by_name if not n.startswith("gram") and n != "Total accuracy"]
    sem_c = sum(by_name[n][0] for n in semantic)
    sem_t = sum(by_name[n][1] for n in semantic)
    syn_c = sum(by_name[n][0] for n in by_name if n.startswith("gram"))
    syn_t = sum(by_name[n][1] for n in by_name if n.startswith("gram"))
    out = {"analogy_total": score, "analogy_semantic": sem_c / max(1, sem_t), "analogy_syntactic": syn_c / max(1, syn_t),
           "analogy_questions": by_name["Total accuracy"][1], "restrict_vocab": a.restrict}
    for name, file in [("wordsim353", "wordsim353.tsv"), ("simlex999", "simlex999.txt")]:
        p = os.path.join(a.data, file)
        if os.path.exists(p):
            pearson, spearman, oov = kv.evaluate_word_pairs(p)
            out[name + "_spearman"] = float(spearman[0])
            out[name + "_oov_percent"] = float(oov)
    print(json.dumps(out))


if __name__ == "__main__":
    main()

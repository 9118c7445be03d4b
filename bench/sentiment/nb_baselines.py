#!/usr/bin/env python3
"""Bag-of-n-gram baselines on rt-polarity, 10-fold cross-validation, for orientation next to
seqlab's sentiment models: multinomial naive Bayes on binarised n-grams (1..ORDER), L2 logistic
regression on naive-Bayes-scaled features, and NBSVM (Wang and Manning 2012: an L2-regularised
squared-hinge SVM on the same features, C in {0.1, 1}, its weights interpolated towards their mean
magnitude with beta 0.25, or not, beta 1). Wang and Manning report 79.0 (MNB) and 79.4 (NBSVM) with bigrams.
Folds: the sentences shuffled by Python's random.Random(SEED), every 10th to a fold (not the same
folds as seqlab's DataSplit). Needs numpy and scipy (Debian: python3-numpy python3-scipy).
Usage: bench/sentiment/nb_baselines.py [DATA_DIR (default ../shared/data/sentiment/rt-polarity)] [SEED] [ORDER (2)]
"""
import collections
import os
import random
import sys

import numpy as np
import scipy.sparse as sp
from scipy.optimize import minimize

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../shared/data/sentiment/rt-polarity")
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
order_n = int(sys.argv[3]) if len(sys.argv) > 3 else 2
if not os.path.exists(os.path.join(root, "rt-polarity.pos")):
    sys.exit(f"nb_baselines.py: {root}/rt-polarity.pos is missing (pass the rt-polarity folder)")


def lines(name):
    with open(os.path.join(root, name), encoding="latin-1") as f:
        return [l.strip() for l in f]


pos, neg = lines("rt-polarity.pos"), lines("rt-polarity.neg")
y = np.array([1] * len(pos) + [0] * len(neg), dtype=float)


def grams(s):
    t = s.lower().split()
    return {" ".join(t[i:i + k]) for k in range(1, order_n + 1) for i in range(len(t) - k + 1)}


feats = [grams(s) for s in pos + neg]
order = list(range(len(feats)))
random.Random(seed).shuffle(order)
folds = [order[i::10] for i in range(10)]
mnb, nblr = [], []
svm = {(c, beta): [] for c in (0.1, 1.0) for beta in (1.0, 0.25)}
for k in range(10):
    test = folds[k]
    held = set(test)
    train = [i for i in order if i not in held]
    vocab = {}
    for i in train:
        for g in feats[i]:
            vocab.setdefault(g, len(vocab))

    def matrix(ids):
        rows, cols = [], []
        for r, i in enumerate(ids):
            for g in feats[i]:
                j = vocab.get(g)
                if j is not None:
                    rows.append(r)
                    cols.append(j)
        return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(ids), len(vocab)))

    a, b = matrix(train), matrix(test)
    ytr, yte = y[train], y[test]
    p = 1 + np.asarray(a[ytr == 1].sum(0)).ravel()
    q = 1 + np.asarray(a[ytr == 0].sum(0)).ravel()
    r = np.log(p / p.sum()) - np.log(q / q.sum())
    prior = np.log(ytr.mean() / (1 - ytr.mean()))
    mnb.append(np.mean(((b @ r + prior) > 0) == (yte == 1)))
    an, bn = a.multiply(r).tocsr(), b.multiply(r).tocsr()
    s = 2 * ytr - 1

    def loss(wb):
        w, c = wb[:-1], wb[-1]
        z = s * (an @ w + c)
        g = -s / (1 + np.exp(z))
        return np.logaddexp(0, -z).sum() + 0.5 * w @ w, np.concatenate([an.T @ g + w, [g.sum()]])

    wb = minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 300}).x
    nblr.append(np.mean(((bn @ wb[:-1] + wb[-1]) > 0) == (yte == 1)))
    for c_reg in (0.1, 1.0):
        def hinge2(wb):
            w, c = wb[:-1], wb[-1]
            m = 1 - s * (an @ w + c)
            act = m > 0
            g = np.where(act, -2 * c_reg * s * m, 0.0)
            return c_reg * (m[act] ** 2).sum() + 0.5 * w @ w, np.concatenate([an.T @ g + w, [g.sum()]])

        wb = minimize(hinge2, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
        for beta in (1.0, 0.25):
            w = (1 - beta) * np.abs(wb[:-1]).mean() + beta * wb[:-1]
            svm[(c_reg, beta)].append(np.mean(((bn @ w + wb[-1]) > 0) == (yte == 1)))
print(f"rt-polarity 10-fold, seed {seed}, {len(feats)} sentences, binary n-grams of order 1..{order_n}")
print(f"{'model':<32}{'mean acc':>10}{'std':>8}")
rows = [("multinomial NB", mnb), ("NB-scaled logistic regression", nblr)]
rows += [(f"NBSVM C={c:g} beta={beta:g}", acc) for (c, beta), acc in svm.items()]
for name, acc in rows:
    print(f"{name:<32}{100 * np.mean(acc):>9.2f}%{100 * np.std(acc):>7.2f}")

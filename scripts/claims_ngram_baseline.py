#!/usr/bin/env python3
"""The reference the check-worthiness model is compared with on unseen debates (docs/CLAIMS.md,
"Figures"): a bag-of-n-grams logistic regression, as CheckThat!'s official baseline is, trained
on the same "earlier debates" (CheckThat! 2024 English train, sentence ids up to 29,759) and
scored on the later ones, its threshold chosen on dev as the shipped model's is (best F1 among
thresholds with precision >= 0.87). A measuring aid, not part of the build or of `npm test`:
it needs scikit-learn (`pip install scikit-learn`) and reads the data from ../shared/eval/claims.

    python3 scripts/claims_ngram_baseline.py [DATA_DIR]
"""
import csv
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score

LAST_EARLY_ID = 29759


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [(int(r[0]), r[1], r[2] == "Yes") for r in rows]


def threshold_on_dev(y, p):
    best = (-1.0, 0.5)
    for t in np.unique(p):
        flagged = p >= t
        if flagged.sum() == 0 or precision_score(y, flagged) < 0.87:
            continue
        best = max(best, (f1_score(y, flagged), t))
    return best[1]


def main():
    data = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/eval/claims")
    train, dev = load(data / "ct24_train.tsv"), load(data / "ct24_dev.tsv")
    early = [r for r in train if r[0] <= LAST_EARLY_ID]
    later = [r for r in train if r[0] > LAST_EARLY_ID]
    for name, vectorizer in [
        ("word 1-2-grams, tf-idf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
        ("word unigrams, binary", CountVectorizer(binary=True)),
    ]:
        x = vectorizer.fit_transform([r[1] for r in early])
        model = LogisticRegression(max_iter=2000).fit(x, [r[2] for r in early])
        score = lambda rows: model.predict_proba(vectorizer.transform([r[1] for r in rows]))[:, 1]
        y_dev, y_later = np.array([r[2] for r in dev]), np.array([r[2] for r in later])
        t = threshold_on_dev(y_dev, score(dev))
        p = score(later)
        flagged = p >= t
        print(
            f"{name:24s} later debates  P {precision_score(y_later, flagged):.3f}  R {recall_score(y_later, flagged):.3f}"
            f"  F1 {f1_score(y_later, flagged):.3f}  AP {average_precision_score(y_later, p):.3f}  ({len(later)} sentences)"
        )


if __name__ == "__main__":
    main()

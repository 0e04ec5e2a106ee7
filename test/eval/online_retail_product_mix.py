"""Screens product-mix factors as churn inputs on online_retail, with scikit-learn.

Reads the table and folds `churn-eval.ts --only online_retail --export DIR` writes
(online-retail-folds.csv: the engine's features, label and the fold of each row for fold seeds
42, 1, 2 and 3) and the bundled event file, and scores a logistic regression on the same folds
twice: on the engine's features (standardised, with their signed log1p), and on the same plus
K product-mix factors. The factors come from each customer's purchase lines per product before
the cut-off (log1p of the count, times the product's inverse document frequency, each row
scaled to unit length), projected on the top K right singular vectors of that matrix. The
inverse document frequencies and the singular vectors are fitted on the training folds only.
Prints one Markdown row per K: mean ROC-AUC over the 5 folds, per fold seed, and their mean.

usage (from the repository root): python3 test/eval/online_retail_product_mix.py DIR [K ...]
"""
import csv
import gzip
import sys

import numpy as np
from scipy.sparse import csr_matrix, diags
from scipy.sparse.linalg import svds
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

CUT_OFF = "2011-09-01"
FOLD_SEEDS = (42, 1, 2, 3)
EVENTS = "datasets/online_retail.csv.gz"


def read_table(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    names = [k for k in rows[0] if k not in ("id", "label") and not k.startswith("fold_")]
    features = np.array([[float(r[k]) for k in names] for r in rows])
    labels = np.array([int(r["label"]) for r in rows])
    folds = {s: np.array([int(r[f"fold_{s}"]) for r in rows]) for s in FOLD_SEEDS}
    return [r["id"] for r in rows], features, labels, folds


def purchase_lines(ids):
    """Customers × products: purchase lines before the cut-off (cancellations left out)."""
    row_of = {customer: i for i, customer in enumerate(ids)}
    column_of, counts = {}, {}
    with gzip.open(EVENTS, "rt") as f:
        for event in csv.DictReader(f):
            row = row_of.get(event["customer_id"])
            if row is None or event["occurred_at"] >= CUT_OFF:
                continue
            if event["invoice"].startswith("C") or float(event["quantity"]) <= 0:
                continue
            column = column_of.setdefault(event["stock_code"], len(column_of))
            counts[(row, column)] = counts.get((row, column), 0) + 1
    rows = np.array([k[0] for k in counts])
    columns = np.array([k[1] for k in counts])
    values = np.log1p(np.array(list(counts.values()), dtype=float))
    return csr_matrix((values, (rows, columns)), shape=(len(ids), len(column_of)))


def unit_rows(matrix):
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
    norms[norms == 0] = 1
    return diags(1 / norms) @ matrix


def product_mix(lines, train, k):
    """K factors per customer, fitted on the `train` rows only."""
    document_frequency = np.asarray((lines[train] > 0).sum(axis=0)).ravel()
    idf = np.log(train.sum() / (1 + document_frequency))
    weighted = unit_rows(lines.multiply(idf).tocsr())
    _, _, vt = svds(weighted[train], k=k, random_state=0)
    return weighted @ vt.T


def mean_auc(design, labels, folds, lines=None, k=0):
    by_seed = []
    for assignment in folds.values():
        aucs = []
        for fold in range(5):
            train, test = assignment != fold, assignment == fold
            x = design if k == 0 else np.hstack([design, product_mix(lines, train, k)])
            scaler = StandardScaler().fit(x[train])
            model = LogisticRegression(max_iter=5000).fit(scaler.transform(x[train]), labels[train])
            scores = model.predict_proba(scaler.transform(x[test]))[:, 1]
            aucs.append(roc_auc_score(labels[test], scores))
        by_seed.append(np.mean(aucs))
    return by_seed


def main() -> None:
    directory = sys.argv[1]
    ks = [int(k) for k in sys.argv[2:]] or [10, 20, 30]
    ids, features, labels, folds = read_table(f"{directory}/online-retail-folds.csv")
    design = np.hstack([features, np.sign(features) * np.log1p(np.abs(features))])
    lines = purchase_lines(ids)
    seeds = " | ".join(f"seed {s}" for s in FOLD_SEEDS)
    print(f"| inputs | {seeds} | mean |")
    print("| --- |" + " --- |" * (len(FOLD_SEEDS) + 1))
    for k in [0, *ks]:
        by_seed = mean_auc(design, labels, folds, lines, k)
        name = "the engine's features" if k == 0 else f"the same + {k} product-mix factors"
        cells = " | ".join(f"{auc:.4f}" for auc in by_seed)
        print(f"| {name} | {cells} | {np.mean(by_seed):.4f} |")


if __name__ == "__main__":
    main()

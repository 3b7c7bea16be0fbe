"""Research experiment (issue 18): a LettuceDetect-style token tagger over all-MiniLM-L6-v2.

Input: [CLS] source [SEP] response [SEP], at most `max_length` tokens; the source side is
truncated, the response is kept whole. Labels: 1 for response tokens inside a human-marked
hallucination span, 0 for the other response tokens, -100 for the source and special tokens.
Response-level score: max (or mean of the top-k) hallucination probability over response tokens.

Cross-task protocol on RAGTruth (summary and data-to-text only; QA is never read): train on one
task's 120 training sources, choose epoch, score aggregation and threshold on its 30 dev
sources, then evaluate once on ALL sources of the other task. Not part of the runtime guard;
checkpoints go under /tmp only.

    nice -n 19 timeout 1800 .venv/bin/python -m evaluation.grounding_training.tagger \
        --train data2text --test summary --epochs 2 --out /tmp/tagger-A.json
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from evaluation.grounding_training.data import RAGTRUTH, shared_data, source_text

AGGREGATIONS = ("max", "top3", "top5", "mean")


@dataclass(frozen=True)
class Item:
    task: str
    source_id: str
    context: str
    response: str
    spans: tuple[tuple[int, int], ...]

    @property
    def label(self) -> int:
        return int(bool(self.spans))


def load_task(task: str, data: Path | None = None) -> list[Item]:
    path = (data or shared_data()) / "ragtruth_dev" / RAGTRUTH[task]
    items = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            context = source_text(rec["source"])
            for resp in rec["responses"]:
                spans = tuple((int(s["start"]), int(s["end"])) for s in resp.get("labels") or [])
                items.append(Item(task, str(rec["source_id"]), context, resp["response"], spans))
    return items


def split_sources(items: list[Item], dev_sources: int, seed: int) -> tuple[list[Item], list[Item]]:
    sources = sorted({i.source_id for i in items})
    dev = set(random.Random(seed).sample(sources, dev_sources))
    return [i for i in items if i.source_id not in dev], [i for i in items if i.source_id in dev]


def encode(
    tokenizer: Any, context: str, response: str, spans: tuple[tuple[int, int], ...], max_length: int
) -> dict[str, list[int]]:
    """Token ids and labels; the context is truncated first, the response only if it alone overflows."""
    kwargs: dict[str, Any] = {"max_length": max_length, "return_offsets_mapping": True}
    n_response = len(tokenizer(response, add_special_tokens=False)["input_ids"])
    strategy = "only_first" if n_response + 3 < max_length else "longest_first"
    enc = tokenizer(context, response, truncation=strategy, **kwargs)
    labels = []
    for seq, (start, end) in zip(enc.sequence_ids(), enc["offset_mapping"], strict=True):
        if seq != 1:
            labels.append(-100)
        else:
            labels.append(int(any(s < end and e > start for s, e in spans)))
    return {"input_ids": list(enc["input_ids"]), "token_type_ids": list(enc["token_type_ids"]), "labels": labels}


def collate(batch: list[dict[str, list[int]]]) -> dict[str, Any]:
    import torch

    width = max(len(b["input_ids"]) for b in batch)

    def pad(key: str, fill: int) -> Any:
        return torch.tensor([b[key] + [fill] * (width - len(b[key])) for b in batch])

    mask = torch.tensor([[1] * len(b["input_ids"]) + [0] * (width - len(b["input_ids"])) for b in batch])
    return {
        "input_ids": pad("input_ids", 0),
        "token_type_ids": pad("token_type_ids", 0),
        "attention_mask": mask,
        "labels": pad("labels", -100),
    }


def model_dir() -> Path:
    from core.models import resolve_embed_model_dir
    from core.settings import get_settings

    return resolve_embed_model_dir(get_settings())


def token_probs(model: Any, encoded: list[dict[str, list[int]]], batch_size: int) -> list[np.ndarray]:
    """Per response, the hallucination probability of each response token."""
    import torch

    model.eval()
    out: list[np.ndarray] = []
    with torch.no_grad():
        for i in range(0, len(encoded), batch_size):
            batch = collate(encoded[i : i + batch_size])
            labels = batch.pop("labels")
            probs = torch.softmax(model(**batch).logits, dim=-1)[..., 1]
            for p, lab in zip(probs, labels, strict=True):
                out.append(p[lab != -100].numpy())
    return out


def aggregate(probs: list[np.ndarray], how: str) -> np.ndarray:
    def one(p: np.ndarray) -> float:
        if p.size == 0:
            return 0.0
        if how == "max":
            return float(p.max())
        if how == "mean":
            return float(p.mean())
        k = int(how.removeprefix("top"))
        return float(np.sort(p)[-k:].mean())

    return np.array([one(p) for p in probs])


def metrics(y: np.ndarray, score: np.ndarray, threshold: float) -> dict[str, float]:
    from sklearn.metrics import roc_auc_score

    pred = score >= threshold
    pos, neg = y == 1, y == 0
    tp, fp = int((pred & pos).sum()), int((pred & neg).sum())
    fn, tn = int((~pred & pos).sum()), int((~pred & neg).sum())
    recall = tp / max(tp + fn, 1)
    specificity = tn / max(tn + fp, 1)
    precision = tp / max(tp + fp, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-12)
    auc = float(roc_auc_score(y, score)) if 0 < pos.sum() < len(y) else float("nan")
    return {
        "threshold": float(threshold),
        "balanced_accuracy": (recall + specificity) / 2,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "roc_auc": auc,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }


def best_threshold(y: np.ndarray, score: np.ndarray) -> float:
    """The threshold that maximises balanced accuracy (midpoints between sorted scores)."""
    values = np.unique(score)
    candidates = np.concatenate([[values[0] - 1e-9], (values[:-1] + values[1:]) / 2, [values[-1] + 1e-9]])
    return float(max(candidates, key=lambda t: (metrics(y, score, t)["balanced_accuracy"], -abs(t - 0.5))))


def counts(items: list[Item]) -> dict[str, int]:
    return {
        "sources": len({i.source_id for i in items}),
        "responses": len(items),
        "hallucinated": sum(i.label for i in items),
    }


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--train", choices=sorted(RAGTRUTH), required=True)
    p.add_argument("--test", choices=sorted(RAGTRUTH), required=True)
    p.add_argument("--epochs", type=float, default=1.5)
    p.add_argument("--eval-every", type=float, default=0.5, help="dev evaluation every this many epochs")
    p.add_argument("--max-pos-weight", type=float, default=20.0)
    p.add_argument("--max-length", type=int, default=512)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--lr", type=float, default=5e-5)
    p.add_argument("--warmup", type=float, default=0.1)
    p.add_argument("--dev-sources", type=int, default=30)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--time-steps", type=int, default=0, help="only time this many training steps, then stop")
    p.add_argument("--budget-min", type=float, default=25.0, help="stop training after this many minutes")
    p.add_argument("--limit", type=int, default=0, help="smoke test: at most this many responses per set")
    p.add_argument("--ckpt", default="/tmp/ragdesk-tagger")
    p.add_argument("--out", required=True)
    args = p.parse_args(argv)

    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer, get_linear_schedule_with_warmup

    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    t0 = time.perf_counter()

    train_all = load_task(args.train)
    train, dev = split_sources(train_all, args.dev_sources, args.seed)
    test = load_task(args.test)
    if args.limit:  # smoke runs only
        train, dev, test = train[: args.limit], dev[: args.limit], test[: args.limit]
    data_counts = {"train": counts(train), "dev": counts(dev), "test": counts(test)}
    print("counts", json.dumps(data_counts), flush=True)

    directory = model_dir()
    tokenizer = AutoTokenizer.from_pretrained(str(directory), local_files_only=True)
    model = AutoModelForTokenClassification.from_pretrained(str(directory), num_labels=2, local_files_only=True)

    def enc(items: list[Item]) -> list[dict[str, list[int]]]:
        return [encode(tokenizer, i.context, i.response, i.spans, args.max_length) for i in items]

    train_enc, dev_enc = enc(train), enc(dev)
    labels = np.concatenate([np.array(e["labels"]) for e in train_enc])
    n_pos, n_neg = int((labels == 1).sum()), int((labels == 0).sum())
    pos_weight = min(n_neg / max(n_pos, 1), args.max_pos_weight)
    truncated_responses = sum(
        sum(1 for x in e["labels"] if x != -100) < len(tokenizer(i.response, add_special_tokens=False)["input_ids"])
        for e, i in zip(train_enc, train, strict=True)
    )
    token_counts = {
        "positive": n_pos,
        "negative": n_neg,
        "pos_weight": pos_weight,
        "truncated_responses": truncated_responses,
    }
    print("train tokens", json.dumps(token_counts), flush=True)

    loss_fn = torch.nn.CrossEntropyLoss(weight=torch.tensor([1.0, pos_weight], dtype=torch.float), ignore_index=-100)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps_per_epoch = math.ceil(len(train_enc) / args.batch)
    total = round(steps_per_epoch * args.epochs) if not args.time_steps else args.time_steps
    eval_every = max(1, round(steps_per_epoch * args.eval_every))
    scheduler = get_linear_schedule_with_warmup(optimizer, int(args.warmup * total), total)
    rng = random.Random(args.seed)

    history: list[dict[str, Any]] = []
    step_times: list[float] = []
    best: dict[str, Any] | None = None
    ckpt = Path(args.ckpt)
    ckpt.mkdir(parents=True, exist_ok=True)
    y_dev = np.array([i.label for i in dev])
    train_start = time.perf_counter()
    order: list[int] = []
    losses: list[float] = []
    for step in range(1, total + 1):
        if not order:
            order = list(range(len(train_enc)))
            rng.shuffle(order)
        model.train()
        s = time.perf_counter()
        picked, order = order[: args.batch], order[args.batch :]
        batch = collate([train_enc[j] for j in picked])
        target = batch.pop("labels")
        loss = loss_fn(model(**batch).logits.view(-1, 2), target.view(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        step_times.append(time.perf_counter() - s)
        losses.append(loss.item())
        if args.time_steps:
            if step == total:
                timing = {"steps": step_times, "mean_s_excl_first": float(np.mean(step_times[1:] or step_times))}
                print("timing", json.dumps(timing), flush=True)
                Path(args.out).write_text(json.dumps({"timing": timing, "counts": data_counts}, indent=1))
                return
            continue
        if step % 15 == 0:
            print(f"step {step}/{total} loss {np.mean(losses[-15:]):.4f} {step_times[-1]:.2f}s/step", flush=True)
        out_of_budget = (time.perf_counter() - train_start) / 60 > args.budget_min
        if step % eval_every and step != total and not out_of_budget:
            continue
        dev_probs = token_probs(model, dev_enc, 16)
        row: dict[str, Any] = {
            "step": step,
            "epoch": step / steps_per_epoch,
            "train_loss": float(np.mean(losses)),
            "minutes": (time.perf_counter() - train_start) / 60,
        }
        losses = []
        for how in AGGREGATIONS:
            score = aggregate(dev_probs, how)
            row[how] = metrics(y_dev, score, best_threshold(y_dev, score))
        print("dev", json.dumps(row), flush=True)
        history.append(row)
        how = max(AGGREGATIONS, key=lambda h: row[h]["roc_auc"])
        if best is None or row[how]["roc_auc"] > best["dev"]["roc_auc"]:
            best = {"step": step, "epoch": row["epoch"], "aggregation": how, "dev": row[how]}
            torch.save(model.state_dict(), ckpt / "best.pt")
        if out_of_budget:
            print("training budget spent: stopped early", flush=True)
            break
    train_minutes = (time.perf_counter() - train_start) / 60
    assert best is not None
    model.load_state_dict(torch.load(ckpt / "best.pt"))

    test_start = time.perf_counter()
    test_probs = token_probs(model, enc(test), 16)
    y_test = np.array([i.label for i in test])
    score = aggregate(test_probs, best["aggregation"])
    result = {
        "experiment": "grounding tagger, cross-task",
        "train_task": args.train,
        "test_task": args.test,
        "args": vars(args),
        "counts": data_counts,
        "train_tokens": token_counts,
        "step_time_mean_s": float(np.mean(step_times)),
        "history": history,
        "chosen": best,
        "test": metrics(y_test, score, best["dev"]["threshold"]),
        "test_oracle": metrics(y_test, score, best_threshold(y_test, score)),
        "test_other_aggregations_dev_threshold_free_auc": {
            h: metrics(y_test, aggregate(test_probs, h), 0.5)["roc_auc"] for h in AGGREGATIONS
        },
        "train_minutes": train_minutes,
        "test_minutes": (time.perf_counter() - test_start) / 60,
        "total_minutes": (time.perf_counter() - t0) / 60,
    }
    print("test", json.dumps(result["test"]), flush=True)
    print("oracle", json.dumps(result["test_oracle"]), flush=True)
    Path(args.out).write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()

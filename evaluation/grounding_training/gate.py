"""The contradiction gate: when an explicit check's finding is a clear contradiction.

    python -m evaluation.grounding_training.gate [--target 0.95]

On text they were not written against (RAGTruth, HaluEval's training half) the explicit checks
alone are imprecise (rule_precision.py: number mismatches 0.51, negation 0.28). A finding is
therefore a contradiction (withdrawn) only when the verifier does not confirm the claim either:
risk >= the `contradiction` threshold, the lowest at which the gated checks reach the target
precision on out-of-fold development risks. Writes `thresholds.contradiction` and the per-rule
gated precision into core/grounding/model/verifier.json (the weights, and their sha256, are
unchanged)."""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from core.grounding.verifier import DEFAULT_META
from evaluation.grounding_training import train
from evaluation.grounding_training.data import all_examples

FIRINGS = train.CACHE / "rule_firings.jsonl"


def choose(risk: np.ndarray, label: np.ndarray, rules: list[list[str]], target: float) -> dict[str, Any]:
    fired = np.array([bool(r) for r in rules])
    best = None
    for t in np.unique(np.round(risk[fired], 4)):
        m = fired & (risk >= t)
        if m.sum() >= 20 and label[m].mean() >= target:
            best = float(t)
            break
    t = best if best is not None else 1.01
    per_rule: dict[str, Any] = defaultdict(lambda: {"fired": 0, "correct": 0, "gated_fired": 0, "gated_correct": 0})
    for r, rk, y in zip(rules, risk, label, strict=True):
        for name in r:
            per_rule[name]["fired"] += 1
            per_rule[name]["correct"] += int(y)
            if rk >= t:
                per_rule[name]["gated_fired"] += 1
                per_rule[name]["gated_correct"] += int(y)
    out = {}
    for name, v in sorted(per_rule.items()):
        v["precision"] = round(v["correct"] / v["fired"], 3) if v["fired"] else None
        v["gated_precision"] = round(v["gated_correct"] / v["gated_fired"], 3) if v["gated_fired"] else None
        out[name] = v
    m = fired & (risk >= t)
    return {
        "threshold": round(t, 4),
        "gated_fired": int(m.sum()),
        "gated_precision": round(float(label[m].mean()), 4) if m.any() else None,
        "per_rule": out,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--target", type=float, default=0.95)
    parser.add_argument("--meta", type=Path, default=DEFAULT_META)
    args = parser.parse_args(argv)
    meta = json.loads(args.meta.read_text(encoding="utf-8"))
    src = meta["data"]["RAGTruth sources"]
    summary, data2text = (n if n < 150 else 0 for n in (src["summary"], src["data2text"]))
    lines = int(meta.get("halueval_lines", 500))
    sets = all_examples(summary, data2text, lines, meta["seed"])
    if not FIRINGS.is_file():
        from evaluation.grounding_training.rule_precision import measure

        measure(0, summary, data2text, lines, meta["seed"], FIRINGS)
    firings = {(f["response"], f["claim"]): f["rules"] for f in map(json.loads, FIRINGS.read_text().splitlines()) if f}
    cache = train.load_cache()
    names = ["summary", "data2text", "halueval"]
    exs = [e for n in names for e in sets[n]]
    x = np.concatenate([train.featurize(sets[n], None, cache) for n in names])
    y = np.array([e.label for e in exs])
    tasks = np.array([e.task for e in exs])
    groups = np.array([e.group for e in exs])
    risk = train.oof_risk(x, y, tasks, groups, meta["head"], meta["seed"])
    rules = [firings.get((e.response, e.claim), []) for e in exs]
    result = choose(risk, y, rules, args.target)
    meta["thresholds"]["contradiction"] = result["threshold"]
    meta["contradiction_gate"] = {
        "rule": f"an explicit check's finding is withdrawn as a contradiction when the verifier's risk >= "
        f"{result['threshold']} (lowest threshold with gated precision >= {args.target} on out-of-fold "
        "development claims: RAGTruth + HaluEval training half)",
        **result,
    }
    args.meta.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(meta["contradiction_gate"], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

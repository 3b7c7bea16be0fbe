"""The contradiction gate: when an explicit check's finding is a clear contradiction.

    python -m evaluation.grounding_training.gate [--target 0.95]

On text they were not written against (RAGTruth, HaluEval's training half) the explicit checks
alone are imprecise (rule_precision.py: number mismatches 0.51, negation 0.28). A finding is
therefore a contradiction (withdrawn) only when the verifier does not confirm the claim either:
risk >= that check's gate, the lowest threshold at which its gated findings reach the target
precision on out-of-fold development risks. Writes `thresholds.contradiction` ({check: gate}) and
the per-check precision into core/grounding/model/verifier.json (the weights, and their sha256, are
unchanged)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from core.grounding.verifier import DEFAULT_META
from evaluation.grounding_training import train
from evaluation.grounding_training.data import all_examples

FIRINGS = train.CACHE / "rule_firings.jsonl"
# the checks that can contradict (the "unsupported" ones only add reasons once the verifier is on)
CONTRADICTING = {
    "number_mismatch",
    "negation_mismatch",
    "answer_mismatch",
    "faq_polarity_mismatch",
    "only_mismatch",
    "binding_mismatch",
    "state_mismatch",
    "calendar_mismatch",
}
MIN_FIRINGS = 5


def choose(risk: np.ndarray, label: np.ndarray, rules: list[list[str]], target: float) -> dict[str, Any]:
    """Per check: the lowest risk threshold at which its gated findings reach `target` precision
    (at least MIN_FIRINGS of them); a check that never does is not a contradiction at all."""
    out: dict[str, Any] = {}
    for name in sorted({r for rs in rules for r in rs}):
        fired = np.array([name in rs for rs in rules])
        gate = None
        for t in np.unique(np.round(risk[fired], 4)):
            m = fired & (risk >= t)
            if m.sum() >= MIN_FIRINGS and label[m].mean() >= target:
                gate = float(t)
                break
        m = fired & (risk >= gate) if gate is not None else np.zeros_like(fired)
        out[name] = {
            "fired": int(fired.sum()),
            "correct": int(label[fired].sum()),
            "precision": round(float(label[fired].mean()), 3) if fired.any() else None,
            "gate": gate,
            "gated_fired": int(m.sum()),
            "gated_precision": round(float(label[m].mean()), 3) if m.any() else None,
        }
    return out


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
    rules = [[r for r in firings.get((e.response, e.claim), []) if r in CONTRADICTING] for e in exs]
    result = choose(risk, y, rules, args.target)
    meta["thresholds"]["contradiction"] = {k: v["gate"] for k, v in result.items() if v["gate"] is not None}
    meta["contradiction_gate"] = {
        "rule": "a check's finding is withdrawn as a contradiction when the verifier's risk >= that check's gate: "
        f"the lowest threshold at which its gated findings reach precision >= {args.target} (at least "
        f"{MIN_FIRINGS}) on out-of-fold development claims (RAGTruth + HaluEval training half); checks that never "
        "do are not contradictions",
        "per_rule": result,
    }
    args.meta.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(meta["contradiction_gate"], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

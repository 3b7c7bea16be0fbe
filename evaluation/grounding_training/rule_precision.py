"""Precision of each explicit check on text it was not written against.

    python -m evaluation.grounding_training.rule_precision [--limit N]

Runs the guard's explicit checks (numbers, negation, yes/no answers, "only X", weekdays...) over
RAGTruth's summary and data-to-text answers (sentence labels from the human spans) and HaluEval's
training half (answer labels), and prints, per rule, how often it fires and how often the sentence
it fires on is really not supported. The checks read no vectors, so the embedder is replaced by
zeros here (the verifier is off): only the rules' findings are counted. A rule is kept in
GROUNDING_RULES when its precision is >= 0.95 with at least a handful of firings."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from evaluation.grounding_training.data import all_examples


class ZeroEmbedder:
    def __init__(self, dim: int):
        self.dim = dim

    def embed(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        return np.zeros((len(texts), self.dim), dtype=np.float32)


def measure(
    limit: int = 0,
    summary_sources: int = 0,
    data2text_sources: int = 75,
    halueval_lines: int = 500,
    seed: int = 0,
    out: Path | None = None,
) -> dict[str, Any]:
    from core.grounding.checker import GroundingChecker
    from core.settings import get_settings

    settings = get_settings().model_copy(update={"grounding_verifier": False})
    checker = GroundingChecker(settings, embedder=ZeroEmbedder(settings.embed_dim))  # type: ignore[arg-type]
    fired: Counter[str] = Counter()
    right: Counter[str] = Counter()
    per_source: dict[str, Counter[str]] = {}
    sets = all_examples(summary_sources, data2text_sources, halueval_lines, seed)
    firings: list[dict[str, Any]] = []
    for name, examples in sets.items():
        if limit:
            examples = examples[:limit]
        src: Counter[str] = Counter()
        for e in examples:
            question = ""
            rules = sorted(
                {a.rule for a in checker.analyse(question, e.claim, list(e.passages)) if a.checkable and a.rule}
            )
            for rule in rules:
                fired[rule] += 1
                right[rule] += e.label
                src[f"{rule} fired"] += 1
                src[f"{rule} right"] += e.label
            if rules:
                firings.append({"task": e.task, "response": e.response, "claim": e.claim, "rules": rules})
        per_source[name] = src
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n".join(json.dumps(f) for f in firings) + "\n", encoding="utf-8")
    precision = {
        r: {"fired": fired[r], "correct": right[r], "precision": round(right[r] / fired[r], 3)} for r in sorted(fired)
    }
    return {"rules": precision, "per_source": {k: dict(v) for k, v in per_source.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument(
        "--firings",
        type=Path,
        default=Path(__file__).resolve().parents[2] / ".data" / "grounding_training" / "rule_firings.jsonl",
        help="where each firing is written (read by the training recipe to choose the contradiction gate)",
    )
    args = parser.parse_args(argv)
    result = measure(args.limit, out=args.firings)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

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
from typing import Any

import numpy as np

from evaluation.grounding_training.data import all_examples


class ZeroEmbedder:
    def __init__(self, dim: int):
        self.dim = dim

    def embed(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        return np.zeros((len(texts), self.dim), dtype=np.float32)


def measure(limit: int = 0) -> dict[str, Any]:
    from core.grounding.checker import GroundingChecker
    from core.settings import get_settings

    settings = get_settings().model_copy(update={"grounding_verifier": False})
    checker = GroundingChecker(settings, embedder=ZeroEmbedder(settings.embed_dim))  # type: ignore[arg-type]
    fired: Counter[str] = Counter()
    right: Counter[str] = Counter()
    per_source: dict[str, Counter[str]] = {}
    sets = all_examples()
    for name, examples in sets.items():
        if limit:
            examples = examples[:limit]
        src: Counter[str] = Counter()
        for e in examples:
            question = ""
            for a in checker.analyse(question, e.claim, list(e.passages)):
                if a.checkable and a.rule:
                    fired[a.rule] += 1
                    right[a.rule] += e.label
                    src[f"{a.rule} fired"] += 1
                    src[f"{a.rule} right"] += e.label
        per_source[name] = src
    rules = {
        r: {"fired": fired[r], "correct": right[r], "precision": round(right[r] / fired[r], 3)} for r in sorted(fired)
    }
    return {"rules": rules, "per_source": {k: dict(v) for k, v in per_source.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args(argv)
    out = measure(args.limit)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

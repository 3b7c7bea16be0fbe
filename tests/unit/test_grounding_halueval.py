"""The HaluEval loader (skips where ../shared/data is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.grounding import halueval

pytestmark = pytest.mark.skipif(not halueval.available(), reason=f"HaluEval data not found at {halueval.data_file()}")


def test_splits_are_disjoint_halves() -> None:
    train = halueval.load_items("train")
    heldout = halueval.load_items("heldout")
    assert [i for i, _ in train] == list(range(1000))
    assert [i for i, _ in heldout] == list(range(1000, 2000))


def test_cases() -> None:
    both = list(halueval.cases("heldout", "both"))
    assert len(both) == 2000
    assert {c["label"] for c in both} == {"supported", "unsupported"}
    first = both[0]
    assert first["id"] == "halueval-1000-right" and first["passages"] and first["question"]
    protocol = [c["id"] for c in halueval.cases("heldout", "random", seed=0)]
    assert len(protocol) == 1000
    assert protocol == [c["id"] for c in halueval.cases("heldout", "random", seed=0)]  # deterministic
    assert 400 < sum(i.endswith("hallucinated") for i in protocol) < 600


def test_converter_cli(tmp_path: Path) -> None:
    out = tmp_path / "heldout.jsonl"
    assert halueval.main(["--split", "heldout", "--mode", "random", "--out", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 1000 and set(rows[0]) == {"id", "question", "answer", "passages", "label"}

"""The held-out policy claims set: well-formed, big enough, and never edited in place."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from core.datasets import cases_path
from core.grounding.batch import read_cases
from core.settings import REPO_ROOT

POLICY = cases_path("policy_claims_v1", REPO_ROOT / "evaluation" / "datasets")
# Versioned dataset: a changed set is a new version, so this hash never changes.
POLICY_SHA256 = "3a276e5963f761a96d07f550ec0c0f36bc9a2dec8131e80623c02183155da246"


def test_policy_claims_v1_is_frozen() -> None:
    assert hashlib.sha256(POLICY.read_bytes()).hexdigest() == POLICY_SHA256


def test_policy_claims_v1_shape() -> None:
    cases = read_cases(POLICY)  # the batch reader accepts it as it is
    rows = [json.loads(line) for line in POLICY.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(cases) == len(rows) >= 200
    assert len({r["id"] for r in rows}) == len(rows)
    labels = Counter(r["label"] for r in rows)
    assert labels["contradicted"] + labels["unsupported"] >= 100
    assert sum(1 for r in rows if r["label"] == "supported" and r["type"] == "paraphrase") >= 80
    for r in rows:
        assert 1 <= len(r["passages"]) <= 3
        assert all(20 <= len(p.split()) <= 260 for p in r["passages"])
        assert r["answer"] and r["question"]

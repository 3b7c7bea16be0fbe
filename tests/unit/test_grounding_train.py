"""Training recipe pieces: answer records, the guard's flags from them, policy claims, weights."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from core.grounding.classifier import SupportClassifier
from core.grounding.features import FEATURE_NAMES
from evaluation.grounding_training import classifier_train as train
from evaluation.grounding_training import records
from evaluation.grounding_training.records import AnswerRecord, ClaimRecord

N = len(FEATURE_NAMES)


def vec(v: float) -> np.ndarray:
    x = np.zeros(N)
    x[0] = v
    return x


def identity_model(threshold: float = 0.5) -> SupportClassifier:
    """p = sigmoid(10 * (x0 - 0.5)): x0 = 0.9 is supported, 0.1 is not."""
    coef = np.zeros(N)
    coef[0] = 10.0
    return SupportClassifier(FEATURE_NAMES, np.zeros(N), np.ones(N), coef, -5.0, threshold, {})


def answer(label: str, *claims: ClaimRecord, source: str = "policy_claims_v1") -> AnswerRecord:
    return AnswerRecord("a", label, "", source, list(claims))


def test_flags_follow_the_guard() -> None:
    model = identity_model()
    answers = [
        answer("supported", ClaimRecord("ok", None, vec(0.9))),
        answer("unsupported", ClaimRecord("low", None, vec(0.1))),
        # the rule part of "<rule>, so <case>" is supported: the claim is
        answer("supported", ClaimRecord("applied", None, vec(0.1), vec(0.9))),
        answer("contradicted", ClaimRecord("rule", "contradicted", vec(0.9))),
        # a fixed verdict is not the classifier's: an offer stays supported
        answer("supported", ClaimRecord("offer", "supported", vec(0.1)), ClaimRecord("hi", "supported")),
    ]
    flagged = records.flags(answers, records.support(model, answers), model.threshold)
    assert flagged == [False, True, False, True, False]
    assert records.metrics(flagged, [a.gold_flag for a in answers])["f1"] == 1.0


def test_policy_rows_label_claims_from_answers() -> None:
    answers = [
        answer("supported", ClaimRecord("a", None, vec(0.8)), ClaimRecord("offer", "supported", vec(0.2))),
        # an explicit check explains it: nothing to learn
        answer("contradicted", ClaimRecord("b", "contradicted", vec(0.9)), ClaimRecord("c", None, vec(0.3))),
        # one of the two is wrong: the least supported one
        answer("unsupported", ClaimRecord("d", None, vec(0.7)), ClaimRecord("e", None, vec(0.2))),
        answer("unsupported", ClaimRecord("greeting", "supported")),
    ]
    rows = train.policy_rows(answers, identity_model())
    assert [(r.text, r.y, r.domain) for r in rows] == [("a", 1, "policy"), ("e", 0, "policy")]


def test_weights_give_each_domain_its_share() -> None:
    rows = [train.Row(vec(0), y, d, "k") for d, n in (("halueval", 6), ("policy", 3)) for y in (0, 1) for _ in range(n)]
    w = train._weights(rows, {"policy": 0.5})
    policy = np.array([r.domain == "policy" for r in rows])
    assert np.isclose(w.sum(), len(rows))
    assert np.isclose(w[policy].sum() / w.sum(), 0.5 / 1.5)
    assert np.allclose(train._weights(rows), train._weights(rows, {"halueval": 1.0, "policy": 1.0}))


def test_records_round_trip(tmp_path: Path) -> None:
    original = [answer("supported", ClaimRecord("a", None, vec(0.25), vec(0.5)), ClaimRecord("hi", "supported"))]
    path = tmp_path / "r.jsonl"
    records.save(path, original)
    loaded = records.load(path)
    assert loaded[0].claims[1].x is None and loaded[0].claims[1].fixed == "supported"
    x_rule = loaded[0].claims[0].x_rule
    assert x_rule is not None and np.array_equal(x_rule, vec(0.5))
    assert loaded[0].label == "supported" and loaded[0].source == "policy_claims_v1"


def test_policy_sets_are_the_development_sets() -> None:
    assert records.POLICY_SETS == tuple(f"policy_claims_v{i}" for i in range(1, 5))

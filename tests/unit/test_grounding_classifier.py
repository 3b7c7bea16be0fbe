"""The shipped classifier file, and the JSON format."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from core.grounding.classifier import MODEL_PATH, ModelFileError, SupportClassifier, Tree
from core.grounding.features import FEATURE_NAMES


def test_shipped_classifier_loads() -> None:
    model = SupportClassifier.load()
    assert model.features == FEATURE_NAMES
    assert 0.0 < model.threshold < 1.0
    assert "alignment_threshold" in model.meta and "trained_on" in model.meta
    x = np.zeros((3, len(FEATURE_NAMES)))
    x[1, FEATURE_NAMES.index("lex_best")] = 1.0
    p = model.predict_proba(x)
    assert p.shape == (3,) and np.all((p >= 0) & (p <= 1))
    assert MODEL_PATH.stat().st_size < 1_000_000
    assert b"\x80" not in MODEL_PATH.read_bytes()[:2]  # JSON, not a pickle


def test_round_trips(tmp_path: Path) -> None:
    n = len(FEATURE_NAMES)
    logistic = SupportClassifier(
        FEATURE_NAMES, np.zeros(n), np.ones(n), np.arange(n, dtype=float), 0.5, 0.4, {"note": 1}
    )
    tree = Tree(
        np.array([0, -1, -1]),
        np.array([0.5, 0, 0]),
        np.array([1, -1, -1]),
        np.array([2, -1, -1]),
        np.array([0.0, -1.0, 2.0]),
    )
    gbdt = SupportClassifier(
        FEATURE_NAMES, np.zeros(n), np.ones(n), np.zeros(n), 0.0, 0.5, {}, kind="gbdt", learning_rate=0.5, trees=[tree]
    )
    x = np.random.default_rng(0).random((5, n))
    for model in (logistic, gbdt):
        path = model.save(tmp_path / f"{model.kind}.json")
        again = SupportClassifier.load(path)
        assert np.allclose(again.predict_proba(x), model.predict_proba(x), atol=1e-6)
    assert gbdt.raw(np.full((1, n), 0.9))[0] == pytest.approx(1.0)  # right leaf: 0.5 * 2.0


def test_bad_files(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="not found"):
        SupportClassifier.load(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ModelFileError, match="not valid JSON"):
        SupportClassifier.load(tmp_path / "bad.json")
    (tmp_path / "old.json").write_text(
        json.dumps({"features": ["a"], "mean": [0], "scale": [1], "coef": [1], "intercept": 0, "threshold": 0.5}),
        encoding="utf-8",
    )
    with pytest.raises(ModelFileError, match="retrain"):
        SupportClassifier.load(tmp_path / "old.json")

"""The trained support classifier, stored as JSON (no pickle): feature names, threshold and
either a standardised logistic regression ("logistic": mean, scale, coef, intercept) or small
gradient-boosted regression trees ("gbdt": learning rate and node arrays per tree)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from core.grounding.features import FEATURE_NAMES

MODEL_PATH = Path(__file__).resolve().parent / "model" / "support_classifier.json"
_PARAM_KEYS = {"kind", "features", "mean", "scale", "coef", "intercept", "threshold", "learning_rate", "trees"}


class ModelFileError(RuntimeError):
    """The classifier file is missing, malformed, or was trained on other features."""


@dataclass
class Tree:
    feature: np.ndarray  # -1 for a leaf
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray

    def predict(self, x: np.ndarray) -> np.ndarray:
        out = np.empty(len(x))
        for r, row in enumerate(x):
            node = 0
            while self.feature[node] >= 0:
                node = self.left[node] if row[self.feature[node]] <= self.threshold[node] else self.right[node]
            out[r] = self.value[node]
        return out

    def to_json(self) -> dict[str, list[float] | list[int]]:
        return {
            "feature": [int(v) for v in self.feature],
            "threshold": [round(float(v), 6) for v in self.threshold],
            "left": [int(v) for v in self.left],
            "right": [int(v) for v in self.right],
            "value": [round(float(v), 6) for v in self.value],
        }


@dataclass
class SupportClassifier:
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float
    meta: dict[str, Any]
    kind: str = "logistic"
    learning_rate: float = 0.0
    trees: list[Tree] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path | None = None) -> SupportClassifier:
        path = path or MODEL_PATH
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ModelFileError(
                f"grounding classifier not found at {path}; run `python -m evaluation.grounding_training.classifier_train`"
            ) from exc
        except json.JSONDecodeError as exc:
            raise ModelFileError(f"grounding classifier at {path} is not valid JSON: {exc}") from exc
        try:
            model = cls.from_json(data)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise ModelFileError(f"grounding classifier at {path} is malformed: {exc}") from exc
        if model.features != FEATURE_NAMES:
            raise ModelFileError(
                f"grounding classifier at {path} was trained on features {list(model.features)}, the code computes "
                f"{list(FEATURE_NAMES)}; retrain with `python -m evaluation.grounding_training.classifier_train`"
            )
        return model

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SupportClassifier:
        features = tuple(data["features"])
        n = len(features)
        kind = data.get("kind", "logistic")
        meta = {k: v for k, v in data.items() if k not in _PARAM_KEYS}
        if kind == "gbdt":
            trees = [
                Tree(
                    feature=np.asarray(t["feature"], dtype=np.int64),
                    threshold=np.asarray(t["threshold"], dtype=np.float64),
                    left=np.asarray(t["left"], dtype=np.int64),
                    right=np.asarray(t["right"], dtype=np.int64),
                    value=np.asarray(t["value"], dtype=np.float64),
                )
                for t in data["trees"]
            ]
            if any(int(t.feature.max(initial=-1)) >= n for t in trees):
                raise ValueError("a tree uses a feature index outside the feature list")
            zeros = np.zeros(n)
            return cls(
                features,
                zeros,
                np.ones(n),
                zeros,
                float(data.get("intercept", 0.0)),
                float(data["threshold"]),
                meta,
                kind="gbdt",
                learning_rate=float(data["learning_rate"]),
                trees=trees,
            )
        if kind != "logistic":
            raise ValueError(f"unknown classifier kind {kind!r}")
        model = cls(
            features=features,
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            coef=np.asarray(data["coef"], dtype=np.float64),
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
            meta=meta,
        )
        if not (len(model.mean) == len(model.scale) == len(model.coef) == n):
            raise ValueError("vector lengths do not match the feature list")
        return model

    def raw(self, x: np.ndarray) -> np.ndarray:
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        if self.kind == "gbdt":
            return self._forest_raw(x)
        return np.asarray(((x - self.mean) / self.scale) @ self.coef + self.intercept)

    def _forest_raw(self, x: np.ndarray) -> np.ndarray:
        """All trees walked at once (node arrays padded to one table): the same sums as
        `Tree.predict` tree by tree, without a Python loop per tree."""
        key = (id(self.trees), len(self.trees))
        if getattr(self, "_table_key", None) != key:
            width = max((len(t.feature) for t in self.trees), default=1)
            n = len(self.trees)
            feature = np.full((n, width), -1, dtype=np.int64)
            threshold = np.zeros((n, width))
            left = np.zeros((n, width), dtype=np.int64)
            right = np.zeros((n, width), dtype=np.int64)
            value = np.zeros((n, width))
            for i, t in enumerate(self.trees):
                k = len(t.feature)
                feature[i, :k], threshold[i, :k], value[i, :k] = t.feature, t.threshold, t.value
                left[i, :k], right[i, :k] = t.left, t.right
            self._table = (feature, threshold, left, right, value)
            self._table_key = key
        feature, threshold, left, right, value = self._table
        rows = np.arange(len(feature))
        out = np.full(len(x), self.intercept)
        for r, row in enumerate(x):
            node = np.zeros(len(feature), dtype=np.int64)
            while True:
                f = feature[rows, node]
                inner = f >= 0
                if not inner.any():
                    break
                go_left = row[np.where(inner, f, 0)] <= threshold[rows, node]
                node = np.where(inner, np.where(go_left, left[rows, node], right[rows, node]), node)
            out[r] += self.learning_rate * float(value[rows, node].sum())
        return out

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """Probability of `supported` for each row of x (or for a single vector)."""
        return np.asarray(1.0 / (1.0 + np.exp(-self.raw(x))))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "features": list(self.features),
            "threshold": round(self.threshold, 6),
        }
        if self.kind == "gbdt":
            out.update(
                {
                    "intercept": round(self.intercept, 8),
                    "learning_rate": self.learning_rate,
                    "trees": [t.to_json() for t in self.trees],
                }
            )
        else:
            out.update(
                {
                    "mean": [round(float(v), 8) for v in self.mean],
                    "scale": [round(float(v), 8) for v in self.scale],
                    "coef": [round(float(v), 8) for v in self.coef],
                    "intercept": round(self.intercept, 8),
                }
            )
        return {**out, **self.meta}

    def save(self, path: Path | None = None) -> Path:
        path = path or MODEL_PATH
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), separators=(",", ":")) + "\n", encoding="utf-8")
        return path

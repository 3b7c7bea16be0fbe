"""What the guard decides about an answer apart from the classifier, recorded once per answer, so
that many classifiers and thresholds can be scored without running the checker again.

Per sentence: the verdict the checker reaches without the classifier (explicit rules, offers,
situational sentences, sentences that are not claims) or None where the classifier decides, the
claim's feature vector, and the vector of the rule part of "<rule>, so <the customer's case>"
where `GroundingChecker._applied_rule` would consult the classifier a second time. Under a
classifier and threshold t the guard flags an answer iff a sentence has a fixed verdict other than
supported, or the classifier decides it and both its probability and its rule part's (if any)
are under t: `flags` computes this, the same as `GroundingChecker.check` without an LLM judge.

Recording runs the checker with a probe classifier that answers 0 (every undecided claim then
reaches the classifier branches) and keeps the vectors it is asked about.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from core.grounding.claims import answer_sentence_kind, split_sentences
from core.grounding.classifier import SupportClassifier
from core.grounding.features import FEATURE_NAMES

# the hand-labelled development sets (four independent writers); later sets are held out
POLICY_SETS: tuple[str, ...] = ("policy_claims_v1", "policy_claims_v2", "policy_claims_v3", "policy_claims_v4")
_PROBE_THRESHOLD = 0.5


@dataclass
class ClaimRecord:
    text: str
    fixed: str | None  # the verdict reached without the classifier; None: the classifier decides
    x: np.ndarray | None = None  # the claim's features (checkable claims with evidence)
    x_rule: np.ndarray | None = None  # features of the rule part of "<rule>, so <case>"


@dataclass
class AnswerRecord:
    id: str
    label: str  # supported | contradicted | unsupported
    type: str
    source: str  # the data set
    claims: list[ClaimRecord] = field(default_factory=list)

    @property
    def gold_flag(self) -> bool:
        return self.label != "supported"

    @property
    def rule_flag(self) -> bool:
        """Flagged whatever the classifier says."""
        return any(c.fixed not in (None, "supported") for c in self.claims)

    def undecided(self) -> list[ClaimRecord]:
        """The claims whose verdict is the classifier's."""
        return [c for c in self.claims if c.fixed is None and c.x is not None]


@dataclass
class _Probe(SupportClassifier):
    seen: list[np.ndarray] = field(default_factory=list)

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        rows = np.atleast_2d(np.asarray(x, dtype=np.float64))
        self.seen.extend(rows.copy())
        return np.zeros(len(rows))


def probe_classifier() -> SupportClassifier:
    n = len(FEATURE_NAMES)
    return _Probe(FEATURE_NAMES, np.zeros(n), np.ones(n), np.zeros(n), 0.0, _PROBE_THRESHOLD, {})


def make_recorder(threads: int = 1) -> Any:
    """A checker for `record` (probe classifier, no LLM judge)."""
    import torch

    from core.clients import make_embedder
    from core.grounding.checker import GroundingChecker
    from core.settings import get_settings

    torch.set_num_threads(threads)
    settings = get_settings()
    checker = GroundingChecker(settings, embedder=make_embedder(settings), classifier=probe_classifier())
    if checker.judge is not None:
        raise RuntimeError("records are taken without the LLM judge: unset GROUNDING_JUDGE_BASE_URL")
    checker.threshold = _PROBE_THRESHOLD
    return checker


def record(checker: Any, question: str, answer: str, passages: list[str]) -> list[ClaimRecord]:
    """`GroundingChecker.analyse`, sentence by sentence, with the probe's calls per sentence.
    Caches are cleared first (as bench/grounding.py does: each answer is checked cold)."""
    probe = checker.classifier
    assert isinstance(probe, _Probe)
    checker._indexes.clear()
    checker._vectors.clear()
    sentences = list(split_sentences(answer))
    checkable = [s for s in sentences if answer_sentence_kind(s, question) == "claim"]
    index, vectors = checker._embed_claims(passages, checkable, question)
    out = []
    for s in sentences:
        probe.seen.clear()
        a = checker._assess(s, question, index, *vectors.get(s, (None, None, None)))
        low = any(r.startswith("low_support") for r in a.verdict.reasons)
        x = a.evidence.vector() if a.checkable and a.evidence is not None else None
        x_rule = probe.seen[1] if len(probe.seen) > 1 else None
        out.append(ClaimRecord(s, None if low else a.verdict.verdict, x, x_rule))
    return out


def record_cases(checker: Any, cases: Iterable[dict[str, Any]], source: str) -> list[AnswerRecord]:
    return [
        AnswerRecord(
            str(c.get("id", i)),
            c["label"],
            c.get("type", ""),
            source,
            record(checker, c["question"], c["answer"], c["passages"]),
        )
        for i, c in enumerate(cases)
    ]


def support(model: SupportClassifier, records: list[AnswerRecord]) -> list[list[float]]:
    """Per answer, per claim: the classifier's support as the guard uses it (the best of the claim
    and its rule part), 1.0 for claims with a fixed verdict (they are not the classifier's)."""
    xs: list[np.ndarray] = []
    for a in records:
        for c in a.claims:
            if c.fixed is None and c.x is not None:
                xs.append(c.x)
                if c.x_rule is not None:
                    xs.append(c.x_rule)
    p = iter(model.predict_proba(np.stack(xs)).tolist() if xs else [])
    out = []
    for a in records:
        row = []
        for c in a.claims:
            if c.fixed is None and c.x is not None:
                s = next(p)
                row.append(max(s, next(p)) if c.x_rule is not None else s)
            else:
                row.append(1.0)
        out.append(row)
    return out


def flags(records: list[AnswerRecord], supports: list[list[float]], threshold: float) -> list[bool]:
    """The full guard's answer flags at `threshold`."""
    out = []
    for a, s in zip(records, supports, strict=True):
        flagged = a.rule_flag or any(
            c.fixed is None and c.x is not None and v < threshold for c, v in zip(a.claims, s, strict=True)
        )
        out.append(flagged)
    return out


def metrics(flagged: list[bool], gold: list[bool]) -> dict[str, float]:
    """Positive class = not supported."""
    tp = sum(f and g for f, g in zip(flagged, gold, strict=True))
    fp = sum(f and not g for f, g in zip(flagged, gold, strict=True))
    fn = sum(g and not f for f, g in zip(flagged, gold, strict=True))
    tn = len(flagged) - tp - fp - fn
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "n": len(flagged),
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "accuracy": round((tp + tn) / len(flagged), 4) if flagged else 0.0,
    }


def save(path: Path, records: list[AnswerRecord]) -> None:
    def vec(v: np.ndarray | None) -> list[float] | None:
        return None if v is None else [float(t) for t in v]

    rows = [
        {
            "id": a.id,
            "label": a.label,
            "type": a.type,
            "source": a.source,
            "claims": [{"text": c.text, "fixed": c.fixed, "x": vec(c.x), "x_rule": vec(c.x_rule)} for c in a.claims],
        }
        for a in records
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def load(path: Path) -> list[AnswerRecord]:
    def vec(v: list[float] | None) -> np.ndarray | None:
        return None if v is None else np.asarray(v, dtype=np.float64)

    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        claims = [ClaimRecord(c["text"], c["fixed"], vec(c["x"]), vec(c["x_rule"])) for c in r["claims"]]
        out.append(AnswerRecord(r["id"], r["label"], r["type"], r["source"], claims))
    return out

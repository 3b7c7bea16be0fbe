"""Batch checking: JSONL in and out, the summary, and errors that name the bad line."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from core.grounding.batch import BatchInputError, format_summary, read_cases, run_batch
from core.grounding.checker import ClaimVerdict, GroundingResult, Verdict


class FakeChecker:
    """Flags any answer that mentions 45 days (enough to exercise the batch plumbing)."""

    def check(self, question: str, answer: str, passages: list[str]) -> GroundingResult:
        verdict: Verdict = (
            "contradicted" if "45" in answer else ("unsupported" if "discount" in answer else "supported")
        )
        claim = ClaimVerdict(
            answer, verdict, passages[0] if passages else None, 0.9 if verdict == "supported" else 0.1, []
        )
        return GroundingResult(grounded=verdict == "supported", claims=[claim], elapsed_ms=2.0)


def write(path: Path, rows: Sequence[object]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_batch_with_labels(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "question": "q", "answer": "within 30 days", "passages": ["30 days"], "label": "supported"},
        {"id": "b", "question": "q", "answer": "within 45 days", "passages": ["30 days"], "label": "contradicted"},
        {"id": "c", "question": "q", "answer": "a military discount", "passages": ["30 days"], "label": "unsupported"},
        {"id": "d", "question": "q", "answer": "within 45 days", "passages": ["45 days"], "label": "supported"},
        {"question": "q", "answer": "within 30 days", "passages": ["x"]},  # no id, no label
    ]
    out = tmp_path / "out.jsonl"
    summary = run_batch(write(tmp_path / "in.jsonl", rows), out, FakeChecker())
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line.get("id") for line in lines] == ["a", "b", "c", "d", None]
    assert {"grounded", "claims", "elapsed_ms"} <= set(lines[0])
    assert summary["cases"] == 5
    assert summary["verdicts"] == {"supported": 2, "contradicted": 2, "unsupported": 1}
    assert summary["labelled"] == 4
    assert summary["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert summary["recall"] == 1.0
    assert summary["confusion"]["supported"]["contradicted"] == 1
    assert summary["ms_mean"] == 2.0 and summary["ms_p95"] == 2.0
    text = format_summary(summary)
    assert "precision 0.667" in text and "contradicted" in text


def test_malformed_line_names_its_number(tmp_path: Path) -> None:
    good = {"question": "q", "answer": "a", "passages": ["p"]}
    path = write(tmp_path / "in.jsonl", [good, "", "{not json"])
    with pytest.raises(BatchInputError, match="line 3"):
        read_cases(path)
    with pytest.raises(BatchInputError, match="line 2: field 'passages'"):
        read_cases(write(tmp_path / "b.jsonl", [good, {"question": "q", "answer": "a", "passages": "p"}]))
    with pytest.raises(BatchInputError, match="line 1: label"):
        read_cases(write(tmp_path / "c.jsonl", [{**good, "label": "maybe"}]))
    out = tmp_path / "never.jsonl"
    with pytest.raises(BatchInputError):
        run_batch(path, out, FakeChecker())
    assert not out.exists()  # nothing is written before the whole input is valid


def test_summary_without_labels(tmp_path: Path) -> None:
    summary = run_batch(
        write(tmp_path / "in.jsonl", [{"question": "q", "answer": "a", "passages": []}]),
        tmp_path / "o.jsonl",
        FakeChecker(),
    )
    assert "precision" not in summary
    assert "cases: 1" in format_summary(summary)

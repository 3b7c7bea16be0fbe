"""Batch checking: JSONL in (question, answer, passages [, id, label]), JSONL of verdicts out,
and a summary (verdict counts, time per case, and precision/recall/F1 of "not supported" when
labels are given). The CLI's `ragdesk grounding check --in X --out Y` calls `run_batch`."""

from __future__ import annotations

import json
import statistics
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from core.grounding.checker import GroundingResult


class Checker(Protocol):
    """What `run_batch` needs: `GroundingChecker` (or a stand-in in tests)."""

    def check(self, question: str, answer: str, passages: list[str]) -> GroundingResult: ...


LABELS = ("supported", "contradicted", "unsupported")
HEADER = "label \\ predicted"


class BatchInputError(ValueError):
    """A line of the input file is not a valid case; the message names the line number."""


def parse_case(line: str, lineno: int) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BatchInputError(f"line {lineno}: not valid JSON ({exc.msg})") from exc
    if not isinstance(obj, dict):
        raise BatchInputError(f"line {lineno}: expected a JSON object, got {type(obj).__name__}")
    for key in ("question", "answer"):
        if not isinstance(obj.get(key), str):
            raise BatchInputError(f"line {lineno}: field {key!r} must be a string")
    passages = obj.get("passages")
    if not isinstance(passages, list) or not all(isinstance(p, str) for p in passages):
        raise BatchInputError(f"line {lineno}: field 'passages' must be a list of strings")
    label = obj.get("label")
    if label is not None and label not in LABELS:
        raise BatchInputError(f"line {lineno}: label must be one of {', '.join(LABELS)}, got {label!r}")
    return obj


def read_cases(path: Path) -> list[dict[str, Any]]:
    """All cases of a JSONL file; blank lines are allowed, anything else invalid raises."""
    cases = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if line.strip():
                cases.append(parse_case(line, lineno))
    return cases


def answer_verdict(claims: list[dict[str, Any]]) -> str:
    verdicts = {c["verdict"] for c in claims}
    if "contradicted" in verdicts:
        return "contradicted"
    if "unsupported" in verdicts:
        return "unsupported"
    return "supported"


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summarise(predicted: list[str], labels: list[str | None], times_ms: list[float]) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "cases": len(predicted),
        "verdicts": {v: predicted.count(v) for v in LABELS},
        "ms_mean": round(statistics.fmean(times_ms), 2) if times_ms else 0.0,
        "ms_p50": round(_percentile(times_ms, 0.5), 2),
        "ms_p95": round(_percentile(times_ms, 0.95), 2),
    }
    labelled = [(p, t) for p, t in zip(predicted, labels, strict=True) if t is not None]
    if labelled:
        tp = sum(1 for p, t in labelled if p != "supported" and t != "supported")
        fp = sum(1 for p, t in labelled if p != "supported" and t == "supported")
        fn = sum(1 for p, t in labelled if p == "supported" and t != "supported")
        tn = sum(1 for p, t in labelled if p == "supported" and t == "supported")
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        confusion = Counter((t, p) for p, t in labelled)
        summary.update(
            {
                "labelled": len(labelled),
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "f1": round(f1, 4),
                "accuracy": round((tp + tn) / len(labelled), 4),
                "confusion": {t: {p: confusion[(t, p)] for p in LABELS} for t in LABELS},
            }
        )
    return summary


def run_batch(in_path: Path, out_path: Path, checker: Checker) -> dict[str, Any]:
    """Check every case of `in_path`, write one verdict per line to `out_path`, return the summary.
    The input is validated completely before anything is checked or written."""
    cases = read_cases(Path(in_path))
    predicted: list[str] = []
    labels: list[str | None] = []
    times: list[float] = []
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8") as fh:
        for case in cases:
            result = checker.check(case["question"], case["answer"], case["passages"])
            row: dict[str, Any] = {}
            if "id" in case:
                row["id"] = case["id"]
            row.update(result.to_dict())
            verdict = answer_verdict(row["claims"])
            row["verdict"] = verdict
            if case.get("label") is not None:
                row["label"] = case["label"]
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            predicted.append(verdict)
            labels.append(case.get("label"))
            times.append(result.elapsed_ms)
    return summarise(predicted, labels, times)


def format_summary(summary: dict[str, Any]) -> str:
    """A human-readable table of a summary from `run_batch`."""
    lines = [
        f"cases: {summary['cases']}",
        "answer verdicts: " + ", ".join(f"{k} {v}" for k, v in summary["verdicts"].items()),
        f"time per case: mean {summary['ms_mean']:.1f} ms, p50 {summary['ms_p50']:.1f} ms, p95 {summary['ms_p95']:.1f} ms",
    ]
    if "precision" in summary:
        lines += [
            f"not-supported detection ({summary['labelled']} labelled): precision {summary['precision']:.3f}, "
            f"recall {summary['recall']:.3f}, F1 {summary['f1']:.3f}, accuracy {summary['accuracy']:.3f}",
            "",
            f"{HEADER:<20}" + "".join(f"{p:>14}" for p in LABELS),
        ]
        for t in LABELS:
            lines.append(f"{t:<20}" + "".join(f"{summary['confusion'][t][p]:>14}" for p in LABELS))
    return "\n".join(lines)

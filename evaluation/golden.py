"""Golden questions: the versioned JSONL format and how a retrieved section is matched to gold.

One line per question:

    {"id", "question", "expected_answer", "gold": [{"doc_id", "section"}], "answerable", "category", "kind"}

Each gold entry is one section the answer needs. A retrieved chunk matches a gold entry when its
doc_id is equal and its section equals the gold section or lies below it (starts with it + " > ").
A question may also carry `gold_groups`: alternatives, any one of which satisfies a needed
section (the E-Manual set, whose titles are not unique, is built that way in memory).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class GoldRef:
    doc_id: str
    section: str = ""

    def matches(self, doc_id: str, section: str) -> bool:
        if doc_id != self.doc_id:
            return False
        return section == self.section or (bool(self.section) and section.startswith(self.section + " > "))

    @property
    def label(self) -> str:
        return f"{self.doc_id}#{self.section}" if self.section else self.doc_id


@dataclass
class GoldenQuestion:
    id: str
    question: str
    expected_answer: str = ""
    gold_groups: list[list[GoldRef]] = field(default_factory=list)  # each group: alternatives for one needed section
    answerable: bool = True
    category: str = ""
    kind: str = ""
    key_facts: list[str] = field(default_factory=list)  # written by the set's author; else derived by the scorer

    @property
    def gold_refs(self) -> list[GoldRef]:
        return [ref for group in self.gold_groups for ref in group]

    @property
    def has_gold(self) -> bool:
        return bool(self.gold_groups)

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> GoldenQuestion:
        groups = [[GoldRef(str(g["doc_id"]), str(g.get("section") or ""))] for g in row.get("gold") or []]
        if row.get("gold_groups"):
            groups = [
                [GoldRef(str(g["doc_id"]), str(g.get("section") or "")) for g in grp] for grp in row["gold_groups"]
            ]
        answerable = row.get("answerable")
        return cls(
            id=str(row["id"]),
            question=str(row["question"]),
            expected_answer=str(row.get("expected_answer") or ""),
            gold_groups=groups,
            answerable=bool(answerable) if answerable is not None else bool(groups),
            category=str(row.get("category") or ""),
            kind=str(row.get("kind") or ""),
            key_facts=[str(f) for f in row.get("key_facts") or []],
        )

    def to_json(self) -> dict[str, Any]:
        row: dict[str, Any] = {
            "id": self.id,
            "question": self.question,
            "expected_answer": self.expected_answer,
            "gold": [{"doc_id": g[0].doc_id, "section": g[0].section} for g in self.gold_groups],
            "answerable": self.answerable,
            "category": self.category,
            "kind": self.kind,
        }
        if self.key_facts:
            row["key_facts"] = self.key_facts
        if any(len(g) > 1 for g in self.gold_groups):
            row["gold_groups"] = [[{"doc_id": r.doc_id, "section": r.section} for r in g] for g in self.gold_groups]
        return row


class DatasetError(ValueError):
    """A golden file that cannot be read; the message says which line and why."""


def load_golden(path: Path) -> list[GoldenQuestion]:
    if not path.is_file():
        raise DatasetError(f"golden dataset {path} does not exist")
    questions: list[GoldenQuestion] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            question = GoldenQuestion.from_json(json.loads(line))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise DatasetError(f"{path.name} line {number}: {exc}") from exc
        if question.id in seen:
            raise DatasetError(f"{path.name} line {number}: duplicate id {question.id!r}")
        seen.add(question.id)
        questions.append(question)
    return questions


def write_golden(path: Path, questions: list[GoldenQuestion]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(q.to_json(), ensure_ascii=False) for q in questions]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()

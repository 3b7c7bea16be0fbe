"""User feedback on answers: thumbs up (+1) or down (-1) with an optional comment.

Stored in the `feedback` table of the project database (settings.resolved_docstore_url), shown in
MLflow as a satisfaction rate by every demo evaluation run, and exportable as candidate golden
questions (thumbs-down questions in the golden format, gold left empty for a person to fill in).

    engine = feedback_engine(settings)
    record_feedback(engine, answer_id="...", rating=-1, question="...", answer="...", comment="wrong number")
    satisfaction_rate(engine).rate
    export_candidates(engine, Path("evaluation/datasets/candidates.jsonl"))
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Float, Integer, String, Text, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from core.db import Base, make_engine, upgrade
from core.settings import Settings

MAX_ID_CHARS = 128
MAX_TEXT_CHARS = 20000


class FeedbackRow(Base):
    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    answer_id: Mapped[str] = mapped_column(String(MAX_ID_CHARS), index=True)
    question: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    rating: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    citations: Mapped[Any] = mapped_column(JSON, default=list)
    created_at: Mapped[float] = mapped_column(Float, index=True)
    # the pseudonym of the user who gave it (the user the answer went to); "" before migration 0005
    user_hash: Mapped[str] = mapped_column(String(16), index=True, default="")


class FeedbackError(ValueError):
    """Feedback that cannot be stored; the message is meant for the caller."""


@dataclass(frozen=True)
class Feedback:
    id: int
    answer_id: str
    question: str
    answer: str
    rating: int
    comment: str
    citations: list[dict[str, Any]]
    created_at: float
    user_hash: str = ""

    @classmethod
    def from_row(cls, row: FeedbackRow) -> Feedback:
        return cls(
            row.id,
            row.answer_id,
            row.question,
            row.answer,
            row.rating,
            row.comment,
            list(row.citations or []),
            row.created_at,
            row.user_hash or "",
        )


@dataclass(frozen=True)
class Satisfaction:
    up: int
    down: int

    @property
    def total(self) -> int:
        return self.up + self.down

    @property
    def rate(self) -> float | None:
        return self.up / self.total if self.total else None


@lru_cache(maxsize=8)
def _engine_for(url: str) -> Engine:
    return make_engine(url)


def feedback_engine(settings: Settings) -> Engine:
    """The project database (migrated to the newest schema)."""
    return _engine_for(settings.resolved_docstore_url)


def ensure_table(engine: Engine) -> None:
    upgrade(engine)


def record_feedback(
    engine: Engine,
    *,
    answer_id: str,
    rating: int,
    question: str = "",
    answer: str = "",
    comment: str = "",
    citations: list[dict[str, Any]] | None = None,
    max_comment_chars: int = 2000,
    user_hash: str = "",
) -> Feedback:
    """Store one rating (+1 or -1) by the user `user_hash` (the API checks that the answer went
    to that user). Raises `FeedbackError` for a bad rating, an empty answer id or a comment over
    `max_comment_chars` (FEEDBACK_MAX_COMMENT_CHARS)."""
    if isinstance(rating, bool) or rating not in (1, -1):
        raise FeedbackError("rating must be 1 (thumbs up) or -1 (thumbs down)")
    answer_id = (answer_id or "").strip()
    if not answer_id or len(answer_id) > MAX_ID_CHARS:
        raise FeedbackError(f"answer_id must be 1 to {MAX_ID_CHARS} characters")
    comment = (comment or "").strip()
    if len(comment) > max_comment_chars:
        raise FeedbackError(f"the comment is {len(comment)} characters long; the limit is {max_comment_chars}")
    row = FeedbackRow(
        answer_id=answer_id,
        question=(question or "")[:MAX_TEXT_CHARS],
        answer=(answer or "")[:MAX_TEXT_CHARS],
        rating=rating,
        comment=comment,
        citations=list(citations or []),
        created_at=time.time(),
        user_hash=user_hash,
    )
    ensure_table(engine)
    with Session(engine) as session, session.begin():
        session.add(row)
        session.flush()
        stored = Feedback.from_row(row)
    return stored


def user_feedback(engine: Engine, user_hash: str, limit: int = 50) -> list[Feedback]:
    """The feedback one user gave, newest first."""
    ensure_table(engine)
    query = (
        select(FeedbackRow)
        .where(FeedbackRow.user_hash == user_hash)
        .order_by(FeedbackRow.created_at.desc(), FeedbackRow.id.desc())
        .limit(limit)
    )
    with Session(engine) as session:
        return [Feedback.from_row(row) for row in session.scalars(query)]


def satisfaction_rate(source: Engine | Settings, since: float | None = None) -> Satisfaction:
    """Thumbs up and down counted (optionally only those after `since`, a Unix time)."""
    engine = feedback_engine(source) if isinstance(source, Settings) else source
    ensure_table(engine)
    query = select(FeedbackRow.rating, func.count()).group_by(FeedbackRow.rating)
    if since is not None:
        query = query.where(FeedbackRow.created_at >= since)
    with Session(engine) as session:
        counts = dict(session.execute(query).tuples().all())
    return Satisfaction(up=int(counts.get(1, 0)), down=int(counts.get(-1, 0)))


def list_feedback(engine: Engine, rating: int | None = None, limit: int = 1000) -> list[Feedback]:
    ensure_table(engine)
    query = select(FeedbackRow).order_by(FeedbackRow.id)
    if rating is not None:
        query = query.where(FeedbackRow.rating == rating)
    with Session(engine) as session:
        return [Feedback.from_row(r) for r in session.scalars(query.limit(limit)).all()]


def export_candidates(engine: Engine, path: Path, since: float | None = None) -> int:
    """Write the thumbs-down questions (one per distinct question) as JSONL in the golden format,
    with empty gold and expected answer for a person to fill in; the rated answer, comment and
    citations ride along under "feedback". Returns the number of questions written."""
    seen: set[str] = set()
    lines: list[str] = []
    for item in list_feedback(engine, rating=-1, limit=100_000):
        if since is not None and item.created_at < since:
            continue
        key = " ".join(item.question.lower().split())
        if not key or key in seen:
            continue
        seen.add(key)
        lines.append(
            json.dumps(
                {
                    "id": f"feedback-{item.id}",
                    "question": item.question,
                    "expected_answer": "",
                    "gold": [],
                    "answerable": None,
                    "category": "feedback",
                    "kind": "candidate",
                    "feedback": {
                        "answer_id": item.answer_id,
                        "answer": item.answer,
                        "comment": item.comment,
                        "citations": item.citations,
                        "created_at": item.created_at,
                    },
                },
                ensure_ascii=False,
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)

"""The review queue: answers the grounding guard flagged, kept for a person to look at.

One row per flagged answer in the `review_items` table of the project database
(settings.resolved_docstore_url; SQLite by default, Postgres by URL): the question, the retrieved
context, the full prompt, the model's original answer, what the client was served instead, the
claim verdicts and the time. Staff resolve items through the API (serving/api/routes/review.py)
or the chat page's review panel.

    store = ReviewStore.open(settings)
    item_id = store.add(NewReview(...))
    store.list("open", limit=50); store.resolve(item_id, "answer_wrong", "the 45 days are for Plus members")
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any, Literal

from sqlalchemy import JSON, Float, Integer, String, Text, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from core.db import Base, upgrade
from core.settings import Settings

Status = Literal["open", "resolved"]
RESOLUTIONS = ("answer_wrong", "answer_correct", "corpus_fixed")
MAX_NOTE_CHARS = 2000


class ReviewRow(Base):
    __tablename__ = "review_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[float] = mapped_column(Float, index=True)
    status: Mapped[str] = mapped_column(String(16), index=True, default="open")
    question: Mapped[str] = mapped_column(Text, default="")
    standalone_question: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[Any] = mapped_column(JSON, default=list)
    prompt: Mapped[Any] = mapped_column(JSON, default=list)
    prompt_version: Mapped[str] = mapped_column(String(64), default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    served_answer: Mapped[str] = mapped_column(Text, default="")
    verdict: Mapped[str] = mapped_column(String(16), default="")
    verdicts: Mapped[Any] = mapped_column(JSON, default=list)
    policy: Mapped[str] = mapped_column(String(16), default="")
    reason: Mapped[str] = mapped_column(Text, default="")  # why it is here: what was withdrawn or flagged, and why
    resolution: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    resolved_at: Mapped[float | None] = mapped_column(Float, nullable=True, default=None)


class ReviewNotFound(LookupError):
    pass


class AlreadyResolved(ValueError):
    pass


@dataclass(frozen=True)
class NewReview:
    question: str
    standalone_question: str
    context: list[dict[str, Any]]
    prompt: list[dict[str, str]]
    prompt_version: str
    answer: str  # the model's original answer, as generated
    served_answer: str  # what the client got (released text, marks, replacement)
    verdict: str  # the answer's verdict: "contradicted" or "unsupported"
    verdicts: list[dict[str, Any]]
    policy: str
    reason: str = ""


@dataclass(frozen=True)
class ReviewItem:
    id: int
    created_at: float
    status: str
    question: str
    standalone_question: str
    context: list[dict[str, Any]]
    prompt: list[dict[str, str]]
    prompt_version: str
    answer: str
    served_answer: str
    verdict: str
    verdicts: list[dict[str, Any]]
    policy: str
    reason: str = ""
    resolution: str = ""
    note: str = ""
    resolved_at: float | None = None

    @classmethod
    def from_row(cls, row: ReviewRow) -> ReviewItem:
        return cls(
            id=row.id,
            created_at=row.created_at,
            status=row.status,
            question=row.question,
            standalone_question=row.standalone_question,
            context=list(row.context or []),
            prompt=list(row.prompt or []),
            prompt_version=row.prompt_version,
            answer=row.answer,
            served_answer=row.served_answer,
            verdict=row.verdict,
            verdicts=list(row.verdicts or []),
            policy=row.policy,
            reason=row.reason or "",
            resolution=row.resolution,
            note=row.note,
            resolved_at=row.resolved_at,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class ReviewStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        upgrade(engine)

    @classmethod
    def open(cls, settings: Settings) -> ReviewStore:
        from core.clients import make_engine

        return cls(make_engine(settings))

    def add(self, item: NewReview) -> int:
        with Session(self.engine) as session, session.begin():
            row = ReviewRow(created_at=time.time(), status="open", **asdict(item))
            session.add(row)
            session.flush()
            return int(row.id)

    def get(self, item_id: int) -> ReviewItem:
        with Session(self.engine) as session:
            row = session.get(ReviewRow, item_id)
            if row is None:
                raise ReviewNotFound(item_id)
            return ReviewItem.from_row(row)

    def list(self, status: Status | None = "open", limit: int = 50) -> list[ReviewItem]:
        """Newest first; `status=None` lists every item."""
        query = select(ReviewRow).order_by(ReviewRow.id.desc()).limit(limit)
        if status is not None:
            query = query.where(ReviewRow.status == status)
        with Session(self.engine) as session:
            return [ReviewItem.from_row(row) for row in session.scalars(query)]

    def counts(self) -> dict[str, int]:
        with Session(self.engine) as session:
            rows = session.execute(select(ReviewRow.status, func.count()).group_by(ReviewRow.status)).all()
        counts = {"open": 0, "resolved": 0}
        counts.update({status: int(n) for status, n in rows})
        return counts

    def resolve(self, item_id: int, resolution: str, note: str = "") -> ReviewItem:
        if resolution not in RESOLUTIONS:
            raise ValueError(f"resolution must be one of {', '.join(RESOLUTIONS)}")
        with Session(self.engine) as session, session.begin():
            row = session.get(ReviewRow, item_id, with_for_update=True)
            if row is None:
                raise ReviewNotFound(item_id)
            if row.status == "resolved":
                raise AlreadyResolved(item_id)
            row.status = "resolved"
            row.resolution = resolution
            row.note = note[:MAX_NOTE_CHARS]
            row.resolved_at = time.time()
            session.flush()
            return ReviewItem.from_row(row)

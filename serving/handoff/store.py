"""Handoff items: a customer asked for a person. One row per request in the `handoff_items` table
of the project database (settings.resolved_docstore_url, as the review queue in serving/review.py):
the conversation, the retrieved context, the user (name and hashed key id), the time, the staff
status (open -> resolved) and the delivery to the helpdesk webhook, which doubles as the outbox
the delivery worker reads (serving/handoff/delivery.py):

    pending    queued: not yet delivered; `last_error` says why the last attempt failed, and
               `next_attempt_at` when the next one is due
    delivered  the webhook answered 2xx (`delivered_at`)
    failed     given up: the webhook rejected the item (a 4xx other than 408/429) or
               HANDOFF_MAX_ATTEMPTS ran out; staff can queue it again (`redeliver`)

    store = HandoffStore.open(settings)
    item = store.add(NewHandoff(...))
    store.list("open"); store.resolve(item.id, "called the customer back", by="dora")
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any, Literal

from sqlalchemy import JSON, Float, Integer, String, Text, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from core.db import Base, upgrade
from core.settings import Settings

Status = Literal["open", "resolved"]
Delivery = Literal["pending", "delivered", "failed"]
STATUSES: tuple[Status, ...] = ("open", "resolved")
DELIVERIES: tuple[Delivery, ...] = ("pending", "delivered", "failed")
MAX_NOTE_CHARS = 2000
MAX_ERROR_CHARS = 500


class HandoffRow(Base):
    __tablename__ = "handoff_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[float] = mapped_column(Float, index=True)
    status: Mapped[str] = mapped_column(String(16), index=True, default="open")
    user: Mapped[str] = mapped_column("user_name", String(128), index=True, default="")  # "user" is reserved in SQL
    key_id: Mapped[str] = mapped_column(String(32), default="")
    channel: Mapped[str] = mapped_column(String(16), default="")  # "sse", "openai"
    reason: Mapped[str] = mapped_column(String(32), default="")  # "request", "accepted_offer"
    request: Mapped[str] = mapped_column(Text, default="")  # the customer's message that asked
    question: Mapped[str] = mapped_column(Text, default="")  # what the context was retrieved for
    conversation: Mapped[Any] = mapped_column(JSON, default=list)  # [{role, content}], oldest first
    context: Mapped[Any] = mapped_column(JSON, default=list)  # [{chunk_id, doc_id, title, section, url, score, text}]
    delivery: Mapped[str] = mapped_column(String(16), index=True, default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    last_attempt_at: Mapped[float | None] = mapped_column(Float, nullable=True, default=None)
    next_attempt_at: Mapped[float | None] = mapped_column(Float, nullable=True, index=True, default=None)
    delivered_at: Mapped[float | None] = mapped_column(Float, nullable=True, default=None)
    resolved_at: Mapped[float | None] = mapped_column(Float, nullable=True, default=None)
    resolved_by: Mapped[str] = mapped_column(String(128), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class HandoffNotFound(LookupError):
    pass


class AlreadyResolved(ValueError):
    pass


@dataclass(frozen=True)
class NewHandoff:
    user: str
    key_id: str
    channel: str
    reason: str
    request: str
    question: str
    conversation: list[dict[str, str]]
    context: list[dict[str, Any]]


@dataclass(frozen=True)
class HandoffItem:
    id: int
    created_at: float
    status: str
    user: str
    key_id: str
    channel: str
    reason: str
    request: str
    question: str
    conversation: list[dict[str, str]]
    context: list[dict[str, Any]]
    delivery: str
    attempts: int
    last_error: str
    last_attempt_at: float | None
    next_attempt_at: float | None
    delivered_at: float | None
    resolved_at: float | None
    resolved_by: str
    note: str

    @classmethod
    def from_row(cls, row: HandoffRow) -> HandoffItem:
        values = {name: getattr(row, name) for name in cls.__dataclass_fields__}
        values["conversation"] = list(row.conversation or [])
        values["context"] = list(row.context or [])
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class HandoffStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        upgrade(engine)

    @classmethod
    def open(cls, settings: Settings) -> HandoffStore:
        from core.clients import make_engine

        return cls(make_engine(settings))

    # --- customers and staff ---------------------------------------------------------------
    def add(self, item: NewHandoff) -> HandoffItem:
        now = time.time()
        with Session(self.engine) as session, session.begin():
            row = HandoffRow(
                created_at=now,
                status="open",
                delivery="pending",
                attempts=0,
                last_error="",
                next_attempt_at=now,
                resolved_by="",
                note="",
                **asdict(item),
            )
            session.add(row)
            session.flush()
            return HandoffItem.from_row(row)

    def get(self, item_id: int) -> HandoffItem:
        with Session(self.engine) as session:
            row = session.get(HandoffRow, item_id)
            if row is None:
                raise HandoffNotFound(item_id)
            return HandoffItem.from_row(row)

    def list(
        self,
        status: Status | None = "open",
        delivery: Delivery | None = None,
        user: str | None = None,
        limit: int = 50,
    ) -> list[HandoffItem]:
        """Newest first; None for a filter lists every value."""
        query = select(HandoffRow).order_by(HandoffRow.id.desc()).limit(limit)
        if status is not None:
            query = query.where(HandoffRow.status == status)
        if delivery is not None:
            query = query.where(HandoffRow.delivery == delivery)
        if user is not None:
            query = query.where(HandoffRow.user == user)
        with Session(self.engine) as session:
            return [HandoffItem.from_row(row) for row in session.scalars(query)]

    def counts(self) -> dict[str, int]:
        """Items by staff status and by delivery: {"open", "resolved", "pending", "delivered", "failed"}."""
        counts: dict[str, int] = dict.fromkeys((*STATUSES, *DELIVERIES), 0)
        with Session(self.engine) as session:
            for column in (HandoffRow.status, HandoffRow.delivery):
                for value, n in session.execute(select(column, func.count()).group_by(column)).all():
                    counts[value] = int(n)
        return counts

    def resolve(self, item_id: int, note: str = "", by: str = "") -> HandoffItem:
        with Session(self.engine) as session, session.begin():
            row = session.get(HandoffRow, item_id, with_for_update=True)
            if row is None:
                raise HandoffNotFound(item_id)
            if row.status == "resolved":
                raise AlreadyResolved(item_id)
            row.status = "resolved"
            row.note = note[:MAX_NOTE_CHARS]
            row.resolved_by = by
            row.resolved_at = time.time()
            session.flush()
            return HandoffItem.from_row(row)

    def redeliver(self, item_id: int) -> HandoffItem:
        """Queue an item again (a failed one, or one staff want sent once more); due now."""
        with Session(self.engine) as session, session.begin():
            row = session.get(HandoffRow, item_id, with_for_update=True)
            if row is None:
                raise HandoffNotFound(item_id)
            row.delivery = "pending"
            row.next_attempt_at = time.time()
            session.flush()
            return HandoffItem.from_row(row)

    # --- the delivery worker's outbox ------------------------------------------------------
    def due(self, now: float, limit: int = 20) -> tuple[int, ...]:
        """Pending items whose next attempt is due, oldest first."""
        query = (
            select(HandoffRow.id)
            .where(HandoffRow.delivery == "pending", HandoffRow.next_attempt_at <= now)
            .order_by(HandoffRow.next_attempt_at, HandoffRow.id)
            .limit(limit)
        )
        with Session(self.engine) as session:
            return tuple(int(i) for i in session.scalars(query))

    def claim(self, item_id: int, now: float, lease_s: float) -> HandoffItem | None:
        """Take a due item for one attempt: moves its next attempt `lease_s` ahead in one
        conditional UPDATE, so that of several API processes exactly one sends it (a process that
        dies mid-attempt leaves it due again when the lease ends). None when another took it."""
        with Session(self.engine) as session, session.begin():
            taken = session.execute(
                update(HandoffRow)
                .where(
                    HandoffRow.id == item_id,
                    HandoffRow.delivery == "pending",
                    HandoffRow.next_attempt_at <= now,
                )
                .values(next_attempt_at=now + lease_s)
            )
            if taken.rowcount != 1:  # type: ignore[attr-defined]
                return None
            row = session.get(HandoffRow, item_id)
            return HandoffItem.from_row(row) if row is not None else None

    def mark_delivered(self, item_id: int, attempted_at: float) -> None:
        with Session(self.engine) as session, session.begin():
            row = session.get(HandoffRow, item_id, with_for_update=True)
            if row is None:
                return
            row.attempts += 1
            row.delivery = "delivered"
            row.last_error = ""
            row.last_attempt_at = attempted_at
            row.delivered_at = time.time()
            row.next_attempt_at = None

    def mark_failed_attempt(self, item_id: int, attempted_at: float, error: str, retry_at: float | None) -> None:
        """A failed attempt: pending again with `retry_at`, or given up (`failed`) when None."""
        with Session(self.engine) as session, session.begin():
            row = session.get(HandoffRow, item_id, with_for_update=True)
            if row is None:
                return
            row.attempts += 1
            row.last_error = error[:MAX_ERROR_CHARS]
            row.last_attempt_at = attempted_at
            row.delivery = "pending" if retry_at is not None else "failed"
            row.next_attempt_at = retry_at

"""The request log: one row per chat request in the `request_log` table of the project database
(settings.resolved_docstore_url, the same store as the review queue), keyed by the request id the
response carries in its `X-Request-Id` header and its done event / `ragdesk` body.

A row holds the full prompt as sent (system + context + history + question), the retrieved
passages with scores, the answer the client got and the model's own where the guard changed it,
the grounding verdicts, cache status, tokens, cost, times, status and error. The user is a
pseudonym (sha256 of the user name, 16 hex); the key likewise.

    log = RequestLog.open(settings)
    log.add(RequestRow(...)); log.get("5f0c..."); log.list(RequestFilter(user_hash=...))
    log.purge(older_than_days=30)     # the Dagster schedule `request_log_retention` runs this
"""

from __future__ import annotations

import functools
import threading
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Integer, String, Text, bindparam, delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from core.db import Base, upgrade
from core.settings import Settings

MAX_LIST = 500


class RequestRow(Base):
    __tablename__ = "request_log"
    request_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    created_at: Mapped[float] = mapped_column(Float, index=True)
    user_hash: Mapped[str] = mapped_column(String(16), index=True, default="")
    key_hash: Mapped[str] = mapped_column(String(16), default="")
    method: Mapped[str] = mapped_column(String(8), default="")
    route: Mapped[str] = mapped_column(String(128), default="")
    status: Mapped[int] = mapped_column(Integer, index=True, default=0)
    error_code: Mapped[str] = mapped_column(String(64), default="")
    error: Mapped[str] = mapped_column(Text, default="")
    question: Mapped[str] = mapped_column(Text, default="")
    standalone_question: Mapped[str] = mapped_column(Text, default="")
    prompt: Mapped[Any] = mapped_column(JSON, default=list)
    passages: Mapped[Any] = mapped_column(JSON, default=list)
    answer: Mapped[str] = mapped_column(Text, default="")
    model_answer: Mapped[str] = mapped_column(Text, default="")
    finish_reason: Mapped[str] = mapped_column(String(16), default="")
    not_covered: Mapped[bool] = mapped_column(Boolean, default=False)
    grounding_verdict: Mapped[str] = mapped_column(String(16), default="")
    grounding_action: Mapped[str] = mapped_column(String(16), default="")
    grounding: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)
    flagged: Mapped[bool] = mapped_column(Boolean, index=True, default=False)
    review_id: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)
    cache_status: Mapped[str] = mapped_column(String(16), index=True, default="")
    prompt_tokens: Mapped[int] = mapped_column(Integer, default=0)
    completion_tokens: Mapped[int] = mapped_column(Integer, default=0)
    cached_tokens: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)
    cost: Mapped[float] = mapped_column(Float, default=0.0)
    ttft_ms: Mapped[float | None] = mapped_column(Float, nullable=True, default=None)
    total_ms: Mapped[float] = mapped_column(Float, default=0.0)
    timings: Mapped[Any] = mapped_column(JSON, default=dict)
    trace_id: Mapped[str] = mapped_column(String(64), default="")

    def to_dict(self) -> dict[str, Any]:
        return {c.name: getattr(self, c.name) for c in self.__table__.columns}


COLUMNS = tuple(c.name for c in RequestRow.__table__.columns)
_UPSERT = {"sqlite": sqlite_insert, "postgresql": postgresql_insert}


def _by_keys(rows: list[dict[str, Any]]) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for values in rows:
        groups.setdefault(tuple(sorted(values)), []).append(values)
    return groups


@functools.lru_cache(maxsize=64)
def _upsert(dialect: str, keys: tuple[str, ...]) -> Any:
    """INSERT ... ON CONFLICT (request_id) DO UPDATE of the given columns: one statement for a
    batch (the ORM's `merge` reads each row first), on the table itself (Core: the ORM's bulk
    path cost the writer thread half its time); built once per set of columns."""
    table: Any = RequestRow.__table__
    statement: Any = _UPSERT[dialect](table).values({k: bindparam(k, type_=table.c[k].type) for k in keys})
    changed = {k: statement.excluded[k] for k in keys if k != "request_id"}
    return statement.on_conflict_do_update(index_elements=["request_id"], set_=changed)


@dataclass(frozen=True)
class RequestFilter:
    user_hash: str | None = None
    since: float | None = None  # unix seconds
    until: float | None = None
    flagged: bool | None = None
    cache_status: str | None = None
    status: int | None = None
    limit: int = 50


class RequestNotFound(LookupError):
    pass


class RequestLog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        upgrade(engine)

    @classmethod
    def open(cls, settings: Settings) -> RequestLog:
        from core.clients import make_engine

        return cls(make_engine(settings))

    def add(self, values: dict[str, Any]) -> str:
        """Insert (or replace: the same request id is one row) and return the request id."""
        return self.add_many([values])[0]

    def add_many(self, rows: list[dict[str, Any]]) -> list[str]:
        """`add` for several rows in one transaction (one commit: the writer thread batches what
        arrived while it was writing); their request ids."""
        for values in rows:
            unknown = set(values) - set(COLUMNS)
            if unknown:
                raise ValueError(f"unknown request_log columns: {sorted(unknown)}")
        rows = [{"created_at": time.time(), **values} for values in rows]
        if self.engine.dialect.name in _UPSERT:
            with self.engine.begin() as connection:
                for keys, group in _by_keys(rows).items():
                    connection.execute(_upsert(self.engine.dialect.name, keys), group)
        else:  # another database: the ORM's select-then-insert, row by row
            with Session(self.engine) as session, session.begin():
                for values in rows:
                    session.merge(RequestRow(**values))
        return [str(values["request_id"]) for values in rows]

    def get(self, request_id: str) -> dict[str, Any]:
        with Session(self.engine) as session:
            row = session.get(RequestRow, request_id)
            if row is None:
                raise RequestNotFound(request_id)
            return row.to_dict()

    def list(self, where: RequestFilter) -> list[dict[str, Any]]:
        """Newest first."""
        query = select(RequestRow).order_by(RequestRow.created_at.desc()).limit(max(1, min(where.limit, MAX_LIST)))
        if where.user_hash is not None:
            query = query.where(RequestRow.user_hash == where.user_hash)
        if where.since is not None:
            query = query.where(RequestRow.created_at >= where.since)
        if where.until is not None:
            query = query.where(RequestRow.created_at < where.until)
        if where.flagged is not None:
            query = query.where(RequestRow.flagged == where.flagged)
        if where.cache_status is not None:
            query = query.where(RequestRow.cache_status == where.cache_status)
        if where.status is not None:
            query = query.where(RequestRow.status == where.status)
        with Session(self.engine) as session:
            return [row.to_dict() for row in session.scalars(query)]

    def purge(self, older_than_days: float, now: float | None = None) -> int:
        """Delete rows older than the retention; returns how many went."""
        cutoff = (now if now is not None else time.time()) - older_than_days * 86400.0
        with Session(self.engine) as session, session.begin():
            result = session.execute(delete(RequestRow).where(RequestRow.created_at < cutoff))
            return int(getattr(result, "rowcount", 0) or 0)

    def cache_hit_rate(self, since: float | None = None) -> tuple[float, int]:
        """Share of answered requests (status 200) served from the cache, and how many counted."""
        query = select(RequestRow.cache_status).where(RequestRow.status == 200)
        if since is not None:
            query = query.where(RequestRow.created_at >= since)
        with Session(self.engine) as session:
            statuses = list(session.scalars(query))
        counted = [s for s in statuses if s in {"hit-exact", "hit-semantic", "miss"}]
        if not counted:
            return 0.0, 0
        return sum(1 for s in counted if s.startswith("hit")) / len(counted), len(counted)

    def traffic(self) -> Any:
        """Mean tokens per model call and the cache hit rate, for the capacity report."""
        from core.capacity_report import LoggedTraffic

        query = select(RequestRow.prompt_tokens, RequestRow.completion_tokens).where(
            RequestRow.status == 200, RequestRow.completion_tokens > 0
        )
        with Session(self.engine) as session:
            used = session.execute(query).all()
        rate, counted = self.cache_hit_rate()
        n = len(used)
        return LoggedTraffic(
            prompt_tokens=sum(p for p, _ in used) / n if n else 0.0,
            completion_tokens=sum(c for _, c in used) / n if n else 0.0,
            answers=n,
            cache_hit_rate=rate,
            cache_counted=counted,
        )


_open_lock = threading.Lock()


def request_log_of(app: Any) -> RequestLog | None:
    """The app's request log, opened on first use (creates the table when missing)."""
    settings = app.state.settings
    if not settings.request_log_enabled:
        return None
    found = getattr(app.state, "request_log", None)
    if found is None:
        with _open_lock:
            found = getattr(app.state, "request_log", None)
            if found is None:
                found = RequestLog.open(settings)
                app.state.request_log = found
    return found  # type: ignore[no-any-return]

"""The request id and what one chat request gathers on its way through the app.

The middleware (serving.observability.middleware) opens a `RequestContext` per HTTP request and
puts it in a context variable; the chat pipeline (serving/pipeline.py) fills its `record`
(question, prompt, passages, events seen); when the response has been sent the middleware turns
the record into metrics, a request-log row and the end of the trace."""

from __future__ import annotations

import hashlib
import re
import time
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from core.ids import uuid4_hex

REQUEST_ID_HEADER = "X-Request-Id"
# An id a client or a proxy sent is kept when it is short and plain; anything else is replaced.
_CLIENT_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")


def new_request_id(presented: str | None = None) -> str:
    if presented and _CLIENT_ID.match(presented):
        return presented
    return uuid4_hex()


def hashed_id(value: str) -> str:
    """A stable pseudonym for a user or key id (labels and log rows never carry the raw id)."""
    return hashlib.sha256(value.encode()).hexdigest()[:16] if value else ""


@dataclass
class ChatRecord:
    """What the chat route saw of one answer (filled while the events stream)."""

    question: str = ""
    standalone_question: str = ""
    prompt: list[dict[str, str]] = field(default_factory=list)
    passages: list[dict[str, Any]] = field(default_factory=list)  # chunk_id, doc_id, score, rank
    top_score: float | None = None
    cache_status: str = "bypass"  # "hit-exact", "hit-semantic", "miss" or "bypass" (no cache)
    served_parts: list[str] = field(default_factory=list)  # what the client got
    withdrawn: list[str] = field(default_factory=list)  # model text the guard withdrew
    flagged_sentences: list[str] = field(default_factory=list)
    grounding: dict[str, Any] | None = None
    usage: dict[str, int | None] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    finish_reason: str = ""
    not_covered: bool = False
    error: str = ""
    error_code: str = ""
    tier: str = ""
    queue_wait_s: float | None = None
    budget_remaining: int | None = None
    cost: float = 0.0
    first_chunk_at: float | None = None  # perf_counter of the first token event
    marks: dict[str, float] = field(default_factory=dict)  # perf_counter times of the stages' ends
    cache_similarity: float | None = None
    citations: list[str] = field(default_factory=list)

    @property
    def served_answer(self) -> str:
        return "".join(self.served_parts)


@dataclass
class RequestContext:
    request_id: str
    method: str
    path: str
    started: float = field(default_factory=time.perf_counter)
    started_wall: float = field(default_factory=time.time)
    route: str = ""
    status: int = 0
    user_hash: str = ""
    key_hash: str = ""
    chat: ChatRecord | None = None
    refusal: tuple[str, str] | None = None  # (status, reason) of a 429/503
    trace: Any = None  # the open root span, when tracing is on


_current: ContextVar[RequestContext | None] = ContextVar("ragdesk_request", default=None)


def current() -> RequestContext | None:
    return _current.get()


def current_request_id() -> str:
    ctx = _current.get()
    return ctx.request_id if ctx is not None else ""


def set_current(ctx: RequestContext | None) -> Any:
    return _current.set(ctx)


def reset_current(token: Any) -> None:
    _current.reset(token)

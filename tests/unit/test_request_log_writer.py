"""Issue 20: the request-log writer batches what ended while it was busy (one transaction, not one
per request), and cache-hit traces are capped per minute whatever the load."""

from __future__ import annotations

import threading
from collections.abc import MutableMapping
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from starlette.types import Receive, Scope, Send

from core.settings import Settings
from serving.observability.context import ChatRecord
from serving.observability.finish import HitTraceBudget, _traced
from serving.observability.middleware import ObservabilityMiddleware
from serving.observability.request_log import RequestLog, RequestNotFound


class RecordingLog:
    """A request log that records its batches; the first write waits until released, so requests
    that end meanwhile pile up behind it."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.release = threading.Event()

    def add_many(self, rows: list[dict[str, Any]]) -> list[str]:
        self.release.wait(10)
        self.batches.append([r["request_id"] for r in rows])
        return self.batches[-1]


def make_app(settings: Settings, request_log: Any) -> Any:
    async def endpoint(scope: Scope, _receive: Receive, send: Send) -> None:
        scope["route"] = SimpleNamespace(path="/v1/answer/stream")
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    app = SimpleNamespace(state=SimpleNamespace(settings=settings, request_log=request_log))
    return endpoint, app


async def call(middleware: ObservabilityMiddleware, app: Any, request_id: str) -> None:
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/v1/answer/stream",
        "headers": [(b"x-request-id", request_id.encode())],
        "app": app,
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(_message: MutableMapping[str, Any]) -> None:
        return None

    await middleware(scope, receive, send)


async def test_rows_that_end_while_the_writer_is_busy_are_written_in_one_batch() -> None:
    settings = Settings(TRACING_ENABLED=False, REQUEST_LOG_ENABLED=True)
    log = RecordingLog()
    endpoint, app = make_app(settings, log)
    middleware = ObservabilityMiddleware(endpoint)
    for i in range(20):
        await call(middleware, app, f"req-{i:02d}")
    log.release.set()
    middleware.flush()
    written = [rid for batch in log.batches for rid in batch]
    assert len(written) == len(set(written)) == 20  # every row, once
    assert len(log.batches) <= 2, log.batches  # the first alone, the 19 that waited together


def test_add_many_writes_every_row_in_one_transaction_and_replaces_by_request_id(tmp_path: Path) -> None:
    log = RequestLog.open(Settings(RAGDESK_DATA_DIR=tmp_path))
    base = {"method": "POST", "route": "/v1/answer/stream", "status": 200}
    assert log.add_many([{**base, "request_id": "a"}, {**base, "request_id": "b", "question": "q"}]) == ["a", "b"]
    prompt = [{"role": "user", "content": "q"}]
    log.add_many([{**base, "request_id": "b", "question": "again", "prompt": prompt, "grounding": {"grounded": True}}])
    assert log.get("a")["request_id"] == "a"
    b = log.get("b")
    assert (b["question"], b["prompt"], b["grounding"], b["status"]) == ("again", prompt, {"grounded": True}, 200)
    with pytest.raises(RequestNotFound):
        log.get("c")
    with pytest.raises(ValueError, match="unknown request_log columns"):
        log.add_many([{**base, "request_id": "d"}, {"request_id": "e", "nonsense": 1}])
    with pytest.raises(RequestNotFound):  # a bad row in a batch writes none of it
        log.get("d")


def test_cache_hit_traces_are_capped_per_minute() -> None:
    budget = HitTraceBudget()
    taken = [budget.take(3, now=120.0 + i) for i in range(10)]
    assert taken == [True, True, True] + [False] * 7
    assert budget.take(3, now=180.0)  # a new minute
    assert not HitTraceBudget().take(0, now=0.0)


def test_answers_are_always_traced_and_hits_only_within_the_cap() -> None:
    settings = Settings(TRACING_CACHE_HIT_SAMPLE=1.0, TRACING_CACHE_HIT_MAX_PER_MIN=0)
    assert _traced(settings, ChatRecord(cache_status="miss"))
    assert not _traced(settings, ChatRecord(cache_status="hit-exact"))


def test_a_sparse_row_gets_the_columns_defaults(tmp_path: Path) -> None:
    """The writer inserts through Core (not the ORM): the columns' defaults still apply."""
    log = RequestLog.open(Settings(RAGDESK_DATA_DIR=tmp_path))
    log.add_many([{"request_id": "sparse", "status": 200}, {"request_id": "full", "timings": {"cache_ms": 0.5}}])
    row = log.get("sparse")
    assert (row["prompt"], row["passages"], row["timings"], row["grounding"]) == ([], [], {}, None)
    assert (row["flagged"], row["cache_status"], row["cost"], row["review_id"]) == (False, "", 0.0, None)
    assert row["created_at"] > 0
    assert log.get("full")["timings"] == {"cache_ms": 0.5}


async def test_the_writer_lingers_so_a_burst_is_one_batch_and_a_flush_still_writes_it() -> None:
    settings = Settings(TRACING_ENABLED=False, REQUEST_LOG_ENABLED=True, REQUEST_LOG_LINGER_MS=300)
    log = RecordingLog()
    log.release.set()
    endpoint, app = make_app(settings, log)
    middleware = ObservabilityMiddleware(endpoint)
    for i in range(20):
        await call(middleware, app, f"burst-{i:02d}")
    middleware.flush()  # waits out the linger: nothing is left behind
    assert log.batches == [[f"burst-{i:02d}" for i in range(20)]]

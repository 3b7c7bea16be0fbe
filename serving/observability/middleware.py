"""Pure ASGI middleware (streams pass through untouched): a request id for every HTTP request
(`X-Request-Id`, kept from the client when plain, else new) in a context variable, the HTTP
metrics, and at the end the chat record's metrics, trace and request-log row (handed to one
worker thread, after the response has been sent)."""

from __future__ import annotations

import json
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.settings import Settings
from serving.observability import metrics as m
from serving.observability.context import (
    REQUEST_ID_HEADER,
    RequestContext,
    hashed_id,
    new_request_id,
    reset_current,
    set_current,
)
from serving.observability.finish import CHAT_ROUTES, persist_many, record_metrics

log = logging.getLogger(__name__)

_REFUSALS = (429, 503)
_SNIFF_BYTES = 4096


class ObservabilityMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="request-log")
        # what ended since the writer last ran, by (settings, request log): written in one batch
        self._pending: dict[tuple[int, int], tuple[Settings, Any, list[tuple[RequestContext, float]]]] = {}
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        presented = None
        for name, value in scope.get("headers", ()):
            if name == b"x-request-id":
                presented = value.decode("latin-1")
                break
        ctx = RequestContext(new_request_id(presented), scope.get("method", ""), scope.get("path", ""))
        token = set_current(ctx)
        sniffed = bytearray()
        method = ctx.method

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                ctx.status = int(message["status"])
                MutableHeaders(scope=message).append(REQUEST_ID_HEADER, ctx.request_id)
            elif message["type"] == "http.response.body" and ctx.status in _REFUSALS:
                if len(sniffed) < _SNIFF_BYTES:
                    sniffed.extend(message.get("body", b"")[: _SNIFF_BYTES - len(sniffed)])
            await send(message)

        m.HTTP_ACTIVE.labels(method).inc()
        try:
            await self.app(scope, receive, send_wrapper)
        except BaseException:
            ctx.status = ctx.status or 500
            raise
        finally:
            m.HTTP_ACTIVE.labels(method).dec()
            self._finish(scope, ctx, bytes(sniffed))
            reset_current(token)

    def _finish(self, scope: Scope, ctx: RequestContext, sniffed: bytes) -> None:
        ended = time.perf_counter()
        route = scope.get("route")
        ctx.route = str(getattr(route, "path", "")) or "unmatched"
        status = ctx.status or 500
        m.HTTP_DURATION.labels(ctx.method, ctx.route, str(status)).observe(ended - ctx.started)
        principal = (scope.get("state") or {}).get("principal")
        if principal is not None:
            ctx.user_hash = hashed_id(str(getattr(principal, "user", "")))
            ctx.key_hash = hashed_id(str(getattr(principal, "key_id", "")))
        if status in _REFUSALS:
            ctx.refusal = (str(status), _refusal_reason(sniffed))
        app = scope.get("app")
        settings = getattr(getattr(app, "state", None), "settings", None)
        if settings is None:
            return
        try:
            record_metrics(settings, ctx, ended)
        except Exception:
            log.warning("metrics: could not record request %s", ctx.request_id, exc_info=True)
        if ctx.route not in CHAT_ROUTES:
            return
        if not (settings.request_log_enabled or settings.tracing_enabled):
            return
        from serving.observability.request_log import request_log_of

        request_log = request_log_of(app) if settings.request_log_enabled else None
        key = (id(settings), id(request_log))
        with self._lock:
            idle = not self._pending
            self._pending.setdefault(key, (settings, request_log, []))[2].append((ctx, ended))
        if idle:  # else a drain is already queued and takes this one too
            self._writer.submit(self._drain, settings.request_log_linger_ms / 1000)

    def _drain(self, linger_s: float = 0.0) -> None:
        """Write everything that ended so far: one transaction per request log, not per request.
        It first lingers (REQUEST_LOG_LINGER_MS) so a burst's rows share the batch: under load the
        event loop hands rows over without waking this thread for each (profiled at ~1,000 exact
        hits a second: the hand-over was 3% of the loop's time, the one-row transactions the most
        of this thread's)."""
        if linger_s > 0:
            time.sleep(linger_s)
        with self._lock:
            batches, self._pending = list(self._pending.values()), {}
        for settings, request_log, finished in batches:
            persist_many(settings, request_log, finished)

    def flush(self, timeout_s: float = 30.0) -> None:
        """Wait for the rows and traces handed over so far (tests, shutdown)."""
        self._writer.submit(lambda: None).result(timeout=timeout_s)


def _refusal_reason(body: bytes) -> str:
    try:
        error: dict[str, Any] = json.loads(body.decode("utf-8")).get("error") or {}
    except (ValueError, UnicodeDecodeError, AttributeError):
        return "unknown"
    reason = error.get("limit") if error.get("limit") not in (None, "queue") else error.get("code")
    return str(reason or "unknown")[:64]


def flush_app(app: Any, timeout_s: float = 30.0) -> None:
    """Wait until the rows and traces of the requests `app` answered so far are written (its
    ObservabilityMiddleware's writer), if it has one."""
    stack = getattr(app, "middleware_stack", None)
    while stack is not None:
        if isinstance(stack, ObservabilityMiddleware):
            stack.flush(timeout_s)
            return
        stack = getattr(stack, "app", None)

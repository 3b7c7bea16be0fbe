"""Wiring into the app (called once by create_app)."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import Depends, FastAPI

from serving.observability.request_log import RequestLog

_lock = threading.Lock()


def install_observability(app: FastAPI) -> None:
    """The middleware (request id, HTTP metrics, request log, traces), /metrics and /v1/requests."""
    from serving.api.routes import metrics, requests
    from serving.gateway.deps import require_api_key
    from serving.observability.middleware import ObservabilityMiddleware

    settings = app.state.settings
    app.add_middleware(ObservabilityMiddleware)
    if settings.metrics_enabled:
        app.include_router(metrics.router)
    app.include_router(requests.router, dependencies=[Depends(require_api_key)])


def request_log_of(app: Any) -> RequestLog | None:
    """The app's request log, opened on first use (creates the table when missing)."""
    settings = app.state.settings
    if not settings.request_log_enabled:
        return None
    found = getattr(app.state, "request_log", None)
    if found is None:
        with _lock:
            found = getattr(app.state, "request_log", None)
            if found is None:
                found = RequestLog.open(settings)
                app.state.request_log = found
    return found  # type: ignore[no-any-return]


def flush(app: Any, timeout_s: float = 30.0) -> None:
    """Wait until the rows and traces of the requests answered so far are written."""
    stack = getattr(app, "middleware_stack", None)
    while stack is not None:
        if hasattr(stack, "flush") and hasattr(stack, "_writer"):
            stack.flush(timeout_s)
            return
        stack = getattr(stack, "app", None)

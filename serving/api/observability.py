"""Observability wired into the app (called once by create_app): the middleware, /metrics and /v1/requests."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, FastAPI


def install_observability(app: FastAPI) -> None:
    """The middleware (request id, HTTP metrics, request log, traces), /metrics and /v1/requests."""
    from serving.api.routes import metrics, requests
    from serving.gateway.deps import enforce_rate_limit, require_api_key
    from serving.observability.middleware import ObservabilityMiddleware

    settings = app.state.settings
    app.add_middleware(ObservabilityMiddleware)
    if settings.metrics_enabled:
        app.include_router(metrics.router)
    app.include_router(requests.router, dependencies=[Depends(require_api_key), Depends(enforce_rate_limit)])


def flush(app: Any, timeout_s: float = 30.0) -> None:
    """Wait until the rows and traces of the requests answered so far are written."""
    from serving.observability.middleware import flush_app

    flush_app(app, timeout_s)

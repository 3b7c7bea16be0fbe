"""Observability wired into the app (called once by create_app): the middleware, /metrics and /v1/requests."""

from __future__ import annotations

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

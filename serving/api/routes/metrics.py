"""`GET /metrics`: the Prometheus text format (no key). Only loopback clients are answered unless
METRICS_REMOTE=true: put a proxy or a network policy in front when Prometheus scrapes from
elsewhere. The queue gauges are read from the gateway at scrape time."""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

from serving.errors import APIError
from serving.observability.metrics import set_queue

log = logging.getLogger(__name__)

router = APIRouter(tags=["observability"])

LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    settings = request.app.state.settings
    client = request.client.host if request.client is not None else ""
    if not settings.metrics_remote and client not in LOOPBACK:
        raise APIError(403, "/metrics answers loopback clients only (METRICS_REMOTE=false)", "metrics_loopback_only")
    gateway = getattr(request.app.state, "gateway", None)
    if gateway is not None:
        try:
            set_queue(await asyncio.wait_for(gateway.queue.snapshot(), timeout=1.0))
        except Exception:
            log.warning("metrics: could not read the admission queue", exc_info=True)
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)

"""`/ready/saturation`: the Kubernetes readiness probe. 503 while the admission queue is near full
(API_READY_QUEUE_SHARE of GATEWAY_QUEUE_MAX waiting) or the gateway store cannot be reached, so
the Service stops sending this pod new requests; 200 otherwise. Liveness stays on `/health`: a
saturated process is healthy and a restart would only drop the streams it holds. Dependencies
(Milvus, the LLM) are `/ready`'s business, for people and start-up checks: were they part of the
readiness probe, one slow LLM would take every pod out of the Service at once."""

from __future__ import annotations

import asyncio
import math
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

router = APIRouter(tags=["health"])

CHECK_TIMEOUT_S = 2.0


def saturation(snapshot: dict[str, int], queue_max: int, share: float) -> dict[str, Any]:
    """The queue's state against the readiness threshold (at least one waiting request)."""
    waiting = snapshot.get("waiting_paid", 0) + snapshot.get("waiting_free", 0)
    running = snapshot.get("running_paid", 0) + snapshot.get("running_free", 0)
    threshold = max(1, math.ceil(queue_max * share))
    return {
        "saturated": waiting >= threshold,
        "waiting": waiting,
        "running": running,
        "capacity": snapshot.get("capacity", 0),
        "threshold": threshold,
    }


@router.get("/ready/saturation")
async def ready_saturation(request: Request) -> JSONResponse:
    settings = request.app.state.settings
    gateway = getattr(request.app.state, "gateway", None)
    if gateway is None:
        return JSONResponse({"status": "not_ready", "detail": "the gateway is not running"}, status_code=503)
    try:
        snapshot = await asyncio.wait_for(gateway.queue.snapshot(), CHECK_TIMEOUT_S)
    except Exception as exc:
        detail = f"gateway store: {type(exc).__name__}: {exc}"
        return JSONResponse({"status": "not_ready", "detail": detail}, status_code=503)
    state = saturation(snapshot, settings.gateway_queue_max, settings.api_ready_queue_share)
    status = "saturated" if state["saturated"] else "ready"
    return JSONResponse({"status": status, **state}, status_code=503 if state["saturated"] else 200)

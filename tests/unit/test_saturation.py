"""/ready/saturation: 503 once the admission queue is near full, 200 below; a store error is 503."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from core.settings import Settings
from serving.api.routes import saturation


class _Queue:
    def __init__(self, waiting: int, fail: bool = False) -> None:
        self.waiting, self.fail = waiting, fail

    async def snapshot(self) -> dict[str, int]:
        if self.fail:
            raise ConnectionError("redis down")
        return {"capacity": 4, "waiting_paid": 0, "waiting_free": self.waiting, "running_paid": 1, "running_free": 3}


def _client(queue: Any) -> TestClient:
    app = FastAPI()
    app.state.settings = Settings(GATEWAY_QUEUE_MAX=10, API_READY_QUEUE_SHARE=0.8)
    app.state.gateway = SimpleNamespace(queue=queue)
    app.include_router(saturation.router)
    return TestClient(app)


def test_ready_below_threshold() -> None:
    response = _client(_Queue(7)).get("/ready/saturation")
    assert response.status_code == 200
    assert response.json()["status"] == "ready" and response.json()["threshold"] == 8


def test_saturated_at_threshold() -> None:
    response = _client(_Queue(8)).get("/ready/saturation")
    assert response.status_code == 503
    assert response.json()["status"] == "saturated" and response.json()["waiting"] == 8


def test_store_error_is_not_ready() -> None:
    response = _client(_Queue(0, fail=True)).get("/ready/saturation")
    assert response.status_code == 503 and "redis down" in response.json()["detail"]


def test_threshold_is_at_least_one() -> None:
    assert saturation.saturation({"waiting_free": 0}, queue_max=1, share=0.1)["threshold"] == 1

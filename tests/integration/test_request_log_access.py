"""The request log's access rules through the real router and the gateway's key check (keys in
the session's Redis, a prefix of its own per test): a staff key reads any row and lists everyone's; a user's key reads and lists only
its own user's rows, gets 404 on another user's row (its existence is not revealed) and 403 when
it asks to list another user. The retention purge removes old rows only, also through the Dagster
job the nightly schedule runs."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi import Depends, FastAPI

from core.clients import make_redis
from core.redis_server import RedisServer
from core.settings import Settings
from serving.api.routes import requests
from serving.errors import install_error_handlers
from serving.gateway.deps import install_gateway, require_api_key
from serving.gateway.keys import RedisKeyAdmin
from serving.gateway.service import Gateway
from serving.observability.context import hashed_id
from serving.observability.request_log import RequestFilter, RequestLog


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@dataclass
class Setup:
    http: httpx.AsyncClient
    log: RequestLog
    keys: dict[str, str]  # user -> key


@pytest.fixture()
async def setup(tmp_path: Path, session_redis: RedisServer) -> AsyncIterator[Setup]:
    settings = Settings(
        RAGDESK_DATA_DIR=tmp_path,
        REDIS_URL=session_redis.url,
        GATEWAY_REDIS_PREFIX=f"rlog{uuid.uuid4().hex[:8]}:",
        GATEWAY_REQUIRE_KEYS=True,
    )
    admin = RedisKeyAdmin(make_redis(settings), settings.gateway_redis_prefix)
    keys = {}
    for user, staff in (("alice", False), ("bob", False), ("sam", True)):
        key, _, _ = admin.create_key(user, "paid")
        if staff:
            admin.set_staff(user, True)
        keys[user] = key
    admin.redis.close()
    gateway = await Gateway.create(settings)
    app = FastAPI()
    app.state.settings = settings
    app.state.gateway = gateway
    install_error_handlers(app)
    install_gateway(app)
    app.include_router(requests.router, dependencies=[Depends(require_api_key)])  # as install_observability
    log = RequestLog.open(settings)
    app.state.request_log = log
    for user, request_id in (("alice", "req-alice-0001"), ("bob", "req-bob-00001")):
        log.add(
            {
                "request_id": request_id,
                "user_hash": hashed_id(user),
                "route": "/v1/answer/stream",
                "status": 200,
                "question": f"{user}'s private question",
                "prompt": [{"role": "system", "content": "s"}, {"role": "user", "content": f"{user}'s question"}],
                "cache_status": "miss",
            }
        )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield Setup(http, log, keys)
    await gateway.close()


async def test_a_user_reads_only_their_own_rows(setup: Setup) -> None:
    own = await setup.http.get("/v1/requests/req-alice-0001", headers=bearer(setup.keys["alice"]))
    assert own.status_code == 200
    assert own.json()["question"] == "alice's private question"
    other = await setup.http.get("/v1/requests/req-bob-00001", headers=bearer(setup.keys["alice"]))
    assert other.status_code == 404
    assert "private question" not in other.text
    missing = await setup.http.get("/v1/requests/req-nobody-001", headers=bearer(setup.keys["alice"]))
    assert missing.status_code == 404  # the same answer as for a row that does not exist
    assert other.json()["error"]["code"] == missing.json()["error"]["code"] == "request_not_found"
    listed = await setup.http.get("/v1/requests", headers=bearer(setup.keys["alice"]))
    assert listed.status_code == 200
    assert [r["request_id"] for r in listed.json()["data"]] == ["req-alice-0001"]
    asked = await setup.http.get("/v1/requests", params={"user": "bob"}, headers=bearer(setup.keys["alice"]))
    assert asked.status_code == 403
    assert asked.json()["error"]["code"] == "staff_only"


async def test_staff_read_any_row_and_filter(setup: Setup) -> None:
    staff = bearer(setup.keys["sam"])
    row = await setup.http.get("/v1/requests/req-bob-00001", headers=staff)
    assert row.status_code == 200 and row.json()["prompt"][1]["content"] == "bob's question"
    everyone = await setup.http.get("/v1/requests", headers=staff)
    assert {r["request_id"] for r in everyone.json()["data"]} == {"req-alice-0001", "req-bob-00001"}
    bobs = await setup.http.get("/v1/requests", params={"user": "bob"}, headers=staff)
    assert [r["request_id"] for r in bobs.json()["data"]] == ["req-bob-00001"]
    hits = await setup.http.get("/v1/requests", params={"cache": "hit-exact"}, headers=staff)
    assert hits.json()["data"] == []
    tomorrow = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 86400))
    later = await setup.http.get("/v1/requests", params={"since": tomorrow}, headers=staff)
    assert later.json()["data"] == []
    bad = await setup.http.get("/v1/requests", params={"since": "last tuesday"}, headers=staff)
    assert bad.status_code == 400  # a bad request parameter is a 400, as everywhere (serving/openapi.py)


async def test_no_key_is_refused(setup: Setup) -> None:
    response = await setup.http.get("/v1/requests/req-alice-0001")
    assert response.status_code == 401


def test_purge_removes_only_rows_past_retention(tmp_path: Path) -> None:
    log = RequestLog.open(Settings(RAGDESK_DATA_DIR=tmp_path))
    now = time.time()
    log.add({"request_id": "old-request-1", "created_at": now - 31 * 86400})
    log.add({"request_id": "new-request-1", "created_at": now - 29 * 86400})
    assert log.purge(30, now=now) == 1
    assert [r["request_id"] for r in log.list(RequestFilter())] == ["new-request-1"]


def test_the_nightly_purge_job_applies_the_retention_setting(tmp_path: Path) -> None:
    from core.dagster_resources import build_resources
    from orchestration.definitions import defs
    from orchestration.observability import request_log_retention_job

    log = RequestLog.open(Settings(RAGDESK_DATA_DIR=tmp_path))
    log.add({"request_id": "old-request-2", "created_at": time.time() - 3 * 86400})
    log.add({"request_id": "new-request-2"})
    resources = build_resources({"RAGDESK_DATA_DIR": str(tmp_path), "REQUEST_LOG_RETENTION_DAYS": "2"})
    result = request_log_retention_job.execute_in_process(resources=resources)
    assert result.success
    assert result.output_for_node("purge_request_log") == 1
    names = {s.name for s in defs().schedules or []}
    assert "request_log_retention" in names

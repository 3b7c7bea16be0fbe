"""The gateway's HTTP behaviour through a small FastAPI app built from `serving.gateway.deps`
(the same dependencies and helpers the real routes use), against a real Redis server: 401, 429
(per minute and daily tokens, with Retry-After and the limit named), 503 when the queue is full,
X-RateLimit-* headers, output caps, refunds, GET /v1/usage, and no start without Redis."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import APIRouter, Body, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from redis import Redis

from core.clients import RedisUnavailableError
from core.redis_server import RedisServer, free_port, temporary_redis
from core.settings import Settings
from serving.gateway.deps import (
    PrincipalDep,
    QuotaDep,
    admit,
    install_gateway,
    output_budget,
    require_api_key,
    reserve_tokens,
    settle,
    usage_report,
)
from serving.gateway.keys import RedisKeyAdmin
from serving.gateway.service import Gateway


def build_app(gateway: Gateway) -> FastAPI:
    """The order of calls a chat route makes (see the integration notes), with a fake generation."""
    app = FastAPI()
    install_gateway(app)
    app.state.gateway = gateway

    @app.get("/health")
    async def health() -> dict[str, bool]:
        return {"ok": True}

    router = APIRouter(dependencies=[Depends(require_api_key)])

    @router.post("/v1/generate")
    async def generate(request: Request, quota: QuotaDep, body: dict[str, Any] = Body(...)) -> JSONResponse:
        max_tokens = output_budget(gateway, quota, body.get("max_tokens"))
        prompt_tokens = int(body.get("prompt_tokens", 100))
        grant = await reserve_tokens(gateway, quota, prompt_tokens, max_tokens)  # 429 daily_tokens
        slot = await admit(gateway, quota, request)  # 503; gives the reservation back if refused
        completion = 0
        try:
            await asyncio.sleep(float(body.get("seconds", 0)))
            completion = min(int(body.get("completion_tokens", 10)), max_tokens)
        finally:
            await settle(gateway, grant, prompt_tokens, completion)
            await slot.release()
        return JSONResponse({"max_tokens": max_tokens, "waited_s": slot.waited_s}, headers=quota.headers())

    @router.get("/v1/usage")
    async def usage(principal: PrincipalDep) -> dict[str, Any]:
        return await usage_report(gateway, principal)

    app.include_router(router)
    return app


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with temporary_redis() as server:
        yield server


@pytest.fixture()
def settings(redis_server: RedisServer, tmp_path: Path) -> Settings:
    return Settings(
        REDIS_URL=redis_server.url,
        RAGDESK_DATA_DIR=tmp_path,
        GATEWAY_REDIS_PREFIX=f"h{uuid.uuid4().hex[:8]}:",
        GATEWAY_MAX_INFLIGHT=1,
        GATEWAY_PAID_RESERVED=0,
        GATEWAY_QUEUE_MAX=1,
        GATEWAY_QUEUE_POLL_S=0.05,
        LLM_MAX_TOKENS=200,
    )


@pytest.fixture()
def admin(settings: Settings) -> Iterator[RedisKeyAdmin]:
    client = Redis.from_url(settings.redis_url)
    yield RedisKeyAdmin(client, settings.gateway_redis_prefix)
    client.close()


@pytest.fixture()
async def client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    gateway = await Gateway.create(settings)
    transport = httpx.ASGITransport(app=build_app(gateway))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http
    await gateway.close()


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def test_health_needs_no_key(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health")).status_code == 200


async def test_401_without_a_valid_key(client: httpx.AsyncClient, admin: RedisKeyAdmin) -> None:
    missing = await client.post("/v1/generate", json={})
    assert missing.status_code == 401
    assert missing.headers["WWW-Authenticate"].startswith("Bearer")
    assert missing.json()["error"]["type"] == "authentication_error"
    assert (await client.post("/v1/generate", json={}, headers=bearer("rd_" + "x" * 43))).status_code == 401
    assert (await client.get("/v1/usage", headers={"Authorization": "Basic abc"})).status_code == 401
    key, record, _ = admin.create_key("alice")
    assert (await client.post("/v1/generate", json={}, headers=bearer(key))).status_code == 200
    assert (await client.post("/v1/generate", json={}, headers={"X-API-Key": key})).status_code == 200
    assert admin.revoke(record.key_id) == 1
    assert (await client.post("/v1/generate", json={}, headers=bearer(key))).status_code == 401


async def test_keys_are_stored_hashed(admin: RedisKeyAdmin, settings: Settings) -> None:
    key, record, _ = admin.create_key("bob", "paid")
    raw = Redis.from_url(settings.redis_url)
    try:
        dump = b"".join(raw.dump(k) or b"" for k in raw.keys(f"{settings.gateway_redis_prefix}*"))
    finally:
        raw.close()
    assert key.encode() not in dump
    assert record.key_hash not in key


async def test_success_carries_rate_limit_headers(client: httpx.AsyncClient, admin: RedisKeyAdmin) -> None:
    key, _, _ = admin.create_key("carol", "paid")
    response = await client.post("/v1/generate", json={"prompt_tokens": 300}, headers=bearer(key))
    assert response.status_code == 200
    h = response.headers
    assert h["X-RateLimit-Limit-Requests"] == "120" and h["X-RateLimit-Remaining-Requests"] == "119"
    assert h["X-RateLimit-Limit-Tokens"] == "50000"
    assert int(h["X-RateLimit-Remaining-Tokens"]) == 50_000 - 300 - 200
    assert h["X-RateLimit-Reset-Tokens"].endswith("s") and h["X-RateLimit-Reset-Requests"].endswith("s")


async def test_429_per_minute(client: httpx.AsyncClient, admin: RedisKeyAdmin) -> None:
    key, _, _ = admin.create_key("dave", rpm=2)
    for _ in range(2):
        assert (await client.post("/v1/generate", json={}, headers=bearer(key))).status_code == 200
    refused = await client.post("/v1/generate", json={}, headers=bearer(key))
    assert refused.status_code == 429
    assert refused.json()["error"]["limit"] == "requests_per_minute"
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.headers["X-RateLimit-Remaining-Requests"] == "0"


async def test_429_daily_tokens_and_refund(client: httpx.AsyncClient, admin: RedisKeyAdmin) -> None:
    key, _, _ = admin.create_key("erin", daily_tokens=1_000)
    body = {"prompt_tokens": 500, "max_tokens": 400, "completion_tokens": 50}
    first = await client.post("/v1/generate", json=body, headers=bearer(key))
    assert first.status_code == 200
    # 900 reserved, 550 used (350 refunded): a second 900 does not fit in the 450 left
    assert (await client.post("/v1/generate", json=body, headers=bearer(key))).status_code == 429
    usage = (await client.get("/v1/usage", headers=bearer(key))).json()
    assert usage["tokens"]["used"] == 550 and usage["tokens"]["remaining"] == 450
    refused = await client.post("/v1/generate", json=body, headers=bearer(key))
    assert refused.status_code == 429
    assert refused.json()["error"]["limit"] == "daily_tokens"
    assert 0 < int(refused.headers["Retry-After"]) <= 86_400
    assert refused.headers["X-RateLimit-Remaining-Tokens"] == "450"


async def test_output_cap(client: httpx.AsyncClient, admin: RedisKeyAdmin) -> None:
    key, _, _ = admin.create_key("frank", output_cap=100)
    response = await client.post("/v1/generate", json={"max_tokens": 5_000}, headers=bearer(key))
    assert response.json()["max_tokens"] == 100
    assert response.headers["X-RateLimit-Output-Cap"] == "100"


async def test_503_when_the_queue_is_full(client: httpx.AsyncClient, admin: RedisKeyAdmin) -> None:
    key, _, _ = admin.create_key("grace", "paid")
    slow = {"seconds": 0.8}
    running = asyncio.create_task(client.post("/v1/generate", json=slow, headers=bearer(key)))
    await asyncio.sleep(0.2)
    waiting = asyncio.create_task(client.post("/v1/generate", json=slow, headers=bearer(key)))
    await asyncio.sleep(0.2)
    refused = await client.post("/v1/generate", json={}, headers=bearer(key))
    assert refused.status_code == 503
    assert refused.json()["error"]["code"] == "queue_full"
    assert int(refused.headers["Retry-After"]) >= 1
    assert (await running).status_code == 200
    assert (await waiting).status_code == 200
    # the refused request's reservation was given back
    usage = (await client.get("/v1/usage", headers=bearer(key))).json()
    assert usage["tokens"]["reserved_in_flight"] == 0


async def test_set_tier_applies_at_once(client: httpx.AsyncClient, admin: RedisKeyAdmin) -> None:
    key, _, _ = admin.create_key("heidi")
    first = await client.post("/v1/generate", json={}, headers=bearer(key))
    assert first.headers["X-RateLimit-Limit-Requests"] == "30"
    admin.set_tier("heidi", "paid")
    admin.set_limits("heidi", daily_tokens=123_456)
    second = await client.post("/v1/generate", json={}, headers=bearer(key))
    assert second.headers["X-RateLimit-Limit-Requests"] == "120"
    assert second.headers["X-RateLimit-Limit-Tokens"] == "123456"


async def test_without_redis_the_gateway_does_not_start(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No in-process substitute: nothing answering at the Redis in use is an error naming it."""
    port = free_port()  # nothing listens there
    monkeypatch.delenv("REDIS_URL", raising=False)
    unset = Settings(RAGDESK_DATA_DIR=tmp_path, REDIS_PORT=port)
    assert unset.resolved_redis_url == f"redis://127.0.0.1:{port}/0"
    with pytest.raises(RedisUnavailableError) as info:
        await Gateway.create(unset)
    message = str(info.value)
    assert f"redis://127.0.0.1:{port}/0" in message and "REDIS_URL is empty" in message and "ragdesk up" in message
    configured = Settings(RAGDESK_DATA_DIR=tmp_path, REDIS_URL=f"redis://:secret@127.0.0.1:{port}/2")
    with pytest.raises(RedisUnavailableError) as info:
        await Gateway.create(configured)
    message = str(info.value)
    assert f"redis://127.0.0.1:{port}/2" in message and "check REDIS_URL" in message and "secret" not in message

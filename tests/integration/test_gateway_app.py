"""The gateway and the response cache wired into the real app: the demo collection, the fake
answer model (core/testing/fake_llm.py, its calls counted) and a throwaway Redis server. API keys (401),
X-RateLimit-* headers, 429 with Retry-After, cache hits with no model call, flagged answers not
cached, token budgets settled with the real usage and refunded when the stream is cut, and the
review queue of flagged answers open to staff keys only (403 for the key that asked)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from redis import Redis

from core.redis_server import RedisServer, temporary_redis
from core.settings import Settings
from core.testing.fake_llm import RIGHT_LAPTOP_ANSWER, WRONG_LAPTOP_ANSWER
from serving.gateway.keys import RedisKeyAdmin
from tests.conftest import ThreadedUvicorn, guarded_api

LAPTOP = "Can I return a laptop after 45 days?"
PREFIX = "rdtest:"


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with temporary_redis() as server:
        yield server


@pytest.fixture(scope="module")
def app_server(
    demo_index: Settings,
    embedder: Any,
    fake_llm: Any,
    redis_server: RedisServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ThreadedUvicorn]:
    with guarded_api(
        demo_index,
        embedder,
        fake_llm.url,
        tmp_path_factory.mktemp("gateway-app"),
        redis_url=redis_server.url,
        gateway_redis_prefix=PREFIX,
        gateway_require_keys=True,
        gateway_rpm_paid=120,
        gateway_daily_tokens=50_000,
        cache_enabled=True,
    ) as server:
        yield server


@pytest.fixture()
def api(app_server: ThreadedUvicorn, fake_llm: Any) -> Iterator[ThreadedUvicorn]:
    """A clean response cache and the fake model's default answer for each test."""
    app_server.app.state.services.cache.clear()
    fake_llm.answer = WRONG_LAPTOP_ANSWER
    yield app_server
    fake_llm.answer = WRONG_LAPTOP_ANSWER
    fake_llm.delay_s = 0.01


def new_key(redis_server: RedisServer, tier: str = "paid", **limits: Any) -> tuple[str, dict[str, str]]:
    user = f"u{uuid.uuid4().hex[:10]}"
    admin = RedisKeyAdmin(Redis.from_url(redis_server.url), PREFIX)
    key, _record, _user = admin.create_key(user, tier, **limits)  # type: ignore[arg-type]
    return user, {"Authorization": f"Bearer {key}"}


def chat(question: str, stream: bool = False) -> dict[str, Any]:
    return {"model": "ragdesk", "messages": [{"role": "user", "content": question}], "stream": stream}


def usage(url: str, headers: dict[str, str]) -> dict[str, Any]:
    response = httpx.get(f"{url}/v1/usage", headers=headers, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_keys_are_required(api: ThreadedUvicorn) -> None:
    for headers in ({}, {"Authorization": "Bearer rd_not-a-key"}, {"X-API-Key": "rd_wrong"}):
        for method, path, body in (
            ("POST", "/v1/chat/completions", chat(LAPTOP)),
            ("POST", "/v1/answer/stream", {"question": LAPTOP}),
            ("POST", "/v1/search", {"question": LAPTOP}),
            ("GET", "/v1/usage", None),
            ("GET", "/v1/models", None),
        ):
            response = httpx.request(method, f"{api.url}{path}", json=body, headers=headers, timeout=10)
            assert response.status_code == 401, (path, headers, response.text)
            assert response.json()["error"]["type"] == "authentication_error"
    for path in ("/health", "/", "/static/chat.js"):
        assert httpx.get(f"{api.url}{path}", timeout=10).status_code == 200, path


def test_answer_with_headers_settled_and_then_served_from_the_cache(
    api: ThreadedUvicorn, fake_llm: Any, redis_server: RedisServer
) -> None:
    fake_llm.answer = RIGHT_LAPTOP_ANSWER
    _user, headers = new_key(redis_server)
    calls = len(fake_llm.requests)
    first = httpx.post(f"{api.url}/v1/chat/completions", json=chat(LAPTOP), headers=headers, timeout=60)
    assert first.status_code == 200, first.text
    assert first.headers["X-Cache"] == "miss"
    assert first.headers["X-RateLimit-Limit-Requests"] == "120"
    assert int(first.headers["X-RateLimit-Remaining-Requests"]) == 119
    assert "X-RateLimit-Remaining-Tokens" in first.headers and "X-RateLimit-Output-Cap" in first.headers
    assert len(fake_llm.requests) == calls + 1
    body = first.json()
    assert body["ragdesk"]["grounding"]["grounded"] is True
    # the reservation was settled with the model server's own count
    spent = body["usage"]["total_tokens"]
    assert spent > 0
    report = usage(api.url, headers)
    assert report["tokens"]["used"] == spent
    assert report["tokens"]["reserved_in_flight"] == 0
    assert report["tokens"]["completion"] == body["usage"]["completion_tokens"]

    # the same question again (other wording of case and spacing): no model call, no tokens
    again = httpx.post(
        f"{api.url}/v1/chat/completions",
        json=chat("  can I return a laptop after 45 days? "),
        headers=headers,
        timeout=60,
    )
    assert again.status_code == 200, again.text
    assert again.headers["X-Cache"] == "hit-exact"
    assert again.json()["choices"][0]["message"]["content"] == RIGHT_LAPTOP_ANSWER
    assert [s["chunk_id"] for s in again.json()["sources"]] == [s["chunk_id"] for s in body["sources"]]
    with httpx.stream(
        "POST", f"{api.url}/v1/answer/stream", json={"question": LAPTOP}, headers=headers, timeout=60
    ) as sse:
        assert sse.status_code == 200 and sse.headers["X-Cache"] == "hit-exact"
        text = sse.read().decode()
    assert "event: done" in text and "laptops can be returned within 30 days" in text
    with httpx.stream(
        "POST", f"{api.url}/v1/chat/completions", json=chat(LAPTOP, True), headers=headers, timeout=60
    ) as oai:
        assert oai.status_code == 200 and oai.headers["X-Cache"] == "hit-exact"
        assert "[DONE]" in oai.read().decode()
    assert len(fake_llm.requests) == calls + 1
    report = usage(api.url, headers)
    assert report["tokens"]["used"] == spent
    assert report["requests"]["cache_hits_today"] == 3
    assert report["requests"]["last_minute"] == 6  # 4 answers and 2 /v1/usage calls (every keyed route counts)


def test_a_flagged_answer_is_not_cached(api: ThreadedUvicorn, fake_llm: Any, redis_server: RedisServer) -> None:
    fake_llm.answer = WRONG_LAPTOP_ANSWER
    _user, headers = new_key(redis_server)
    calls = len(fake_llm.requests)
    for _ in range(2):
        response = httpx.post(f"{api.url}/v1/chat/completions", json=chat(LAPTOP), headers=headers, timeout=60)
        assert response.status_code == 200, response.text
        assert response.headers["X-Cache"] == "miss"
        assert response.json()["ragdesk"]["grounding"]["grounded"] is False
    assert len(fake_llm.requests) == calls + 2


def test_the_review_queue_is_for_staff_keys(api: ThreadedUvicorn, fake_llm: Any, redis_server: RedisServer) -> None:
    fake_llm.answer = WRONG_LAPTOP_ANSWER
    user, headers = new_key(redis_server)
    response = httpx.post(f"{api.url}/v1/chat/completions", json=chat(LAPTOP), headers=headers, timeout=60)
    assert response.status_code == 200, response.text
    item_id = response.json()["ragdesk"]["grounding"]["review_id"]
    assert item_id
    # the customer's key (not staff) sees nothing of the queue and resolves nothing
    for method, path, body in (
        ("GET", "/v1/reviews", None),
        ("GET", f"/v1/reviews/{item_id}", None),
        ("POST", f"/v1/reviews/{item_id}/resolve", {"resolution": "answer_correct"}),
    ):
        refused = httpx.request(method, f"{api.url}{path}", json=body, headers=headers, timeout=30)
        assert refused.status_code == 403, (path, refused.text)
        error = refused.json()["error"]
        assert error["type"] == "permission_error" and error["code"] == "staff_only"
        assert f"ragdesk keys set-staff --user {user}" in error["message"]
        assert httpx.request(method, f"{api.url}{path}", json=body, timeout=30).status_code == 401
    _staff, staff_headers = new_key(redis_server, "free", staff=True)
    listing = httpx.get(f"{api.url}/v1/reviews", params={"status": "all"}, headers=staff_headers, timeout=30)
    assert listing.status_code == 200, listing.text
    item = next(i for i in listing.json()["items"] if i["id"] == item_id)
    assert item["status"] == "open" and item["answer"] == WRONG_LAPTOP_ANSWER
    resolved = httpx.post(
        f"{api.url}/v1/reviews/{item_id}/resolve",
        json={"resolution": "answer_wrong"},
        headers=staff_headers,
        timeout=30,
    )
    assert resolved.status_code == 200 and resolved.json()["resolution"] == "answer_wrong"


def test_requests_per_minute_gives_429_with_retry_after(api: ThreadedUvicorn, redis_server: RedisServer) -> None:
    _user, headers = new_key(redis_server, "free", rpm=2)
    for _ in range(2):
        ok = httpx.post(f"{api.url}/v1/search", json={"question": LAPTOP}, headers=headers, timeout=30)
        assert ok.status_code == 200, ok.text
    refused = httpx.post(f"{api.url}/v1/chat/completions", json=chat(LAPTOP), headers=headers, timeout=30)
    assert refused.status_code == 429
    assert refused.json()["error"]["limit"] == "requests_per_minute"
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    assert refused.headers["X-RateLimit-Remaining-Requests"] == "0"


def test_a_cut_stream_is_refunded(api: ThreadedUvicorn, fake_llm: Any, redis_server: RedisServer) -> None:
    fake_llm.answer = " ".join(["Electronics such as laptops can be returned within 30 days of delivery."] * 12)
    fake_llm.delay_s = 0.05  # ~150 words: 7 s if nobody stopped it
    words = len(fake_llm.pieces())
    _user, headers = new_key(redis_server)
    calls = len(fake_llm.requests)
    with httpx.stream(
        "POST", f"{api.url}/v1/answer/stream", json={"question": LAPTOP}, headers=headers, timeout=60
    ) as sse:
        assert sse.status_code == 200 and sse.headers["X-Cache"] == "miss"
        time.sleep(0.5)  # generation under way; then the client goes away
    deadline = time.monotonic() + 15
    report = usage(api.url, headers)
    while report["tokens"]["reserved_in_flight"] and time.monotonic() < deadline:
        time.sleep(0.2)
        report = usage(api.url, headers)
    assert len(fake_llm.requests) == calls + 1
    assert report["tokens"]["reserved_in_flight"] == 0
    # charged for the prompt and what was streamed before the cut; the rest of the reservation
    # (prompt + max_tokens) refunded
    tokens = report["tokens"]
    assert tokens["prompt"] > 0 and tokens["completion"] < words
    assert tokens["used"] == tokens["prompt"] + tokens["completion"]


def test_a_spent_budget_is_refused_before_retrieval(api: ThreadedUvicorn, redis_server: RedisServer) -> None:
    """A caller whose day's tokens cannot cover an answer's output gets its 429 at once: no search
    runs first (the route's retrieval is watched), and the refusal is counted in its usage."""
    _user, headers = new_key(redis_server, daily_tokens=5)
    rag = api.app.state.services.rag
    prepared: list[Any] = []
    original = rag.prepare

    async def watched(*args: Any, **kwargs: Any) -> Any:
        prepared.append(args)
        return await original(*args, **kwargs)

    rag.prepare = watched
    try:
        refused = httpx.post(f"{api.url}/v1/chat/completions", json=chat(LAPTOP), headers=headers, timeout=30)
    finally:
        del rag.prepare  # the instance attribute goes; the class's method answers again
    assert refused.status_code == 429, refused.text
    assert refused.json()["error"]["limit"] == "daily_tokens"
    assert int(refused.headers["Retry-After"]) > 0
    assert prepared == []
    assert usage(api.url, headers)["requests"]["refused_today"] == 1

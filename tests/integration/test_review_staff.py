"""The review queue is for staff keys: the real review router (serving/api/routes/review.py) mounted
the way serving/main.py mounts it, on a gateway backed by a real Redis server. A valid key of a user who is not staff gets 403 (OpenAI-shaped, naming the fix) on
list, read and resolve, and resolves nothing; a staff key gets 200; granting and revoking staff
applies at once; users stored before roles existed are not staff; without keys
(GATEWAY_REQUIRE_KEYS=false) the anonymous caller is staff."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi import Depends, FastAPI
from redis import Redis

from core.redis_server import RedisServer, temporary_redis
from core.settings import Settings
from serving.api.deps import get_reviews
from serving.api.routes import review
from serving.errors import install_error_handlers
from serving.gateway.deps import install_gateway, require_api_key
from serving.gateway.keys import RedisKeyAdmin
from serving.gateway.service import Gateway
from serving.review import NewReview, ReviewStore

ROUTES = ("list", "get", "resolve")


def build_app(gateway: Gateway, reviews: ReviewStore) -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)
    install_gateway(app)
    app.state.gateway = gateway
    app.include_router(review.router, dependencies=[Depends(require_api_key)])  # as serving/main.py
    app.dependency_overrides[get_reviews] = lambda: reviews
    return app


def flagged(reviews: ReviewStore, question: str = "Can I return a laptop after 45 days?") -> int:
    return reviews.add(
        NewReview(
            question=question,
            standalone_question=question,
            context=[{"chunk_id": "c1", "text": "Laptops can be returned within 30 days."}],
            prompt=[{"role": "system", "content": "the full prompt"}, {"role": "user", "content": question}],
            prompt_version="test",
            answer="Yes, within 45 days.",
            served_answer="Laptops can be returned within 30 days.",
            verdict="contradicted",
            verdicts=[{"text": "Yes, within 45 days.", "verdict": "contradicted"}],
            policy="replace",
        )
    )


async def call(http: httpx.AsyncClient, route: str, item_id: int, headers: dict[str, str]) -> httpx.Response:
    if route == "list":
        return await http.get("/v1/reviews", params={"status": "all"}, headers=headers)
    if route == "get":
        return await http.get(f"/v1/reviews/{item_id}", headers=headers)
    return await http.post(
        f"/v1/reviews/{item_id}/resolve", json={"resolution": "answer_correct", "note": "x"}, headers=headers
    )


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@dataclass
class Setup:
    http: httpx.AsyncClient
    admin: RedisKeyAdmin
    reviews: ReviewStore
    settings: Settings


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with temporary_redis() as server:
        yield server


@pytest.fixture()
async def setup(redis_server: RedisServer, tmp_path: Path) -> AsyncIterator[Setup]:
    reviews = ReviewStore.open(Settings(RAGDESK_DATA_DIR=tmp_path))
    settings = Settings(
        REDIS_URL=redis_server.url, RAGDESK_DATA_DIR=tmp_path, GATEWAY_REDIS_PREFIX=f"s{uuid.uuid4().hex[:8]}:"
    )
    redis_client = Redis.from_url(redis_server.url)
    admin = RedisKeyAdmin(redis_client, settings.gateway_redis_prefix)
    gateway = await Gateway.create(settings)
    transport = httpx.ASGITransport(app=build_app(gateway, reviews))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield Setup(http, admin, reviews, settings)
    await gateway.close()
    redis_client.close()


async def test_a_key_that_is_not_staff_gets_403_and_resolves_nothing(setup: Setup) -> None:
    item_id = flagged(setup.reviews)
    key, _, user = setup.admin.create_key("carol", "paid")
    assert user.staff is False
    for route in ROUTES:
        response = await call(setup.http, route, item_id, bearer(key))
        assert response.status_code == 403, (route, response.text)
        error = response.json()["error"]
        assert error["type"] == "permission_error" and error["code"] == "staff_only", error
        assert "staff" in error["message"] and "ragdesk keys set-staff --user carol" in error["message"]
        assert "laptop" not in response.text  # nothing of the item leaks
    # the X-API-Key header is refused the same way
    assert (await setup.http.get("/v1/reviews", headers={"X-API-Key": key})).status_code == 403
    item = setup.reviews.get(item_id)
    assert item.status == "open" and item.resolution == "" and item.note == ""


async def test_no_key_is_still_401(setup: Setup) -> None:
    item_id = flagged(setup.reviews)
    for headers in ({}, bearer("rd_" + "x" * 43)):
        for route in ROUTES:
            response = await call(setup.http, route, item_id, headers)
            assert response.status_code == 401, (route, response.text)
            assert response.json()["error"]["type"] == "authentication_error"
    assert setup.reviews.get(item_id).status == "open"


async def test_a_staff_key_lists_reads_and_resolves(setup: Setup) -> None:
    item_id = flagged(setup.reviews)
    key, _, user = setup.admin.create_key("dora", staff=True)
    assert user.staff is True and user.tier == "free"
    listing = await call(setup.http, "list", item_id, bearer(key))
    assert listing.status_code == 200, listing.text
    assert [i["id"] for i in listing.json()["items"]] == [item_id]
    item = await call(setup.http, "get", item_id, bearer(key))
    assert item.status_code == 200 and item.json()["prompt"][0]["content"] == "the full prompt"
    resolved = await call(setup.http, "resolve", item_id, bearer(key))
    assert resolved.status_code == 200, resolved.text
    assert resolved.json()["status"] == "resolved" and resolved.json()["resolution"] == "answer_correct"
    assert setup.reviews.get(item_id).status == "resolved"


async def test_granting_and_revoking_staff_applies_at_once(setup: Setup) -> None:
    item_id = flagged(setup.reviews)
    key, _, _ = setup.admin.create_key("erin", rpm=7)
    assert (await call(setup.http, "list", item_id, bearer(key))).status_code == 403
    granted = setup.admin.set_staff("erin", True)
    assert granted.staff and granted.rpm == 7  # the other settings are kept
    assert (await call(setup.http, "list", item_id, bearer(key))).status_code == 200
    # a second key for the same user is staff too; creating it without --staff keeps the role
    other, _, record = setup.admin.create_key("erin")
    assert record.staff is True
    assert (await call(setup.http, "get", item_id, bearer(other))).status_code == 200
    revoked = setup.admin.set_staff("erin", False)
    assert not revoked.staff and revoked.rpm == 7
    for k in (key, other):
        assert (await call(setup.http, "resolve", item_id, bearer(k))).status_code == 403
    assert setup.reviews.get(item_id).status == "open"
    # set_tier and set_limits keep the role
    setup.admin.set_staff("erin", True)
    setup.admin.set_tier("erin", "paid")
    setup.admin.set_limits("erin", daily_tokens=5_000)
    assert (await call(setup.http, "list", item_id, bearer(key))).status_code == 200
    with pytest.raises(ValueError, match="no user"):
        setup.admin.set_staff("nobody", True)


async def test_users_stored_before_roles_existed_are_not_staff(setup: Setup) -> None:
    """A user record without the `staff` field (written by the previous version) is not staff."""
    item_id = flagged(setup.reviews)
    key, _, _ = setup.admin.create_key("frank", "paid")
    setup.admin.redis.hdel(f"{setup.settings.gateway_redis_prefix}user:frank", "staff")
    assert b"staff" not in setup.admin.redis.hgetall(f"{setup.settings.gateway_redis_prefix}user:frank")
    record = setup.admin.get_user("frank")
    assert record is not None and record.staff is False and record.tier == "paid"
    assert (await call(setup.http, "list", item_id, bearer(key))).status_code == 403


async def test_without_keys_the_anonymous_caller_is_staff(redis_server: RedisServer, tmp_path: Path) -> None:
    settings = Settings(
        RAGDESK_DATA_DIR=tmp_path,
        REDIS_URL=redis_server.url,
        GATEWAY_REDIS_PREFIX=f"s{uuid.uuid4().hex[:8]}:",
        GATEWAY_REQUIRE_KEYS=False,
    )
    reviews = ReviewStore.open(settings)
    item_id = flagged(reviews)
    gateway = await Gateway.create(settings)
    transport = httpx.ASGITransport(app=build_app(gateway, reviews))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        for route in ROUTES:
            response = await call(http, route, item_id, {})
            assert response.status_code == 200, (route, response.text)
    await gateway.close()
    assert reviews.get(item_id).status == "resolved"

"""Handoff to a person through the real app (serving/main.py): the demo collection, the grounding
guard in front of the fake answer model (its calls counted), API keys in a real Redis server, the
handoff_items table in SQLite, and a real HTTP webhook receiver on a loopback port (http.server in
a thread) standing in for a helpdesk's inbound URL.

- a "yes" to the guard's "Would you like me to connect you ..." over SSE creates an item (the
  conversation, the retrieved context, the user and key id), confirms it with a `handoff` event
  and no model call, and the receiver gets it with the conversation, signed;
- "talk to a human" on the OpenAI route, streamed and not, does the same;
- a plain "yes" after an answer that offered nobody is answered as usual;
- the receiver down: the item stays pending with the error and the attempt count, then is
  delivered once the receiver is back;
- the staff routes refuse keys that are not staff (403) and callers without a key (401);
- without a webhook, items wait for staff (pending, never attempted)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from openai import OpenAI
from redis import Redis

from core.redis_server import RedisServer, temporary_redis
from core.settings import Settings
from core.testing.fake_llm import WRONG_LAPTOP_ANSWER
from serving.gateway.keys import RedisKeyAdmin
from serving.replacement import OFFER_HUMAN
from tests.conftest import ThreadedUvicorn, guarded_api
from tests.integration.sse import parse_sse
from tests.webhook_receiver import WebhookReceiver

LAPTOP = "Can I return a laptop after 45 days?"
PREFIX = "rdhandoff:"
SECRET = "s3cret-for-the-helpdesk"
CONFIRMATION_START = "I've passed this conversation to our support team"


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with temporary_redis() as server:
        yield server


@pytest.fixture(scope="module")
def receiver() -> Iterator[WebhookReceiver]:
    hook = WebhookReceiver()
    hook.up()
    yield hook
    hook.down()


@pytest.fixture(scope="module")
def app(
    demo_index: Settings,
    embedder: Any,
    fake_llm: Any,
    redis_server: RedisServer,
    receiver: WebhookReceiver,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ThreadedUvicorn]:
    with guarded_api(
        demo_index,
        embedder,
        fake_llm.url,
        tmp_path_factory.mktemp("handoff-app"),
        redis_url=redis_server.url,
        gateway_redis_prefix=PREFIX,
        gateway_require_keys=True,
        cache_enabled=False,
        handoff_webhook_url=receiver.url,
        handoff_webhook_secret=SECRET,
        handoff_webhook_timeout_s=2.0,
        handoff_retry_base_s=0.2,
        handoff_retry_max_s=0.5,
        handoff_poll_s=0.2,
    ) as server:
        yield server


def new_key(redis_server: RedisServer, staff: bool = False) -> tuple[str, dict[str, str]]:
    user = f"u{uuid.uuid4().hex[:10]}"
    admin = RedisKeyAdmin(Redis.from_url(redis_server.url), PREFIX)
    key, _record, _user = admin.create_key(user, "paid", staff=staff)
    return user, {"Authorization": f"Bearer {key}"}


def stream(url: str, body: dict[str, Any], headers: dict[str, str]) -> tuple[httpx.Response, list[tuple[str, Any]]]:
    with httpx.stream("POST", f"{url}/v1/answer/stream", json=body, headers=headers, timeout=120) as response:
        lines = list(response.iter_lines())
    return response, parse_sse(lines)


def tokens(events: list[tuple[str, Any]]) -> str:
    return "".join(data["text"] for name, data in events if name == "token")


def staff_item(url: str, item_id: int, staff: dict[str, str]) -> dict[str, Any]:
    response = httpx.get(f"{url}/v1/handoffs/{item_id}", headers=staff, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def wait_for(check: Callable[[], Any], timeout_s: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"not within {timeout_s}s")


def test_yes_to_the_offer_over_sse_creates_a_delivered_item(
    app: ThreadedUvicorn, fake_llm: Any, redis_server: RedisServer, receiver: WebhookReceiver
) -> None:
    fake_llm.answer = WRONG_LAPTOP_ANSWER  # the guard withdraws it and offers a person
    user, headers = new_key(redis_server)
    _, staff = new_key(redis_server, staff=True)
    _, first = stream(app.url, {"question": LAPTOP}, headers)
    served = tokens(first)
    assert OFFER_HUMAN in served, served
    calls = len(fake_llm.requests)

    messages = [
        {"role": "user", "content": LAPTOP},
        {"role": "assistant", "content": served},
        {"role": "user", "content": "yes please"},
    ]
    response, events = stream(app.url, {"messages": messages}, headers)
    assert response.status_code == 200
    assert [name for name, _ in events] == ["handoff", "token", "citations", "done"]
    handoff = events[0][1]
    item_id = handoff["id"]
    assert response.headers["X-Handoff-Id"] == str(item_id)
    assert handoff["reason"] == "accepted_offer" and handoff["status"] == "open"
    assert tokens(events).startswith(CONFIRMATION_START) and f"#{item_id}" in tokens(events)
    assert events[-1][1]["handoff"]["id"] == item_id and events[-1][1]["usage"]["total_tokens"] == 0
    assert len(fake_llm.requests) == calls  # no model call for a handoff

    item = staff_item(app.url, item_id, staff)
    assert item["user"] == user and len(item["key_id"]) == 12 and item["channel"] == "sse"
    assert item["conversation"] == messages
    assert item["question"] == LAPTOP
    assert item["context"] and any(c["doc_id"].startswith("returns/") for c in item["context"])
    assert all(c["url"].startswith("/docs/") and c["text"] for c in item["context"])

    delivered = wait_for(lambda: (i := staff_item(app.url, item_id, staff))["delivery"] == "delivered" and i)
    assert delivered["attempts"] == 1 and delivered["last_error"] == "" and delivered["delivered_at"]
    (body,) = receiver.bodies(item_id)
    assert body["conversation"] == messages and body["user"] == user and body["type"] == "ragdesk.handoff"
    assert body["context"][0]["text"]
    headers_seen, raw = next((h, b) for h, b in receiver.received if json.loads(b)["id"] == item_id)
    assert headers_seen["idempotency-key"] == f"ragdesk-handoff-{item_id}"
    assert headers_seen["x-ragdesk-webhook-secret"] == SECRET
    expected = hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()
    assert headers_seen["x-ragdesk-signature"] == f"sha256={expected}"


def test_talk_to_a_human_on_the_openai_route(
    app: ThreadedUvicorn, fake_llm: Any, redis_server: RedisServer, receiver: WebhookReceiver
) -> None:
    user, headers = new_key(redis_server)
    _, staff = new_key(redis_server, staff=True)
    key = headers["Authorization"].removeprefix("Bearer ")
    client = OpenAI(base_url=f"{app.url}/v1", api_key=key, max_retries=0)
    calls = len(fake_llm.requests)
    conversation = [
        {"role": "user", "content": "Do you ship to Switzerland?"},
        {"role": "assistant", "content": "Yes, we deliver to Switzerland."},
        {"role": "user", "content": "I want to talk to a real person"},
    ]
    completion = client.chat.completions.create(model="ragdesk", messages=conversation)  # type: ignore[arg-type]
    content = completion.choices[0].message.content or ""
    handoff = (completion.model_extra or {})["handoff"]
    assert content.startswith(CONFIRMATION_START) and f"#{handoff['id']}" in content
    assert handoff["reason"] == "request" and completion.choices[0].finish_reason == "stop"

    chunks = list(
        client.chat.completions.create(
            model="ragdesk",
            messages=[{"role": "user", "content": "Can I speak to an agent, please?"}],
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    streamed_id = next((c.model_extra or {})["handoff"]["id"] for c in chunks if (c.model_extra or {}).get("handoff"))
    assert streamed.startswith(CONFIRMATION_START) and f"#{streamed_id}" in streamed
    assert chunks[-1].usage is not None and chunks[-1].usage.total_tokens == 0
    assert len(fake_llm.requests) == calls  # neither called the model

    item = staff_item(app.url, handoff["id"], staff)
    assert item["channel"] == "openai" and item["user"] == user
    assert item["conversation"] == conversation and item["question"] == "Do you ship to Switzerland?"
    assert item["context"]
    assert staff_item(app.url, streamed_id, staff)["context"] == []  # nothing asked before: no context
    wait_for(lambda: receiver.bodies(handoff["id"]) and receiver.bodies(streamed_id))
    assert receiver.bodies(handoff["id"])[0]["conversation"] == conversation


def test_a_plain_yes_without_an_offer_is_answered(
    app: ThreadedUvicorn, fake_llm: Any, redis_server: RedisServer
) -> None:
    _, headers = new_key(redis_server)
    calls = len(fake_llm.requests)
    messages = [
        {"role": "user", "content": "Do you ship to Switzerland?"},
        {"role": "assistant", "content": "Yes, we deliver to Switzerland within 3-5 working days."},
        {"role": "user", "content": "yes"},
    ]
    response, events = stream(app.url, {"messages": messages}, headers)
    assert response.status_code == 200 and "X-Handoff-Id" not in response.headers
    assert "handoff" not in [name for name, _ in events]
    assert len(fake_llm.requests) == calls + 1  # answered by the model


def test_webhook_down_keeps_the_item_pending_then_delivers_it(
    app: ThreadedUvicorn, redis_server: RedisServer, receiver: WebhookReceiver
) -> None:
    _, headers = new_key(redis_server)
    _, staff = new_key(redis_server, staff=True)
    receiver.down()
    try:
        _, events = stream(app.url, {"question": "talk to a human"}, headers)
        item_id = events[0][1]["id"]
        pending = wait_for(lambda: (i := staff_item(app.url, item_id, staff))["attempts"] >= 2 and i)
        assert pending["delivery"] == "pending"
        assert "Connect" in pending["last_error"], pending["last_error"]
        assert pending["next_attempt_at"] and pending["last_attempt_at"]
        listing = httpx.get(f"{app.url}/v1/handoffs", params={"delivery": "pending"}, headers=staff, timeout=10)
        assert item_id in [i["id"] for i in listing.json()["items"]]
        assert listing.json()["counts"]["pending"] >= 1 and listing.json()["webhook_configured"] is True
        assert receiver.bodies(item_id) == []
    finally:
        receiver.up()
    delivered = wait_for(lambda: (i := staff_item(app.url, item_id, staff))["delivery"] == "delivered" and i)
    assert delivered["attempts"] >= 3 and delivered["last_error"] == ""
    assert len(receiver.bodies(item_id)) == 1


def test_staff_routes_refuse_other_keys(app: ThreadedUvicorn, redis_server: RedisServer) -> None:
    customer, headers = new_key(redis_server)
    _, staff = new_key(redis_server, staff=True)
    _, events = stream(app.url, {"question": "speak to an agent"}, headers)
    item_id = events[0][1]["id"]
    calls = [
        ("GET", "/v1/handoffs", None),
        ("GET", f"/v1/handoffs/{item_id}", None),
        ("POST", f"/v1/handoffs/{item_id}/resolve", {"note": "x"}),
        ("POST", f"/v1/handoffs/{item_id}/redeliver", None),
    ]
    for method, path, body in calls:
        refused = httpx.request(method, f"{app.url}{path}", json=body, headers=headers, timeout=10)
        assert refused.status_code == 403, (path, refused.text)
        error = refused.json()["error"]
        assert error["code"] == "staff_only" and f"ragdesk keys set-staff --user {customer}" in error["message"]
        assert "speak to an agent" not in refused.text
        for anonymous in ({}, {"Authorization": "Bearer rd_not-a-key"}):
            response = httpx.request(method, f"{app.url}{path}", json=body, headers=anonymous, timeout=10)
            assert response.status_code == 401, (path, response.text)
    assert staff_item(app.url, item_id, staff)["status"] == "open"

    resolved = httpx.post(f"{app.url}/v1/handoffs/{item_id}/resolve", json={"note": "called back"}, headers=staff)
    assert resolved.status_code == 200, resolved.text
    assert resolved.json()["status"] == "resolved" and resolved.json()["note"] == "called back"
    again = httpx.post(f"{app.url}/v1/handoffs/{item_id}/resolve", json={}, headers=staff)
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_resolved"
    missing = httpx.get(f"{app.url}/v1/handoffs/999999", headers=staff, timeout=10)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "handoff_not_found"
    too_long = httpx.post(f"{app.url}/v1/handoffs/{item_id}/resolve", json={"note": "x" * 2001}, headers=staff)
    assert too_long.status_code == 422
    open_items = httpx.get(f"{app.url}/v1/handoffs", params={"status": "open"}, headers=staff, timeout=10).json()
    assert item_id not in [i["id"] for i in open_items["items"]]
    assert "resolved" in open_items["counts"]


def test_without_a_webhook_items_wait_for_staff(
    demo_index: Settings, embedder: Any, fake_llm: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    with guarded_api(demo_index, embedder, fake_llm.url, tmp_path_factory.mktemp("handoff-nohook")) as server:
        response, events = stream(server.url, {"question": "Human please"}, {})
        assert response.status_code == 200 and events[0][0] == "handoff"
        item_id = events[0][1]["id"]
        time.sleep(0.5)
        listing = httpx.get(f"{server.url}/v1/handoffs", timeout=10).json()  # keys off: the caller is staff
        assert listing["webhook_configured"] is False
        (item,) = [i for i in listing["items"] if i["id"] == item_id]
        assert item["delivery"] == "pending" and item["attempts"] == 0 and item["user"] == "anonymous"


def test_a_handoff_that_cannot_be_stored_is_a_clear_503(app: ThreadedUvicorn, redis_server: RedisServer) -> None:
    _, headers = new_key(redis_server)
    engine = app.app.state.handoffs.store.engine
    with engine.begin() as connection:  # the table away, as with a database that refuses writes
        connection.exec_driver_sql("ALTER TABLE handoff_items RENAME TO handoff_items_away")
    try:
        for path, body in (
            ("/v1/answer/stream", {"question": "talk to a human"}),
            ("/v1/chat/completions", {"model": "ragdesk", "messages": [{"role": "user", "content": "agent please"}]}),
        ):
            response = httpx.post(f"{app.url}{path}", json=body, headers=headers, timeout=30)
            assert response.status_code == 503, response.text
            error = response.json()["error"]
            assert error["code"] == "handoff_unavailable" and "could not be recorded" in error["message"]
    finally:
        with engine.begin() as connection:
            connection.exec_driver_sql("ALTER TABLE handoff_items_away RENAME TO handoff_items")


def test_a_customer_reads_only_their_own_requests(app: ThreadedUvicorn, redis_server: RedisServer) -> None:
    _, alice = new_key(redis_server)
    _, bob = new_key(redis_server)
    _, events = stream(app.url, {"question": "I need a human"}, alice)
    item_id = events[0][1]["id"]
    mine = httpx.get(f"{app.url}/v1/my/handoffs", headers=alice, timeout=10)
    assert mine.status_code == 200 and [i["id"] for i in mine.json()] == [item_id]
    assert mine.json()[0]["status"] == "open" and "context" not in mine.json()[0]
    assert httpx.get(f"{app.url}/v1/my/handoffs/{item_id}", headers=alice, timeout=10).status_code == 200
    assert httpx.get(f"{app.url}/v1/my/handoffs", headers=bob, timeout=10).json() == []
    theirs = httpx.get(f"{app.url}/v1/my/handoffs/{item_id}", headers=bob, timeout=10)
    assert theirs.status_code == 404 and "human" not in theirs.text
    assert httpx.get(f"{app.url}/v1/my/handoffs", timeout=10).status_code == 401

"""The handoff outbox and its delivery worker (serving/handoff/store.py, delivery.py) against a
SQLite file and a real HTTP receiver on loopback: backoff, what is retried and what is given up,
HANDOFF_MAX_ATTEMPTS, redelivery, and one claim per due item however many workers look."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from core.settings import Settings
from serving.gateway.keys import Principal
from serving.handoff.delivery import DeliveryWorker, WebhookConfigError, WebhookSender, backoff_s, check_webhook_url
from serving.handoff.service import HandoffDesk
from serving.handoff.store import HandoffStore, NewHandoff
from serving.rag import Message
from tests.webhook_receiver import WebhookReceiver


@pytest.fixture()
def receiver() -> Iterator[WebhookReceiver]:
    hook = WebhookReceiver()
    hook.up()
    yield hook
    hook.down()


def settings_for(tmp_path: Path, url: str, **update: object) -> Settings:
    values: dict[str, object] = {
        "RAGDESK_DATA_DIR": tmp_path,
        "HANDOFF_WEBHOOK_URL": url,
        "HANDOFF_RETRY_BASE_S": 0.05,
        "HANDOFF_RETRY_MAX_S": 0.05,
        "HANDOFF_WEBHOOK_TIMEOUT_S": 2,
    }
    values.update(update)
    return Settings(**values)  # type: ignore[arg-type]


def new_item(store: HandoffStore, request: str = "talk to a human") -> int:
    conversation = [{"role": "user", "content": request}]
    return store.add(NewHandoff("alice", "abc123def456", "sse", "request", request, "", conversation, [])).id


async def round_after(worker: DeliveryWorker, wait_s: float = 0.0) -> int:
    if wait_s:
        time.sleep(wait_s)
    return await worker.deliver_due()


def test_backoff_doubles_up_to_the_cap() -> None:
    assert [backoff_s(n, 2.0, 30.0) for n in range(1, 7)] == [2.0, 4.0, 8.0, 16.0, 30.0, 30.0]


def test_webhook_url_must_be_http() -> None:
    assert check_webhook_url("https://helpdesk.example/inbound")
    for bad in ("ftp://x/y", "helpdesk.example/inbound", "http://"):
        with pytest.raises(WebhookConfigError, match="HANDOFF_WEBHOOK_URL"):
            check_webhook_url(bad)


async def test_a_server_error_is_retried_then_delivered(tmp_path: Path, receiver: WebhookReceiver) -> None:
    settings = settings_for(tmp_path, receiver.url, HANDOFF_RETRY_BASE_S=1.0, HANDOFF_RETRY_MAX_S=1.0)
    store = HandoffStore.open(settings)
    worker = DeliveryWorker(settings, store, WebhookSender(settings))
    item_id = new_item(store)
    receiver.status = 503
    assert await worker.deliver_due() == 0
    item = store.get(item_id)
    assert item.delivery == "pending" and item.attempts == 1 and item.last_error.startswith("HTTP 503")
    assert item.next_attempt_at is not None and item.next_attempt_at > item.last_attempt_at  # type: ignore[operator]
    assert await worker.deliver_due() == 0  # not due yet: no attempt
    assert store.get(item_id).attempts == 1
    receiver.status = 200
    assert await round_after(worker, 1.1) == 1
    item = store.get(item_id)
    assert (
        item.delivery == "delivered" and item.attempts == 2 and item.last_error == "" and item.next_attempt_at is None
    )
    assert len(receiver.bodies(item_id)) == 2  # the 503'd attempt reached it too
    assert await round_after(worker, 0.1) == 0  # delivered items are not sent again
    await worker.stop()


async def test_a_rejected_item_is_given_up_and_can_be_redelivered(tmp_path: Path, receiver: WebhookReceiver) -> None:
    settings = settings_for(tmp_path, receiver.url)
    store = HandoffStore.open(settings)
    worker = DeliveryWorker(settings, store, WebhookSender(settings))
    item_id = new_item(store)
    receiver.status = 400
    await worker.deliver_due()
    item = store.get(item_id)
    assert item.delivery == "failed" and item.attempts == 1 and "HTTP 400" in item.last_error
    assert store.counts()["failed"] == 1
    assert await round_after(worker, 0.1) == 0  # failed items wait for staff
    receiver.status = 200
    store.redeliver(item_id)
    assert await worker.deliver_due() == 1
    assert store.get(item_id).delivery == "delivered"
    await worker.stop()


async def test_max_attempts_ends_retrying(tmp_path: Path, receiver: WebhookReceiver) -> None:
    settings = settings_for(tmp_path, receiver.url, HANDOFF_MAX_ATTEMPTS=2)
    store = HandoffStore.open(settings)
    worker = DeliveryWorker(settings, store, WebhookSender(settings))
    item_id = new_item(store)
    receiver.down()
    await worker.deliver_due()
    assert store.get(item_id).delivery == "pending"
    await round_after(worker, 0.1)
    item = store.get(item_id)
    assert item.delivery == "failed" and item.attempts == 2 and "Connect" in item.last_error
    await worker.stop()


def test_one_claim_per_due_item(tmp_path: Path) -> None:
    store = HandoffStore.open(Settings(RAGDESK_DATA_DIR=tmp_path))
    other_process = HandoffStore.open(Settings(RAGDESK_DATA_DIR=tmp_path))  # a second engine, same file
    item_id = new_item(store)
    now = time.time()
    assert store.due(now) == (item_id,)
    assert store.claim(item_id, now, lease_s=60) is not None
    assert other_process.claim(item_id, now, lease_s=60) is None
    assert store.due(now) == ()  # leased
    assert other_process.due(now + 61) == (item_id,)  # the lease ran out (the sender died): due again


async def test_the_signature_and_secret_header(tmp_path: Path) -> None:
    url = "http://127.0.0.1:9/inbound"
    signed = WebhookSender(
        settings_for(tmp_path, url, HANDOFF_WEBHOOK_SECRET="k", HANDOFF_WEBHOOK_SECRET_HEADER="Authorization")
    )
    headers = signed.headers(7, b'{"id":7}')
    assert headers["Authorization"] == "k" and headers["Idempotency-Key"] == "ragdesk-handoff-7"
    assert headers["X-Ragdesk-Signature"] == "sha256=" + hmac.new(b"k", b'{"id":7}', hashlib.sha256).hexdigest()
    unsigned = WebhookSender(settings_for(tmp_path, url))
    assert not {"X-Ragdesk-Signature", "Authorization"} & unsigned.headers(7, b"{}").keys()
    await signed.aclose()
    await unsigned.aclose()


async def test_the_same_request_twice_is_one_item(tmp_path: Path) -> None:
    """A client that retries (or a second click) gets the open item back, not a second one; a
    different conversation or another user gets their own."""
    desk = await HandoffDesk.start(Settings(RAGDESK_DATA_DIR=tmp_path))
    alice = Principal("alice", "paid", "abc123def456", 1000, 10, 100)
    rag = cast(Any, None)  # nothing asked before the request: no retrieval
    ask = [Message("user", "talk to a human")]
    first = await desk.create(rag, alice, ask, "request", "sse")
    again = await desk.create(rag, alice, ask, "request", "openai")
    assert again.id == first.id and again.channel == "sse"
    other = await desk.create(rag, alice, [Message("user", "agent please")], "request", "sse")
    bob = await desk.create(rag, Principal("bob", "paid", "0123456789ab", 1000, 10, 100), ask, "request", "sse")
    assert len({first.id, other.id, bob.id}) == 3
    desk.store.resolve(first.id)
    assert (await desk.create(rag, alice, ask, "request", "sse")).id not in {first.id, other.id, bob.id}
    await desk.aclose()

"""Delivery of handoff items to a helpdesk's inbound webhook (HANDOFF_WEBHOOK_URL), from the
`handoff_items` table used as an outbox: an item is written first, then sent by a worker task
that the API's lifespan runs. Nothing is lost while the webhook is down: a failed attempt leaves
the item pending with its error and a next attempt time (exponential backoff, capped at
HANDOFF_RETRY_MAX_S), and the worker sends it when the webhook answers again, after a restart
too. Delivery is at least once: each POST carries `Idempotency-Key: ragdesk-handoff-<id>` so a
helpdesk can drop a repeat.

The POST body is JSON (`payload()`): the item's id, time, user, request, the conversation and
the retrieved context. With HANDOFF_WEBHOOK_SECRET set, the secret goes in
HANDOFF_WEBHOOK_SECRET_HEADER and `X-Ragdesk-Signature: sha256=<HMAC-SHA256 of the body>`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from core.settings import Settings
from serving.handoff.store import HandoffItem, HandoffStore

log = logging.getLogger(__name__)

PAYLOAD_VERSION = 1
LEASE_MARGIN_S = 30.0  # an attempt's claim outlives its timeout by this much
RETRYABLE_4XX = frozenset({408, 409, 425, 429})


class WebhookConfigError(ValueError):
    pass


def check_webhook_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise WebhookConfigError(f"HANDOFF_WEBHOOK_URL must be an http(s) URL; got {url!r}")
    return url


def backoff_s(attempts: int, base_s: float, max_s: float) -> float:
    """The wait after the `attempts`-th failed attempt: base, 2 x base, 4 x base, ... up to max."""
    return float(min(max_s, base_s * 2 ** max(0, attempts - 1)))


def payload(item: HandoffItem) -> dict[str, Any]:
    return {
        "version": PAYLOAD_VERSION,
        "type": "ragdesk.handoff",
        "id": item.id,
        "created_at": item.created_at,
        "user": item.user,
        "key_id": item.key_id,
        "channel": item.channel,
        "reason": item.reason,
        "request": item.request,
        "question": item.question,
        "conversation": item.conversation,
        "context": item.context,
    }


@dataclass(frozen=True)
class Attempt:
    ok: bool
    error: str = ""
    retryable: bool = True


class WebhookSender:
    """One POST per attempt; the outcome, never an exception."""

    def __init__(self, settings: Settings, client: httpx.AsyncClient | None = None) -> None:
        self.url = check_webhook_url(settings.handoff_webhook_url)
        self.secret = settings.handoff_webhook_secret
        self.secret_header = settings.handoff_webhook_secret_header
        self.client = client or httpx.AsyncClient(timeout=settings.handoff_webhook_timeout_s)

    def headers(self, item_id: int, body: bytes) -> dict[str, str]:
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "ragdesk-handoff",
            "Idempotency-Key": f"ragdesk-handoff-{item_id}",
        }
        if self.secret:
            headers[self.secret_header] = self.secret
            digest = hmac.new(self.secret.encode(), body, hashlib.sha256).hexdigest()
            headers["X-Ragdesk-Signature"] = f"sha256={digest}"
        return headers

    async def send(self, item: HandoffItem) -> Attempt:
        body = json.dumps(payload(item), ensure_ascii=False).encode()
        try:
            response = await self.client.post(self.url, content=body, headers=self.headers(item.id, body))
        except httpx.HTTPError as exc:
            return Attempt(False, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
        if response.is_success:
            return Attempt(True)
        error = f"HTTP {response.status_code}: {response.text[:200]}"
        status = response.status_code
        return Attempt(False, error, retryable=status >= 500 or status in RETRYABLE_4XX)

    async def aclose(self) -> None:
        await self.client.aclose()


class DeliveryWorker:
    """Sends due items; woken at once when an item is added (`notify`), otherwise every
    HANDOFF_POLL_S. Runs as one task in the API process (`start`/`stop`)."""

    def __init__(self, settings: Settings, store: HandoffStore, sender: WebhookSender) -> None:
        self.settings = settings
        self.store = store
        self.sender = sender
        self.wake = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.task = asyncio.create_task(self.run(), name="handoff-delivery")

    def notify(self) -> None:
        self.wake.set()

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task
        await self.sender.aclose()

    async def run(self) -> None:
        while True:
            try:
                await self.deliver_due()
            except Exception:  # the database away for a moment: try again on the next round
                log.exception("handoff delivery: a round failed; retrying in %.0f s", self.settings.handoff_poll_s)
            self.wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), timeout=self.settings.handoff_poll_s)

    async def deliver_due(self) -> int:
        """One round: every due item gets one attempt. Returns how many were delivered."""
        delivered = 0
        lease_s = self.settings.handoff_webhook_timeout_s + LEASE_MARGIN_S
        for item_id in await asyncio.to_thread(self.store.due, time.time()):
            item = await asyncio.to_thread(self.store.claim, item_id, time.time(), lease_s)
            if item is None:
                continue
            if await self.attempt(item):
                delivered += 1
        return delivered

    async def attempt(self, item: HandoffItem) -> bool:
        started = time.time()
        outcome = await self.sender.send(item)
        if outcome.ok:
            await asyncio.to_thread(self.store.mark_delivered, item.id, started)
            log.info("handoff %d delivered to the webhook (attempt %d)", item.id, item.attempts + 1)
            return True
        attempts = item.attempts + 1
        limit = self.settings.handoff_max_attempts
        give_up = not outcome.retryable or (limit > 0 and attempts >= limit)
        wait_s = backoff_s(attempts, self.settings.handoff_retry_base_s, self.settings.handoff_retry_max_s)
        retry_at = None if give_up else time.time() + wait_s
        await asyncio.to_thread(self.store.mark_failed_attempt, item.id, started, outcome.error, retry_at)
        log.warning(
            "handoff %d: delivery attempt %d failed (%s); %s",
            item.id,
            attempts,
            outcome.error,
            "gave up (staff can redeliver it)" if give_up else f"next attempt in {wait_s:.0f} s",
        )
        return False

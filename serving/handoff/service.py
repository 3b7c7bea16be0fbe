"""The handoff desk one API process holds: the store, and the delivery worker when a webhook is
configured. The chat pipeline's `handoff` step (serving/pipeline.py) calls `request_for` to see
whether the customer asks for a person and `create` to record it; no model is called for either.

    desk = await HandoffDesk.start(settings)          # the app's lifespan
    reason = desk.request_for(messages)               # "request", "accepted_offer" or None
    item = await desk.create(rag, principal, messages, reason, channel="sse")
    await desk.aclose()
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.settings import Settings
from serving.conversation import Turn, standalone_question
from serving.handoff.delivery import DeliveryWorker, WebhookSender
from serving.handoff.intent import Reason, accepts, asks_for_person, wants_person
from serving.handoff.store import HandoffItem, HandoffStore, NewHandoff
from serving.rag import Message
from serving.sources import source_url

if TYPE_CHECKING:
    from serving.gateway.keys import Principal
    from serving.rag import RagService

log = logging.getLogger(__name__)

REPEAT_WINDOW_S = 600.0
REPEAT_LOOKBACK = 20  # the user's newest open items compared


def conversation_of(messages: Sequence[Message]) -> list[dict[str, str]]:
    return [{"role": m.role, "content": m.content} for m in messages if m.role in {"user", "assistant"}]


def context_query(messages: Sequence[Message]) -> str:
    """What the customer was asking about before asking for a person: the standalone question of
    the earlier user turns that are not themselves requests or acceptances ("" when none)."""
    users = [m.content for m in messages[:-1] if m.role == "user"]
    topical = [u for u in users if not asks_for_person(u) and not accepts(u)]
    return standalone_question(topical)


@dataclass
class HandoffDesk:
    settings: Settings
    store: HandoffStore
    worker: DeliveryWorker | None = None

    @classmethod
    async def start(cls, settings: Settings) -> HandoffDesk:
        store = await asyncio.to_thread(HandoffStore.open, settings)
        worker = None
        if settings.handoff_webhook_url:
            worker = DeliveryWorker(settings, store, WebhookSender(settings))
            worker.start()
            log.info("handoff: items are delivered to %s", settings.handoff_webhook_url)
        else:
            log.info("handoff: HANDOFF_WEBHOOK_URL is empty; items wait for staff in the handoff panel")
        return cls(settings, store, worker)

    async def aclose(self) -> None:
        if self.worker is not None:
            await self.worker.stop()

    @property
    def webhook_configured(self) -> bool:
        return self.worker is not None

    def request_for(self, messages: Sequence[Message]) -> Reason | None:
        return wants_person([Turn(m.role, m.content) for m in messages if m.role in {"user", "assistant"}])

    async def create(
        self,
        rag: RagService,
        principal: Principal,
        messages: Sequence[Message],
        reason: str,
        channel: str,
    ) -> HandoffItem:
        """A new item, or the user's open item for this same conversation from the last
        REPEAT_WINDOW_S (a client that retries, a second click): one person per request."""
        conversation = conversation_of(messages)
        repeat = await asyncio.to_thread(self._open_item_for, principal.user, conversation)
        if repeat is not None:
            log.info("handoff %d asked for again by user %r; not created twice", repeat.id, principal.user)
            return repeat
        question = context_query(messages)
        context = await self._context(rag, question) if question else []
        item = await asyncio.to_thread(
            self.store.add,
            NewHandoff(
                user=principal.user,
                key_id=principal.key_id,
                channel=channel,
                reason=reason,
                request=messages[-1].content,
                question=question,
                conversation=conversation,
                context=context,
            ),
        )
        log.info("handoff %d created (%s, %s) for user %r", item.id, channel, reason, principal.user)
        if self.worker is not None:
            self.worker.notify()
        return item

    def _open_item_for(self, user: str, conversation: list[dict[str, str]]) -> HandoffItem | None:
        since = time.time() - REPEAT_WINDOW_S
        for item in self.store.list("open", user=user, limit=REPEAT_LOOKBACK):
            if item.created_at >= since and item.conversation == conversation:
                return item
        return None

    async def _context(self, rag: RagService, question: str) -> list[dict[str, Any]]:
        """The passages retrieval finds for the question, for the person who takes over; none when
        retrieval fails (the customer still gets their person)."""
        try:
            retrieval = await rag.search(question)
        except Exception:
            log.warning("handoff: retrieval for the context failed; stored without it", exc_info=True)
            return []
        base = self.settings.public_base_url
        return [
            {
                "chunk_id": c.chunk_id,
                "doc_id": c.doc_id,
                "title": c.title,
                "section": c.section,
                "url": source_url(c.doc_id, c.section, base),
                "score": round(c.score, 6),
                "relevant": retrieval.relevant,
                "text": c.text,
            }
            for c in retrieval.chunks
        ]

    def confirmation(self, item: HandoffItem) -> str:
        return self.settings.handoff_confirmation.replace("{id}", str(item.id))

"""Issue 14: the gateway steps of a chat request are one ordered pipeline (serving/pipeline.py).
Its docstring lists the steps in the order `STEPS` runs them; an exact cache hit never reaches
retrieval or the token reservation; a spent budget is refused before retrieval; a miss walks
cache -> headroom -> retrieval -> prompt count -> reservation -> admission. Run with a real
`RagService` over a fake retriever, an in-memory cache and a recording limiter and queue: no
server, no Redis, no model."""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any, cast

import numpy as np
import pytest

from core.answer_cache import AnswerCache, CacheEntry, CacheLookup
from serving import pipeline
from serving.events import CitationsEvent, DoneEvent, TokenEvent
from serving.gateway.deps import GatewayError, Quota
from serving.gateway.keys import Principal
from serving.gateway.limits import RequestWindow, TokenGrant, Usage
from serving.gateway.service import Gateway
from serving.pipeline import STEPS, Answer, Ask
from serving.rag import Message, RagService
from serving.services import Services
from tests.unit.test_serving_rag import RANKED, FakeRetriever, make_service

QUESTION = "Can I return a laptop after 45 days?"
CACHED = "Laptops can be returned within 30 days [1]."


class Log(list[str]):
    """The order in which the fakes were reached."""


class RecordingRetriever(FakeRetriever):
    def __init__(self, log: Log) -> None:
        super().__init__(RANKED)
        self.log = log

    def search(self, query: str, k: int | None = None, mode: Any = None, filters: Any = None, spare: int = 0) -> Any:
        self.log.append("retrieve")
        return super().search(query, k, mode, filters, spare)


class FakeCache:
    """An exact layer holding one question (`AnswerCache.lookup`'s signature, nothing else)."""

    def __init__(self, log: Log, stored: str | None) -> None:
        self.log = log
        self.stored = stored

    def lookup(
        self, question: str, scope: str, vector: Any = None, semantic: bool = True, exact: bool = True
    ) -> CacheLookup:
        self.log.append("cache-exact" if exact else "cache-semantic")
        if exact and question == self.stored:
            entry = CacheEntry(
                "e1", question, CACHED, [{"doc_id": "returns.md", "chunk_id": "c1"}], ["c1"], scope, 0.0, np.ones(4)
            )
            return CacheLookup("hit-exact", entry, 1.0, timings={"cache_ms": 0.5})
        return CacheLookup("miss", reason="exact_only" if exact else "below_threshold")


class FakeLimiter:
    def __init__(self, log: Log, remaining: int) -> None:
        self.log = log
        self.remaining = remaining

    async def count_cache_hit(self, _principal: Principal) -> None:
        self.log.append("count-cache-hit")

    async def usage(self, principal: Principal) -> Usage:
        self.log.append("headroom")
        used = principal.daily_tokens - self.remaining
        return Usage(
            principal.user, principal.tier, "2026-12-07", used, 0, 0, 0, 1, 0, 0, principal.daily_tokens, 60, 60, 1, 512
        )

    async def count_refusal(self, _principal: Principal) -> None:
        self.log.append("refused")

    async def reserve(self, _principal: Principal, amount: int) -> TokenGrant:
        self.log.append("reserve")
        return TokenGrant(True, "r1", amount, amount, 50_000, 60)

    async def settle(self, _grant: TokenGrant, _prompt: int, _completion: int) -> None:
        self.log.append("settle")


class FakeQueue:
    def __init__(self, log: Log) -> None:
        self.log = log

    async def acquire(self, _tier: str, _disconnected: Any = None) -> Any:
        self.log.append("admit")
        return SimpleNamespace(waited_s=0.0, release=self.release)

    async def release(self) -> None:
        self.log.append("release")


def world(stored: str | None = None, remaining: int = 50_000) -> tuple[Log, Any, Services, Gateway, Quota]:
    log = Log()
    rag: RagService = make_service(RecordingRetriever(log))
    settings = rag.settings
    services = SimpleNamespace(
        settings=settings,
        rag=rag,
        cache=cast(AnswerCache, FakeCache(log, stored)),
        index_generation=SimpleNamespace(fresh=lambda: 1, current=lambda: 1),
        cache_lookups=None,
    )
    gateway = SimpleNamespace(settings=settings, limiter=FakeLimiter(log, remaining), queue=FakeQueue(log))
    principal = Principal("u1", "paid", "k1", 50_000, 60, 512)
    quota = Quota(principal, RequestWindow(True, 60, 59, 60.0))
    request = SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace()), is_disconnected=None)
    return log, request, cast(Services, services), cast(Gateway, gateway), quota


def ask(question: str = QUESTION) -> Ask:
    return Ask([Message("user", question)], "sse")


def test_the_docstring_lists_the_steps_in_the_order_they_run() -> None:
    doc = pipeline.__doc__ or ""
    listed = re.findall(r"^\s+\d+\. (\w+)", doc, re.MULTILINE)
    assert listed == [step.__name__ for step in STEPS]
    assert listed[0] == "check_messages" and listed[-1] == "generate"


async def test_an_exact_cache_hit_never_retrieves_nor_reserves() -> None:
    log, request, services, gateway, quota = world(stored=QUESTION)
    result = await pipeline.run(request, services, gateway, quota, ask())
    assert isinstance(result, Answer)
    assert log == ["cache-exact", "count-cache-hit"]  # no semantic lookup, headroom, retrieval, reservation, slot
    assert result.headers["X-Cache"] == "hit-exact"
    assert result.closer is None and quota.grant is None
    events = [e async for e in result.events]
    assert isinstance(events[0], TokenEvent) and events[0].text == CACHED
    assert isinstance(events[1], CitationsEvent) and isinstance(events[2], DoneEvent)
    assert "retrieve" not in log and "reserve" not in log


async def test_a_spent_budget_is_refused_before_retrieval() -> None:
    log, request, services, gateway, quota = world(remaining=10)
    with pytest.raises(GatewayError) as refused:
        await pipeline.run(request, services, gateway, quota, ask())
    assert (refused.value.status, refused.value.limit) == (429, "daily_tokens")
    assert log == ["cache-exact", "cache-semantic", "headroom", "refused"]


async def test_a_miss_walks_headroom_retrieval_count_reservation_admission_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    log, request, services, gateway, quota = world()

    async def count(_base_url: str, messages: Sequence[dict[str, Any]], _api_key: str = "") -> int:
        log.append("count")
        return 100

    monkeypatch.setattr(pipeline, "count_prompt_tokens", count)
    result = await pipeline.run(request, services, gateway, quota, ask())
    assert isinstance(result, Answer)
    assert log == ["cache-exact", "cache-semantic", "headroom", "retrieve", "count", "reserve", "admit"]
    assert result.prepared.prompt_tokens == 100 and quota.grant is not None
    assert result.headers["X-Cache"] == "miss" and result.closer is not None

"""The stream helpers around `RagService.answer` against a real Redis server: settlement with the
model's usage, refunds when the client disconnects mid-stream or the model fails, the slot always
released; caching only complete, grounded answers with citations; replaying a cached answer."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from redis import Redis

from core.answer_cache import MatchParams, RedisAnswerCache
from core.redis_server import RedisServer, temporary_redis
from core.settings import Settings
from serving.events import Citation, CitationsEvent, DoneEvent, ErrorEvent, Event, TokenEvent, Usage
from serving.gateway.keys import Principal
from serving.gateway.service import Gateway
from serving.gateway.stream import caching, metered, replay

CITATION = Citation("returns.md", "Returns", "How long", "/docs/returns.md", "chunk-1", 0.9, 1)


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with temporary_redis() as server:
        yield server


@pytest.fixture()
async def gateway(redis_server: RedisServer, tmp_path: Path) -> AsyncIterator[Gateway]:
    settings = Settings(
        REDIS_URL=redis_server.url, RAGDESK_DATA_DIR=tmp_path, GATEWAY_REDIS_PREFIX=f"s{uuid.uuid4().hex[:6]}:"
    )
    gw = await Gateway.create(settings)
    yield gw
    await gw.close()


ALICE = Principal("alice", "free", "k", 10_000, 30, 4_000)


async def answer(
    tokens: int, fail: bool = False, usage: Usage | None = None, grounded: bool | None = None
) -> AsyncIterator[Event]:
    for i in range(tokens):
        yield TokenEvent(f"t{i} ")
    if fail:
        yield ErrorEvent("the model server went away", "llm_unavailable")
        return
    yield CitationsEvent([CITATION])
    done = DoneEvent("stop", usage or Usage(1_200, tokens))
    yield replace(done, grounding={"grounded": grounded}) if grounded is not None else done


async def test_settles_with_the_model_usage(gateway: Gateway) -> None:
    grant = await gateway.limiter.reserve(ALICE, 1_500 + 4_000)
    slot = await gateway.queue.acquire("free")
    events = [e async for e in metered(answer(30, usage=Usage(1_234, 30)), gateway, grant, slot, 1_500)]
    assert isinstance(events[-1], DoneEvent) and slot.released
    assert (await gateway.limiter.usage(ALICE)).used == 1_264


async def test_refund_when_the_client_disconnects(gateway: Gateway) -> None:
    grant = await gateway.limiter.reserve(ALICE, 1_500 + 4_000)
    slot = await gateway.queue.acquire("free")
    stream = metered(answer(500), gateway, grant, slot, 1_500)
    seen = 0
    async for event in stream:
        seen += isinstance(event, TokenEvent)
        if seen == 7:
            break
    await stream.aclose()  # what Starlette does when the client goes away
    usage = await gateway.limiter.usage(ALICE)
    assert usage.used == 1_500 + 7 and usage.reserved == 0
    assert slot.released and (await gateway.queue.snapshot())["running_free"] == 0


async def test_refund_when_the_model_fails(gateway: Gateway) -> None:
    grant = await gateway.limiter.reserve(ALICE, 5_500)
    slot = await gateway.queue.acquire("free")
    events = [e async for e in metered(answer(0, fail=True), gateway, grant, slot, 1_500)]
    assert isinstance(events[-1], ErrorEvent)
    assert (await gateway.limiter.usage(ALICE)).used == 0


BAG_DIM = 256


def bag(text: str) -> np.ndarray:
    """A bag of words; md5, not hash(): str hashes change with every process (PYTHONHASHSEED), and
    with few buckets two questions could collide into a semantic hit in one run out of many."""
    v = np.zeros(BAG_DIM, dtype=np.float32)
    for w in text.split():
        v[int(hashlib.md5(w.encode()).hexdigest(), 16) % BAG_DIM] += 1
    return v / max(float(np.linalg.norm(v)), 1e-9)


@pytest.fixture()
def cache(redis_server: RedisServer) -> Iterator[RedisAnswerCache]:
    client = Redis.from_url(redis_server.url)
    yield RedisAnswerCache(client, bag, BAG_DIM, MatchParams(), 3600, prefix=f"c{uuid.uuid4().hex[:6]}:")
    client.close()


async def test_caching_only_grounded_complete_answers(cache: RedisAnswerCache) -> None:
    [e async for e in caching(answer(3), cache, "how long do returns take", "v1")]
    assert cache.lookup("how long do returns take", "v1").status == "hit-exact"
    [e async for e in caching(answer(3), cache, "is it grounded", "v1", grounded=lambda: False)]
    assert cache.lookup("is it grounded", "v1").status == "miss"
    [e async for e in caching(answer(3, fail=True), cache, "does it fail", "v1")]
    assert cache.lookup("does it fail", "v1").status == "miss"
    [e async for e in caching(answer(3, grounded=False), cache, "was it flagged", "v1")]
    assert cache.lookup("was it flagged", "v1").status == "miss"
    [e async for e in caching(answer(3, grounded=True), cache, "was it checked", "v1")]
    assert cache.lookup("was it checked", "v1").status == "hit-exact"


async def test_a_model_that_says_it_does_not_know_is_not_cached(cache: RedisAnswerCache) -> None:
    async def dont_know() -> AsyncIterator[Event]:
        yield TokenEvent("I do not know.")
        yield CitationsEvent([CITATION])
        yield DoneEvent("stop", Usage(1_200, 5))

    events = [e async for e in caching(dont_know(), cache, "do you ship to mars", "v1")]
    assert isinstance(events[-1], DoneEvent)  # the client still gets the answer
    assert cache.lookup("do you ship to mars", "v1").status == "miss"


async def test_replay_of_a_cached_answer(cache: RedisAnswerCache) -> None:
    [e async for e in caching(answer(3), cache, "how long do returns take", "v1")]
    found = cache.lookup("how long do returns take", "v1")
    assert found.entry is not None
    events = [e async for e in replay(found.entry, 1.5)]
    assert isinstance(events[0], TokenEvent) and events[0].text == "t0 t1 t2 "
    assert isinstance(events[1], CitationsEvent) and events[1].citations == [CITATION]
    assert isinstance(events[2], DoneEvent) and events[2].usage.total_tokens == 0

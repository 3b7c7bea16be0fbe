"""Issue 20: what an exact cache hit does and does not do. The exact layer alone never embeds;
the semantic layer alone skips it; the index generation answers from memory between reads and
reads again once INDEX_GENERATION_CHECK_S has passed; cache hits are traced one time in
1/TRACING_CACHE_HIT_SAMPLE, answers always."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import numpy as np
import pytest
from redis import Redis

from core.answer_cache import MatchParams, RedisAnswerCache
from core.redis_server import RedisServer, temporary_redis
from core.settings import Settings
from serving.index_generation import IndexGeneration
from serving.observability.context import ChatRecord
from serving.observability.finish import _traced

DIM = 8
PARAMS = MatchParams(threshold=0.8, candidate_threshold=0.6, neighbours=10, vote_share=0.9, temperature=0.05)
CITATIONS = [{"doc_id": "returns.md", "chunk_id": "chunk-returns", "title": "Returns"}]


class CountingEmbed:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, _text: str) -> np.ndarray:
        self.calls += 1
        return np.ones(DIM, dtype=np.float32) / np.sqrt(DIM)


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with temporary_redis() as server:
        yield server


def test_the_exact_layer_alone_never_embeds_and_the_semantic_layer_alone_skips_it(redis_server: RedisServer) -> None:
    embed = CountingEmbed()
    client = Redis.from_url(redis_server.url)
    cache = RedisAnswerCache(client, embed, DIM, PARAMS, ttl_s=3600)
    vector = embed("x")
    cache.store("Can I return a laptop?", "Within 30 days [1].", CITATIONS, "s1", vector=vector)
    embed.calls = 0

    hit = cache.lookup("can i return a laptop", "s1", semantic=False)
    assert hit.status == "hit-exact"
    miss = cache.lookup("Something never asked", "s1", semantic=False)
    assert (miss.status, miss.reason) == ("miss", "exact_only")
    assert embed.calls == 0

    semantic_only = cache.lookup("Can I return a laptop?", "s1", exact=False)
    assert semantic_only.status != "hit-exact"
    assert embed.calls == 1
    client.close()


async def test_the_event_loop_exact_lookup_agrees_with_the_threaded_one(redis_server: RedisServer) -> None:
    from redis.asyncio import Redis as AsyncRedis

    embed = CountingEmbed()
    client, aclient = Redis.from_url(redis_server.url), AsyncRedis.from_url(redis_server.url)
    cache = RedisAnswerCache(client, embed, DIM, PARAMS, ttl_s=3600, prefix="rd:loop:")
    cache.store("How long do refunds take?", "5 business days [1].", CITATIONS, "s1", vector=embed("x"))
    embed.calls = 0
    for question, scope in [
        ("how long do refunds take", "s1"),
        ("How long do refunds take?", "s2"),
        ("Never asked", "s1"),
    ]:
        threaded = cache.lookup(question, scope, semantic=False)
        in_loop = await cache.lookup_exact(aclient, question, scope)
        assert (in_loop.status, in_loop.reason) == (threaded.status, threaded.reason), (question, scope)
        assert (in_loop.entry and in_loop.entry.answer) == (threaded.entry and threaded.entry.answer)
    assert (await cache.lookup_exact(aclient, "How long do refunds take?", "s1")).status == "hit-exact"
    assert embed.calls == 0
    expired = RedisAnswerCache(client, embed, DIM, PARAMS, ttl_s=-1, prefix="rd:loop:")
    assert (await expired.lookup_exact(aclient, "How long do refunds take?", "s1")).status == "miss"
    await aclient.aclose()
    client.close()


async def test_the_one_round_trip_exact_lookup_reads_the_entry_but_its_vector(redis_server: RedisServer) -> None:
    from redis.asyncio import Redis as AsyncRedis

    embed = CountingEmbed()
    client, aclient = Redis.from_url(redis_server.url), AsyncRedis.from_url(redis_server.url)
    cache = RedisAnswerCache(client, embed, DIM, PARAMS, ttl_s=3600, prefix="rd:one:")
    entry_id = cache.store(
        "Do you ship abroad?", "Yes, to the EU [1].", CITATIONS, "s1", vector=embed("x"), meta={"m": 1}
    )
    assert entry_id is not None
    hit = await cache.lookup_exact(aclient, "do you ship abroad", "s1")
    stored = cache._get_entry(entry_id)
    assert hit.entry is not None and stored is not None
    assert hit.entry.vector.size == 0  # a replay does not read it
    assert dataclasses.replace(hit.entry, vector=stored.vector) == stored  # every other field as stored
    client.delete(f"rd:one:e:{entry_id}")  # the entry gone (expired, invalidated), its exact key left
    assert (await cache.lookup_exact(aclient, "do you ship abroad", "s1")).status == "miss"
    await aclient.aclose()
    client.close()


def test_the_index_generation_answers_from_memory_until_it_is_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []

    def read(self: IndexGeneration) -> int:
        reads.append(1)
        return 7

    monkeypatch.setattr(IndexGeneration, "_read", read)
    tracker = IndexGeneration(Settings(INDEX_GENERATION_CHECK_S=3600))
    assert tracker.fresh() is None  # never read: the caller reads in a thread
    assert tracker.current() == 7
    assert tracker.fresh() == 7
    assert len(reads) == 1

    stale = IndexGeneration(Settings(INDEX_GENERATION_CHECK_S=0))
    assert stale.current() == 7
    assert stale.fresh() is None  # always re-read


@pytest.mark.parametrize(
    ("status", "sample", "traced"),
    [("hit-exact", 0.0, False), ("hit-semantic", 0.0, False), ("hit-exact", 1.0, True), ("miss", 0.0, True)],
)
def test_cache_hits_are_traced_by_sample_answers_always(status: str, sample: float, traced: bool) -> None:
    settings = Settings(TRACING_CACHE_HIT_SAMPLE=sample)
    assert _traced(settings, ChatRecord(cache_status=status)) is traced

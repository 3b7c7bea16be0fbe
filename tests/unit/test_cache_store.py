"""The response cache store against a real Redis server: exact and
semantic hits, scopes, what is never stored, invalidation by chunk, tombstones, several
processes sharing one Redis, TTL."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterator

import numpy as np
import pytest
from redis import Redis

from core.answer_cache import (
    AnswerCache,
    MatchParams,
    RedisAnswerCache,
    embedding_text,
    invalidate_chunks,
    invalidation_callback,
)
from core.redis_server import RedisServer, free_port, temporary_redis
from core.settings import Settings

DIM = 64
PARAMS = MatchParams(threshold=0.8, candidate_threshold=0.6, neighbours=10, vote_share=0.9, temperature=0.05)
PREFIX = "t:cache:"


def bag_of_words(text: str) -> np.ndarray:
    """A deterministic stand-in for the embedder: questions sharing words are close."""
    vector = np.zeros(DIM, dtype=np.float32)
    for word in text.lower().split():
        seed = int.from_bytes(hashlib.sha256(word.encode()).digest()[:4], "little")
        vector += np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


CITATIONS = [{"doc_id": "returns.md", "chunk_id": "chunk-returns", "title": "Returns"}]


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with temporary_redis() as server:
        yield server


@pytest.fixture()
def redis(redis_server: RedisServer) -> Iterator[Redis]:
    client = Redis.from_url(redis_server.url)
    client.flushdb()
    yield client
    client.close()


def make_redis_cache(redis: Redis, ttl_s: float = 3600) -> RedisAnswerCache:
    return RedisAnswerCache(redis, bag_of_words, DIM, PARAMS, ttl_s, prefix=PREFIX, tombstone_ttl_s=60)


@pytest.fixture()
def cache(redis: Redis) -> AnswerCache:
    return make_redis_cache(redis)


def test_exact_hit_on_the_normalised_question(cache: AnswerCache) -> None:
    assert cache.lookup("How do I return an item?", "v1").status == "miss"
    entry_id = cache.store("How do I return an item?", "Within 30 days.", CITATIONS, "v1")
    assert entry_id
    found = cache.lookup("Can you help me: how do I RETURN an item", "v1")
    assert found.status == "hit-exact"
    assert found.entry is not None and found.entry.answer == "Within 30 days."
    assert found.entry.citations == CITATIONS and found.entry.chunk_ids == ["chunk-returns"]


def test_semantic_hit_and_scope(cache: AnswerCache) -> None:
    cache.store("how do i return an item bought online", "Within 30 days.", CITATIONS, "v1")
    found = cache.lookup("how do i return an item i bought online", "v1")
    assert found.status == "hit-semantic", found.reason
    assert found.similarity >= PARAMS.threshold
    assert found.vector is not None
    assert cache.lookup("how do i return an item i bought online", "v2").status == "miss"


def test_guard_blocks_a_near_duplicate_with_another_number(cache: AnswerCache) -> None:
    cache.store("is the return window for shoes 30 days", "Yes, 30 days.", CITATIONS, "v1")
    found = cache.lookup("is the return window for shoes 45 days", "v1")
    assert found.status == "miss"
    assert found.reason == "guard_numbers"


def test_never_stored_not_grounded_or_without_citations(cache: AnswerCache) -> None:
    assert cache.store("q one", "a", CITATIONS, "v1", grounded=False) is None
    assert cache.store("q two", "a", [], "v1") is None
    assert cache.store("q three", "   ", CITATIONS, "v1") is None
    assert cache.lookup("q one", "v1").status == "miss"
    assert cache.lookup("q two", "v1").status == "miss"


def test_invalidation_by_chunk_and_tombstone(cache: AnswerCache) -> None:
    other = [{"chunk_id": "chunk-shipping"}]
    cache.store("how long does shipping take", "3 days.", other, "v1")
    cache.store("how do i return an item", "30 days.", CITATIONS, "v1")
    assert cache.invalidate_chunks(["chunk-returns", "chunk-unknown"]) == 1
    assert cache.lookup("how do i return an item", "v1").status == "miss"
    assert cache.lookup("how long does shipping take", "v1").status == "hit-exact"
    # an answer generated from the removed chunk, finishing after the update, is refused
    assert cache.store("how do i return a thing", "30 days.", CITATIONS, "v1") is None


def test_vector_is_reused(cache: AnswerCache) -> None:
    calls: list[str] = []

    def counting(text: str) -> np.ndarray:
        calls.append(text)
        return bag_of_words(text)

    cache.embed = counting
    found = cache.lookup("where is my parcel", "v1")
    assert found.status == "miss" and calls == [embedding_text("where is my parcel")]
    cache.store("where is my parcel", "Track it.", CITATIONS, "v1", vector=found.vector)
    assert len(calls) == 1


def test_processes_share_entries_through_redis(redis: Redis) -> None:
    writer, reader = make_redis_cache(redis), make_redis_cache(redis)
    writer.store("how do i return an item bought online", "30 days.", CITATIONS, "v1")
    assert reader.lookup("how do i return an item i bought online", "v1").status == "hit-semantic"
    # an invalidation by the indexing run (no cache object, just the function) reaches both
    assert invalidate_chunks(redis, ["chunk-returns"], prefix=PREFIX) == 1
    assert reader.lookup("how do i return an item i bought online", "v1").status == "miss"
    assert writer.lookup("how do i return an item bought online", "v1").status == "miss"
    assert len(reader.index) == 0 and len(writer.index) == 0


def test_a_new_process_loads_existing_entries(redis: Redis) -> None:
    make_redis_cache(redis).store("how do i return an item bought online", "30 days.", CITATIONS, "v1")
    late = make_redis_cache(redis)
    assert late.lookup("how do i return an item i bought online", "v1").status == "hit-semantic"


def test_entries_expire(redis: Redis) -> None:
    cache = make_redis_cache(redis, ttl_s=1)
    cache.store("how do i return an item bought online", "30 days.", CITATIONS, "v1")
    assert redis.ttl(f"{PREFIX}e:" + cache.lookup("how do i return an item bought online", "v1").entry.entry_id) <= 1  # type: ignore[union-attr]
    time.sleep(1.2)
    assert cache.lookup("how do i return an item bought online", "v1").status == "miss"
    assert cache.lookup("how do i return an item i bought online", "v1").status == "miss"


def test_an_index_run_without_redis_removes_nothing_and_says_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """`ragdesk index` needs no Redis: the callback warns (naming REDIS_URL and `ragdesk up`) and
    the index generation in the cache scope retires the answers instead."""
    monkeypatch.delenv("REDIS_URL", raising=False)
    settings = Settings(REDIS_PORT=free_port())  # nothing listens there
    with caplog.at_level(logging.WARNING, logger="core.answer_cache.redis_store"):
        assert invalidation_callback(settings)(["chunk-returns"]) == 0
    assert "not removed" in caplog.text and "REDIS_URL is empty" in caplog.text and "ragdesk up" in caplog.text

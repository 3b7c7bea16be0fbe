"""Per-user limits against a real Redis server: requests per minute, the daily token budget under
concurrency, output caps, settlement and refunds (also of cut streams), usage."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import cast

import pytest
from redis.asyncio import Redis

from core.redis_server import RedisServer, temporary_redis
from serving.gateway.keys import Principal
from serving.gateway.limits import Limiter, output_tokens


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with temporary_redis() as server:
        yield server


@pytest.fixture()
async def redis(redis_server: RedisServer) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_server.url)
    await client.flushdb()
    yield client
    await client.aclose()


@pytest.fixture()
def limiter(redis: Redis) -> Limiter:
    return Limiter(redis, "t:")


def principal(user: str = "alice", daily_tokens: int = 50_000, rpm: int = 30, cap: int = 4_000) -> Principal:
    return Principal(user, "free", "k1", daily_tokens, rpm, cap)


async def test_requests_per_minute(limiter: Limiter) -> None:
    alice, bob = principal(rpm=3), principal("bob", rpm=3)
    results = [await limiter.hit_request(alice) for _ in range(4)]
    assert [r.allowed for r in results] == [True, True, True, False]
    assert [r.remaining for r in results[:3]] == [2, 1, 0]
    refused = results[-1]
    assert refused.limit == 3 and 0 < refused.reset_s <= 60 and 1 <= refused.retry_after_s <= 60
    assert (await limiter.hit_request(bob)).allowed  # per user


async def test_window_slides(redis: Redis) -> None:
    limiter = Limiter(redis, "t:")
    alice = principal(rpm=2)
    assert (await limiter.hit_request(alice)).allowed
    assert (await limiter.hit_request(alice)).allowed
    assert not (await limiter.hit_request(alice)).allowed
    # age the window's entries by a minute (as if the requests were made 61 s ago)
    key = "t:rpm:alice"
    # redis-py types zrange's result without regard to withscores: these are (member, score) pairs
    scored = cast(list[tuple[bytes, float]], await redis.zrange(key, 0, -1, withscores=True))
    for member, score in scored:
        await redis.zadd(key, {member: score - 61_000})
    assert (await limiter.hit_request(alice)).allowed


def test_output_cap() -> None:
    assert output_tokens(None, 200, 4_000) == 200
    assert output_tokens(10_000, 200, 4_000) == 4_000
    assert output_tokens(0, 200, 4_000) == 200
    assert output_tokens(50, 200, 4_000) == 50


async def test_budget_reserve_settle_refund(limiter: Limiter) -> None:
    alice = principal(daily_tokens=10_000)
    grant = await limiter.reserve(alice, 1_500 + 4_000)
    assert grant.allowed and grant.used == 5_500 and grant.remaining == 4_500
    # a second request of the same size no longer fits
    refused = await limiter.reserve(alice, 5_500)
    assert not refused.allowed and refused.remaining == 4_500 and 0 < refused.reset_s <= 86_400
    # settle with what was really used: the unused part comes back
    settled = await limiter.settle(grant, 1_200, 300)
    assert settled.settled and settled.refund == 4_000 and settled.used == 1_500
    again = await limiter.settle(grant, 1_200, 300)
    assert not again.settled  # settling twice is harmless
    assert (await limiter.reserve(alice, 5_500)).allowed
    usage = await limiter.usage(alice)
    assert usage.used == 7_000 and usage.prompt_tokens == 1_200 and usage.completion_tokens == 300
    assert usage.reserved == 5_500 and usage.refused == 1 and usage.requests == 2


async def test_refund_of_a_cut_stream(limiter: Limiter) -> None:
    """The client disconnects after 40 tokens: the route settles with the prompt and the 40."""
    alice = principal(daily_tokens=10_000)
    grant = await limiter.reserve(alice, 1_000 + 4_000)
    settled = await limiter.settle(grant, 1_000, 40)
    assert settled.refund == 3_960
    assert (await limiter.usage(alice)).used == 1_040


async def test_refund_when_nothing_was_generated(limiter: Limiter) -> None:
    alice = principal(daily_tokens=10_000)
    grant = await limiter.reserve(alice, 5_000)
    await limiter.settle(grant, 0, 0)  # e.g. the LLM server was down
    assert (await limiter.usage(alice)).used == 0


async def test_hundred_concurrent_requests_cannot_overrun_the_budget(redis_server: RedisServer) -> None:
    """100 requests from one user at once, each on its own connection (as from separate API
    processes): the reservations never exceed the budget; each request then really uses its
    whole reservation (the worst case), so the total stays within the budget."""
    budget, cap, prompt = 50_000, 4_000, 1_500
    alice = principal(daily_tokens=budget, cap=cap)
    clients = [Redis.from_url(redis_server.url) for _ in range(100)]
    try:
        limiters = [Limiter(c, "t:") for c in clients]
        grants = await asyncio.gather(*(lim.reserve(alice, prompt + cap) for lim in limiters))
        granted = [g for g in grants if g.allowed]
        assert len(granted) == budget // (prompt + cap)
        await asyncio.gather(
            *(lim.settle(g, prompt, cap) for lim, g in zip(limiters, grants, strict=True) if g.allowed)
        )
        usage = await limiters[0].usage(alice)
        assert usage.used <= budget
        assert usage.used + (prompt + cap) > budget  # and the budget was used, not refused early
        assert usage.refused == 100 - len(granted)
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))


async def test_overrun_is_bounded_when_requests_use_more_than_estimated(redis_server: RedisServer) -> None:
    """If the prompt estimate was low, settlement counts the real usage: the day can end over
    budget, but by less than one request's cap (the later reservations are refused)."""
    budget, cap = 20_000, 4_000
    alice = principal("carol", daily_tokens=budget, cap=cap)
    clients = [Redis.from_url(redis_server.url) for _ in range(100)]
    try:
        limiters = [Limiter(c, "t:") for c in clients]

        async def one(lim: Limiter) -> None:
            grant = await lim.reserve(alice, 500 + cap)
            if grant.allowed:
                await asyncio.sleep(0.01)
                await lim.settle(grant, 600, cap)  # 100 tokens more than reserved

        await asyncio.gather(*(one(lim) for lim in limiters))
        usage = await limiters[0].usage(alice)
        assert usage.used <= budget + cap
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))


async def test_cache_hits_are_counted_not_charged(limiter: Limiter) -> None:
    alice = principal()
    await limiter.count_cache_hit(alice)
    usage = await limiter.usage(alice)
    assert usage.cache_hits == 1 and usage.used == 0
    body = usage.to_dict()
    assert body["tokens"]["budget"] == 50_000 and body["requests"]["cache_hits_today"] == 1

"""The gateway one API process holds: key lookup, limits and the admission queue, in Redis
(REDIS_URL, else the Redis `ragdesk up` starts), shared by every API process. No FastAPI here
(see deps.py).

    gateway = await Gateway.create(settings)        # in the app's lifespan
    ...
    await gateway.close()
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.clients import redis_unavailable
from serving.gateway.keys import RedisKeyLookup
from serving.gateway.limits import Limiter
from serving.gateway.queue import AdmissionQueue, QueueConfig
from serving.gateway.slots import size_to_llm_slots

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from core.settings import Settings


def make_async_redis(settings: Settings) -> Redis:
    """An asyncio Redis client for `settings.resolved_redis_url` (connects on first use)."""
    from redis.asyncio import Redis

    return Redis.from_url(settings.resolved_redis_url, decode_responses=False, health_check_interval=30)


@dataclass
class Gateway:
    settings: Settings
    keys: RedisKeyLookup
    limiter: Limiter
    queue: AdmissionQueue
    redis: Redis
    sizer: asyncio.Task[None] | None = None

    @classmethod
    async def create(cls, settings: Settings, redis: Redis | None = None) -> Gateway:
        """The gateway on `redis` (default: `make_async_redis`); `RedisUnavailableError`, naming
        REDIS_URL and `ragdesk up`, when nothing answers there."""
        from redis.exceptions import RedisError

        redis = redis if redis is not None else make_async_redis(settings)
        try:
            await redis.ping()
        except (RedisError, OSError) as exc:
            await redis.aclose()
            raise redis_unavailable(settings, exc) from exc
        prefix = settings.gateway_redis_prefix
        gateway = cls(
            settings,
            RedisKeyLookup(redis, settings, prefix),
            Limiter(redis, prefix, settings.gateway_reservation_ttl_s),
            AdmissionQueue(redis, QueueConfig.from_settings(settings), prefix),
            redis,
        )
        await gateway.queue.start()
        if settings.gateway_match_llm_slots:
            gateway.sizer = asyncio.create_task(size_to_llm_slots(gateway.queue, settings))
        return gateway

    async def close(self) -> None:
        if self.sizer is not None:
            self.sizer.cancel()
        await self.queue.close()
        await self.redis.aclose()

    async def ready(self) -> dict[str, Any]:
        """For /ready and metrics: where the state lives and the queue's occupancy."""
        state: dict[str, Any] = {"store": "redis"}
        await self.redis.ping()
        state["queue"] = await self.queue.snapshot()
        return state

"""The gateway one API process holds: key lookup, limits and the admission queue, on Redis where
REDIS_URL is set, else in-process (which says so in the log). No FastAPI here (see deps.py).

    gateway = await Gateway.create(settings)        # in the app's lifespan
    ...
    await gateway.close()
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from serving.gateway.fallback import FileKeyStore, MemoryAdmissionQueue, MemoryLimiter
from serving.gateway.keys import Principal, RedisKeyLookup
from serving.gateway.limits import Limiter, RequestWindow, Settlement, TokenGrant, Usage
from serving.gateway.queue import AdmissionQueue, Disconnected, QueueConfig, Slot
from serving.gateway.slots import size_to_llm_slots

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from core.settings import Settings

log = logging.getLogger(__name__)


class KeyLookup(Protocol):
    async def authenticate(self, key: str) -> Principal | None: ...


class LimiterLike(Protocol):
    async def hit_request(self, principal: Principal) -> RequestWindow: ...
    async def reserve(self, principal: Principal, amount: int) -> TokenGrant: ...
    async def settle(self, grant: TokenGrant, prompt_tokens: int, completion_tokens: int) -> Settlement: ...
    async def count_cache_hit(self, principal: Principal) -> None: ...
    async def count_refusal(self, principal: Principal) -> None: ...
    async def usage(self, principal: Principal) -> Usage: ...


class QueueLike(Protocol):
    async def start(self) -> None: ...
    async def close(self) -> None: ...
    async def acquire(self, tier: str, is_disconnected: Disconnected | None = None) -> Slot: ...
    async def snapshot(self) -> dict[str, int]: ...


def make_async_redis(settings: Settings) -> Redis | None:
    """An asyncio Redis client, or None where no REDIS_URL is configured."""
    if not settings.redis_url:
        return None
    from redis.asyncio import Redis

    return Redis.from_url(settings.redis_url, decode_responses=False, health_check_interval=30)


@dataclass
class Gateway:
    settings: Settings
    keys: KeyLookup
    limiter: LimiterLike
    queue: QueueLike
    redis: Redis | None = None
    sizer: asyncio.Task[None] | None = None

    @property
    def shared(self) -> bool:
        """True when the state lives in Redis (several API processes agree)."""
        return self.redis is not None

    @classmethod
    async def create(cls, settings: Settings, redis: Redis | None = None) -> Gateway:
        redis = redis if redis is not None else make_async_redis(settings)
        config = QueueConfig.from_settings(settings)
        if redis is None:
            log.warning(
                "gateway: no REDIS_URL; rate limits, budgets and the admission queue are kept in this process "
                "(correct for one API process only) and API keys in %s",
                settings.data_dir / "gateway-keys.json",
            )
            gateway = cls(
                settings,
                FileKeyStore.for_settings(settings),
                MemoryLimiter(settings.gateway_reservation_ttl_s),
                MemoryAdmissionQueue(config),
            )
        else:
            await redis.ping()
            prefix = settings.gateway_prefix
            gateway = cls(
                settings,
                RedisKeyLookup(redis, settings, prefix),
                Limiter(redis, prefix, settings.gateway_reservation_ttl_s),
                AdmissionQueue(redis, config, prefix),
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
        if self.redis is not None:
            await self.redis.aclose()

    async def ready(self) -> dict[str, Any]:
        """For /ready and metrics: where the state lives and the queue's occupancy."""
        state: dict[str, Any] = {"store": "redis" if self.shared else "in-process"}
        if self.redis is not None:
            await self.redis.ping()
        state["queue"] = await self.queue.snapshot()
        return state

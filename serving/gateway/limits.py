"""Per-user limits in Redis, checked and updated by Lua scripts (atomic across API processes).

- Requests per minute: a sliding window (a sorted set of request times per user).
- Daily token budget (UTC day, Redis' clock): a request reserves `prompt estimate + output
  tokens` before generation; the reservation is refused when it would take the day's total past
  the budget, so concurrent requests can never overrun it together. After generation the
  reservation is settled with the real count (the unused part refunded, also when the stream was
  cut). A reservation never settled (a crashed process) stays counted: the safe direction.
- Output cap: the most output tokens one request may ask for (`output_tokens` clamps to it).

Redis keys (prefix `rd:`): `rpm:<user>` (sorted set), `usage:<user>:<day>` (hash: used,
reserved, prompt, completion, requests, cache_hits, refused), `resv:<id>` (an open reservation).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.ids import uuid4_hex
from serving.gateway.keys import Principal

if TYPE_CHECKING:
    from redis.asyncio import Redis

WINDOW_MS = 60_000
USAGE_TTL_S = 3 * 86_400

_NOW = """
local t = redis.call('TIME')
local now_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local now_s = tonumber(t[1])
"""

# KEYS[1]: the user's window. ARGV: limit, window ms, a unique member.
# Returns {allowed, limit, remaining, reset_ms (until the oldest request leaves the window)}.
_RPM = (
    "redis.replicate_commands()\n"
    + _NOW
    + """
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now_ms - window)
local count = redis.call('ZCARD', KEYS[1])
if count >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  local reset = window
  if oldest[2] then reset = tonumber(oldest[2]) + window - now_ms end
  return {0, limit, 0, reset}
end
redis.call('ZADD', KEYS[1], now_ms, now_ms .. ':' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {1, limit, limit - count - 1, tonumber(oldest[2]) + window - now_ms}
"""
)

# ARGV: usage key prefix (`rd:usage:<user>:`), reservation key, amount, budget, reservation ttl, usage ttl.
# Returns {allowed, used after, budget, seconds to the end of the UTC day}.
_RESERVE = (
    "redis.replicate_commands()\n"
    + _NOW
    + """
local key = ARGV[1] .. math.floor(now_s / 86400)
local amount = tonumber(ARGV[3])
local budget = tonumber(ARGV[4])
local reset = 86400 - (now_s % 86400)
local used = tonumber(redis.call('HGET', key, 'used') or '0')
if used + amount > budget then
  redis.call('HINCRBY', key, 'refused', 1)
  redis.call('EXPIRE', key, ARGV[6])
  return {0, used, budget, reset}
end
redis.call('HINCRBY', key, 'used', amount)
redis.call('HINCRBY', key, 'reserved', amount)
redis.call('HINCRBY', key, 'requests', 1)
redis.call('EXPIRE', key, ARGV[6])
redis.call('SET', ARGV[2], key .. '|' .. amount, 'EX', ARGV[5])
return {1, used + amount, budget, reset}
"""
)

# ARGV: reservation key, prompt tokens, completion tokens. Returns {settled, refund, used after}.
_SETTLE = """
local value = redis.call('GET', ARGV[1])
if not value then return {0, 0, 0} end
redis.call('DEL', ARGV[1])
local sep = string.find(value, '|', 1, true)
local key = string.sub(value, 1, sep - 1)
local amount = tonumber(string.sub(value, sep + 1))
local prompt = tonumber(ARGV[2])
local completion = tonumber(ARGV[3])
local used = redis.call('HINCRBY', key, 'used', prompt + completion - amount)
redis.call('HINCRBY', key, 'reserved', -amount)
redis.call('HINCRBY', key, 'prompt', prompt)
redis.call('HINCRBY', key, 'completion', completion)
return {1, amount - prompt - completion, used}
"""

# ARGV: usage key prefix, field, usage ttl. Counts one event (a cache hit) in today's usage.
_COUNT = (
    "redis.replicate_commands()\n"
    + _NOW
    + """
local key = ARGV[1] .. math.floor(now_s / 86400)
redis.call('HINCRBY', key, ARGV[2], 1)
redis.call('EXPIRE', key, ARGV[3])
return 86400 - (now_s % 86400)
"""
)

# ARGV: usage key prefix. Returns {day, seconds to reset, flat field/value list}.
_USAGE = (
    "redis.replicate_commands()\n"
    + _NOW
    + """
local day = math.floor(now_s / 86400)
return {day, 86400 - (now_s % 86400), redis.call('HGETALL', ARGV[1] .. day)}
"""
)


@dataclass(frozen=True)
class RequestWindow:
    """The outcome of the per-minute check."""

    allowed: bool
    limit: int
    remaining: int
    reset_s: float  # until a request leaves the window

    @property
    def retry_after_s(self) -> int:
        return max(1, int(-(-self.reset_s // 1)))


@dataclass(frozen=True)
class TokenGrant:
    """The outcome of a token reservation."""

    allowed: bool
    reservation_id: str
    amount: int
    used: int  # today's total including this reservation when allowed
    budget: int
    reset_s: int  # until the UTC day ends

    @property
    def remaining(self) -> int:
        return max(0, self.budget - self.used)


@dataclass(frozen=True)
class Settlement:
    settled: bool  # False: unknown or already settled reservation (settling twice is harmless)
    refund: int  # tokens given back (negative: the request used more than it reserved)
    used: int


@dataclass(frozen=True)
class Usage:
    user: str
    tier: str
    day: str  # ISO date, UTC
    used: int
    reserved: int
    prompt_tokens: int
    completion_tokens: int
    requests: int
    cache_hits: int
    refused: int
    daily_tokens: int
    reset_s: int
    rpm: int
    requests_last_minute: int
    output_cap: int

    @property
    def remaining(self) -> int:
        return max(0, self.daily_tokens - self.used)

    def to_dict(self) -> dict[str, Any]:
        return {
            "user": self.user,
            "tier": self.tier,
            "day": self.day,
            "tokens": {
                "budget": self.daily_tokens,
                "used": self.used,
                "remaining": self.remaining,
                "reserved_in_flight": self.reserved,
                "prompt": self.prompt_tokens,
                "completion": self.completion_tokens,
                "resets_in_s": self.reset_s,
            },
            "requests": {
                "today": self.requests,
                "cache_hits_today": self.cache_hits,
                "refused_today": self.refused,
                "last_minute": self.requests_last_minute,
                "per_minute_limit": self.rpm,
            },
            "output_cap": self.output_cap,
        }


def output_tokens(requested: int | None, default: int, cap: int) -> int:
    """The output tokens a request may use: what it asked for (or the default), capped."""
    wanted = requested if requested is not None and requested > 0 else default
    return max(1, min(wanted, cap))


def _ints(values: list[Any]) -> list[int]:
    return [int(v) for v in values]


def _day_iso(day: int) -> str:
    import datetime as dt

    return (dt.date(1970, 1, 1) + dt.timedelta(days=day)).isoformat()


class Limiter:
    """Async, Redis-backed; every check-and-update is one Lua script."""

    def __init__(self, redis: Redis, prefix: str = "rd:", reservation_ttl_s: int = 3600) -> None:
        self.redis = redis
        self.prefix = prefix
        self.reservation_ttl_s = reservation_ttl_s
        self._rpm = redis.register_script(_RPM)
        self._reserve = redis.register_script(_RESERVE)
        self._settle = redis.register_script(_SETTLE)
        self._count = redis.register_script(_COUNT)
        self._usage = redis.register_script(_USAGE)

    def _usage_prefix(self, user: str) -> str:
        return f"{self.prefix}usage:{user}:"

    async def hit_request(self, principal: Principal) -> RequestWindow:
        """Count a request against the per-minute limit (refused requests are not counted)."""
        if principal.rpm <= 0:
            return RequestWindow(False, 0, 0, WINDOW_MS / 1000)
        allowed, limit, remaining, reset_ms = _ints(
            await self._rpm(keys=[f"{self.prefix}rpm:{principal.user}"], args=[principal.rpm, WINDOW_MS, uuid4_hex()])
        )
        return RequestWindow(bool(allowed), limit, remaining, reset_ms / 1000)

    async def reserve(self, principal: Principal, amount: int) -> TokenGrant:
        reservation_id = uuid4_hex()
        allowed, used, budget, reset = _ints(
            await self._reserve(
                args=[
                    self._usage_prefix(principal.user),
                    f"{self.prefix}resv:{reservation_id}",
                    int(amount),
                    principal.daily_tokens,
                    self.reservation_ttl_s,
                    USAGE_TTL_S,
                ]
            )
        )
        return TokenGrant(bool(allowed), reservation_id if allowed else "", int(amount), used, budget, reset)

    async def settle(self, grant: TokenGrant, prompt_tokens: int, completion_tokens: int) -> Settlement:
        """Replace the reservation by the real count (call it once the stream ends, however it
        ends: with the usage of a finished answer, the tokens streamed so far of a cut one, or
        zeros when nothing was generated)."""
        if not grant.allowed:
            return Settlement(False, 0, grant.used)
        settled, refund, used = _ints(
            await self._settle(
                args=[
                    f"{self.prefix}resv:{grant.reservation_id}",
                    max(0, int(prompt_tokens)),
                    max(0, int(completion_tokens)),
                ]
            )
        )
        return Settlement(bool(settled), refund, used)

    async def count_cache_hit(self, principal: Principal) -> None:
        await self._count(args=[self._usage_prefix(principal.user), "cache_hits", USAGE_TTL_S])

    async def count_refusal(self, principal: Principal) -> None:
        """A request refused for the day's tokens before anything was reserved."""
        await self._count(args=[self._usage_prefix(principal.user), "refused", USAGE_TTL_S])

    async def usage(self, principal: Principal) -> Usage:
        day, reset, flat = await self._usage(args=[self._usage_prefix(principal.user)])
        fields = {flat[i].decode(): int(flat[i + 1]) for i in range(0, len(flat), 2)}
        rpm_key = f"{self.prefix}rpm:{principal.user}"
        now_ms = await self._server_ms()
        last_minute = await self.redis.zcount(rpm_key, now_ms - WINDOW_MS, "+inf")
        return Usage(
            user=principal.user,
            tier=principal.tier,
            day=_day_iso(int(day)),
            used=fields.get("used", 0),
            reserved=fields.get("reserved", 0),
            prompt_tokens=fields.get("prompt", 0),
            completion_tokens=fields.get("completion", 0),
            requests=fields.get("requests", 0),
            cache_hits=fields.get("cache_hits", 0),
            refused=fields.get("refused", 0),
            daily_tokens=principal.daily_tokens,
            reset_s=int(reset),
            rpm=principal.rpm,
            requests_last_minute=int(last_minute),
            output_cap=principal.output_cap,
        )

    async def _server_ms(self) -> int:
        seconds, micros = await self.redis.time()
        return int(seconds) * 1000 + int(micros) // 1000

"""Admission to generation: a priority queue in Redis, shared by every API process.

- At most `capacity` generations run at once (all processes together), matched to what the LLM
  servers can take; `paid_reserved` of those slots are the paid tier's dedicated capacity, which
  free requests never take.
- Waiting requests are admitted paid first, then free, each in arrival order. A free request
  waits while only reserved slots are open; a paid one behind it may take one.
- When `max_waiting` requests already wait, a new one is refused at once (503 + Retry-After)
  instead of piling up; one that waits longer than `timeout_s` is refused too.
- A slot is a lease, renewed while the generation runs; a crashed process's slot expires and
  is reclaimed. A waiter refreshes its heartbeat while it waits; a crashed process's waiters
  expire too. A waiter whose client disconnects (or whose task is cancelled) leaves the queue.

Every state change is one Lua script. Whoever calls it admits every waiter that can be admitted
(in order), and a release publishes a wake-up so waiters in other processes re-check at once
rather than at their next poll.

Redis keys (prefix `rd:q:`): `wait` (sorted set: tier then arrival), `alive` (waiter heartbeats),
`run` (slot leases), `seq` (arrival counter), `stats` (mean generation time), channel `wake`.
A ticket's first letter is its tier: `p...` paid, `f...` free.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.ids import uuid4_hex

if TYPE_CHECKING:
    from redis.asyncio import Redis

log = logging.getLogger(__name__)

Disconnected = Callable[[], Awaitable[bool]]

_PREAMBLE = """
redis.replicate_commands()
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wait, alive, run = KEYS[1], KEYS[2], KEYS[3]
local capacity, reserved, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
-- reclaim the slots and waiting places of processes that stopped renewing them
redis.call('ZREMRANGEBYSCORE', run, '-inf', now)
for _, gone in ipairs(redis.call('ZRANGEBYSCORE', alive, '-inf', now)) do
  redis.call('ZREM', wait, gone)
  redis.call('ZREM', alive, gone)
end
local function admit(me)
  local running = redis.call('ZRANGE', run, 0, -1)
  local n, free_running = #running, 0
  for _, r in ipairs(running) do
    if string.sub(r, 1, 1) == 'f' then free_running = free_running + 1 end
  end
  local admitted, mine = 0, 0
  if n >= capacity then return admitted, mine end
  for _, w in ipairs(redis.call('ZRANGE', wait, 0, -1)) do
    if n >= capacity then break end
    local paid = string.sub(w, 1, 1) == 'p'
    if paid or free_running < capacity - reserved then
      redis.call('ZREM', wait, w)
      redis.call('ZREM', alive, w)
      redis.call('ZADD', run, now + lease, w)
      n = n + 1
      if not paid then free_running = free_running + 1 end
      admitted = admitted + 1
      if w == me then mine = 1 end
    end
  end
  return admitted, mine
end
"""

# KEYS: wait, alive, run, seq, stats. ARGV: capacity, reserved, lease ms, ticket, max waiting, heartbeat ms.
# Returns {status (1 admitted, 0 waiting, -1 queue full), admitted in all, waiting, mean generation ms}.
_ENQUEUE = (
    _PREAMBLE
    + """
local ticket = ARGV[4]
local mean = tonumber(redis.call('HGET', KEYS[5], 'mean_ms') or '0')
local waiting = redis.call('ZCARD', wait)
if waiting >= tonumber(ARGV[5]) then return {-1, 0, waiting, mean} end
local seq = redis.call('INCR', KEYS[4])
local priority = 1
if string.sub(ticket, 1, 1) == 'p' then priority = 0 end
redis.call('ZADD', wait, priority * 1e13 + seq, ticket)
redis.call('ZADD', alive, now + tonumber(ARGV[6]), ticket)
local admitted, mine = admit(ticket)
return {mine, admitted, redis.call('ZCARD', wait), mean}
"""
)

# KEYS: wait, alive, run. ARGV: capacity, reserved, lease ms, ticket, heartbeat ms.
# Returns {status (1 admitted, 0 waiting, -2 gone), admitted in all, position (0-based) or -1}.
_POLL = (
    _PREAMBLE
    + """
local ticket = ARGV[4]
if redis.call('ZSCORE', run, ticket) then
  redis.call('ZADD', run, now + lease, ticket)
  return {1, 0, -1}
end
if not redis.call('ZSCORE', wait, ticket) then return {-2, 0, -1} end
redis.call('ZADD', alive, now + tonumber(ARGV[5]), ticket)
local admitted, mine = admit(ticket)
local position = redis.call('ZRANK', wait, ticket)
if not position then position = -1 end
return {mine, admitted, position}
"""
)

# KEYS: wait, alive, run, stats. ARGV: capacity, reserved, lease ms, ticket, generation ms (<0: none).
# Leaves the queue or gives the slot back. Returns {was running, admitted in all}.
_RELEASE = (
    _PREAMBLE
    + """
local ticket = ARGV[4]
redis.call('ZREM', wait, ticket)
redis.call('ZREM', alive, ticket)
local was = redis.call('ZREM', run, ticket)
local took = tonumber(ARGV[5])
if was == 1 and took >= 0 then
  local mean = tonumber(redis.call('HGET', KEYS[4], 'mean_ms') or '0')
  if mean == 0 then mean = took else mean = mean * 0.8 + took * 0.2 end
  redis.call('HSET', KEYS[4], 'mean_ms', tostring(mean))
end
local admitted = admit('')
return {was, admitted}
"""
)

# KEYS: run. ARGV: ticket, lease ms. Renews a slot's lease; 0 when it was already reclaimed.
_RENEW = """
redis.replicate_commands()
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
return 1
"""


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


async def wait_event(event: asyncio.Event, timeout_s: float) -> None:
    """Wait for `event` at most `timeout_s`. (`asyncio.timeout`, not `wait_for`: on Python 3.11
    `wait_for` can swallow a cancellation that arrives as the event is set.)"""
    try:
        async with asyncio.timeout(timeout_s):
            await event.wait()
    except TimeoutError:
        pass


class AdmissionError(Exception):
    """No slot for this request: `reason` is "queue_full", "queue_timeout" or "disconnected"."""

    def __init__(self, reason: str, retry_after_s: int, waiting: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after_s = retry_after_s
        self.waiting = waiting


@dataclass
class QueueConfig:
    capacity: int = 4
    paid_reserved: int = 1
    max_waiting: int = 64
    timeout_s: float = 60.0
    lease_s: float = 30.0
    poll_s: float = 0.25
    default_generation_s: float = 5.0  # Retry-After estimate before any generation was timed

    def __post_init__(self) -> None:
        if self.capacity < 1:
            raise ValueError("the in-flight bound must be at least 1")
        if not 0 <= self.paid_reserved <= self.capacity:
            raise ValueError("the paid reservation must be between 0 and the in-flight bound")

    @classmethod
    def from_settings(cls, settings: Any) -> QueueConfig:
        return cls(
            capacity=settings.gateway_max_inflight,
            paid_reserved=settings.gateway_paid_reserved,
            max_waiting=settings.gateway_queue_max,
            timeout_s=settings.gateway_queue_timeout_s,
            lease_s=settings.gateway_slot_lease_s,
            poll_s=settings.gateway_queue_poll_s,
        )

    def retry_after(self, waiting: int, mean_generation_s: float) -> int:
        mean = mean_generation_s if mean_generation_s > 0 else self.default_generation_s
        return max(1, math.ceil(mean * (waiting + 1) / self.capacity))


@dataclass
class Slot:
    """A granted generation slot. Release it (or use `async with`) when the generation ends."""

    ticket: str
    tier: str
    waited_s: float
    _release: Callable[[Slot, float], Awaitable[None]] = field(repr=False)
    _renewer: asyncio.Task[None] | None = field(default=None, repr=False)
    _started: float = field(default_factory=time.monotonic, repr=False)
    released: bool = False

    async def release(self) -> None:
        if self.released:
            return
        self.released = True
        if self._renewer is not None:
            self._renewer.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._renewer
        await asyncio.shield(self._release(self, time.monotonic() - self._started))

    async def __aenter__(self) -> Slot:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.release()


class AdmissionQueue:
    """Redis-backed admission (async client). `await queue.acquire(tier)` returns a `Slot` or
    raises `AdmissionError`."""

    def __init__(self, redis: Redis, config: QueueConfig, prefix: str = "rd:") -> None:
        self.redis = redis
        self.config = config
        self.prefix = f"{prefix}q:"
        self._enqueue = redis.register_script(_ENQUEUE)
        self._poll = redis.register_script(_POLL)
        self._release_script = redis.register_script(_RELEASE)
        self._renew = redis.register_script(_RENEW)
        self._wake = asyncio.Event()
        self._listener: asyncio.Task[None] | None = None
        self._closing = False

    # --- keys and script arguments -----------------------------------------------------------
    def _keys(self, *extra: str) -> list[str]:
        return [f"{self.prefix}wait", f"{self.prefix}alive", f"{self.prefix}run", *(f"{self.prefix}{e}" for e in extra)]

    def _base_args(self) -> list[Any]:
        return [self.config.capacity, self.config.paid_reserved, int(self.config.lease_s * 1000)]

    @property
    def _heartbeat_ms(self) -> int:
        return int(max(self.config.poll_s * 4, 2.0) * 1000)

    # --- wake-ups across processes -----------------------------------------------------------
    async def start(self) -> None:
        if self._listener is None:
            self._closing = False
            self._listener = asyncio.create_task(self._listen(), name="gateway-queue-wake")

    async def close(self) -> None:
        if self._listener is not None:
            self._closing = True
            self._listener.cancel()
            await asyncio.wait({self._listener}, timeout=3.0)
            self._listener = None

    async def _listen(self) -> None:
        pubsub = self.redis.pubsub()
        me = asyncio.current_task()
        try:
            await pubsub.subscribe(f"{self.prefix}wake")
            # redis-py's get_message(timeout=...) can swallow a cancellation: check both the flag
            # and the task's pending cancellation rather than rely on CancelledError alone
            while not self._closing and not (me is not None and me.cancelling()):
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
                if message is not None:
                    self._notify()
        except asyncio.CancelledError:
            raise
        except Exception:  # waiters fall back to polling
            log.warning("admission queue: wake-up listener stopped; waiters poll instead", exc_info=True)
        finally:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.wait_for(pubsub.aclose(), 1.0)

    def _notify(self) -> None:
        event, self._wake = self._wake, asyncio.Event()
        event.set()

    async def _publish(self) -> None:
        self._notify()
        with contextlib.suppress(Exception):
            await self.redis.publish(f"{self.prefix}wake", b"1")

    # --- admission -----------------------------------------------------------------------------
    async def acquire(self, tier: str, is_disconnected: Disconnected | None = None) -> Slot:
        """Wait for a slot (paid before free, bounded, reserved share for paid).

        Raises `AdmissionError` when the queue is full (at once), after `timeout_s`, or when
        `is_disconnected()` turns true; cancellation also leaves the queue."""
        if self._listener is None:
            await self.start()
        ticket = ("p" if tier == "paid" else "f") + uuid4_hex()
        started = time.monotonic()
        wake = self._wake
        try:
            status, admitted, waiting, mean_ms = (
                int(v)
                for v in await self._enqueue(
                    keys=self._keys("seq", "stats"),
                    args=[*self._base_args(), ticket, self.config.max_waiting, self._heartbeat_ms],
                )
            )
            if status == -1:
                raise AdmissionError("queue_full", self.config.retry_after(waiting, mean_ms / 1000), waiting)
            if admitted > status:
                await self._publish()
            while status != 1:
                remaining = self.config.timeout_s - (time.monotonic() - started)
                if remaining <= 0:
                    raise AdmissionError("queue_timeout", self.config.retry_after(waiting, mean_ms / 1000), waiting)
                await wait_event(wake, min(self.config.poll_s, remaining))
                if is_disconnected is not None and await is_disconnected():
                    raise AdmissionError("disconnected", 0)
                wake = self._wake
                status, admitted, _position = (
                    int(v)
                    for v in await self._poll(keys=self._keys(), args=[*self._base_args(), ticket, self._heartbeat_ms])
                )
                if status == -2:  # our heartbeat lapsed (a long pause): the place is lost
                    raise AdmissionError("queue_timeout", self.config.retry_after(waiting, mean_ms / 1000), waiting)
                if admitted > status:
                    await self._publish()
        except BaseException:
            await asyncio.shield(self._leave(ticket))
            raise
        slot = Slot(ticket, tier, time.monotonic() - started, self._give_back)
        slot._renewer = asyncio.create_task(self._renew_loop(ticket, weakref.ref(slot)), name="gateway-slot-lease")
        return slot

    async def _leave(self, ticket: str) -> None:
        with contextlib.suppress(Exception):
            _was, admitted = (
                int(v)
                for v in await self._release_script(keys=self._keys("stats"), args=[*self._base_args(), ticket, -1])
            )
            if admitted:
                await self._publish()

    async def _give_back(self, slot: Slot, took_s: float) -> None:
        try:
            _was, admitted = (
                int(v)
                for v in await self._release_script(
                    keys=self._keys("stats"), args=[*self._base_args(), slot.ticket, int(took_s * 1000)]
                )
            )
        except Exception:  # the lease expires on its own
            log.warning("admission queue: could not release a slot; its lease will expire", exc_info=True)
            return
        if admitted:
            await self._publish()

    async def _renew_loop(self, ticket: str, slot: weakref.ref[Slot]) -> None:
        """Renew the lease while the slot is held. A slot dropped without `release()` stops
        being renewed, so its lease expires and the slot is reclaimed."""
        interval = max(self.config.lease_s / 3, 0.05)
        while True:
            await asyncio.sleep(interval)
            held = slot()
            if held is None or held.released:
                return
            del held
            try:
                if not await self._renew(keys=[f"{self.prefix}run"], args=[ticket, int(self.config.lease_s * 1000)]):
                    log.warning("admission queue: a slot's lease lapsed while it was in use")
                    return
            except Exception:  # try again at the next interval
                log.warning("admission queue: could not renew a slot lease", exc_info=True)

    # --- observation ----------------------------------------------------------------------------
    async def snapshot(self) -> dict[str, int]:
        waiting = [_text(w) for w in await self.redis.zrange(f"{self.prefix}wait", 0, -1)]
        running = [_text(r) for r in await self.redis.zrange(f"{self.prefix}run", 0, -1)]
        return {
            "capacity": self.config.capacity,
            "paid_reserved": self.config.paid_reserved,
            "waiting_paid": sum(1 for w in waiting if w.startswith("p")),
            "waiting_free": sum(1 for w in waiting if w.startswith("f")),
            "running_paid": sum(1 for r in running if r.startswith("p")),
            "running_free": sum(1 for r in running if r.startswith("f")),
        }

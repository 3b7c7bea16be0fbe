"""The admission queue against a real Redis server: the in-flight bound, the paid reservation,
priority order under saturation (several queue objects on separate connections standing for
API processes, and real separate processes), queue full, timeouts, disconnects, cancellation
and reclaiming a crashed process's slot; the same order from one queue object (one process)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
import time
from collections.abc import AsyncIterator, Iterator

import pytest
from redis.asyncio import Redis

from core.redis_server import RedisServer, temporary_redis
from core.settings import REPO_ROOT
from serving.gateway.queue import AdmissionError, AdmissionQueue, QueueConfig, Slot

PREFIX = "t:"


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with temporary_redis() as server:
        yield server


@pytest.fixture()
async def clean(redis_server: RedisServer) -> AsyncIterator[None]:
    client = Redis.from_url(redis_server.url)
    await client.flushdb()
    await client.aclose()
    yield


class Processes:
    """`n` queue objects, each with its own Redis connection (as in separate API processes)."""

    def __init__(self, url: str, config: QueueConfig, n: int = 3) -> None:
        self.clients = [Redis.from_url(url) for _ in range(n)]
        self.queues = [AdmissionQueue(c, config, PREFIX) for c in self.clients]

    def __getitem__(self, i: int) -> AdmissionQueue:
        return self.queues[i % len(self.queues)]

    async def close(self) -> None:
        for queue in self.queues:
            await queue.close()
        for client in self.clients:
            await client.aclose()


@pytest.fixture()
async def procs(redis_server: RedisServer, clean: None) -> AsyncIterator[Processes]:
    config = QueueConfig(capacity=3, paid_reserved=1, max_waiting=64, timeout_s=20, lease_s=5, poll_s=0.1)
    processes = Processes(redis_server.url, config)
    yield processes
    await processes.close()


async def test_in_flight_bound_holds_across_processes(procs: Processes) -> None:
    running = peak = 0

    async def job(i: int) -> None:
        nonlocal running, peak
        async with await procs[i].acquire("paid" if i % 3 == 0 else "free"):
            running += 1
            peak = max(peak, running)
            await asyncio.sleep(0.03)
            running -= 1

    await asyncio.gather(*(job(i) for i in range(24)))
    assert peak == 3
    assert await procs[0].snapshot() == {
        "capacity": 3,
        "paid_reserved": 1,
        "waiting_paid": 0,
        "waiting_free": 0,
        "running_paid": 0,
        "running_free": 0,
    }


async def test_free_requests_never_take_the_paid_reservation(procs: Processes) -> None:
    free_slots = [await procs[i].acquire("free") for i in range(2)]
    third_free = asyncio.create_task(procs[2].acquire("free"))
    await asyncio.sleep(0.3)
    assert not third_free.done()  # one slot is open, but it is the paid tier's
    paid = await asyncio.wait_for(procs[0].acquire("paid"), 1.0)  # the reserved slot, at once
    assert paid.waited_s < 0.5
    await free_slots[0].release()
    third = await asyncio.wait_for(third_free, 2.0)
    for slot in [free_slots[1], paid, third]:
        await slot.release()


async def _saturated_order(queues: list, hold: int, waiters: list[tuple[str, int]]) -> list[str]:
    """Fill every slot, queue `waiters` (name, queue index) in that order, then free one slot at
    a time (the longest-running first) and record the order of admission."""
    holders: list[Slot] = [await queues[0].acquire("paid") for _ in range(hold)]
    admitted: list[str] = []
    running: list[asyncio.Event] = []

    async def wait(name: str, index: int) -> None:
        slot = await queues[index % len(queues)].acquire("paid" if name.startswith("P") else "free")
        admitted.append(name)
        done = asyncio.Event()
        running.append(done)
        await done.wait()
        await slot.release()

    tasks = []
    for name, index in waiters:
        tasks.append(asyncio.create_task(wait(name, index)))
        await asyncio.sleep(0.02)  # a definite arrival order
    for holder in holders:
        await holder.release()
        await asyncio.sleep(0.15)
    while len(admitted) < len(waiters):
        running.pop(0).set()
        await asyncio.sleep(0.15)
    for done in running:
        done.set()
    await asyncio.wait_for(asyncio.gather(*tasks), 20)
    return admitted


async def test_priority_order_under_saturation(procs: Processes) -> None:
    waiters = [("F1", 0), ("F2", 1), ("P1", 2), ("F3", 0), ("P2", 1), ("P3", 2), ("F4", 1)]
    # every paid request queued after free ones is admitted first; each tier in arrival order
    admitted = await _saturated_order(procs.queues, 3, waiters)
    assert admitted == ["P1", "P2", "P3", "F1", "F2", "F3", "F4"]


async def test_priority_order_in_one_process(procs: Processes) -> None:
    waiters = [("F1", 0), ("F2", 0), ("P1", 0), ("F3", 0), ("P2", 0), ("P3", 0), ("F4", 0)]
    admitted = await _saturated_order(procs.queues[:1], 3, waiters)
    assert admitted == ["P1", "P2", "P3", "F1", "F2", "F3", "F4"]


async def test_queue_full_is_refused_at_once(redis_server: RedisServer, clean: None) -> None:
    config = QueueConfig(capacity=1, paid_reserved=0, max_waiting=2, timeout_s=10, poll_s=0.05)
    client = Redis.from_url(redis_server.url)
    queue = AdmissionQueue(client, config, PREFIX)
    try:
        holder = await queue.acquire("free")
        waiting = [asyncio.create_task(queue.acquire("free")) for _ in range(2)]
        await asyncio.sleep(0.2)
        with pytest.raises(AdmissionError) as refused:
            await queue.acquire("paid")
        assert refused.value.reason == "queue_full" and refused.value.retry_after_s >= 1
        await holder.release()
        for task in waiting:
            slot = await asyncio.wait_for(task, 5)
            await slot.release()
    finally:
        await queue.close()
        await client.aclose()


async def test_wait_times_out(procs: Processes, redis_server: RedisServer) -> None:
    config = QueueConfig(capacity=1, paid_reserved=0, timeout_s=0.4, poll_s=0.05)
    client = Redis.from_url(redis_server.url)
    queue = AdmissionQueue(client, config, "t2:")
    try:
        holder = await queue.acquire("free")
        with pytest.raises(AdmissionError) as timed_out:
            await queue.acquire("free")
        assert timed_out.value.reason == "queue_timeout"
        assert (await queue.snapshot())["waiting_free"] == 0
        await holder.release()
    finally:
        await queue.close()
        await client.aclose()


async def test_disconnected_client_leaves_the_queue(procs: Processes) -> None:
    holders = [await procs[0].acquire("paid") for _ in range(3)]
    gone = False

    async def is_disconnected() -> bool:
        return gone

    waiter = asyncio.create_task(procs[1].acquire("free", is_disconnected))
    await asyncio.sleep(0.2)
    assert (await procs[0].snapshot())["waiting_free"] == 1
    gone = True
    with pytest.raises(AdmissionError) as left:
        await asyncio.wait_for(waiter, 2)
    assert left.value.reason == "disconnected"
    assert (await procs[0].snapshot())["waiting_free"] == 0
    for holder in holders:
        await holder.release()


async def test_cancelled_waiter_leaves_the_queue(procs: Processes) -> None:
    holders = [await procs[0].acquire("paid") for _ in range(3)]
    waiter = asyncio.create_task(procs[1].acquire("paid"))
    await asyncio.sleep(0.2)
    assert (await procs[0].snapshot())["waiting_paid"] == 1
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    assert (await procs[0].snapshot())["waiting_paid"] == 0
    for holder in holders:
        await holder.release()
    assert (await procs[0].snapshot())["running_paid"] == 0


async def test_a_crashed_process_slot_is_reclaimed(redis_server: RedisServer, clean: None) -> None:
    lease = 1.0
    config = QueueConfig(capacity=1, paid_reserved=0, timeout_s=10, lease_s=lease, poll_s=0.05)
    crashed_client, live_client = Redis.from_url(redis_server.url), Redis.from_url(redis_server.url)
    crashed, live = AdmissionQueue(crashed_client, config, PREFIX), AdmissionQueue(live_client, config, PREFIX)
    try:
        slot = await crashed.acquire("free")
        acquired = time.monotonic()
        assert slot._renewer is not None
        slot._renewer.cancel()  # the process dies: nobody renews the lease or releases the slot
        await crashed.close()
        granted = await live.acquire("free")
        try:
            assert lease * 0.8 <= time.monotonic() - acquired < lease + 5
        finally:
            await granted.release()
    finally:
        await live.close()
        await crashed_client.aclose()
        await live_client.aclose()


async def test_a_dropped_slot_is_reclaimed(redis_server: RedisServer, clean: None) -> None:
    """A route that loses a slot without releasing it (a bug) does not hold it forever."""
    config = QueueConfig(capacity=1, paid_reserved=0, timeout_s=10, lease_s=0.6, poll_s=0.05)
    client = Redis.from_url(redis_server.url)
    queue = AdmissionQueue(client, config, PREFIX)
    try:
        await queue.acquire("free")  # dropped at once
        granted = await queue.acquire("free")
        assert granted.waited_s >= 0.3
        await granted.release()
    finally:
        await queue.close()
        await client.aclose()


async def test_lease_is_renewed_while_generating(redis_server: RedisServer, clean: None) -> None:
    config = QueueConfig(capacity=1, paid_reserved=0, timeout_s=0.5, lease_s=0.3, poll_s=0.05)
    client = Redis.from_url(redis_server.url)
    queue = AdmissionQueue(client, config, PREFIX)
    try:
        slot = await queue.acquire("free")
        await asyncio.sleep(0.8)  # several lease periods: still ours
        with pytest.raises(AdmissionError):
            await queue.acquire("free")
        await slot.release()
    finally:
        await queue.close()
        await client.aclose()


WORKER = textwrap.dedent(
    """
    import asyncio, json, sys, time
    from redis.asyncio import Redis
    from serving.gateway.queue import AdmissionQueue, QueueConfig

    async def main(url, name, tiers):
        client = Redis.from_url(url)
        queue = AdmissionQueue(client, QueueConfig(capacity=2, paid_reserved=1, timeout_s=60, poll_s=0.2), "tp:")
        waits = []

        async def one(tier):
            slot = await queue.acquire(tier)
            running = await client.incr("tp:test:running")
            await client.eval("if tonumber(ARGV[1]) > tonumber(redis.call('GET', KEYS[1]) or '0') then "
                              "redis.call('SET', KEYS[1], ARGV[1]) end", 1, "tp:test:peak", running)
            await asyncio.sleep(0.1)
            await client.decr("tp:test:running")
            await slot.release()
            waits.append((tier, slot.waited_s))

        await client.incr("tp:test:ready")
        while int(await client.get("tp:test:ready")) < 3:
            await asyncio.sleep(0.01)
        await asyncio.gather(*(one(t) for t in tiers))
        await queue.close()
        await client.aclose()
        print(json.dumps(waits))

    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3].split(",")))
    """
)


def test_bound_and_priority_across_real_processes(redis_server: RedisServer) -> None:
    import redis as sync_redis

    sync_redis.Redis.from_url(redis_server.url).flushdb()
    tiers = ",".join(["free"] * 6 + ["paid"] * 2)
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, redis_server.url, f"w{i}", tiers],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(3)
    ]
    waits: list[tuple[str, float]] = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        waits += [tuple(w) for w in json.loads(out.strip().splitlines()[-1])]
    peak = int(sync_redis.Redis.from_url(redis_server.url).get("tp:test:peak") or 0)
    assert peak == 2
    paid = sorted(w for t, w in waits if t == "paid")
    free = sorted(w for t, w in waits if t == "free")
    assert len(paid) == 6 and len(free) == 18
    assert sum(paid) / len(paid) < sum(free) / len(free)

"""Gateway benchmark: cache-hit latency over HTTP, the gateway's overhead on a miss, and the
queue wait of paid vs free requests under saturation.

Two modes:

    python -m bench.gateway                      # in-process parts, no API needed (default)
    python -m bench.gateway --base-url http://127.0.0.1:8000 --paid-key rd_... --free-key rd_...

In-process (against a throwaway redis-server, or REDIS_URL):
1. saturation: several AdmissionQueue objects on separate connections (standing for API
   processes), closed-loop paid and free clients, and a FAKE generation of fixed duration
   (asyncio.sleep) instead of the LLM; p50/p95 queue wait per tier, then a burst that overflows
   the queue (503s);
2. overhead: the gateway's Redis work per request (authenticate, per-minute check, reserve,
   admit, settle, release), sequential, uncontended;
3. HTTP: a MINI APP (not the real app: the gateway dependencies + the response cache + a fake
   generation) served by uvicorn in a subprocess; end-to-end latency of exact and semantic cache
   hits and of misses, with the server's own Server-Timing for the gateway part.

Against a running API (HTTP mode): the same questions through the OpenAI-compatible endpoint;
X-Cache tells hits from misses; `Server-Timing: gateway;dur=..` and `X-Queue-Wait-Ms`, where
the app sends them, give the overhead and the queue wait (else end-to-end latency is reported).

Bounded: every phase has a request count and a time cap. Writes bench/results/gateway.json and
gateway.md (in-process mode) or gateway_http.json/.md (HTTP mode).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import uuid
from contextlib import asynccontextmanager
from typing import Any

import httpx
import numpy as np
from fastapi import APIRouter, Body, Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from core.answer_cache import make_answer_cache
from core.settings import REPO_ROOT, Settings
from serving.gateway.deps import (
    QuotaDep,
    admit,
    install_gateway,
    output_budget,
    require_api_key,
    reserve_tokens,
    settle,
)
from serving.gateway.service import Gateway

RESULTS = REPO_ROOT / "bench" / "results"

QUESTIONS = [
    "How long do I have to return a laptop?",
    "Do you ship to Switzerland?",
    "How do I pair my Aurora X2 headphones?",
    "What payment methods do you accept?",
    "Is there a restocking fee for opened electronics?",
    "How long is a gift card valid?",
]
PARAPHRASES = [
    "how long do i have to return my laptop",
    "can you help me: do you ship to switzerland",
    "how can i pair my Aurora X2 headphones",
    "which payment methods do you accept",
    "is there a restocking fee for opened electronics please",
    "how long are gift cards valid",
]


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50": round(pct(values, 50), 3),
        "p95": round(pct(values, 95), 3),
        "max": round(max(values), 3) if values else float("nan"),
        "mean": round(statistics.fmean(values), 3) if values else float("nan"),
    }


# --- 1. saturation against the queue (fake generation) ------------------------------------
async def saturation(
    url: str,
    settings: Settings,
    paid_clients: int,
    free_clients: int,
    generation_s: float,
    duration_s: float,
    processes: int = 3,
) -> dict[str, Any]:
    from redis.asyncio import Redis

    from serving.gateway.queue import AdmissionError, AdmissionQueue, QueueConfig

    config = QueueConfig.from_settings(settings)
    config.timeout_s = max(config.timeout_s, duration_s * 2)
    prefix = f"bench{uuid.uuid4().hex[:6]}:"
    clients = [Redis.from_url(url) for _ in range(processes)]
    queues = [AdmissionQueue(c, config, prefix) for c in clients]
    waits: dict[str, list[float]] = {"paid": [], "free": []}
    running = peak = 0
    stop_at = time.monotonic() + duration_s

    async def client(tier: str, index: int) -> None:
        nonlocal running, peak
        queue = queues[index % processes]
        rng = np.random.default_rng(index)
        # staggered starts, one slot's share of a generation apart: with a fixed generation time,
        # clients that all start together keep finishing together, and every wait becomes a
        # whole generation (an artefact of the fake generation, not of the queue)
        await asyncio.sleep(index * generation_s / config.capacity)
        while time.monotonic() < stop_at:
            slot = await queue.acquire(tier)
            waits[tier].append(slot.waited_s * 1000)
            running += 1
            peak = max(peak, running)
            await asyncio.sleep(generation_s)  # FAKE generation of fixed duration
            running -= 1
            await slot.release()
            await asyncio.sleep(float(rng.uniform(0, 0.05)))  # a client's think time

    started = time.monotonic()
    tasks = [client("paid", i) for i in range(paid_clients)] + [
        client("free", paid_clients + i) for i in range(free_clients)
    ]
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - started

    # a burst larger than the queue: the overflow is refused at once (503 in the API)
    burst = config.capacity + config.max_waiting + 20
    refused = admitted = 0

    async def burst_one(i: int) -> None:
        nonlocal refused, admitted
        try:
            slot = await queues[i % processes].acquire("free" if i % 4 else "paid")
        except AdmissionError:
            refused += 1
            return
        admitted += 1
        await asyncio.sleep(0.01)
        await slot.release()

    await asyncio.gather(*(burst_one(i) for i in range(burst)))
    for queue in queues:
        await queue.close()
    for c in clients:
        await c.aclose()
    paid, free = summary(waits["paid"]), summary(waits["free"])
    return {
        "note": "FAKE generation (asyncio.sleep of fixed duration), not the LLM",
        "capacity": config.capacity,
        "paid_reserved": config.paid_reserved,
        "processes": processes,
        "paid_clients": paid_clients,
        "free_clients": free_clients,
        "generation_s": generation_s,
        "duration_s": round(elapsed, 1),
        "peak_in_flight": peak,
        "generations": len(waits["paid"]) + len(waits["free"]),
        "wait_ms": {"paid": paid, "free": free},
        "paid_p95_over_free_p95": round(paid["p95"] / free["p95"], 3) if free["p95"] else None,
        "target_met": bool(free["p95"]) and paid["p95"] <= free["p95"] / 4,
        "burst": {"requests": burst, "queue_max": config.max_waiting, "admitted": admitted, "refused_503": refused},
    }


# --- 2. the gateway's own work per request ------------------------------------------------
async def overhead(url: str, settings: Settings, requests: int) -> dict[str, Any]:
    from redis import Redis as SyncRedis
    from redis.asyncio import Redis

    from serving.gateway.keys import RedisKeyAdmin, RedisKeyLookup
    from serving.gateway.limits import Limiter
    from serving.gateway.queue import AdmissionQueue, QueueConfig

    prefix = f"bench{uuid.uuid4().hex[:6]}:"
    key, _, _ = RedisKeyAdmin(SyncRedis.from_url(url), prefix).create_key(
        "bench", "paid", daily_tokens=10**9, rpm=10**6
    )
    redis = Redis.from_url(url)
    lookup, limiter = RedisKeyLookup(redis, settings, prefix), Limiter(redis, prefix)
    queue = AdmissionQueue(redis, QueueConfig.from_settings(settings), prefix)
    parts: dict[str, list[float]] = {k: [] for k in ("auth", "rpm", "reserve", "admit", "settle_release", "total")}
    for i in range(requests + 20):
        t0 = time.perf_counter()
        principal = await lookup.authenticate(key)
        assert principal is not None
        t1 = time.perf_counter()
        await limiter.hit_request(principal)
        t2 = time.perf_counter()
        grant = await limiter.reserve(principal, 2_000)
        t3 = time.perf_counter()
        slot = await queue.acquire(principal.tier)
        t4 = time.perf_counter()
        await limiter.settle(grant, 1_500, 100)
        await slot.release()
        t5 = time.perf_counter()
        if i >= 20:  # warm-up excluded
            for name, dur in zip(parts, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0), strict=True):
                parts[name].append(dur * 1000)
    await queue.close()
    await redis.aclose()
    return {"requests": requests, "ms": {k: summary(v) for k, v in parts.items()}}


# --- 3. HTTP: the mini app -------------------------------------------------------------------
def mini_app(settings: Settings) -> Any:
    """The gateway dependencies + the response cache + a fake generation: what a chat route does
    around the model call, without retrieval or the model."""
    from core.clients import make_embedder

    embedder = make_embedder(settings)
    embedder.embed_one("warm-up")
    cache = make_answer_cache(settings, embedder.embed_one)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        app.state.gateway = await Gateway.create(settings)
        yield
        await app.state.gateway.close()

    app = FastAPI(lifespan=lifespan)
    install_gateway(app)
    router = APIRouter(dependencies=[Depends(require_api_key)])

    @router.post("/v1/ask")
    async def ask(request: Request, quota: QuotaDep, body: dict[str, Any] = Body(...)) -> JSONResponse:
        t0 = time.perf_counter()
        gateway = request.app.state.gateway
        question = str(body["question"])
        found = await asyncio.to_thread(cache.lookup, question, "bench")
        t1 = time.perf_counter()
        if found.entry is not None:
            await gateway.limiter.count_cache_hit(quota.principal)
            headers = {**quota.headers(), "X-Cache": found.status, "Server-Timing": f"cache;dur={(t1 - t0) * 1000:.2f}"}
            return JSONResponse({"answer": found.entry.answer}, headers=headers)
        max_tokens = output_budget(gateway, quota, body.get("max_tokens"))
        grant = await reserve_tokens(gateway, quota, 1_500, max_tokens)
        slot = await admit(gateway, quota, request)
        t2 = time.perf_counter()
        try:
            await asyncio.sleep(float(body.get("generation_s", 0.05)))  # FAKE generation
            answer = f"fake answer to {question}"
        finally:
            t3 = time.perf_counter()
            await settle(gateway, grant, 1_500, 40)
            await slot.release()
        chunk = f"bench-{uuid.uuid5(uuid.NAMESPACE_URL, question).hex[:12]}"  # one pseudo-source per question
        cache.store(question, answer, [{"chunk_id": chunk}], "bench", vector=found.vector)
        t4 = time.perf_counter()
        gateway_ms = (t2 - t1 - slot.waited_s) * 1000 + (t4 - t3) * 1000
        headers = {
            **quota.headers(),
            "X-Cache": "miss",
            "X-Queue-Wait-Ms": f"{slot.waited_s * 1000:.1f}",
            "Server-Timing": f"cache;dur={(t1 - t0) * 1000:.2f}, gateway;dur={gateway_ms:.2f}",
        }
        return JSONResponse({"answer": answer}, headers=headers)

    app.include_router(router)
    return app


def serve_mini(port: int) -> None:
    import uvicorn

    settings = Settings(HF_HUB_OFFLINE=True)
    uvicorn.run(mini_app(settings), host="127.0.0.1", port=port, log_level="warning")


def server_timing(header: str, name: str) -> float | None:
    for part in header.split(","):
        fields = part.strip().split(";")
        if fields[0] == name:
            for f in fields[1:]:
                if f.startswith("dur="):
                    return float(f[4:])
    return None


async def http_latency(
    base_url: str, key: str, path: str, body_for: Any, repeats: int, miss_extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Exact hits (the same questions again), semantic hits (paraphrases) and misses."""
    headers = {"Authorization": f"Bearer {key}"}
    out: dict[str, Any] = {}
    async with httpx.AsyncClient(base_url=base_url, timeout=120) as client:

        async def post(question: str) -> tuple[float, httpx.Response]:
            t0 = time.perf_counter()
            response = await client.post(path, json=body_for(question, miss_extra or {}), headers=headers)
            return (time.perf_counter() - t0) * 1000, response

        misses, miss_gateway, miss_cache = [], [], []
        for question in QUESTIONS:
            ms, response = await post(question)
            response.raise_for_status()
            if response.headers.get("X-Cache", "miss") == "miss":
                misses.append(ms)
                timing = response.headers.get("Server-Timing", "")
                if (g := server_timing(timing, "gateway")) is not None:
                    miss_gateway.append(g)
                if (c := server_timing(timing, "cache")) is not None:
                    miss_cache.append(c)
        kinds: dict[str, list[float]] = {"hit-exact": [], "hit-semantic": [], "miss": []}
        for _ in range(repeats):
            for question in QUESTIONS:
                ms, response = await post(question)
                kinds.setdefault(response.headers.get("X-Cache", "miss"), []).append(ms)
        for question in PARAPHRASES:
            ms, response = await post(question)
            kinds.setdefault(response.headers.get("X-Cache", "miss"), []).append(ms)
        out["first_requests_miss_ms"] = summary(misses)
        out["miss_gateway_ms_server_timing"] = summary(miss_gateway) if miss_gateway else None
        out["miss_cache_lookup_ms_server_timing"] = summary(miss_cache) if miss_cache else None
        out["by_x_cache_ms"] = {k: summary(v) for k, v in kinds.items() if v}
    return out


async def http_saturation(
    base_url: str, keys: dict[str, str], path: str, body_for: Any, clients: dict[str, int], duration_s: float, cap: int
) -> dict[str, Any]:
    waits: dict[str, list[float]] = {"paid": [], "free": []}
    latency: dict[str, list[float]] = {"paid": [], "free": []}
    statuses: dict[str, int] = {}
    stop_at = time.monotonic() + duration_s
    sent = 0

    async def one_client(tier: str, index: int, client: httpx.AsyncClient) -> None:
        nonlocal sent
        while time.monotonic() < stop_at and sent < cap:
            sent += 1
            question = f"{QUESTIONS[index % len(QUESTIONS)]} variant {uuid.uuid4().hex[:8]}"  # a miss every time
            t0 = time.perf_counter()
            response = await client.post(
                path, json=body_for(question, {}), headers={"Authorization": f"Bearer {keys[tier]}"}
            )
            statuses[str(response.status_code)] = statuses.get(str(response.status_code), 0) + 1
            if response.status_code == 200:
                latency[tier].append((time.perf_counter() - t0) * 1000)
                if "X-Queue-Wait-Ms" in response.headers:
                    waits[tier].append(float(response.headers["X-Queue-Wait-Ms"]))
            elif response.status_code in (429, 503):
                await asyncio.sleep(min(float(response.headers.get("Retry-After", "1")), 2.0))

    async with httpx.AsyncClient(base_url=base_url, timeout=300) as client:
        tasks = [one_client(t, i, client) for t, n in clients.items() for i in range(n)]
        await asyncio.gather(*tasks)
    result: dict[str, Any] = {"statuses": statuses, "latency_ms": {t: summary(v) for t, v in latency.items()}}
    if waits["paid"] and waits["free"]:
        result["queue_wait_ms"] = {t: summary(v) for t, v in waits.items()}
        free_p95 = result["queue_wait_ms"]["free"]["p95"]
        result["paid_p95_over_free_p95"] = (
            round(result["queue_wait_ms"]["paid"]["p95"] / free_p95, 3) if free_p95 else None
        )
    return result


# --- main ------------------------------------------------------------------------------------
def chat_body(model: str, max_tokens: int) -> Any:
    def body(question: str, extra: dict[str, Any]) -> dict[str, Any]:
        return {
            "model": model,
            "messages": [{"role": "user", "content": question}],
            "stream": False,
            "max_tokens": max_tokens,
            **extra,
        }

    return body


def write(name: str, result: dict[str, Any], md: list[str]) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=1))
    (RESULTS / f"{name}.md").write_text("\n".join(md) + "\n")


def in_process(args: argparse.Namespace) -> None:
    from redis import Redis as SyncRedis

    from core.redis_server import free_port, temporary_redis
    from serving.gateway.keys import RedisKeyAdmin

    settings = Settings(HF_HUB_OFFLINE=True)
    result: dict[str, Any] = {"mode": "in-process", "python": platform.python_version(), "cpus": os.cpu_count()}
    with temporary_redis() as server:
        url = settings.redis_url or server.url
        print(f"redis: {url}")
        result["saturation"] = asyncio.run(
            saturation(url, settings, args.paid_clients, args.free_clients, args.generation_s, args.duration)
        )
        print(json.dumps(result["saturation"], indent=1))
        result["overhead"] = asyncio.run(overhead(url, settings, args.requests))
        print(json.dumps(result["overhead"], indent=1))
        if not args.skip_http:
            port = free_port()
            env = {
                **os.environ,
                "REDIS_URL": url,
                "HF_HUB_OFFLINE": "1",
                "GATEWAY_REDIS_PREFIX": f"mini{uuid.uuid4().hex[:6]}:",
            }
            admin = RedisKeyAdmin(SyncRedis.from_url(url), env["GATEWAY_REDIS_PREFIX"])
            key, _, _ = admin.create_key("bench-http", "paid", daily_tokens=10**9, rpm=10**6)
            proc = subprocess.Popen(
                [sys.executable, "-m", "bench.gateway", "--serve-mini", str(port)], cwd=REPO_ROOT, env=env
            )
            try:
                deadline = time.monotonic() + 120
                while time.monotonic() < deadline:
                    try:
                        if httpx.get(f"http://127.0.0.1:{port}/docs", timeout=1).status_code == 200:
                            break
                    except httpx.HTTPError:
                        time.sleep(0.3)
                result["http_mini_app"] = {
                    "note": "MINI APP: gateway deps + response cache + FAKE generation, not the real app",
                    **asyncio.run(
                        http_latency(
                            f"http://127.0.0.1:{port}",
                            key,
                            "/v1/ask",
                            lambda q, extra: {"question": q, **extra},
                            args.repeats,
                        )
                    ),
                }
                print(json.dumps(result["http_mini_app"], indent=1))
            finally:
                proc.terminate()
                proc.wait(timeout=20)
    sat, ovh = result["saturation"], result["overhead"]["ms"]
    md = [
        "# Gateway benchmark (in-process parts)",
        "",
        f"Generated by `python -m bench.gateway`; {result['cpus']} CPUs, Python {result['python']}, real redis-server.",
        "",
        "## Queue wait under saturation (FAKE generation of fixed duration, not the LLM)",
        f"capacity {sat['capacity']} (paid reserved {sat['paid_reserved']}), {sat['processes']} queue objects on separate "
        f"connections, {sat['paid_clients']} paid + {sat['free_clients']} free closed-loop clients, generation "
        f"{sat['generation_s']}s, {sat['duration_s']}s, {sat['generations']} generations, peak in flight {sat['peak_in_flight']}.",
        "",
        "| tier | n | p50 ms | p95 ms | max ms |",
        "|---|---|---|---|---|",
        *(f"| {t} | {s['n']} | {s['p50']:.0f} | {s['p95']:.0f} | {s['max']:.0f} |" for t, s in sat["wait_ms"].items()),
        "",
        f"paid p95 / free p95 = {sat['paid_p95_over_free_p95']} (target <= 0.25: {'met' if sat['target_met'] else 'NOT met'}). "
        f"Burst of {sat['burst']['requests']} at once with queue max {sat['burst']['queue_max']}: "
        f"{sat['burst']['admitted']} admitted, {sat['burst']['refused_503']} refused at once (503).",
        "",
        "## Gateway overhead per request (Redis round trips, uncontended)",
        "| part | p50 ms | p95 ms |",
        "|---|---|---|",
        *(f"| {k} | {v['p50']:.2f} | {v['p95']:.2f} |" for k, v in ovh.items()),
    ]
    if "http_mini_app" in result:
        http = result["http_mini_app"]
        md += [
            "",
            "## End to end over HTTP (MINI APP: gateway deps + cache + fake generation; not the real app)",
            "| X-Cache | n | p50 ms | p95 ms |",
            "|---|---|---|---|",
            *(f"| {k} | {v['n']} | {v['p50']:.1f} | {v['p95']:.1f} |" for k, v in http["by_x_cache_ms"].items()),
        ]
        if http.get("miss_gateway_ms_server_timing"):
            g = http["miss_gateway_ms_server_timing"]
            md.append(
                f"\nGateway work on a miss (server-side, Server-Timing): p50 {g['p50']:.2f} ms, p95 {g['p95']:.2f} ms."
            )
    write("gateway", result, md)


def over_http(args: argparse.Namespace) -> None:
    body_for = chat_body(args.model, args.max_tokens)
    result: dict[str, Any] = {"mode": "http", "base_url": args.base_url, "path": args.path}
    result["latency"] = asyncio.run(http_latency(args.base_url, args.paid_key, args.path, body_for, args.repeats))
    print(json.dumps(result["latency"], indent=1))
    if args.free_key:
        result["saturation"] = asyncio.run(
            http_saturation(
                args.base_url,
                {"paid": args.paid_key, "free": args.free_key},
                args.path,
                body_for,
                {"paid": args.paid_clients, "free": args.free_clients},
                args.duration,
                args.max_requests,
            )
        )
        print(json.dumps(result["saturation"], indent=1))
    md = [
        "# Gateway benchmark over HTTP",
        "",
        f"`{args.base_url}{args.path}`",
        "",
        "```",
        json.dumps(result, indent=1),
        "```",
    ]
    write("gateway_http", result, md)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default="", help="a running API; empty = the in-process parts")
    parser.add_argument("--paid-key", default="")
    parser.add_argument("--free-key", default="")
    parser.add_argument("--path", default="/v1/chat/completions")
    parser.add_argument("--model", default="local")
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=20, help="rounds of the cache-hit questions")
    parser.add_argument("--paid-clients", type=int, default=3)
    parser.add_argument("--free-clients", type=int, default=12)
    parser.add_argument("--generation-s", type=float, default=0.25, help="the fake generation's duration")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of saturation")
    parser.add_argument("--max-requests", type=int, default=400, help="cap on saturation requests over HTTP")
    parser.add_argument("--requests", type=int, default=300, help="requests for the overhead measurement")
    parser.add_argument("--skip-http", action="store_true", help="in-process mode without the mini app")
    parser.add_argument("--serve-mini", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_mini:
        serve_mini(args.serve_mini)
    elif args.base_url:
        if not args.paid_key:
            parser.error("--paid-key is required with --base-url")
        over_http(args)
    else:
        in_process(args)


if __name__ == "__main__":
    main()

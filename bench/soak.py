"""Soak test of the real stack on loopback (issue 19): bounded load, then invariants.

It starts what `make up` runs, each as a subprocess stopped by its PID: Redis, the `milvus-lite
server`, a `ragdesk index` of the demo corpus into it, the local llama.cpp server
(`python -m core.llm_server`, xllamacpp) and the API (uvicorn) with API keys required. It creates
a few users with small daily token budgets, warms the response cache with a handful of questions
(asked through a separate warm-up user with a roomy budget), and then, for DURATION seconds,
CLIENTS concurrent clients stream `POST /v1/chat/completions` (SSE, `include_usage`): a share of
them repeat the warmed questions (cache hits), the rest ask questions no one asked before (misses:
retrieval, the token reservation, the admission queue, the model).

Recorded and checked:
Hit clients and miss clients are separate, so a client waiting 30 s on the model does not starve
the hit samples.

- every status: 200, 429 (requests per minute, daily tokens) and 503 (queue full or timed out)
  are intended; anything else, a transport error or an SSE error event is a failure;
- p50/p95 of cache hits and of answered misses (the whole stream, client side);
- the RSS of every process (API, milvus-lite and its children, Redis, LLM server) before the
  load and after it, against a stated bound (`--rss-growth-mib`);
- per user: the tokens served (prompt + completion settled in Redis, and what the clients
  counted from the usage chunks) against budget + one request's cap (the reservation admits a
  request only while the budget covers prompt + output cap; settling replaces it by the real
  count, which may not exceed the reservation by more than one request), and no reservation
  left open.

Prints a table; writes bench/results/soak.json and soak.md (`--label` names the run).

    python -m bench.soak                                   # 60 s, 50 clients
    python -m bench.soak --duration 10 --clients 10 --label short
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil

from bench.load import CACHE_QUESTIONS, DEMO_CORPUS, load_avg, pct, search_questions
from bench.report import machine_line
from bench.servers import Proc, base_env, start_api, start_llm_server, start_milvus_lite
from core.settings import REPO_ROOT

RESULTS = REPO_ROOT / "bench" / "results"
INTENDED = {200, 429, 503}
MIB = 1024 * 1024
RSS_EVERY_S = 5.0


@dataclass
class Config:
    duration_s: float = 60.0
    clients: int = 50
    users: int = 5
    daily_tokens: int = 800  # per user: about two answers' worth, so budgets run out during the run
    output_cap: int = 96  # one request's cap on output tokens
    rpm: int = 100_000  # the per-minute limit is not what this run measures
    hit_share: float = 0.6  # share of the clients that only repeat warmed questions; the rest only miss
    warm_questions: int = 5  # questions answered (and cached) before the run
    drain_s: float = 90.0  # after the run, how long requests still in flight may finish; then cut
    llm_threads: int = 2
    llm_parallel: int = 2
    queue_max: int = 16
    queue_timeout_s: float = 15.0
    rss_growth_mib: float = 200.0  # the bound on each process's RSS growth over the run
    corpus: Path = DEMO_CORPUS
    milvus_data_dir: Path | None = None  # reused without indexing when it exists (development)
    seed: int = 19


@dataclass
class Result:
    status: int  # -1: transport error
    cache: str  # X-Cache: hit-exact, hit-semantic, miss, or "" (refused before the cache)
    ms: float
    tokens: int = 0  # prompt + completion from the usage chunk
    stream_error: str = ""
    user: str = ""


@dataclass
class UserCheck:
    user: str
    budget: int
    output_cap: int
    used: int
    reserved_in_flight: int
    prompt: int
    completion: int
    client_counted: int
    requests: int
    cache_hits: int
    refused: int
    ok: bool = False

    def check(self) -> UserCheck:
        served = self.prompt + self.completion
        self.ok = (
            served <= self.budget + self.output_cap
            and self.client_counted <= self.budget + self.output_cap
            and self.reserved_in_flight == 0
        )
        return self


@dataclass
class Report:
    config: dict[str, Any]
    machine: str
    load_before: str
    load_after: str
    requests: int
    seconds: float
    statuses: dict[str, int]
    by_cache: dict[str, int]
    failures: int
    failure_examples: list[str]
    latency_ms: dict[str, dict[str, float]]
    rss_mib: dict[str, dict[str, float]]
    rss_ok: bool
    users: list[UserCheck]
    budgets_ok: bool
    hit_questions: list[str]
    cut_at_end: int = 0  # requests still streaming when the drain ended (cancelled by the client)
    rss_timeline: list[dict[str, float]] = field(default_factory=list)  # every RSS_EVERY_S: t and MiB per process
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failures == 0 and self.rss_ok and self.budgets_ok


# --- processes ---------------------------------------------------------------------------------
def tree_rss(pid: int) -> int:
    """RSS of a process and its children, in bytes (0 when it is gone)."""
    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total


def rss_all(pids: dict[str, int]) -> dict[str, float]:
    return {name: round(tree_rss(pid) / MIB, 1) for name, pid in pids.items()}


class RssSampler:
    """RSS of every process every RSS_EVERY_S seconds while the load runs (a leak keeps climbing;
    a warming allocator levels off)."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.pids = pids
        self.samples: list[dict[str, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._t0 = time.monotonic()

    def _run(self) -> None:
        while True:
            self.samples.append({"t": round(time.monotonic() - self._t0, 1), **rss_all(self.pids)})
            if self._stop.wait(RSS_EVERY_S):
                return

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


@dataclass
class Stack:
    url: str
    redis_url: str
    prefix: str
    pids: dict[str, int]
    stop: Any


def start_stack(cfg: Config, root: Path) -> Stack:
    from core import redis_server

    procs: list[Proc] = []
    redis = redis_server.start(redis_server.free_port(), root / "redis", persist=False)
    try:
        reuse = cfg.milvus_data_dir is not None and cfg.milvus_data_dir.is_dir()
        milvus, milvus_uri = start_milvus_lite(cfg.milvus_data_dir or root / "milvus", root)
        procs.append(milvus)
        llm, llm_url = start_llm_server(root, cfg.llm_threads, cfg.llm_parallel)
        procs.append(llm)
        prefix = f"soak{os.getpid()}:"
        env = {
            "RAGDESK_MILVUS_URI": milvus_uri,
            "RAGDESK_DATA_DIR": str(root / "data"),
            "DOCS_SOURCE_DIR": str(cfg.corpus),
            "REDIS_URL": redis.url,
            "LLM_BASE_URL": llm_url,
            "LLM_MODEL": "local",
            "GATEWAY_REQUIRE_KEYS": "true",
            "GATEWAY_REDIS_PREFIX": prefix,
            "GATEWAY_QUEUE_MAX": str(cfg.queue_max),
            "GATEWAY_QUEUE_TIMEOUT_S": str(cfg.queue_timeout_s),
            "ANSWER_MODE": "generate",  # the local model answers (auto composes until its self-test passes)
            # The small CPU model's answers are mostly withdrawn by the grounding guard, and a
            # withdrawn answer is never cached: the run needs cached answers to hit.
            "GROUNDING_ENABLED": "false",
        }
        (root / "data").mkdir(exist_ok=True)
        if not reuse:
            indexed = subprocess.run(
                [sys.executable, "-m", "orchestration.cli", "index", "--quiet", str(cfg.corpus)],
                cwd=REPO_ROOT,
                env=base_env(**env),
                capture_output=True,
                text=True,
                timeout=900,
            )
            if indexed.returncode != 0:
                raise RuntimeError(f"ragdesk index failed: {indexed.stdout}\n{indexed.stderr}")
        api, url = start_api(root, env)
        procs.append(api)
    except BaseException:
        for proc in reversed(procs):
            proc.stop()
        redis.stop()
        raise

    def stop() -> None:
        for proc in reversed(procs):
            proc.stop()
        redis.stop()

    pids = {
        "api": api.process.pid,
        "milvus-lite": milvus.process.pid,
        "redis": redis.pid,
        "llm-server": llm.process.pid,
    }
    return Stack(url, redis.url, prefix, pids, stop)


# --- users and budgets -------------------------------------------------------------------------
def create_users(stack: Stack, cfg: Config) -> tuple[dict[str, str], str]:
    """`cfg.users` users with small budgets (user -> key), and a warm-up user's key."""
    from redis import Redis

    from serving.gateway.keys import RedisKeyAdmin

    admin = RedisKeyAdmin(Redis.from_url(stack.redis_url), stack.prefix)
    keys = {}
    for i in range(cfg.users):
        user = f"soak-user-{i}"
        key, _, _ = admin.create_key(
            user, tier="paid", daily_tokens=cfg.daily_tokens, rpm=cfg.rpm, output_cap=cfg.output_cap
        )
        keys[user] = key
    warm, _, _ = admin.create_key(
        "soak-warm-up", tier="paid", daily_tokens=10_000_000, rpm=cfg.rpm, output_cap=2 * cfg.output_cap
    )
    return keys, warm


async def usage_of(client: httpx.AsyncClient, url: str, key: str) -> dict[str, Any]:
    r = await client.get(f"{url}/v1/usage", headers={"Authorization": f"Bearer {key}"})
    r.raise_for_status()
    return r.json()  # type: ignore[no-any-return]


# --- the load ------------------------------------------------------------------------------------
async def chat(client: httpx.AsyncClient, url: str, key: str, question: str) -> Result:
    """One streamed chat request, read to the end."""
    body: dict[str, Any] = {
        "model": "ragdesk",
        "messages": [{"role": "user", "content": question}],
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    t0 = time.perf_counter()
    try:
        async with client.stream(
            "POST", f"{url}/v1/chat/completions", json=body, headers={"Authorization": f"Bearer {key}"}
        ) as r:
            result = Result(r.status_code, r.headers.get("x-cache", ""), 0.0)
            if r.status_code != 200:
                await r.aread()
            else:
                async for line in r.aiter_lines():
                    if not line.startswith("data: ") or line == "data: [DONE]":
                        continue
                    chunk = json.loads(line[6:])
                    if "error" in chunk:
                        result.stream_error = str(chunk["error"])[:200]
                    usage = chunk.get("usage")
                    if usage:
                        result.tokens = int(usage.get("prompt_tokens") or 0) + int(usage.get("completion_tokens") or 0)
    except httpx.HTTPError as exc:
        result = Result(-1, "", 0.0, stream_error=f"{type(exc).__name__}: {exc}"[:200])
    result.ms = (time.perf_counter() - t0) * 1000
    return result


async def warm(client: httpx.AsyncClient, url: str, key: str, questions: list[str]) -> list[str]:
    """Ask each question until it is cached (at most twice); the questions a repeat now hits."""
    hits = []
    for q in questions:
        for _ in range(2):
            first = await chat(client, url, key, q)
            if first.status != 200:
                break
            again = await chat(client, url, key, q)
            if again.cache.startswith("hit"):
                hits.append(q)
                break
    return hits


async def drive(
    url: str, keys: dict[str, str], hit_questions: list[str], cfg: Config
) -> tuple[list[Result], float, int]:
    """(results, seconds, requests cut at the end of the drain)."""
    rng = random.Random(cfg.seed)
    misses = iter(search_questions(100_000, offset=rng.randrange(1000)))
    users = list(keys)
    hit_clients = round(cfg.clients * cfg.hit_share) if hit_questions else 0
    results: list[Result] = []
    deadline = time.monotonic() + cfg.duration_s
    limits = httpx.Limits(max_connections=cfg.clients, max_keepalive_connections=cfg.clients)

    async def client_loop(client: httpx.AsyncClient, n: int) -> None:
        user = users[n % len(users)]
        while time.monotonic() < deadline:
            if n < hit_clients:
                question = rng.choice(hit_questions)
            else:
                question = f"{next(misses)} (ref {n}-{len(results)})"  # no two alike: a miss
            result = await chat(client, url, keys[user], question)
            result.user = user
            results.append(result)

    async with httpx.AsyncClient(timeout=httpx.Timeout(300, connect=10), limits=limits) as client:
        started = time.perf_counter()
        tasks = [asyncio.create_task(client_loop(client, n)) for n in range(cfg.clients)]
        _done, pending = await asyncio.wait(tasks, timeout=cfg.duration_s + cfg.drain_s)
        for task in pending:  # a stream cut here is settled by the API like any client gone
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        seconds = time.perf_counter() - started
    return results, seconds, len(pending)


def latency(results: list[Result]) -> dict[str, dict[str, float]]:
    groups: dict[str, list[float]] = {
        "cache hit": [r.ms for r in results if r.status == 200 and r.cache.startswith("hit")],
        "exact hit": [r.ms for r in results if r.status == 200 and r.cache == "hit-exact"],
        "miss answered": [r.ms for r in results if r.status == 200 and r.cache == "miss"],
        "429": [r.ms for r in results if r.status == 429],
        "503": [r.ms for r in results if r.status == 503],
    }
    return {
        name: {"n": len(v), "p50_ms": round(pct(v, 50), 1), "p95_ms": round(pct(v, 95), 1)}
        for name, v in groups.items()
    }


def budget_checks(stack: Stack, keys: dict[str, str], results: list[Result], cfg: Config) -> list[UserCheck]:
    async def read() -> list[UserCheck]:
        checks = []
        async with httpx.AsyncClient(timeout=30) as client:
            for user, key in keys.items():
                u = await usage_of(client, stack.url, key)
                counted = sum(r.tokens for r in results if r.user == user)
                checks.append(
                    UserCheck(
                        user,
                        u["tokens"]["budget"],
                        u["output_cap"],
                        u["tokens"]["used"],
                        u["tokens"]["reserved_in_flight"],
                        u["tokens"]["prompt"],
                        u["tokens"]["completion"],
                        counted,
                        u["requests"]["today"],
                        u["requests"]["cache_hits_today"],
                        u["requests"]["refused_today"],
                    ).check()
                )
        return checks

    return asyncio.run(read())


def run(cfg: Config, keep_dir: Path | None = None) -> Report:
    """Start the stack, warm, drive, check; the stack is stopped whatever happens."""
    load_before_avg = os.getloadavg()
    load_before = load_avg()
    with tempfile.TemporaryDirectory(prefix="ragdesk-soak-") as tmp:
        root = Path(tmp)
        stack = start_stack(cfg, root)
        try:
            keys, warm_key = create_users(stack, cfg)

            async def warm_up() -> list[str]:
                async with httpx.AsyncClient(timeout=300) as client:
                    return await warm(client, stack.url, warm_key, CACHE_QUESTIONS[: cfg.warm_questions])

            hit_questions = asyncio.run(warm_up())
            print(f"warmed: {len(hit_questions)} of {cfg.warm_questions} questions now hit", flush=True)
            rss_before = rss_all(stack.pids)
            with RssSampler(stack.pids) as sampler:
                results, seconds, cut = asyncio.run(drive(stack.url, keys, hit_questions, cfg))
            time.sleep(2.0)  # the last streams' settlements (a cut stream settles when the API notices)
            rss_after = rss_all(stack.pids)
            users = budget_checks(stack, keys, results, cfg)
        finally:
            if keep_dir is not None:
                shutil.copytree(root, keep_dir, dirs_exist_ok=True, ignore=shutil.ignore_patterns("milvus", "redis"))
            stack.stop()
    statuses = Counter(str(r.status) for r in results)
    failures = [r for r in results if r.status not in INTENDED or r.stream_error]
    rss = {
        name: {
            "before": rss_before[name],
            "after": rss_after[name],
            "growth": round(rss_after[name] - rss_before[name], 1),
        }
        for name in rss_before
    }
    return Report(
        config={k: str(v) if isinstance(v, Path) else v for k, v in asdict(cfg).items()},
        machine=machine_line(load_before_avg),
        load_before=load_before,
        load_after=load_avg(),
        requests=len(results),
        seconds=round(seconds, 1),
        statuses=dict(sorted(statuses.items())),
        by_cache=dict(Counter(r.cache or "-" for r in results if r.status == 200)),
        failures=len(failures),
        failure_examples=[f"{r.status} {r.stream_error}" for r in failures[:5]],
        latency_ms=latency(results),
        rss_mib=rss,
        rss_ok=all(v["growth"] <= cfg.rss_growth_mib for v in rss.values()),
        users=users,
        budgets_ok=all(u.ok for u in users),
        hit_questions=hit_questions,
        cut_at_end=cut,
        rss_timeline=sampler.samples,
    )


# --- output ----------------------------------------------------------------------------------------
def table(report: Report) -> list[str]:
    cfg = report.config
    lines = [
        f"{cfg['clients']} clients, {report.seconds} s, {report.requests} requests "
        f"({report.requests / max(report.seconds, 1e-9):.1f}/s); load avg {report.load_before} -> {report.load_after}",
        "",
        "| status | count |",
        "|---|---|",
        *(f"| {s} | {n} |" for s, n in report.statuses.items()),
        f"| failures (not 200/429/503, or an SSE error) | {report.failures} |",
        f"| still streaming after the drain, cut by the client | {report.cut_at_end} |",
        "",
        "200s by X-Cache: " + ", ".join(f"{k} {v}" for k, v in sorted(report.by_cache.items())),
        "",
        "| latency (whole stream) | n | p50 ms | p95 ms |",
        "|---|---|---|---|",
        *(f"| {name} | {v['n']} | {v['p50_ms']} | {v['p95_ms']} |" for name, v in report.latency_ms.items()),
        "",
        f"| process | RSS before MiB | RSS after MiB | growth MiB (bound {cfg['rss_growth_mib']}) |",
        "|---|---|---|---|",
        *(f"| {name} | {v['before']} | {v['after']} | {v['growth']} |" for name, v in report.rss_mib.items()),
        "",
        *timeline(report),
        "",
        "| user | budget | output cap | served (prompt+completion) | client-counted | used | in flight | "
        "requests | cache hits | refused | served <= budget + cap |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *(
            f"| {u.user} | {u.budget} | {u.output_cap} | {u.prompt + u.completion} | {u.client_counted} | {u.used} | "
            f"{u.reserved_in_flight} | {u.requests} | {u.cache_hits} | {u.refused} | {'yes' if u.ok else 'NO'} |"
            for u in report.users
        ),
        "",
        f"verdict: {'PASS' if report.ok else 'FAIL'} (failures {report.failures}, RSS within bound {report.rss_ok}, "
        f"budgets consistent {report.budgets_ok})",
    ]
    if report.failure_examples:
        lines += ["", "failure examples: " + "; ".join(report.failure_examples)]
    return lines


def timeline(report: Report) -> list[str]:
    """RSS during the run, a column every few samples."""
    samples = report.rss_timeline
    if not samples:
        return []
    step = max(1, len(samples) // 8)
    picked = samples[::step] + ([samples[-1]] if (len(samples) - 1) % step else [])
    names = [k for k in samples[0] if k != "t"]
    lines = [
        "| RSS MiB during the run, at s | " + " | ".join(str(s["t"]) for s in picked) + " |",
        "|---|" + "---|" * len(picked),
    ]
    lines += [f"| {name} | " + " | ".join(str(s.get(name, "")) for s in picked) + " |" for name in names]
    return lines


def write(label: str, report: Report) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "soak.json"
    runs: dict[str, Any] = json.loads(path.read_text())["runs"] if path.exists() else {}
    runs[label] = {**asdict(report), "ok": report.ok}
    path.write_text(json.dumps({"runs": runs}, indent=2) + "\n")
    md = [
        "# Soak (bench/soak.py): the real stack on loopback under bounded load",
        "",
        "Redis, milvus-lite server, the local llama.cpp server (xllamacpp) and the API (uvicorn, keys "
        "required), GROUNDING_ENABLED=false, ANSWER_MODE=generate. Each client streams chat completions: "
        "repeats of warmed questions (cache hits) and never-asked questions (misses). 429 and 503 are "
        "intended refusals. The machine is shared (2 cores): read the load average beside the figures.",
        "",
    ]
    for name, run_ in runs.items():
        rep = Report(
            **{**{k: v for k, v in run_.items() if k != "ok"}, "users": [UserCheck(**u) for u in run_["users"]]}
        )
        md += [f"## {name}", "", rep.machine, "", *table(rep), ""]
    (RESULTS / "soak.md").write_text("\n".join(md))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    defaults = Config()
    parser.add_argument("--label", default="run")
    parser.add_argument("--duration", type=float, default=defaults.duration_s)
    parser.add_argument("--clients", type=int, default=defaults.clients)
    parser.add_argument("--users", type=int, default=defaults.users)
    parser.add_argument("--daily-tokens", type=int, default=defaults.daily_tokens)
    parser.add_argument("--output-cap", type=int, default=defaults.output_cap)
    parser.add_argument("--hit-share", type=float, default=defaults.hit_share)
    parser.add_argument("--warm-questions", type=int, default=defaults.warm_questions)
    parser.add_argument("--rss-growth-mib", type=float, default=defaults.rss_growth_mib)
    parser.add_argument("--corpus", type=Path, default=defaults.corpus)
    parser.add_argument("--milvus-data-dir", type=Path, default=None, help="reused without indexing when it exists")
    args = parser.parse_args()
    cfg = Config(
        duration_s=args.duration,
        clients=args.clients,
        users=args.users,
        daily_tokens=args.daily_tokens,
        output_cap=args.output_cap,
        hit_share=args.hit_share,
        warm_questions=args.warm_questions,
        rss_growth_mib=args.rss_growth_mib,
        corpus=args.corpus,
        milvus_data_dir=args.milvus_data_dir,
    )
    print(f"load avg before: {load_avg()}", flush=True)
    report = run(cfg)
    print("\n".join(table(report)), flush=True)
    write(args.label, report)
    sys.exit(0 if report.ok else 1)


if __name__ == "__main__":
    main()

"""Load benchmark of the running stack over HTTP, as a user meets it.

It starts what `make up` runs, each as a subprocess stopped by its PID: a Redis server, the
`milvus-lite server`, a fresh `ragdesk index` of the demo corpus into it, a fake OpenAI-compatible
model (so cache entries can be made without a GPU or a slow CPU model; it is never timed) and the
API (uvicorn, `serving.main:create_app`). Then, with N concurrent clients on loopback, each pass
bounded by a request count and a time cap:

- `POST /v1/search` hybrid (the default) and dense, with distinct questions (no two alike);
- exact cache hits (`POST /v1/chat/completions`, questions answered once before, asked again
  verbatim) and semantic hits (the same questions reworded by a fixed rule);
- `GET /health` in the same run, as the floor of what the HTTP stack itself costs.

req/s, p50/p95/p99 per pass; `uptime` load beside them (this machine is shared). Writes
bench/results/load.json and load.md (`--label` names the run; runs with other labels already in
load.json are kept, so a before and an after sit side by side).

    python -m bench.load --label before
    python -m bench.load --label after --env RETRIEVAL_KEYWORD_BACKEND=bm25s
    python -m bench.load --api-url http://127.0.0.1:8000   # an already running stack (make up)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx

from bench import wrk
from bench.report import machine_line
from bench.servers import Proc, base_env, free_port, start_api, start_milvus_lite, wait_until
from core.settings import REPO_ROOT

RESULTS = REPO_ROOT / "bench" / "results"
LOAD_BEFORE = os.getloadavg()
DEMO_CORPUS = REPO_ROOT / "corpus" / "lumen-market"

# Question stems crossed with products/modifiers: every search question in a run is distinct.
STEMS = [
    "Can I return {x}?",
    "How long does delivery of {x} take?",
    "Is there a warranty on {x}?",
    "How do I pay for {x}?",
    "What if {x} arrived damaged?",
    "Can I exchange {x}?",
    "Do you ship {x} abroad?",
    "How much does shipping cost for {x}?",
    "Can I cancel my order of {x}?",
    "How do I track {x}?",
    "Is {x} covered by Lumen Plus?",
    "Can I get a refund for {x}?",
]
OBJECTS = [
    "a laptop",
    "headphones",
    "a coffee machine",
    "a jacket",
    "opened software",
    "a gift card",
    "a TV",
    "a sofa",
    "running shoes",
    "a phone",
    "a smartwatch",
    "a camera",
    "a bulky item",
    "a used item",
    "a sale item",
    "a bundle",
    "a preorder",
    "an e-book",
    "a printer",
    "a tablet",
]
CACHE_QUESTIONS = [
    "How long do I have to return a laptop?",
    "Do you ship to Switzerland?",
    "What payment methods do you accept?",
    "How long is a gift card valid?",
    "Is there a restocking fee?",
    "How long do refunds take?",
    "Can I cancel my order?",
    "How do I track my parcel?",
    "Who pays for return shipping?",
    "How much is express delivery?",
]
FAKE_ANSWER = "Please see our help centre article on this topic [1]."


def search_questions(n: int, offset: int = 0) -> list[str]:
    combos = [s.format(x=o) for o in OBJECTS for s in STEMS]
    return [combos[(offset + i) % len(combos)] for i in range(n)]


def reworded(question: str) -> str:
    """A semantic-layer probe: same meaning, a different exact key."""
    return "Please tell me: " + question[0].lower() + question[1:]


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


WATCHED: dict[str, int] = {}  # "api" / "milvus" -> pid, when this script started them


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its reaped children, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    ticks = sum(int(fields[i]) for i in (11, 12, 13, 14))
    return ticks / os.sysconf("SC_CLK_TCK")


def process_tree(pid: int) -> list[int]:
    pids = [pid]
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            for c in child.read_text().split():
                pids += process_tree(int(c))
    return pids


def tree_cpu(pid: int) -> float:
    return sum(cpu_seconds(p) for p in process_tree(pid))


def load_avg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


@dataclass
class Pass:
    route: str
    clients: int
    requests: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    load: str
    api_cpu_ms: float = float("nan")  # CPU time of the API process per request
    milvus_cpu_ms: float = float("nan")  # CPU time of the milvus-lite server (and its children) per request


async def drive(
    name: str,
    clients: int,
    total: int,
    cap_s: float,
    call: Any,
) -> Pass:
    """`clients` workers share `total` request slots (index i -> call(client, i)); stop at cap_s."""
    latencies: list[float] = []
    errors = 0
    counter = iter(range(total))
    deadline = time.monotonic() + cap_s
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        for i in counter:
            if time.monotonic() > deadline:
                return
            t0 = time.perf_counter()
            try:
                ok = await call(client, i)
            except httpx.HTTPError:
                ok = False
            latencies.append((time.perf_counter() - t0) * 1000)
            if not ok:
                errors += 1

    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        cpu_before = {name: tree_cpu(pid) for name, pid in WATCHED.items()}
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(clients)))
        seconds = time.perf_counter() - started
        cpu = {
            name: (tree_cpu(pid) - cpu_before[name]) * 1000 / max(len(latencies), 1) for name, pid in WATCHED.items()
        }
    row = Pass(
        name,
        clients,
        len(latencies),
        errors,
        round(seconds, 2),
        round(len(latencies) / seconds, 1) if seconds else 0.0,
        round(pct(latencies, 50), 1),
        round(pct(latencies, 95), 1),
        round(pct(latencies, 99), 1),
        load_avg(),
        round(cpu.get("api", float("nan")), 1),
        round(cpu.get("milvus", float("nan")), 1),
    )
    print(
        f"{row.route:<28} c={clients:<3} n={row.requests:<5} err={errors:<3} {row.rps:>7} req/s "
        f"p50 {row.p50_ms:>7} p95 {row.p95_ms:>7} p99 {row.p99_ms:>7}  cpu/req api {row.api_cpu_ms} "
        f"milvus {row.milvus_cpu_ms} ms  load {row.load}",
        flush=True,
    )
    return row


def search_call(url: str, mode: str, questions: list[str]) -> Any:
    async def call(client: httpx.AsyncClient, i: int) -> bool:
        r = await client.post(f"{url}/v1/search", json={"question": questions[i % len(questions)], "mode": mode})
        return r.status_code == 200 and bool(r.json()["hits"])

    return call


def chat_call(url: str, questions: list[str], want: str | None) -> Any:
    async def call(client: httpx.AsyncClient, i: int) -> bool:
        body = {"model": "ragdesk", "messages": [{"role": "user", "content": questions[i % len(questions)]}]}
        r = await client.post(f"{url}/v1/chat/completions", json=body)
        return r.status_code == 200 and (want is None or r.headers.get("x-cache") == want)

    return call


def wrk_pass(name: str, url: str, path: str, clients: int, cap_s: float, bodies: list[str], want: str) -> Pass:
    """A pass driven by `wrk` (bench/wrk.py) for `cap_s` seconds: the Python client's own CPU
    does not share the server's cores."""
    cpu_before = {key: tree_cpu(pid) for key, pid in WATCHED.items()}
    requests, seconds, failed, p50, p95, p99 = wrk.run(url + path, path, clients, cap_s, bodies, want)
    cpu = {key: (tree_cpu(pid) - cpu_before[key]) * 1000 / max(requests, 1) for key, pid in WATCHED.items()}
    row = Pass(
        f"{name} (wrk)",
        clients,
        requests,
        failed,
        round(seconds, 2),
        round(requests / seconds, 1) if seconds else 0.0,
        round(p50, 1),
        round(p95, 1),
        round(p99, 1),
        load_avg(),
        round(cpu.get("api", float("nan")), 1),
        round(cpu.get("milvus", float("nan")), 1),
    )
    print(
        f"{row.route:<28} c={clients:<3} n={row.requests:<5} err={failed:<3} {row.rps:>7} req/s "
        f"p50 {row.p50_ms:>7} p95 {row.p95_ms:>7} p99 {row.p99_ms:>7}  cpu/req api {row.api_cpu_ms} ms  load {row.load}",
        flush=True,
    )
    return row


def chat_bodies(questions: list[str]) -> list[str]:
    return [json.dumps({"model": "ragdesk", "messages": [{"role": "user", "content": q}]}) for q in questions]


def health_call(url: str) -> Any:
    async def call(client: httpx.AsyncClient, _i: int) -> bool:
        return (await client.get(f"{url}/health")).status_code == 200

    return call


async def warm_cache(url: str) -> dict[str, str]:
    """Ask each cache question once (a miss, answered by the fake model, stored); then report
    what a repeat and a rewording get (X-Cache), so a pass that measures misses is not called a hit."""
    status: dict[str, str] = {}
    async with httpx.AsyncClient(timeout=60) as client:
        for q in CACHE_QUESTIONS:
            body = {"model": "ragdesk", "messages": [{"role": "user", "content": q}]}
            await client.post(f"{url}/v1/chat/completions", json=body)
        for q in CACHE_QUESTIONS[:3]:
            for probe in (q, reworded(q)):
                body = {"model": "ragdesk", "messages": [{"role": "user", "content": probe}]}
                r = await client.post(f"{url}/v1/chat/completions", json=body)
                status[probe] = r.headers.get("x-cache", "?")
    return status


async def run_passes(url: str, args: argparse.Namespace) -> tuple[list[Pass], dict[str, str]]:
    rows: list[Pass] = []
    n, cap = args.requests, args.cap_s
    offset = 0
    for clients in args.clients:
        for mode in args.modes:
            questions = search_questions(n, offset)
            offset += n
            rows.append(await drive(f"POST /v1/search {mode}", clients, n, cap, search_call(url, mode, questions)))
    cache_status: dict[str, str] = {}
    if not args.no_cache:
        cache_status = await warm_cache(url)
        print("cache probes:", cache_status, flush=True)
        semantic = [reworded(q) for q in CACHE_QUESTIONS]
        for clients in args.cache_clients:
            rows.append(
                await drive("chat exact cache hit", clients, n * 2, cap, chat_call(url, CACHE_QUESTIONS, "hit-exact"))
            )
            if args.wrk:
                bodies = chat_bodies(CACHE_QUESTIONS)
                path = "/v1/chat/completions"
                rows.append(wrk_pass("chat exact cache hit", url, path, clients, args.wrk_s, bodies, "hit-exact"))
        for clients in args.clients:
            rows.append(
                await drive("chat semantic cache hit", clients, n, cap, chat_call(url, semantic, "hit-semantic"))
            )
    for clients in args.health_clients:
        rows.append(await drive("GET /health", clients, n * 2, cap, health_call(url)))
        if args.wrk:
            rows.append(wrk_pass("GET /health", url, "/health", clients, args.wrk_s, [], ""))
    return rows, cache_status


def start_fake_llm(log_dir: Path) -> tuple[Proc, str]:
    port = free_port()
    code = (
        "import uvicorn; from core.testing.fake_llm import FakeLLM; "
        f"uvicorn.run(FakeLLM({FAKE_ANSWER!r}, delay_s=0.0).app(), host='127.0.0.1', port={port}, log_level='warning')"
    )
    proc = Proc("fake-llm", [sys.executable, "-c", code], base_env(), log_dir)
    url = f"http://127.0.0.1:{port}/v1"
    wait_until(lambda: httpx.get(f"{url}/models", timeout=2).status_code == 200, 60, proc.process, "fake LLM")
    return proc, url


def stack_env(root: Path, milvus_uri: str, redis_url: str, llm_url: str, extra: dict[str, str]) -> dict[str, str]:
    return {
        "RAGDESK_MILVUS_URI": milvus_uri,
        "RAGDESK_DATA_DIR": str(root / "data"),
        "DOCS_SOURCE_DIR": str(DEMO_CORPUS),
        "REDIS_URL": redis_url,
        "LLM_BASE_URL": llm_url,
        "LLM_MODEL": "local",
        "GATEWAY_REQUIRE_KEYS": "false",
        "GATEWAY_RPM_PAID": "10000000",
        "GATEWAY_RPM_FREE": "10000000",
        "GATEWAY_DAILY_TOKENS": "1000000000",
        "GATEWAY_MAX_INFLIGHT": "64",
        "GATEWAY_QUEUE_MAX": "1024",
        "GATEWAY_REDIS_PREFIX": f"load{os.getpid()}:",
        # The fake model's one canned answer would be withdrawn by the guard and so never cached;
        # the cache passes measure replays, which the guard does not touch.
        "GROUNDING_ENABLED": "false",
        # ANSWER_MODE=auto composes until the model passes its self-test, and composed answers are
        # not cached: pin generation so the cache passes have entries to hit.
        "ANSWER_MODE": "generate",
        **extra,
    }


def own_stack(args: argparse.Namespace) -> tuple[list[Pass], dict[str, Any]]:
    from core import redis_server

    extra = dict(kv.split("=", 1) for kv in args.env)
    procs: list[Proc] = []
    redis = None
    with tempfile.TemporaryDirectory(prefix="ragdesk-load-") as tmp:
        root = Path(tmp)
        (root / "data").mkdir()
        try:
            redis = redis_server.start(redis_server.free_port(), root / "redis", persist=False)
            reuse = args.milvus_data_dir is not None and args.milvus_data_dir.is_dir()
            milvus, milvus_uri = start_milvus_lite(args.milvus_data_dir or root / "milvus", root)
            procs.append(milvus)
            llm, llm_url = start_fake_llm(root)
            procs.append(llm)
            env = stack_env(root, milvus_uri, redis.url, llm_url, extra)
            t0 = time.perf_counter()
            indexed = subprocess.run(
                ["true"]
                if reuse
                else [sys.executable, "-m", "orchestration.cli", "index", "--quiet", str(args.corpus)],
                cwd=REPO_ROOT,
                env=base_env(**env),
                capture_output=True,
                text=True,
                timeout=900,
            )
            index_s = time.perf_counter() - t0
            if indexed.returncode != 0:
                raise RuntimeError(f"ragdesk index failed: {indexed.stdout}\n{indexed.stderr}")
            print(indexed.stdout.strip(), f"\n(index {index_s:.1f} s)", flush=True)
            api, url = start_api(root, env)
            procs.append(api)
            WATCHED.update(api=api.process.pid, milvus=milvus.process.pid)
            rows, cache_status = asyncio.run(run_passes(url, args))
            info = {"index_s": round(index_s, 1), "index_summary": indexed.stdout.strip().splitlines(), "env": extra}
            return rows, {**info, "cache_probes": cache_status}
        finally:
            for proc in reversed(procs):
                proc.stop()
            if redis is not None:
                redis.stop()


def write(label: str, rows: list[Pass] | None, info: dict[str, Any]) -> None:
    """Add this run to load.json (rows None: only re-render load.md) and render load.md."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "load.json"
    runs: dict[str, Any] = json.loads(path.read_text())["runs"] if path.exists() else {}
    if rows is not None:
        runs[label] = {"machine": machine_line(LOAD_BEFORE), "rows": [asdict(r) for r in rows], **info}
        path.write_text(json.dumps({"runs": runs}, indent=2) + "\n")
    md = ["# Load benchmark (HTTP, loopback; bench/load.py)", ""]
    md += [
        "Each pass: distinct questions, N concurrent clients on one keep-alive pool, bounded by count and time. "
        "The machine is shared (2 cores): compare rows of one run, and read the load average beside each.",
        "",
    ]
    for name, run in runs.items():
        md += [f"## {name}", "", run["machine"], ""]
        if run.get("env"):
            md += [f"settings: `{' '.join(f'{k}={v}' for k, v in run['env'].items())}`", ""]
        md += [
            "| route | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | CPU ms/req API | "
            "CPU ms/req milvus-lite | load avg |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for r in run["rows"]:
            md.append(
                f"| {r['route']} | {r['clients']} | {r['requests']} | {r['errors']} | {r['rps']} | {r['p50_ms']} | "
                f"{r['p95_ms']} | {r['p99_ms']} | {r.get('api_cpu_ms', '-')} | {r.get('milvus_cpu_ms', '-')} | {r['load']} |"
            )
        md.append("")
    (RESULTS / "load.md").write_text("\n".join(md))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--label", default="run")
    parser.add_argument("--api-url", default="", help="drive an already running API instead of starting a stack")
    parser.add_argument("--corpus", type=Path, default=DEMO_CORPUS)
    parser.add_argument("--clients", type=lambda s: [int(x) for x in s.split(",") if x], default=[1, 8])
    parser.add_argument("--cache-clients", type=lambda s: [int(x) for x in s.split(",")], default=[1, 50])
    parser.add_argument("--health-clients", type=lambda s: [int(x) for x in s.split(",") if x], default=[20])
    parser.add_argument("--modes", type=lambda s: [m for m in s.split(",") if m], default=["hybrid", "dense"])
    parser.add_argument("--requests", type=int, default=200, help="requests per pass (cache and health: 2x)")
    parser.add_argument("--cap-s", type=float, default=20.0, help="time cap per pass")
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument(
        "--wrk",
        action="store_true",
        help="also drive the exact-hit and /health passes with Debian's `wrk` (one thread), beside the Python client",
    )
    parser.add_argument("--wrk-s", type=float, default=10.0, help="seconds per wrk pass")
    parser.add_argument(
        "--milvus-data-dir",
        type=Path,
        default=None,
        help="milvus-lite data dir: indexed into when new, reused without indexing when it exists (development runs)",
    )
    parser.add_argument("--render", action="store_true", help="only re-render load.md from load.json")
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE for the API and the index run")
    args = parser.parse_args()
    if args.wrk and not wrk.available():
        parser.error("--wrk needs Debian's `wrk` (apt-get install wrk)")
    if args.render:
        write(args.label, None, {})
        return
    print(f"load avg before: {load_avg()}", flush=True)
    if args.api_url:
        rows, cache_status = asyncio.run(run_passes(args.api_url.rstrip("/"), args))
        info: dict[str, Any] = {"api_url": args.api_url, "cache_probes": cache_status}
    else:
        rows, info = own_stack(args)
    print(f"load avg after: {load_avg()}", flush=True)
    write(args.label, rows, info)


if __name__ == "__main__":
    main()

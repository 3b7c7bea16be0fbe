"""Query-path benchmark.

1. Generation: time to first token (TTFT) and total time, through the API's OpenAI-compatible
   endpoint vs. straight to the LLM server with the exact prompt `RagService.prepare` builds, at 1
   and 8 concurrent clients (16 requests each, capped in time). The LLM server is restarted before
   every pass so each starts with a cold prompt cache and sees the same requests in the same order.
2. Retrieval latency alone, 300 queries from a fixed list: in-process `Retriever.search` (against
   the same `milvus-lite server` the API reads) and through `POST /v1/search`.

It starts its own servers (milvus-lite server, LLM server, API) as subprocesses and stops them by
PID. Writes bench/results/query.json and bench/results/query.md.

    python -m bench.query                       # index the demo help centre into a tmp dir first
    python -m bench.query --milvus-data-dir /tmp/serve-dev/milvus.db   # reuse an indexed Lite dir
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx
import numpy as np
from openai import AsyncOpenAI

from bench.report import machine_line, write_results
from bench.servers import Proc, free_port, start_api, start_llm_server, start_milvus_lite
from core import redis_server
from core.clients import make_embedder, make_engine, make_llm_client, make_milvus_client
from core.retrieval import Retriever
from core.settings import REPO_ROOT, Settings
from serving.rag import Message, Prepared, RagService
from serving.services import set_query_threads

BASE_QUESTIONS = [
    "Can I return a laptop after 45 days?",
    "How long does standard shipping take?",
    "Do you ship to Switzerland?",
    "How do I pair my Aurora X2 headphones?",
    "What payment methods do you accept?",
    "Is there a restocking fee?",
    "How long is a gift card valid?",
    "Can I cancel my order?",
    "What does Lumen Plus cost?",
    "How do I descale the BrewMaster?",
    "How long do refunds take?",
    "Can I pay in instalments with Klarna?",
    "What is the return window for clothing?",
    "Can I return opened software?",
    "How do I start a return?",
    "Who pays for return shipping?",
    "What if my item arrived damaged?",
    "Can I exchange a jacket for another size?",
    "How do I track my parcel?",
    "What happens if I miss a delivery?",
    "Do you deliver to PO boxes?",
    "How much is express delivery?",
    "Can I collect my order in a store?",
    "How are bulky items delivered?",
    "Can I change my delivery address after ordering?",
    "What does order status 'processing' mean?",
    "Why was my payment declined?",
    "When is my card charged?",
    "Can I get a VAT invoice?",
    "Do you price match?",
    "How do I pay by bank transfer?",
    "How do I redeem a gift card?",
    "I lost my gift card, what can I do?",
    "When is an e-gift card delivered?",
    "How do I cancel Lumen Plus?",
    "Is there a free trial of Lumen Plus?",
    "Does Lumen Plus include free returns?",
    "How do I reset my password?",
    "How do I turn on two-factor authentication?",
    "How do I delete my account?",
    "What are your opening hours?",
    "How do I make a complaint?",
    "How long is the legal guarantee?",
    "How do I make a warranty claim?",
    "Is the battery covered by warranty?",
    "What does Lumen Care Plus cover?",
    "What is the difference between a warranty claim and a return?",
    "How do I set up the HomeHub smart plug?",
    "How do I care for the TrailLite 2 tent?",
    "Which laptop is right for students?",
    "Can I pre-order a product?",
    "Why did my order arrive in several parcels?",
    "An item is missing from my order",
    "Can I return underwear?",
    "Can I return a personalised item?",
    "Do sale items have the same return window?",
    "How do I get store credit instead of a refund?",
    "What is the return window for books?",
    "Can someone else return a gift I bought?",
    "Do you ship internationally?",
]
PHRASINGS = ["{q}", "Hi, {q}", "Quick question: {q}", "Please tell me: {q}", "I'd like to know: {q}"]


def retrieval_queries(n: int = 300) -> list[str]:
    """A fixed list of distinct queries (the same every run)."""
    queries = [p.format(q=q) for p in PHRASINGS for q in BASE_QUESTIONS]
    return queries[:n]


def pct(samples: list[float], q: float) -> float:
    return round(float(np.percentile(np.array(samples), q)), 2) if samples else float("nan")


def summary(samples: list[float]) -> dict[str, float]:
    return {"n": len(samples), "p50": pct(samples, 50), "p95": pct(samples, 95), "p99": pct(samples, 99)}


# --- retrieval ------------------------------------------------------------------------------------
def time_retriever(retriever: Retriever, queries: list[str]) -> dict[str, dict[str, float]]:
    for q in queries[:10]:
        retriever.search(q)
    total, embed, search = [], [], []
    for q in queries:
        start = time.perf_counter()
        result = retriever.search(q)
        total.append((time.perf_counter() - start) * 1000)
        embed.append(result.embed_ms)
        search.append(result.search_ms)
    return {"total_ms": summary(total), "embed_ms": summary(embed), "search_ms": summary(search)}


def bench_retrieval(
    retriever: Retriever, api_url: str, queries: list[str], embedded: Retriever | None = None
) -> dict[str, Any]:
    in_process = time_retriever(retriever, queries)
    http_total: list[float] = []
    with httpx.Client(base_url=api_url, timeout=30) as client:
        for q in queries[:10]:
            client.post("/v1/search", json={"question": q}).raise_for_status()
        for q in queries:
            start = time.perf_counter()
            client.post("/v1/search", json={"question": q}).raise_for_status()
            http_total.append((time.perf_counter() - start) * 1000)
    return {
        "in_process": in_process,
        "in_process_embedded_db": time_retriever(embedded, queries) if embedded else None,
        "api_search": {"total_ms": summary(http_total)},
        "mode": retriever.settings.retrieval_mode,
        "k": retriever.settings.top_k,
    }


# --- generation -----------------------------------------------------------------------------------
@dataclass
class Sample:
    ttft_s: float | None
    total_s: float
    completion_tokens: int
    error: str = ""


async def timed_stream(client: AsyncOpenAI, **request: Any) -> Sample:
    start = time.perf_counter()
    ttft: float | None = None
    tokens = 0
    try:
        stream = await client.chat.completions.create(stream=True, stream_options={"include_usage": True}, **request)
        async for chunk in stream:
            if ttft is None and chunk.choices and chunk.choices[0].delta.content:
                ttft = time.perf_counter() - start
            if chunk.usage is not None:
                tokens = chunk.usage.completion_tokens
    except Exception as exc:  # a failed request is counted, not raised
        return Sample(ttft, time.perf_counter() - start, tokens, type(exc).__name__)
    return Sample(ttft, time.perf_counter() - start, tokens)


async def run_pass(request: Callable[[int], Awaitable[Sample]], n: int, concurrency: int, cap_s: float) -> list[Sample]:
    samples: list[Sample] = []
    next_index = 0
    deadline = time.monotonic() + cap_s

    async def worker() -> None:
        nonlocal next_index
        while next_index < n and time.monotonic() < deadline:
            index = next_index
            next_index += 1
            samples.append(await request(index))

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return samples


def describe(samples: list[Sample], wall_s: float) -> dict[str, Any]:
    ok = [s for s in samples if not s.error and s.ttft_s is not None]
    return {
        "requests": len(samples),
        "errors": len(samples) - len(ok),
        "ttft_s": summary([s.ttft_s for s in ok if s.ttft_s is not None]),
        "total_s": summary([s.total_s for s in ok]),
        "completion_tokens": int(sum(s.completion_tokens for s in ok)),
        "wall_s": round(wall_s, 2),
        "tokens_per_s": round(sum(s.completion_tokens for s in ok) / wall_s, 2) if wall_s else 0.0,
    }


class GenerationBench:
    def __init__(
        self,
        args: argparse.Namespace,
        settings: Settings,
        prepared: list[Prepared],
        api_url: str,
        log_dir: Path,
        llm_port: int,
    ) -> None:
        self.args = args
        self.settings = settings
        self.prepared = prepared
        self.api_url = api_url
        self.log_dir = log_dir
        self.llm_port = llm_port
        self.llm: Proc | None = None

    def restart_llm(self) -> str:
        if self.llm is not None:
            self.llm.stop()
        self.llm, url = start_llm_server(
            self.log_dir, self.args.llm_threads, self.args.llm_parallel, port=self.llm_port
        )
        return url

    async def one_pass(self, path: str, concurrency: int) -> dict[str, Any]:
        llm_url = self.restart_llm()
        n = self.args.requests
        if path == "api":
            client = AsyncOpenAI(base_url=f"{self.api_url}/v1", api_key="bench", max_retries=0, timeout=600)

            async def request(i: int) -> Sample:
                question = self.prepared[i % len(self.prepared)].question
                return await timed_stream(
                    client,
                    model=self.settings.api_model_name,
                    messages=[{"role": "user", "content": question}],
                    max_tokens=self.args.max_tokens,
                )
        else:
            client = AsyncOpenAI(base_url=llm_url, api_key="bench", max_retries=0, timeout=600)

            async def request(i: int) -> Sample:
                p = self.prepared[i % len(self.prepared)]
                return await timed_stream(
                    client,
                    model=self.settings.llm_model,
                    messages=p.messages,
                    max_tokens=p.params.max_tokens,
                    temperature=p.params.temperature,
                    stop=p.params.stop,
                    extra_body=p.params.extra_body(),
                )

        start = time.perf_counter()
        samples = await run_pass(request, n, concurrency, self.args.time_cap)
        wall = time.perf_counter() - start
        await client.close()
        return {
            "path": path,
            "clients": concurrency,
            **describe(samples, wall),
            "samples": [asdict(s) for s in samples],
        }

    async def run(self) -> list[dict[str, Any]]:
        rows = []
        try:
            for concurrency in self.args.clients:
                for path in ("api", "direct"):
                    row = await self.one_pass(path, concurrency)
                    print(
                        f"  {path:6s} x{concurrency}: TTFT p50 {row['ttft_s']['p50']} s, total p50 "
                        f"{row['total_s']['p50']} s, {row['requests']} requests, {row['errors']} errors",
                        flush=True,
                    )
                    rows.append(row)
        finally:
            if self.llm is not None:
                self.llm.stop()
        return rows


# --- set-up ---------------------------------------------------------------------------------------
def index_demo(settings: Settings) -> int:
    from core.docstore import DocStore
    from core.indexing import run_index

    report = run_index(settings, make_milvus_client(settings), DocStore(make_engine(settings)), make_embedder(settings))
    return report.write.collection_count if report.write else 0


def demo_corpus() -> Path:
    for candidate in (REPO_ROOT / "corpus" / "lumen-market" / "helpcentre", REPO_ROOT / "corpus" / "helpcentre"):
        if candidate.is_dir() and any(candidate.rglob("*.md")):
            return candidate
    raise SystemExit("demo corpus not found")


def covered_prepared(rag: RagService, n: int) -> list[Prepared]:
    """Prepared requests for questions the help centre covers (the model is called for these)."""
    out: list[Prepared] = []
    for question in BASE_QUESTIONS:
        prepared = rag.prepare_sync([Message("user", question)])
        if not prepared.not_covered:
            out.append(prepared)
        if len(out) == n:
            break
    return out


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "# Query benchmark",
        "",
        f"{result['machine']}; {result['config']}",
        "",
        "## Generation (OpenAI-compatible streaming; TTFT and total in seconds)",
        "",
        "| path | clients | requests | errors | TTFT p50 | TTFT p95 | total p50 | total p95 | tokens/s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in result["generation"]:
        lines.append(
            f"| {row['path']} | {row['clients']} | {row['requests']} | {row['errors']} | {row['ttft_s']['p50']} | "
            f"{row['ttft_s']['p95']} | {row['total_s']['p50']} | {row['total_s']['p95']} | {row['tokens_per_s']} |"
        )
    lines += [
        "",
        "| clients | API/direct TTFT p50 | API/direct total p50 | target TTFT ratio <= 1.10 |",
        "|---|---|---|---|",
    ]
    for clients, ratio in result["ratios"].items():
        ok = "yes" if ratio["ttft_p50"] <= 1.10 else "no"
        lines.append(f"| {clients} | {ratio['ttft_p50']} | {ratio['total_p50']} | {ok} |")
    r = result["retrieval"]
    lines += [
        "",
        f"## Retrieval ({r['mode']}, k={r['k']}, {r['in_process']['total_ms']['n']} queries; ms)",
        "",
        "| where | p50 | p95 | p99 |",
        "|---|---|---|---|",
    ]
    for name, stats in (
        ("in-process Retriever.search via milvus-lite server (embed + search)", r["in_process"]["total_ms"]),
        ("  of which embedding", r["in_process"]["embed_ms"]),
        ("  of which Milvus search", r["in_process"]["search_ms"]),
        ("POST /v1/search (HTTP round trip)", r["api_search"]["total_ms"]),
    ):
        lines.append(f"| {name} | {stats['p50']} | {stats['p95']} | {stats['p99']} |")
    embedded = r.get("in_process_embedded_db")
    if embedded:
        for name, stats in (
            ("in-process, embedded Lite .db (embed + search)", embedded["total_ms"]),
            ("  of which Milvus search", embedded["search_ms"]),
        ):
            lines.append(f"| {name} | {stats['p50']} | {stats['p95']} | {stats['p99']} |")

    def verdict(stats: dict[str, float]) -> str:
        return f"{stats['p50']} ms ({'meets' if stats['p50'] <= 15 else 'misses'} the 15 ms target)"

    lines += ["", f"Retrieval p50, in-process via milvus-lite server: {verdict(r['in_process']['total_ms'])}"]
    if embedded:
        lines.append(f"Retrieval p50, in-process embedded .db: {verdict(embedded['total_ms'])}")
    lines.append("")
    return "\n".join(lines)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--milvus-data-dir", type=Path, help="an indexed Milvus Lite data dir (copied, never changed)")
    parser.add_argument("--requests", type=int, default=16, help="requests per pass")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--time-cap", type=float, default=240, help="seconds per pass before no new request starts")
    parser.add_argument("--llm-threads", type=int, default=Settings().local_llm_threads)
    parser.add_argument("--llm-parallel", type=int, default=Settings().local_llm_parallel)
    parser.add_argument("--retrieval-queries", type=int, default=300)
    return parser.parse_args()


def _stop_on_signals() -> None:
    """Launchers here may start processes with SIGINT ignored; make SIGINT and SIGTERM unwind
    through `finally`, so the servers this benchmark started are stopped."""

    def interrupt(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)


def main() -> None:
    args = parse_args()
    _stop_on_signals()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    work = Path(tempfile.mkdtemp(prefix="ragdesk-bench-query-"))
    procs: list[Proc] = []
    redis: redis_server.RedisServer | None = None
    started = time.time()
    load_before = os.getloadavg()
    try:
        data_dir = work / "milvus.db"
        embedded_dir = work / "embedded.db"
        if args.milvus_data_dir:
            shutil.copytree(args.milvus_data_dir, data_dir)
            shutil.copytree(args.milvus_data_dir, embedded_dir)
        milvus, milvus_uri = start_milvus_lite(data_dir, work)
        procs.append(milvus)
        corpus = demo_corpus()
        values = {
            "MILVUS_URI": milvus_uri,
            "RAGDESK_DATA_DIR": str(work),
            "DOCS_SOURCE_DIR": str(corpus),
            "LLM_MAX_TOKENS": args.max_tokens,
            "LLM_MODEL": "local",
            "HF_HUB_OFFLINE": True,
        }
        settings = Settings(**values)
        if not args.milvus_data_dir:
            print(f"indexing {corpus} ...", flush=True)
            index_demo(settings)
        client = make_milvus_client(settings)
        rows = int(client.get_collection_stats(settings.milvus_collection)["row_count"])
        llm_port = free_port()
        redis = redis_server.start(redis_server.free_port(), work / "redis", persist=False)  # the gateway's state
        api, api_url = start_api(
            work,
            {
                "REDIS_URL": redis.url,
                "MILVUS_URI": milvus_uri,
                "RAGDESK_DATA_DIR": str(work),
                "DOCS_SOURCE_DIR": str(corpus),
                "LLM_BASE_URL": f"http://127.0.0.1:{llm_port}/v1",
                "LLM_MODEL": "local",
                "LLM_MAX_TOKENS": str(args.max_tokens),
            },
        )
        procs.append(api)
        embedder = make_embedder(settings)
        set_query_threads(settings, embedder)  # as the API process does
        retriever = Retriever(settings, client, embedder)
        embedded = None
        if args.milvus_data_dir:
            embedded_settings = settings.model_copy(update={"milvus_uri": str(embedded_dir)})
            embedded = Retriever(embedded_settings, make_milvus_client(embedded_settings), embedder)
        rag = RagService(settings, retriever, make_llm_client(settings), count_tokens=embedder.count_tokens)

        print(f"retrieval: {args.retrieval_queries} queries, {rows} chunks ...", flush=True)
        retrieval = bench_retrieval(retriever, api_url, retrieval_queries(args.retrieval_queries), embedded)
        prepared = covered_prepared(rag, args.requests)
        print(f"generation: {len(prepared)} distinct covered questions, max_tokens {args.max_tokens} ...", flush=True)
        generation = asyncio.run(GenerationBench(args, settings, prepared, api_url, work, llm_port).run())
    finally:
        for proc in reversed(procs):
            proc.stop()
        if redis is not None:
            redis.stop()
    ratios = {}
    for clients in args.clients:
        by_path = {r["path"]: r for r in generation if r["clients"] == clients}
        api_row, direct_row = by_path["api"], by_path["direct"]
        ratios[str(clients)] = {
            "ttft_p50": round(api_row["ttft_s"]["p50"] / direct_row["ttft_s"]["p50"], 3),
            "total_p50": round(api_row["total_s"]["p50"] / direct_row["total_s"]["p50"], 3),
        }
    result = {
        "machine": machine_line(load_before),
        "config": f"{rows} chunks; LLM {args.llm_threads} threads, {args.llm_parallel} slots, max_tokens "
        f"{args.max_tokens}; {args.requests} requests per pass",
        "retrieval": retrieval,
        "generation": generation,
        "ratios": ratios,
        "seconds": round(time.time() - started, 1),
    }
    write_results("query", result, markdown(result))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

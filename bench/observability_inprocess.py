"""What the observability layer adds per request, in one process (no model, no network noise):
the same chat-shaped route (a record with a ~2 kB prompt, 5 passages, usage and stage times, a
streamed body of 20 chunks) served by an app with the observability middleware on (metrics, request
log, tracing to SQLite) and by the same app with it off, requests alternating between the two.
Also the time of the after-response work (trace + request-log row), which runs in a worker thread.
Writes bench/results/observability_inprocess.{json,md}.

    python -m bench.observability_inprocess --requests 300
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

from bench.report import machine_line, write_results
from core.settings import Settings
from serving.observability.context import ChatRecord, current


def chat_app(settings: Settings, observed: bool) -> FastAPI:
    app = FastAPI()
    app.state.settings = settings
    if observed:
        from serving.api.observability import install_observability

        install_observability(app)

    @app.post("/v1/answer/stream")
    async def stream() -> StreamingResponse:
        ctx = current()
        if ctx is not None:
            now = time.perf_counter()
            ctx.chat = ChatRecord(
                question="Can I return a laptop after 45 days?",
                prompt=[{"role": "system", "content": "x" * 2000}, {"role": "user", "content": "Can I return it?"}],
                passages=[{"chunk_id": f"c{i}", "doc_id": "d", "score": 0.5, "rank": i} for i in range(5)],
                top_score=0.8,
                cache_status="miss",
                usage={"prompt_tokens": 600, "completion_tokens": 20, "cached_tokens": 0},
                timings={"embed_ms": 8.0, "search_ms": 6.0, "prepare_ms": 15.0, "ttft_ms": 500.0},
                marks={"prepared": now, "generation_started": now},
            )

        async def body() -> AsyncIterator[str]:
            record = ctx.chat if ctx is not None else None
            for i in range(20):
                if record is not None and i == 0:
                    record.first_chunk_at = time.perf_counter()
                if record is not None:
                    record.served_parts.append("word ")
                yield f'event: token\ndata: {{"text": "word {i}"}}\n\n'
            if record is not None:
                record.marks["generation_ended"] = time.perf_counter()

        return StreamingResponse(body(), media_type="text/event-stream")

    return app


async def run(n: int, work: Path) -> dict[str, Any]:
    on = chat_app(Settings(RAGDESK_DATA_DIR=work, LOG_FORMAT="json"), True)
    off = chat_app(Settings(RAGDESK_DATA_DIR=work), False)
    times: dict[str, list[float]] = {"on": [], "off": []}
    async with (
        httpx.AsyncClient(transport=httpx.ASGITransport(app=on), base_url="http://on") as c_on,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=off), base_url="http://off") as c_off,
    ):
        for _ in range(5):  # warm-up: MLflow experiment, table creation
            await c_on.post("/v1/answer/stream")
            await c_off.post("/v1/answer/stream")
        from serving.observability.middleware import flush_app

        flush_app(on, 300)
        for i in range(n):
            order = [("on", c_on), ("off", c_off)] if i % 2 == 0 else [("off", c_off), ("on", c_on)]
            for name, client in order:
                started = time.perf_counter()
                response = await client.post("/v1/answer/stream")
                times[name].append(time.perf_counter() - started)
                assert response.status_code == 200
        started = time.perf_counter()
        flush_app(on, 600)
        drain_s = time.perf_counter() - started
    return {"times": times, "drain_s": drain_s}


def persist_time(n: int, work: Path) -> float:
    """Seconds per request of the after-response work alone (trace + row), measured serially."""
    from serving.observability.context import RequestContext
    from serving.observability.finish import persist
    from serving.observability.request_log import RequestLog

    settings = Settings(RAGDESK_DATA_DIR=work)
    log = RequestLog.open(settings)
    samples = []
    for i in range(n):
        ctx = RequestContext(f"persist-{i:06d}-{os.getpid()}", "POST", "/v1/answer/stream", route="/v1/answer/stream")
        ctx.status = 200
        now = time.perf_counter()
        ctx.chat = ChatRecord(question="q", prompt=[{"role": "system", "content": "x" * 2000}], marks={"prepared": now})
        started = time.perf_counter()
        persist(settings, log, ctx, time.perf_counter())
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    load_before = os.getloadavg()
    work = Path(tempfile.mkdtemp(prefix="ragdesk-bench-obs-inproc-"))
    out = asyncio.run(run(args.requests, work))
    persist_s = persist_time(50, work)
    t = out["times"]
    p50 = {k: statistics.median(v) * 1000 for k, v in t.items()}
    mean = {k: statistics.fmean(v) * 1000 for k, v in t.items()}
    result = {
        "machine": machine_line(load_before),
        "requests_each": args.requests,
        "p50_ms": {k: round(v, 3) for k, v in p50.items()},
        "mean_ms": {k: round(v, 3) for k, v in mean.items()},
        "added_p50_ms": round(p50["on"] - p50["off"], 3),
        "added_mean_ms": round(mean["on"] - mean["off"], 3),
        "after_response_ms_per_request": round(persist_s * 1000, 3),
        "drain_s": round(out["drain_s"], 3),
    }
    md = "\n".join(
        [
            "# Observability overhead in one process",
            "",
            f"{result['machine']}; {args.requests} requests each, alternating; httpx ASGI transport (whole body)",
            "",
            "| | on (ms) | off (ms) | added (ms) |",
            "|---|---|---|---|",
            f"| p50 | {result['p50_ms']['on']} | {result['p50_ms']['off']} | {result['added_p50_ms']} |",
            f"| mean | {result['mean_ms']['on']} | {result['mean_ms']['off']} | {result['added_mean_ms']} |",
            "",
            f"After-response work (MLflow trace + request-log row, worker thread), serially: "
            f"{result['after_response_ms_per_request']} ms per request (p50); queue drained "
            f"{result['drain_s']} s after the last response.",
            "",
        ]
    )
    write_results("observability_inprocess", result, md)


if __name__ == "__main__":
    main()

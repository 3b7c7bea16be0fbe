"""Observability benchmark and demonstration, one run:

1. Overhead: two API processes on the same index and the same local LLM server, one with metrics,
   request log, JSON logs and tracing on (the defaults), one with all of them off. The same
   covered questions go to both, alternating which goes first (ABBA) so the LLM server's prompt
   cache favours neither; TTFT is measured at the client (first `token` event of
   /v1/answer/stream). Reports the on/off ratio of TTFT p50 and mean.
2. A real Prometheus (Debian's `prometheus`, on a loopback port with a temporary config and data
   dir, stopped by its PID) scraping both APIs and the LLM server during that load; its HTTP API
   is asked for TTFT quantiles (histogram_quantile) and for the LLM server's series.

Everything is started here as subprocesses and stopped by PID. The cache is off (every request
reaches the model). Writes bench/results/observability.json and .md.

    python -m bench.observability --pairs 12 --max-tokens 16
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.query import BASE_QUESTIONS, demo_corpus, index_demo
from bench.report import machine_line, write_results
from bench.servers import Proc, free_port, start_api, start_llm_server, start_milvus_lite
from core import redis_server as rs
from core.settings import Settings

OFF = {
    "METRICS_ENABLED": "false",
    "REQUEST_LOG_ENABLED": "false",
    "TRACING_ENABLED": "false",
    "LOG_FORMAT": "text",
}


async def ttft(http: httpx.AsyncClient, url: str, question: str) -> tuple[float, str]:
    started = time.perf_counter()
    first = None
    async with http.stream("POST", f"{url}/v1/answer/stream", json={"question": question}) as response:
        request_id = response.headers.get("x-request-id", "")
        async for line in response.aiter_lines():
            if first is None and line.startswith("event: token"):
                first = time.perf_counter() - started
    if first is None:
        raise RuntimeError(f"no token from {url} for {question!r}")
    return first, request_id


async def load(on_url: str, off_url: str, questions: list[str], deadline_s: float) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {"on": [], "off": []}
    deadline = time.monotonic() + deadline_s
    async with httpx.AsyncClient(timeout=120) as http:
        for i, question in enumerate(questions):
            if time.monotonic() > deadline:
                break
            order = [("on", on_url), ("off", off_url)] if i % 2 == 0 else [("off", off_url), ("on", on_url)]
            for name, url in order:
                took, _ = await ttft(http, url, question)
                samples[name].append(took)
    return samples


def prometheus_config(path: Path, on: str, off: str, llm: str) -> None:
    def target(url: str) -> str:
        return url.split("://", 1)[1].split("/", 1)[0]

    path.write_text(
        "global:\n  scrape_interval: 2s\n  evaluation_interval: 2s\n"
        "scrape_configs:\n"
        f"  - job_name: ragdesk-api\n    static_configs:\n      - targets: ['{target(on)}']\n"
        f"  - job_name: ragdesk-api-off\n    static_configs:\n      - targets: ['{target(off)}']\n"
        f"  - job_name: llama-cpp\n    static_configs:\n      - targets: ['{target(llm)}']\n"
    )


def promql(url: str, query: str) -> list[dict[str, Any]]:
    response = httpx.get(f"{url}/api/v1/query", params={"query": query}, timeout=10)
    response.raise_for_status()
    return response.json()["data"]["result"]  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=12, help="questions, each sent to both APIs")
    parser.add_argument("--max-tokens", default="16")
    parser.add_argument("--deadline-s", type=float, default=420.0, help="stop sending after this long")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    work = Path(tempfile.mkdtemp(prefix="ragdesk-bench-obs-"))
    procs: list[Proc] = []
    prom: subprocess.Popen[bytes] | None = None
    redis: rs.RedisServer | None = None
    load_before = os.getloadavg()
    result: dict[str, Any] = {}
    try:
        milvus, milvus_uri = start_milvus_lite(work / "milvus", work)
        procs.append(milvus)
        corpus = demo_corpus()
        settings = Settings(
            RAGDESK_MILVUS_URI=milvus_uri, RAGDESK_DATA_DIR=work, DOCS_SOURCE_DIR=corpus, HF_HUB_OFFLINE=True
        )
        print(f"indexing {corpus} ...", flush=True)
        index_demo(settings)
        llm, llm_url = start_llm_server(work, threads=1, parallel=2)
        procs.append(llm)
        common = {
            "RAGDESK_MILVUS_URI": milvus_uri,
            "DOCS_SOURCE_DIR": str(corpus),
            "LLM_BASE_URL": llm_url,
            "LLM_MODEL": "local",
            "LLM_MAX_TOKENS": args.max_tokens,
            "CACHE_ENABLED": "false",
            "GATEWAY_REQUIRE_KEYS": "false",
            "GATEWAY_RPM_PAID": "100000",
        }
        # one throwaway Redis (gateway state); each API its own key prefix, so they share no queue
        redis = rs.start(rs.free_port(), work / "redis", persist=False)
        common["REDIS_URL"] = redis.url
        (work / "on").mkdir()
        (work / "off").mkdir()
        on_env = {"RAGDESK_DATA_DIR": str(work / "on"), "GATEWAY_REDIS_PREFIX": "obs-on:"}
        api_on, on_url = start_api(work / "on", {**common, **on_env})
        procs.append(api_on)
        off_env = {"RAGDESK_DATA_DIR": str(work / "off"), "GATEWAY_REDIS_PREFIX": "obs-off:", **OFF}
        api_off, off_url = start_api(work / "off", {**common, **off_env})
        procs.append(api_off)
        prom_port = free_port()
        prom_url = f"http://127.0.0.1:{prom_port}"
        prometheus_config(work / "prometheus.yml", on_url, off_url, llm_url)
        prom_log = (work / "prometheus.log").open("wb")
        prom = subprocess.Popen(
            [
                shutil.which("prometheus") or "prometheus",
                f"--config.file={work / 'prometheus.yml'}",
                f"--storage.tsdb.path={work / 'prometheus-data'}",
                f"--web.listen-address=127.0.0.1:{prom_port}",
            ],
            stdout=prom_log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{prom_url}/-/ready", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        questions = [q for q in BASE_QUESTIONS][: args.pairs]
        # one warm-up request each (first-call costs: model load paths, MLflow experiment creation)
        asyncio.run(load(on_url, off_url, questions[:1], 120))
        print(f"load: {len(questions)} questions x 2 APIs ...", flush=True)
        samples = asyncio.run(load(on_url, off_url, questions, args.deadline_s))
        time.sleep(6)  # two scrapes after the last request
        queries = {
            "api TTFT p50 (request -> first token)": "histogram_quantile(0.5, sum by (le) "
            '(ragdesk_time_to_first_token_seconds_bucket{job="ragdesk-api"}))',
            "api TTFT p95": "histogram_quantile(0.95, sum by (le) "
            '(ragdesk_time_to_first_token_seconds_bucket{job="ragdesk-api"}))',
            "model time to first chunk p50": "histogram_quantile(0.5, sum by (le) "
            '(gen_ai_client_operation_time_to_first_chunk_seconds_bucket{job="ragdesk-api"}))',
            "model time to first chunk p95": "histogram_quantile(0.95, sum by (le) "
            '(gen_ai_client_operation_time_to_first_chunk_seconds_bucket{job="ragdesk-api"}))',
            "answers counted": 'sum(ragdesk_answers_total{job="ragdesk-api"})',
            "llama.cpp prompt tokens": 'sum({__name__=~"llamacpp:prompt_tokens_total", job="llama-cpp"})',
            "llama.cpp tokens predicted": 'sum({__name__=~"llamacpp:tokens_predicted_total", job="llama-cpp"})',
        }
        answers = {name: promql(prom_url, q) for name, q in queries.items()}
        names = httpx.get(
            f"{prom_url}/api/v1/label/__name__/values", params={"match[]": '{job="llama-cpp"}'}, timeout=10
        ).json()["data"]
        targets = httpx.get(f"{prom_url}/api/v1/targets", timeout=10).json()["data"]["activeTargets"]
        result = {
            "machine": machine_line(load_before),
            "config": f"demo help centre; LLM 1 thread, 2 slots, max_tokens {args.max_tokens}; cache off; "
            f"{len(samples['on'])} pairs, ABBA order",
            "ttft_s": {k: [round(v, 4) for v in vs] for k, vs in samples.items()},
            "ttft_p50": {k: round(statistics.median(vs), 4) for k, vs in samples.items()},
            "ttft_mean": {k: round(statistics.fmean(vs), 4) for k, vs in samples.items()},
            "prometheus": {
                "version": subprocess.run(["prometheus", "--version"], capture_output=True, text=True).stdout.split(
                    "\n"
                )[0],
                "targets": [{"job": t["labels"]["job"], "health": t["health"]} for t in targets],
                "queries": {name: {"promql": queries[name], "result": answers[name]} for name in queries},
                "llama_cpp_series": names,
            },
        }
        result["ratio_p50"] = round(result["ttft_p50"]["on"] / result["ttft_p50"]["off"], 3)
        result["ratio_mean"] = round(result["ttft_mean"]["on"] / result["ttft_mean"]["off"], 3)
    finally:
        if prom is not None and prom.poll() is None:
            prom.terminate()
            prom.wait(timeout=30)
        for proc in reversed(procs):
            proc.stop()
        if redis is not None:
            redis.stop()
    write_results("observability", result, markdown(result))


def _value(result: list[dict[str, Any]]) -> str:
    return ", ".join(r["value"][1] for r in result) or "(empty)"


def markdown(result: dict[str, Any]) -> str:
    prom = result["prometheus"]
    lines = [
        "# Observability: overhead and a real Prometheus",
        "",
        f"{result['machine']}; {result['config']}",
        "",
        "## TTFT at the client, observability on vs off (seconds)",
        "",
        "| | on | off | on/off |",
        "|---|---|---|---|",
        f"| p50 | {result['ttft_p50']['on']} | {result['ttft_p50']['off']} | {result['ratio_p50']} |",
        f"| mean | {result['ttft_mean']['on']} | {result['ttft_mean']['off']} | {result['ratio_mean']} |",
        "",
        f"## Prometheus ({prom['version']}) query API",
        "",
        "targets: " + ", ".join(f"{t['job']} {t['health']}" for t in prom["targets"]),
        "",
        "| query | PromQL | value |",
        "|---|---|---|",
    ]
    lines += [f"| {n} | `{q['promql']}` | {_value(q['result'])} |" for n, q in prom["queries"].items()]
    lines += ["", "llama.cpp series scraped: " + ", ".join(prom["llama_cpp_series"]), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()

"""Memory of the local LLM server as distinct RAG prompts arrive, per size of llama.cpp's host-RAM
prompt cache (`LOCAL_LLM_CACHE_RAM_MIB`), and what that cache buys in time to first token.

    python -m bench.llm_memory [--prompts 120] [--cache-mib 8192,256,0]

Each prompt is the answer prompt the API builds (`core.prompts.build_messages`: instructions, 5
help-centre passages of 150-250 words, a question), with different passages each time, sent one
at a time with `max_tokens` 1. The server's resident memory (VmRSS) is read every 10 prompts.
Then two earlier prompts are sent again: the last one (still in its slot's KV cache) and the
first one (long gone from the slots: only the RAM cache can restore it). Writes
bench/results/llm_memory.json and .md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

RESULTS = REPO / "bench" / "results"


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def prompts(n: int, seed: int = 3) -> list[list[dict[str, str]]]:
    from core.grounding.corpus_text import passages
    from core.prompts import build_messages

    pool = [Section(p.title, p.section, p.text) for p in passages() if 150 <= p.words <= 250]
    rng = random.Random(seed)
    return [build_messages(rng.sample(pool, 5), [], f"Question {i}: what does the help centre say?") for i in range(n)]


@dataclass
class Section:
    title: str
    section: str
    text: str


def ttft_ms(client: Any, messages: list[dict[str, str]]) -> float:
    t0 = time.perf_counter()
    client.chat.completions.create(model="local", messages=messages, max_tokens=1, temperature=0.0)
    return (time.perf_counter() - t0) * 1000


def run(cache_mib: int, batch: list[list[dict[str, str]]], threads: int) -> dict[str, Any]:
    from openai import OpenAI

    from bench.servers import start_llm_server

    proc, url = start_llm_server(
        Path(tempfile.mkdtemp(prefix="llm-memory-")), threads, 2, LOCAL_LLM_CACHE_RAM_MIB=str(cache_mib)
    )
    try:
        pid = proc.process.pid
        client = OpenAI(base_url=url, api_key="x", timeout=300, max_retries=0)
        samples = [(0, round(rss_mib(pid), 1))]
        cold: list[float] = []
        for i, messages in enumerate(batch, 1):
            cold.append(ttft_ms(client, messages))
            if i % 10 == 0 or i == len(batch):
                samples.append((i, round(rss_mib(pid), 1)))
        last = ttft_ms(client, batch[-1])
        first = ttft_ms(client, batch[0])
        cold.sort()
        return {
            "cache_ram_mib": cache_mib,
            "rss_mib": samples,
            "rss_growth_mib": round(samples[-1][1] - samples[0][1], 1),
            "cold_ttft_ms_p50": round(cold[len(cold) // 2], 1),
            "repeat_latest_ttft_ms": round(last, 1),
            "repeat_first_ttft_ms": round(first, 1),
        }
    finally:
        proc.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prompts", type=int, default=120)
    parser.add_argument("--cache-mib", default="8192,256,0", help="comma-separated LOCAL_LLM_CACHE_RAM_MIB values")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)

    batch = prompts(args.prompts)
    rows = []
    for value in [int(v) for v in args.cache_mib.split(",") if v.strip()]:
        row = run(value, batch, args.threads)
        rows.append(row)
        print(json.dumps(row), flush=True)
    report = {"prompts": args.prompts, "threads": args.threads, "slots": 2, "rows": rows}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "llm_memory.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    md = [
        "# Local LLM server memory and its prompt cache",
        "",
        f"{args.prompts} distinct answer prompts (5 passages each), one at a time, `max_tokens` 1; llama.cpp "
        f"(xllamacpp), SmolLM2-135M Q4_1, {args.threads} threads, 2 slots, ctx 4096.",
        "",
        "| LOCAL_LLM_CACHE_RAM_MIB | RSS at start MiB | RSS after all MiB | growth MiB | cold TTFT p50 ms "
        "| repeat of the latest ms | repeat of the first ms |",
        "|---|---|---|---|---|---|---|",
        *[
            f"| {r['cache_ram_mib']} | {r['rss_mib'][0][1]:.0f} | {r['rss_mib'][-1][1]:.0f} | {r['rss_growth_mib']:.0f} "
            f"| {r['cold_ttft_ms_p50']:.0f} | {r['repeat_latest_ttft_ms']:.0f} | {r['repeat_first_ttft_ms']:.0f} |"
            for r in rows
        ],
        "",
        "RSS every 10 prompts:",
        "",
        *[f"- {r['cache_ram_mib']}: " + ", ".join(f"{n}: {m:.0f}" for n, m in r["rss_mib"]) for r in rows],
    ]
    (RESULTS / "llm_memory.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

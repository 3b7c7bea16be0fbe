"""Search latency in the embedded default's topology: one `milvus-lite server` process, the API's
retriever reading over http, while a separate `ragdesk index` process writes to the same server.

Phases: idle (no writer), then during a real index run of a generated corpus (another collection on
the same server, so the demo collection's contents stay fixed). Reports p50/p95/p99 of the Milvus
search call alone (query vectors precomputed) and of the full retrieval (embed + hybrid search).
Writes bench/results/topology.json and .md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from core.clients import make_embedder, make_engine, make_milvus_client
from core.docstore import DocStore
from core.indexing import run_index
from core.retrieval import Retriever
from core.settings import REPO_ROOT, Settings
from core.testing.servers import free_port

RESULTS = REPO_ROOT / "bench" / "results"
QUESTIONS = [
    "Can I return a laptop after 45 days?",
    "How long does express shipping take?",
    "Do you ship to Switzerland?",
    "How do I reset my Aurora X2 headphones?",
    "What payment methods do you accept?",
    "Is there a restocking fee?",
    "How long is a gift card valid?",
    "Can I cancel my order?",
    "What does Lumen Plus cost?",
    "How do I descale the BrewMaster 900?",
    "How long do refunds take?",
    "Can I pay in instalments with Klarna?",
]


def percentiles(samples: list[float]) -> dict[str, float]:
    arr = np.array(samples)
    return {
        "n": len(samples),
        "p50": round(float(np.percentile(arr, 50)), 2),
        "p95": round(float(np.percentile(arr, 95)), 2),
        "p99": round(float(np.percentile(arr, 99)), 2),
    }


def measure(
    retriever: Retriever, vectors: list[np.ndarray], seconds: float, max_queries: int
) -> tuple[list[float], list[float]]:
    search_ms, full_ms = [], []
    deadline = time.monotonic() + seconds
    i = 0
    while time.monotonic() < deadline and i < max_queries:
        q = QUESTIONS[i % len(QUESTIONS)]
        start = time.perf_counter()
        retriever.dense(vectors[i % len(vectors)], 5, "")
        search_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        retriever.search(q, 5, "hybrid")
        full_ms.append((time.perf_counter() - start) * 1000)
        i += 1
    return search_ms, full_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--writer-articles", type=int, default=400)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ragdesk-topology-"))
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "milvus-lite"),
            "server",
            "--data-dir",
            str(work / "milvus"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    writer = None
    try:
        time.sleep(3)
        uri = f"http://127.0.0.1:{port}"
        settings = Settings(RAGDESK_MILVUS_URI=uri, RAGDESK_DATA_DIR=work / "reader")
        embedder = make_embedder(settings)
        if settings.query_embed_threads > 0:  # as the API process does (serving.services)
            import torch

            torch.set_num_threads(settings.query_embed_threads)
        client = make_milvus_client(settings)
        run_index(settings, client, DocStore(make_engine(settings)), embedder)
        retriever = Retriever(settings, client, embedder)
        vectors = list(embedder.embed(QUESTIONS))
        measure(retriever, vectors, 3, 20)  # warm-up
        idle = measure(retriever, vectors, args.seconds, 400)

        from bench.corpus_gen import generate

        corpus = work / "writer-corpus"
        generate(corpus, articles=args.writer_articles, faqs=0, manuals=0)
        env = {
            **os.environ,
            "RAGDESK_MILVUS_URI": uri,
            "MILVUS_COLLECTION": "bench_writer",
            "RAGDESK_DATA_DIR": str(work / "writer"),
            "REDIS_URL": "",  # and nothing at REDIS_PORT: the run skips cache invalidation (it warns)
            "REDIS_PORT": str(free_port()),
            "HF_HUB_OFFLINE": "1",
        }
        writer = subprocess.Popen(
            [sys.executable, "-m", "orchestration.cli", "index", "--quiet", str(corpus)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        time.sleep(8)  # past the writer's model load, into embedding and upserts
        busy = measure(retriever, vectors, args.seconds, 400)
        writer_running = writer.poll() is None
        writer.wait(timeout=1800)
        rows: dict[str, dict[str, Any]] = {
            "idle": {"search_ms": percentiles(idle[0]), "retrieval_ms": percentiles(idle[1])},
            "during_index_run": {
                "search_ms": percentiles(busy[0]),
                "retrieval_ms": percentiles(busy[1]),
                "writer_still_running_at_end": writer_running,
            },
        }
        md = [
            "| phase | Milvus search p50 / p95 / p99 ms | retrieval (embed + hybrid) p50 / p95 / p99 ms | queries |",
            "|---|---|---|---|",
        ]
        for phase, r in rows.items():
            s, f = r["search_ms"], r["retrieval_ms"]
            md.append(
                f"| {phase} | {s['p50']} / {s['p95']} / {s['p99']} | {f['p50']} / {f['p95']} / {f['p99']} | {s['n']} |"
            )
        table = "\n".join(md)
        print(table)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "topology.json").write_text(json.dumps(rows, indent=2))
        (RESULTS / "topology.md").write_text(
            "# Search latency: milvus-lite server, reader and writer in separate processes\n\n" + table + "\n"
        )
        client.close()
    finally:
        if writer is not None and writer.poll() is None:
            writer.terminate()
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()

"""Search cost at scale: the same `Retriever.search` (hybrid with BM25 and the dense search in
process or in Milvus, and dense alone both ways) against a `milvus-lite server` collection of ~100k chunks.

The chunks are the demo corpus's paragraphs recombined as bench/corpus_gen.py does (two or three
per chunk, product names and numbers varied, a generated heading). Embedding 100k chunks takes
hours on 2 shared cores, so each chunk's vector is the embedding of its first paragraph plus
Gaussian noise (sigma 0.02 per dimension), renormalised: clustered like real vectors, so the HNSW
graph and the search work as on real data; the *cost* is what this measures, not quality.
Queries are real questions, embedded. Bounded: N chunks, Q queries per row.

    python -m bench.scale --chunks 100000        # writes bench/results/scale.{json,md}
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.corpus_gen import PRODUCTS, TOPICS, _vary, demo_paragraphs
from bench.load import search_questions
from bench.servers import start_milvus_lite
from core import schema as S
from core.chunking import Chunk
from core.collection import ensure_collection, upsert_chunks
from core.settings import REPO_ROOT, Settings

RESULTS = REPO_ROOT / "bench" / "results"
BATCH = 2000


def make_chunks(n: int, paragraphs: list[str], seed: int = 7) -> tuple[list[Chunk], list[int]]:
    rng = random.Random(seed)
    chunks: list[Chunk] = []
    first: list[int] = []
    for i in range(n):
        picks = [rng.randrange(len(paragraphs)) for _ in range(rng.choice((2, 3)))]
        product, topic = rng.choice(PRODUCTS), rng.choice(TOPICS)
        text = "\n\n".join(_vary(paragraphs[p], rng) for p in picks)
        doc = f"gen/{topic}/{product.lower().replace(' ', '-')}-{i // 8}.md"
        section = f"{topic.capitalize()} for the {product}, part {i % 8 + 1}"
        chunks.append(
            Chunk(S.chunk_id(doc, i % 8, text), doc, f"{product}: {topic}", section, doc, i % 8, text, 0, str(i), 0)
        )
        first.append(picks[0])
    return chunks, first


def timed(fn, queries: list[str]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    times = []
    for q in queries:
        t0 = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - t0) * 1000)
    ordered = sorted(times)
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
        "n": len(times),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--paragraphs", type=int, default=400, help="demo paragraphs recombined (each embedded once)")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="milvus-lite data dir (reused when it holds N chunks)"
    )
    args = parser.parse_args()
    load_before = os.getloadavg()

    import torch

    from core.clients import make_embedder, make_milvus_client
    from core.retrieval import Retriever

    torch.set_num_threads(1)
    base = Settings(HF_HUB_OFFLINE=True)  # type: ignore[call-arg]
    embedder = make_embedder(base)
    paragraphs = demo_paragraphs()[: args.paragraphs]
    with tempfile.TemporaryDirectory(prefix="ragdesk-scale-") as tmp:
        data_dir = args.data_dir or Path(tmp) / "milvus"
        proc, uri = start_milvus_lite(data_dir, Path(tmp))
        try:
            settings = base.model_copy(update={"milvus_uri": uri, "milvus_collection": f"scale_{args.chunks}"})
            client = make_milvus_client(settings)
            build_s = 0.0
            if not client.has_collection(settings.milvus_collection):
                t0 = time.perf_counter()
                ensure_collection(client, settings)
                chunks, first = make_chunks(args.chunks, paragraphs)
                base_vectors = embedder.embed(paragraphs)
                print(f"{len(paragraphs)} paragraphs embedded, {time.perf_counter() - t0:.0f} s", flush=True)
                rng = np.random.default_rng(7)
                for start in range(0, len(chunks), BATCH):
                    part = chunks[start : start + BATCH]
                    noisy = base_vectors[first[start : start + BATCH]] + rng.normal(
                        0, 0.02, size=(len(part), base_vectors.shape[1])
                    ).astype(np.float32)
                    noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
                    upsert_chunks(client, settings, part, noisy)
                    if start % (BATCH * 10) == 0:
                        print(f"{start + len(part)} chunks, {time.perf_counter() - t0:.0f} s", flush=True)
                client.flush(settings.milvus_collection)
                build_s = time.perf_counter() - t0
                print(f"built {args.chunks} chunks in {build_s:.0f} s", flush=True)
            questions = search_questions(args.queries)
            vectors = {q: embedder.embed_one(q) for q in questions}
            rows: dict[str, dict[str, float]] = {}
            retrievers = {}
            for backend in ("memory", "milvus"):
                # memory: BM25 and the vectors in this process (DENSE_BACKEND=auto holds them up to
                # DENSE_MEMORY_MAX_CHUNKS); milvus: both searches by Milvus
                update = {"keyword_backend": backend, "dense_backend": "auto" if backend == "memory" else "milvus"}
                retriever = Retriever(settings.model_copy(update=update), client, embedder)
                t0 = time.perf_counter()
                retriever.warm(wait=True)
                rows[
                    f"warm-up (load collection{', build BM25 + vectors' if backend == 'memory' else ''}), {backend}"
                ] = {
                    "p50_ms": round((time.perf_counter() - t0) * 1000, 1),
                    "p95_ms": float("nan"),
                    "n": 1,
                }
                retrievers[backend] = retriever
            memory, milvus = retrievers["memory"], retrievers["milvus"]
            # BM25 in process, dense by Milvus (DENSE_BACKEND=milvus): the index built above, shared
            milvus_dense = Retriever(settings.model_copy(update={"dense_backend": "milvus"}), client, embedder)
            milvus_dense.keyword_index = memory.keyword_index
            held = (
                memory.keyword_index is not None
                and memory.keyword_index.dense_top(vectors[questions[0]], 1) is not None
            )
            where = "in process" if held else "Milvus (over DENSE_MEMORY_MAX_CHUNKS)"
            rows["embed one query"] = timed(embedder.embed_one, questions)
            rows[f"dense search, {where} (vector given)"] = timed(
                lambda q: memory.search(q, mode="dense", query_vector=vectors[q]), questions
            )
            rows["dense search, Milvus (DENSE_BACKEND=milvus, vector given)"] = timed(
                lambda q: milvus.search(q, mode="dense", query_vector=vectors[q]), questions
            )
            rows[f"hybrid search, BM25 in process, dense {where} (vector given)"] = timed(
                lambda q: memory.search(q, query_vector=vectors[q]), questions
            )
            rows["hybrid search, BM25 in process, dense Milvus (vector given)"] = timed(
                lambda q: milvus_dense.search(q, query_vector=vectors[q]), questions
            )
            rows["hybrid search, Milvus BM25 and dense (vector given)"] = timed(
                lambda q: milvus.search(q, query_vector=vectors[q]), questions
            )
            rows["hybrid search, BM25 in process (embed + search)"] = timed(lambda q: memory.search(q), questions)
        finally:
            proc.stop()
    machine = (
        f"{os.cpu_count()} cores, load avg before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}; "
        f"{args.chunks} chunks; build {build_s:.0f} s"
    )
    md = [
        "# Search at scale (bench/scale.py)",
        "",
        "Generated chunks (demo paragraphs recombined), vectors = embedded first paragraph + noise (cost, not quality); "
        "k=5, sections de-duplicated (the defaults); in-process `Retriever.search` against `milvus-lite server`, 1 client.",
        "",
        machine,
        "",
        "| what | p50 ms | p95 ms | n |",
        "|---|---|---|---|",
    ]
    md += [f"| {name} | {r['p50_ms']} | {r['p95_ms']} | {r['n']} |" for name, r in rows.items()]
    text = "\n".join(md) + "\n"
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps({"machine": machine, "rows": rows}, indent=2) + "\n")
    (RESULTS / "scale.md").write_text(text)


if __name__ == "__main__":
    main()

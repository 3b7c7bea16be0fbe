"""The embedder's CPU runtimes side by side (issue 20): sentence-transformers on torch (fp32, the
reference), ONNX Runtime fp32 and ONNX Runtime with int8 weights (EMBED_BACKEND).

For each backend the demo help centre and the E-Manual manual are indexed with the project's own
pipeline into the backend's own Milvus Lite file and document store under --workdir, and scored
by the project's evaluation (retrieval only; section-level recall@5, dense and hybrid). Then, on
the same chunk texts the pipeline embedded (heading line + text, the pipeline's batches):

- equivalence: cosine between each backend's vector and torch's for every chunk and every
  question (min, mean);
- time to embed the whole corpus, the backends interleaved in a rotating order, --repeats times;
  the ratio to torch is taken within each repetition and the median reported (the machine is
  shared: the load average is printed beside it);
- single-question latency p50/p95 through `embed_one` with QUERY_EMBED_THREADS threads, as the
  API embeds a question, the backends interleaved question by question.

Prints a table and writes bench/results/embed_runtime.json and .md.

    python -m bench.embed_runtime                  # both sets, 3 repetitions
    python -m bench.embed_runtime --datasets demo --repeats 1
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.index import pipeline_texts
from bench.report import machine_line, write_results
from core.clients import make_embedder, make_engine, make_milvus_client
from core.docstore import DocStore
from core.embedder import Embedder
from core.indexing import run_index
from core.settings import REPO_ROOT, Settings
from evaluation import emanual
from evaluation.corpora import open_corpus
from evaluation.run import run_evaluation

BACKENDS = ("torch", "onnx", "onnx-int8")
RECALL_TOLERANCE = 0.005  # the bound on recall@5 against torch
COSINE_FLOOR = 0.99  # min cosine to torch for a backend to count as the same vectors


def backend_settings(workdir: Path, backend: str, threads: int) -> Settings:
    folder = workdir / backend
    folder.mkdir(parents=True, exist_ok=True)
    return Settings(  # type: ignore[call-arg]
        RAGDESK_DATA_DIR=str(folder),  # type: ignore[arg-type]
        MILVUS_URI=str(folder / "milvus.db"),
        EMBED_BACKEND=backend,  # type: ignore[arg-type]
        EMBED_THREADS=threads,
    )


def quality(settings: Settings, embedder: Embedder, dataset: str) -> dict[str, Any]:
    """Index `dataset`'s corpus with this backend (incrementally) and score retrieval."""
    client = make_milvus_client(settings)
    if dataset == "demo":
        run_index(settings, client, DocStore(make_engine(settings)), embedder)
    start = time.perf_counter()
    result = run_evaluation(settings, dataset, generate=False, track=False, client=client, embedder=embedder)
    store_settings = emanual.emanual_settings(settings) if dataset == "emanual" else settings
    texts = pipeline_texts(DocStore(make_engine(store_settings)))
    questions = [q.question for q in _questions(settings, dataset)]
    return {
        "questions_with_gold": int(result.metrics["questions_with_gold"]),
        "dense_recall_at_5": round(result.retrieval_by_mode["dense"]["recall_at_5"], 4),
        "hybrid_recall_at_5": round(result.retrieval_by_mode["hybrid"]["recall_at_5"], 4),
        "dense_mrr": round(result.retrieval_by_mode["dense"]["mrr"], 4),
        "eval_s": round(time.perf_counter() - start, 1),
        "texts": texts,
        "questions": questions,
    }


def _questions(settings: Settings, dataset: str) -> list[Any]:
    return list(open_corpus(settings, dataset, index=False).questions)


def embed_corpus(embedder: Embedder, texts: list[str]) -> tuple[np.ndarray, float]:
    """The pipeline's way: EMBED_BATCH_SIZE batches, handed over 4 batches at a time."""
    step = embedder.batch_size * 4
    start = time.perf_counter()
    parts = [embedder.embed(texts[offset : offset + step]) for offset in range(0, len(texts), step)]
    return np.concatenate(parts), time.perf_counter() - start


def cosines(vectors: np.ndarray, reference: np.ndarray) -> dict[str, float]:
    c = np.sum(vectors * reference, axis=1)
    return {"min": round(float(c.min()), 6), "mean": round(float(c.mean()), 6)}


def measure(args: argparse.Namespace) -> dict[str, Any]:
    embedders = {b: make_embedder(backend_settings(args.workdir, b, args.threads)) for b in BACKENDS}
    results: dict[str, Any] = {"backends": list(BACKENDS), "threads": args.threads, "datasets": {}}
    for dataset in args.datasets:
        base = backend_settings(args.workdir, "torch", args.threads)
        if dataset == "emanual" and not emanual.is_available(base):
            print(f"skipping emanual: no data in {emanual.emanual_dir(base)}")
            continue
        per: dict[str, Any] = {}
        for backend, embedder in embedders.items():
            per[backend] = quality(backend_settings(args.workdir, backend, args.threads), embedder, dataset)
            print(dataset, backend, {k: v for k, v in per[backend].items() if k not in ("texts", "questions")})
        texts, questions = per["torch"]["texts"], per["torch"]["questions"]
        reference = embedders["torch"].embed(texts)
        reference_q = embedders["torch"].embed(questions)
        seconds: dict[str, list[float]] = {b: [] for b in BACKENDS}
        loads: list[float] = []
        for rep in range(args.repeats):
            order = BACKENDS[rep % 3 :] + BACKENDS[: rep % 3]
            loads.append(os.getloadavg()[0])
            for backend in order:
                vectors, took = embed_corpus(embedders[backend], texts)
                seconds[backend].append(took)
                if rep == 0:
                    per[backend]["chunk_cosine"] = cosines(vectors, reference)
                    per[backend]["question_cosine"] = cosines(embedders[backend].embed(questions), reference_q)
        for backend in BACKENDS:
            row = per[backend]
            row["embed_s"] = [round(s, 2) for s in seconds[backend]]
            row["embed_ratio_to_torch"] = round(
                statistics.median(s / t for s, t in zip(seconds[backend], seconds["torch"], strict=True)), 3
            )
            row["dense_recall_at_5_delta"] = round(row["dense_recall_at_5"] - per["torch"]["dense_recall_at_5"], 4)
            row["hybrid_recall_at_5_delta"] = round(row["hybrid_recall_at_5"] - per["torch"]["hybrid_recall_at_5"], 4)
        results["datasets"][dataset] = {
            "chunks": len(texts),
            "questions": len(questions),
            "load_avg_1m_per_repeat": [round(x, 2) for x in loads],
            "rows": {b: {k: v for k, v in per[b].items() if k not in ("texts", "questions")} for b in BACKENDS},
        }
    results["query_latency"] = query_latency(embedders, args)
    results["verdict"] = verdict(results)
    return results


def query_latency(embedders: dict[str, Embedder], args: argparse.Namespace) -> dict[str, Any]:
    """embed_one as the API calls it (QUERY_EMBED_THREADS threads, no batching partner)."""
    from serving.services import set_query_threads

    settings = backend_settings(args.workdir, "torch", args.threads)
    questions = [q.question for q in _questions(settings, "demo")][: args.queries]
    for embedder in embedders.values():
        set_query_threads(settings, embedder)
        embedder.query_batch = 1
        embedder.embed_one("warm-up")
    took: dict[str, list[float]] = {b: [] for b in BACKENDS}
    load = os.getloadavg()[0]
    for question in questions:
        for backend, embedder in embedders.items():
            start = time.perf_counter()
            embedder.embed_one(question)
            took[backend].append((time.perf_counter() - start) * 1000)
    return {
        "threads": settings.query_embed_threads,
        "questions": len(questions),
        "load_avg_1m": round(load, 2),
        "p50_ms": {b: round(float(np.percentile(v, 50)), 2) for b, v in took.items()},
        "p95_ms": {b: round(float(np.percentile(v, 95)), 2) for b, v in took.items()},
    }


def verdict(results: dict[str, Any]) -> dict[str, Any]:
    """Which backends give torch's vectors (min chunk and question cosine >= COSINE_FLOOR) and its
    retrieval quality (dense and hybrid recall@5 within RECALL_TOLERANCE) on every set."""
    out: dict[str, Any] = {}
    for backend in BACKENDS[1:]:
        rows = [d["rows"][backend] for d in results["datasets"].values()]
        same_vectors = all(
            r["chunk_cosine"]["min"] >= COSINE_FLOOR and r["question_cosine"]["min"] >= COSINE_FLOOR for r in rows
        )
        same_quality = all(
            abs(r["dense_recall_at_5_delta"]) <= RECALL_TOLERANCE
            and abs(r["hybrid_recall_at_5_delta"]) <= RECALL_TOLERANCE
            for r in rows
        )
        out[backend] = {
            "same_vectors": same_vectors,
            "same_quality": same_quality,
            "eligible": same_vectors and same_quality,
        }
    return out


def to_markdown(results: dict[str, Any]) -> str:
    lines = [
        "# Embedder runtimes: torch fp32 vs ONNX Runtime fp32 vs ONNX Runtime int8",
        "",
        f"Machine: {results['machine']}. Threads: EMBED_THREADS={results['threads']} (0 = the runtime's default) "
        f"for the corpus, QUERY_EMBED_THREADS={results['query_latency']['threads']} for single questions.",
        "",
        "| set | backend | chunks | min / mean cosine to torch (chunks) | min / mean (questions) | "
        "dense R@5 (Δ) | hybrid R@5 (Δ) | corpus embed s per repeat | time ratio to torch (median) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, block in results["datasets"].items():
        for backend, r in block["rows"].items():
            lines.append(
                f"| {name} | {backend} | {block['chunks']} | {r['chunk_cosine']['min']:.6f} / {r['chunk_cosine']['mean']:.6f} "
                f"| {r['question_cosine']['min']:.6f} / {r['question_cosine']['mean']:.6f} "
                f"| {r['dense_recall_at_5']:.4f} ({r['dense_recall_at_5_delta']:+.4f}) "
                f"| {r['hybrid_recall_at_5']:.4f} ({r['hybrid_recall_at_5_delta']:+.4f}) "
                f"| {', '.join(f'{s:.1f}' for s in r['embed_s'])} | {r['embed_ratio_to_torch']:.3f} |"
            )
        lines.append(
            f"| {name} | load avg (1 min) per repeat | {', '.join(map(str, block['load_avg_1m_per_repeat']))} |||||||"
        )
    q = results["query_latency"]
    lines += [
        "",
        f"Single question (`embed_one`, {q['questions']} demo questions, load avg {q['load_avg_1m']}):",
        "",
        "| backend | p50 ms | p95 ms |",
        "|---|---|---|",
        *[f"| {b} | {q['p50_ms'][b]} | {q['p95_ms'][b]} |" for b in q["p50_ms"]],
        "",
        f"Verdict (cosine >= {COSINE_FLOOR}, recall@5 within {RECALL_TOLERANCE} on every set): "
        + "; ".join(
            f"{b}: {'eligible' if v['eligible'] else 'not eligible'} (same vectors {v['same_vectors']}, same quality {v['same_quality']})"
            for b, v in results["verdict"].items()
        ),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", type=Path, default=REPO_ROOT / ".data" / "bench-embed-runtime")
    parser.add_argument("--datasets", nargs="+", choices=["demo", "emanual"], default=["demo", "emanual"])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0, help="EMBED_THREADS for the corpus (0 = runtime default)")
    parser.add_argument("--queries", type=int, default=100, help="questions timed one by one")
    parser.add_argument("--out", default="embed_runtime", help="results file name under bench/results")
    args = parser.parse_args()
    load_before = os.getloadavg()
    results = measure(args)
    results["machine"] = machine_line(load_before)
    write_results(args.out, results, to_markdown(results))


if __name__ == "__main__":
    main()

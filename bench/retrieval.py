"""Retrieval quality on both golden sets: keyword (BM25), dense (MiniLM) and hybrid (the two
fused by reciprocal rank) through the system's own `Retriever`, plus the hybrid configuration
that measured best on both sets (per-section fusion and de-duplication, RRF_K=20).

Scores are section level (retrieved chunks de-duplicated to (doc_id, section) in rank order):
recall@1/3/5 and MRR@10. The demo set counts its answerable questions; the E-Manual set its 415
title-matched questions (gold: any section with the question's leaf title).

Runs against its own embedded Milvus Lite file under --workdir (the demo corpus and the E-Manual
manual are indexed there with the project's pipeline, incrementally), so it needs no running
services and never touches the live collection. Prints a table and writes
bench/results/retrieval.json and bench/results/retrieval.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from core.clients import make_embedder, make_engine, make_milvus_client
from core.docstore import DocStore
from core.indexing import run_index
from core.settings import REPO_ROOT, Settings
from evaluation import emanual
from evaluation.run import run_evaluation

RESULTS = REPO_ROOT / "bench" / "results"
IMPROVED = {"RETRIEVAL_DEDUPE_SECTIONS": "true", "RRF_K": "20"}
FLOORS = {  # from the issue: the E-Manual 415, ~180-word windows
    "keyword": (0.86, 0.62),
    "dense": (0.76, 0.57),
    "hybrid": (0.93, 0.73),
}
TARGET = (0.97, 0.85)
COLUMNS = ("recall_at_1", "recall_at_3", "recall_at_5", "mrr")


def measure(workdir: Path, datasets: list[str]) -> dict:  # type: ignore[type-arg]
    base = {"RAGDESK_DATA_DIR": str(workdir), "MILVUS_URI": str(workdir / "milvus.db")}
    settings = Settings(**base)  # type: ignore[arg-type]
    embedder = make_embedder(settings)
    client = make_milvus_client(settings)
    if "demo" in datasets:
        run_index(settings, client, DocStore(make_engine(settings)), embedder)
    results: dict = {
        "settings": {
            "chunk_size": settings.effective_chunk_size,
            "chunk_overlap": settings.chunk_overlap,
            "embedder": settings.embed_model,
            "rrf_k": settings.rrf_k,
            "improved": IMPROVED,
        }
    }
    for dataset in datasets:
        if dataset == "emanual" and not emanual.is_available(settings):
            print(f"skipping emanual: no data in {emanual.emanual_dir(settings)}")
            continue
        start = time.perf_counter()
        plain = run_evaluation(settings, dataset, generate=False, track=False, client=client, embedder=embedder)
        better_settings = Settings(**base, **IMPROVED)  # type: ignore[arg-type]
        better = run_evaluation(
            better_settings, dataset, mode="hybrid", generate=False, track=False, client=client, embedder=embedder
        )
        rows = {mode: plain.retrieval_by_mode[mode] for mode in ("keyword", "dense", "hybrid")}
        rows["hybrid_improved"] = better.retrieval_by_mode["hybrid"]
        results[dataset] = {
            "questions": int(plain.metrics["questions_with_gold"]),
            "rows": {mode: {k: round(v, 4) for k, v in values.items()} for mode, values in rows.items()},
            "seconds": round(time.perf_counter() - start, 1),
        }
    return results


def to_markdown(results: dict) -> str:  # type: ignore[type-arg]
    lines = [
        "# Retrieval quality (section level)",
        "",
        f"Embedder {results['settings']['embedder']}, chunks {results['settings']['chunk_size']} tokens "
        f"(overlap {results['settings']['chunk_overlap']}), RRF_K {results['settings']['rrf_k']}. "
        f"`hybrid_improved` = hybrid with {', '.join(f'{k}={v}' for k, v in IMPROVED.items())}.",
        "",
        "| set | mode | recall@1 | recall@3 | recall@5 | MRR@10 |",
        "|---|---|---|---|---|---|",
    ]
    for dataset in ("demo", "emanual"):
        if dataset not in results:
            continue
        block = results[dataset]
        for mode, values in block["rows"].items():
            cells = " | ".join(f"{values.get(c, float('nan')):.3f}" for c in COLUMNS)
            lines.append(f"| {dataset} ({block['questions']} q) | {mode} | {cells} |")
    if "emanual" in results:
        lines += [
            "",
            "E-Manual floors from the issue (recall@5 / MRR): "
            + ", ".join(f"{m} {r:.2f} / {m_:.2f}" for m, (r, m_) in FLOORS.items())
            + f"; target {TARGET[0]:.2f} / {TARGET[1]:.2f}.",
        ]
    lines += ["", f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {platform.python_version()}."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", type=Path, default=REPO_ROOT / ".data" / "bench-retrieval")
    parser.add_argument("--datasets", nargs="+", choices=["demo", "emanual"], default=["demo", "emanual"])
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = measure(args.workdir, args.datasets)
    markdown = to_markdown(results)
    print(markdown)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "retrieval.json").write_text(json.dumps(results, indent=1) + "\n")
    (RESULTS / "retrieval.md").write_text(markdown)


if __name__ == "__main__":
    main()

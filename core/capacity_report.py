"""The capacity report: the live collection measured, then the assignment's projection computed
with core/capacity.py's formulas. `ragdesk capacity` prints it; the Dagster asset
`capacity_report` keeps its table as metadata.

Inputs and where they come from (each row of the report names its source):
- documents, chunks, tokens per chunk and tokens per word: the document store (what indexing wrote);
- rows and index parameters: Milvus; bytes on disk: the Milvus Lite data (dir or .db file) when local;
- prompt and completion tokens per answer, cache hit rate: the request log (passed in as `LoggedTraffic`) (else an estimate from the
  settings, or CAPACITY_CACHE_HIT_RATE);
- generation throughput: CAPACITY_GEN_TOKENS_PER_S, else the local CPU server's in bench/results/query.json;
- prices: EVAL_PRICE_*_PER_1K and EVAL_GPU_HOUR_PRICE.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from core import capacity as cap
from core.settings import REPO_ROOT, Settings

# The assignment: ~5,000 support articles, 200 FAQ pages and 50 manuals, ~2M words in all. The split
# of the words between the three kinds is our assumption (the assignment gives only the total).
ASSIGNMENT_GROUPS = [
    cap.DocGroup("support articles", 5000, 250.0),  # 1.25M words
    cap.DocGroup("FAQ pages", 200, 750.0),  # 0.15M
    cap.DocGroup("manuals", 50, 12000.0),  # 0.60M
]
ASSIGNMENT_CHUNK_TOKENS = 400
ASSIGNMENT_OVERLAPS = (50, 100)
ASSIGNMENT_DIMS = (384, 1536)
QUERY_VOLUMES = (1000, 50000)
HNSW_M_DEFAULT = 16
DEFAULT_TOKENS_PER_WORD = 1.33


@dataclass
class Row:
    item: str
    value: str
    source: str


@dataclass
class CapacityReport:
    live: list[Row] = field(default_factory=list)
    storage: list[dict[str, Any]] = field(default_factory=list)
    traffic: list[dict[str, Any]] = field(default_factory=list)
    inputs: list[Row] = field(default_factory=list)

    def markdown(self) -> str:
        lines = ["## Live collection", "", "| item | value | source |", "|---|---|---|"]
        lines += [f"| {r.item} | {r.value} | {r.source} |" for r in self.live]
        lines += ["", "## Projection inputs", "", "| item | value | source |", "|---|---|---|"]
        lines += [f"| {r.item} | {r.value} | {r.source} |" for r in self.inputs]
        lines += ["", "## Assignment projection: storage", ""]
        lines += _table(self.storage)
        lines += ["", "## Assignment projection: traffic (per day)", ""]
        lines += _table(self.traffic)
        return "\n".join(lines) + "\n"


def _table(rows: list[dict[str, Any]]) -> list[str]:
    if not rows:
        return ["(none)"]
    heads = list(rows[0])
    out = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    out += ["| " + " | ".join(str(r[h]) for h in heads) + " |" for r in rows]
    return out


def mib(n: float) -> str:
    return f"{n / 2**20:,.1f} MiB"


def _disk_bytes(settings: Settings) -> tuple[int | None, str]:
    if settings.milvus_is_local_file:
        path = Path(settings.milvus_uri)
        where = "Milvus Lite .db"
    elif settings.milvus_uri.rstrip("/").endswith(f"127.0.0.1:{settings.milvus_port}"):
        path = settings.data_dir / "milvus"
        where = "milvus-lite server data dir"
    else:
        return None, "a remote Milvus: read its storage from its own metrics"
    if not path.exists():
        return None, f"{where} not found"
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), f"{where} on disk ({path})"


def measure_live(settings: Settings, milvus: Any, docstore: Any) -> tuple[list[Row], dict[str, float]]:
    """Rows for the live collection and the measured numbers the projection reuses."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from core.docstore import ChunkRow

    with Session(docstore.engine) as session:
        pairs = session.execute(select(ChunkRow.token_count, ChunkRow.text)).all()
    tokens = np.array([int(t) for t, _ in pairs], dtype=float)
    words = sum(len(str(text).split()) for _, text in pairs)
    documents = docstore.document_count()
    chunks = len(pairs)
    measured: dict[str, float] = {}
    rows = [Row("documents", f"{documents:,}", "document store"), Row("chunks", f"{chunks:,}", "document store")]
    if chunks:
        measured["tokens_per_word"] = float(tokens.sum() / max(words, 1))
        rows += [
            Row("tokens per chunk, mean", f"{tokens.mean():.1f}", "document store (embedder tokenizer)"),
            Row("tokens per chunk, p95", f"{np.percentile(tokens, 95):.0f}", "document store"),
            Row("tokens per word", f"{measured['tokens_per_word']:.3f}", "document store: tokens / whitespace words"),
        ]
    collection = settings.milvus_collection
    milvus_rows = 0
    if milvus.has_collection(collection):
        stats = milvus.get_collection_stats(collection)
        milvus_rows = int(stats.get("row_count", 0))
    rows.append(Row("Milvus rows", f"{milvus_rows:,}", f"get_collection_stats({collection!r})"))
    dim = settings.embed_dim
    m = HNSW_M_DEFAULT
    raw = cap.vector_bytes(milvus_rows, dim)
    graph = cap.hnsw_graph_bytes(milvus_rows, m) if settings.milvus_index_type == "HNSW" else 0.0
    rows += [
        Row("dense vectors (float32)", f"{mib(raw)} ({milvus_rows:,} x {dim} x 4 B)", "formula"),
        Row(
            f"{settings.milvus_index_type} index overhead",
            f"{mib(graph)} (links, M={m}) + a copy of the vectors {mib(raw)}" if graph else "n/a",
            "formula (core/capacity.py)",
        ),
    ]
    disk, where = _disk_bytes(settings)
    rows.append(Row("total storage as Milvus keeps it", mib(disk) if disk is not None else "n/a", where))
    return rows, measured


@dataclass(frozen=True)
class LoggedTraffic:
    """What the request log measured (serving.observability.request_log.RequestLog.traffic())."""

    prompt_tokens: float  # mean per model call
    completion_tokens: float
    answers: int  # model calls counted
    cache_hit_rate: float
    cache_counted: int  # answered requests counted for the hit rate


def traffic_inputs(settings: Settings, logged: LoggedTraffic | None) -> tuple[float, float, float, list[Row]]:
    """Prompt and completion tokens per model call, cache hit rate, with their sources."""
    rows: list[Row] = []
    prompt = completion = None
    hit_rate = settings.capacity_cache_hit_rate
    hit_source = "CAPACITY_CACHE_HIT_RATE"
    if logged is not None:
        if logged.answers:
            prompt, completion = logged.prompt_tokens, logged.completion_tokens
            rows.append(
                Row(
                    "tokens per model call",
                    f"{prompt:.0f} in / {completion:.0f} out",
                    f"request log, {logged.answers} answers",
                )
            )
        if hit_rate < 0 and logged.cache_counted:
            hit_rate, hit_source = logged.cache_hit_rate, f"request log, {logged.cache_counted} answered requests"
    if prompt is None or completion is None:
        prompt = float(settings.context_token_budget + 300)
        completion = float(settings.llm_max_tokens)
        rows.append(
            Row(
                "tokens per model call",
                f"{prompt:.0f} in / {completion:.0f} out",
                "estimate: CONTEXT_TOKEN_BUDGET + 300, LLM_MAX_TOKENS",
            )
        )
    if hit_rate < 0:
        hit_rate, hit_source = bench_cache_hit_rate()
    rows.append(Row("cache hit rate", f"{hit_rate:.1%}", hit_source))
    return prompt, completion, hit_rate, rows


def bench_cache_hit_rate() -> tuple[float, str]:
    """The response cache's measured hit rate on the Bitext customer-support stream (the closest
    to a shop's traffic of the streams bench/cache.py replays), when the request log has none."""
    path = REPO_ROOT / "bench" / "results" / "cache.json"
    try:
        verdict = json.loads(path.read_text())["verdict"]
        rate = float(verdict["bitext"]["hit_rate"])
        other = float(verdict["banking77"]["hit_rate"])
    except (OSError, KeyError, ValueError):
        return 0.0, "no measurement: 0"
    return rate, f"bench/results/cache.json, Bitext stream (BANKING77: {other:.1%}); the request log has none"


def throughput(settings: Settings) -> tuple[float, str]:
    if settings.capacity_gen_tokens_per_s > 0:
        return settings.capacity_gen_tokens_per_s, "CAPACITY_GEN_TOKENS_PER_S"
    path = REPO_ROOT / "bench" / "results" / "query.json"
    try:
        passes = json.loads(path.read_text())["generation"]
        best = max((p for p in passes if p.get("path") == "api"), key=lambda p: p["tokens_per_s"])
        return float(best["tokens_per_s"]), (
            f"bench/results/query.json: local CPU llama.cpp, {best['clients']} clients (not a GPU; set CAPACITY_GEN_TOKENS_PER_S)"
        )
    except (OSError, KeyError, ValueError):
        return 0.0, "no measurement"


def project(
    settings: Settings, measured: dict[str, float], prompt: float, completion: float, hit_rate: float, tps: float
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    tpw = measured.get("tokens_per_word", DEFAULT_TOKENS_PER_WORD)
    storage = []
    for overlap in ASSIGNMENT_OVERLAPS:
        chunks = cap.corpus_chunks(ASSIGNMENT_GROUPS, tpw, ASSIGNMENT_CHUNK_TOKENS, overlap)
        for dim in ASSIGNMENT_DIMS:
            storage.append(
                {
                    "overlap": overlap,
                    "chunks": f"{chunks:,}",
                    "dim": dim,
                    "raw vectors": mib(cap.vector_bytes(chunks, dim)),
                    "HNSW index (M=16)": mib(cap.hnsw_index_bytes(chunks, dim, HNSW_M_DEFAULT)),
                    "raw + HNSW": mib(cap.storage_with_hnsw(chunks, dim, HNSW_M_DEFAULT)),
                }
            )
    traffic = []
    for volume in QUERY_VOLUMES:
        plain = cap.Traffic(volume, prompt, completion, 0.0)
        cached = cap.Traffic(volume, prompt, completion, hit_rate)
        p0, c0 = cap.tokens_per_day(plain)
        p1, c1 = cap.tokens_per_day(cached)
        h0 = cap.gpu_hours(c0, tps) if tps > 0 else float("nan")
        h1 = cap.gpu_hours(c1, tps) if tps > 0 else float("nan")
        price = (settings.eval_price_prompt_per_1k, settings.eval_price_completion_per_1k, settings.eval_gpu_hour_price)
        cost0 = cap.money(p0, c0, h0, *price)
        cost1 = cap.money(p1, c1, h1, *price)
        traffic.append(
            {
                "queries/day": f"{volume:,}",
                "model calls": f"{cap.model_calls(cached):,.0f}",
                "prompt tokens": f"{p1:,.0f}",
                "completion tokens": f"{c1:,.0f}",
                "GPU-hours": f"{h1:,.2f}",
                "cost": f"{cost1:,.2f}",
                "cost without cache": f"{cost0:,.2f}",
                "cache saving": f"{cap.cache_saving(cost0, hit_rate):,.2f}",
            }
        )
    return storage, traffic


def build_report(settings: Settings, milvus: Any, docstore: Any, logged: LoggedTraffic | None) -> CapacityReport:
    report = CapacityReport()
    report.live, measured = measure_live(settings, milvus, docstore)
    prompt, completion, hit_rate, report.inputs = traffic_inputs(settings, logged)
    tps, tps_source = throughput(settings)
    tpw = measured.get("tokens_per_word", DEFAULT_TOKENS_PER_WORD)
    report.inputs += [
        Row("generation throughput", f"{tps:.2f} output tokens/s", tps_source),
        Row("tokens per word", f"{tpw:.3f}", "live collection" if "tokens_per_word" in measured else "default"),
        Row(
            "corpus split (assumed)",
            ", ".join(f"{g.documents:,} {g.name} x {g.words_per_document:,.0f} words" for g in ASSIGNMENT_GROUPS),
            "assumption; the assignment gives ~2M words in all",
        ),
        Row(
            "prices",
            f"{settings.eval_price_prompt_per_1k}/1k in, {settings.eval_price_completion_per_1k}/1k out, "
            f"{settings.eval_gpu_hour_price}/GPU-hour",
            "EVAL_PRICE_*_PER_1K, EVAL_GPU_HOUR_PRICE",
        ),
    ]
    report.storage, report.traffic = project(settings, measured, prompt, completion, hit_rate, tps)
    return report

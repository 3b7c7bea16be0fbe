"""Capacity arithmetic: every formula of the capacity report, in one place, with no I/O (checked
against hand-computed numbers in tests/unit/test_capacity.py; core/capacity_report.py feeds it
from the live collection and the settings).

Units: tokens, bytes, hours, money in the configured currency. float32 vectors (4 bytes/dim).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

FLOAT32_BYTES = 4
HNSW_ID_BYTES = 4  # a neighbour id in hnswlib's link lists
HNSW_LABEL_BYTES = 8  # the external label kept per element
HNSW_COUNT_BYTES = 4  # the link-list header per layer


@dataclass(frozen=True)
class DocGroup:
    name: str
    documents: int
    words_per_document: float


def tokens_from_words(words: float, tokens_per_word: float) -> float:
    return words * tokens_per_word


def chunks_per_document(doc_tokens: float, chunk_tokens: int, overlap: int) -> int:
    """Windows of `chunk_tokens` advancing by `chunk_tokens - overlap`: a document of T tokens
    needs ceil((T - overlap) / (chunk - overlap)) of them, and at least one."""
    if overlap >= chunk_tokens:
        raise ValueError("overlap must be smaller than the chunk size")
    if doc_tokens <= chunk_tokens:
        return 1
    return math.ceil((doc_tokens - overlap) / (chunk_tokens - overlap))


def corpus_chunks(groups: list[DocGroup], tokens_per_word: float, chunk_tokens: int, overlap: int) -> int:
    return sum(
        g.documents * chunks_per_document(g.words_per_document * tokens_per_word, chunk_tokens, overlap) for g in groups
    )


def vector_bytes(chunks: int, dim: int) -> int:
    """The raw float32 vectors."""
    return chunks * dim * FLOAT32_BYTES


def hnsw_graph_bytes(chunks: int, m: int) -> float:
    """hnswlib's links beside the vectors: layer 0 keeps 2M neighbour ids per element (+ header
    and label); an element reaches upper layers with probability 1/M each, about 1/(M-1) upper
    layers on average, each with M ids + header."""
    layer0 = 2 * m * HNSW_ID_BYTES + HNSW_COUNT_BYTES + HNSW_LABEL_BYTES
    upper = (m * HNSW_ID_BYTES + HNSW_COUNT_BYTES) / (m - 1)
    return chunks * (layer0 + upper)


def hnsw_index_bytes(chunks: int, dim: int, m: int) -> float:
    """The HNSW index as hnswlib holds it: a copy of each vector plus its links."""
    return vector_bytes(chunks, dim) + hnsw_graph_bytes(chunks, m)


def storage_with_hnsw(chunks: int, dim: int, m: int) -> float:
    """Raw vectors in the segment plus the HNSW index built over them."""
    return vector_bytes(chunks, dim) + hnsw_index_bytes(chunks, dim, m)


@dataclass(frozen=True)
class Traffic:
    queries_per_day: int
    prompt_tokens: float  # per model call
    completion_tokens: float
    cache_hit_rate: float  # share of queries answered from the response cache (no model call)


def model_calls(t: Traffic) -> float:
    return t.queries_per_day * (1.0 - t.cache_hit_rate)


def tokens_per_day(t: Traffic) -> tuple[float, float]:
    calls = model_calls(t)
    return calls * t.prompt_tokens, calls * t.completion_tokens


def gpu_hours(output_tokens: float, output_tokens_per_s: float) -> float:
    """Hours of the serving machine at a measured aggregate generation throughput."""
    if output_tokens_per_s <= 0:
        raise ValueError("throughput must be positive")
    return output_tokens / output_tokens_per_s / 3600.0


def money(
    prompt_tokens: float,
    completion_tokens: float,
    hours: float,
    prompt_per_1k: float,
    completion_per_1k: float,
    hour_price: float,
) -> float:
    return (prompt_tokens * prompt_per_1k + completion_tokens * completion_per_1k) / 1000.0 + hours * hour_price


def cache_saving(cost_without_cache: float, cache_hit_rate: float) -> float:
    """What the cache saves: the hits' share of the cost (a hit costs no model call)."""
    return cost_without_cache * cache_hit_rate

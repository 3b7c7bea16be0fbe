"""The capacity formulas (core/capacity.py) against numbers worked out by hand."""

from __future__ import annotations

import pytest

from core import capacity as cap


def test_chunks_per_document_by_hand() -> None:
    # 1,000 tokens, windows of 400 advancing by 350: 0-400, 350-750, 700-1000 -> ceil(950 / 350) = 3
    assert cap.chunks_per_document(1000, 400, 50) == 3
    # advancing by 300: ceil(900 / 300) = 3 exactly
    assert cap.chunks_per_document(1000, 400, 100) == 3
    assert cap.chunks_per_document(1001, 400, 100) == 4
    assert cap.chunks_per_document(120, 400, 50) == 1
    with pytest.raises(ValueError):
        cap.chunks_per_document(1000, 400, 400)


def test_corpus_chunks_by_hand() -> None:
    groups = [cap.DocGroup("articles", 10, 300), cap.DocGroup("manuals", 2, 3000)]
    # 300 words x 1.5 = 450 tokens -> ceil(400 / 350) = 2 each -> 20
    # 3000 x 1.5 = 4500 tokens -> ceil(4450 / 350) = 13 (12.71) each -> 26
    assert cap.corpus_chunks(groups, 1.5, 400, 50) == 46


def test_vector_and_hnsw_bytes_by_hand() -> None:
    assert cap.vector_bytes(10_000, 384) == 15_360_000  # 10k x 384 x 4
    assert cap.vector_bytes(10_000, 1536) == 61_440_000
    # M = 16: layer 0 = 32 x 4 + 4 + 8 = 140 B; upper = (16 x 4 + 4) / 15 = 4.5333 B -> 144.5333 B each
    assert cap.hnsw_graph_bytes(10_000, 16) == pytest.approx(1_445_333.33, rel=1e-6)
    assert cap.hnsw_index_bytes(10_000, 384, 16) == pytest.approx(15_360_000 + 1_445_333.33, rel=1e-6)
    assert cap.storage_with_hnsw(10_000, 384, 16) == pytest.approx(2 * 15_360_000 + 1_445_333.33, rel=1e-6)


def test_traffic_money_and_saving_by_hand() -> None:
    traffic = cap.Traffic(queries_per_day=1000, prompt_tokens=1500, completion_tokens=100, cache_hit_rate=0.4)
    assert cap.model_calls(traffic) == 600
    assert cap.tokens_per_day(traffic) == (900_000, 60_000)
    # 60,000 output tokens at 50 tokens/s = 1,200 s = 1/3 h
    assert cap.gpu_hours(60_000, 50) == pytest.approx(1 / 3)
    # 900k x 0.5/1k + 60k x 1.5/1k + 1/3 h x 3.0 = 450 + 90 + 1 = 541
    assert cap.money(900_000, 60_000, 1 / 3, 0.5, 1.5, 3.0) == pytest.approx(541.0)
    assert cap.cache_saving(100.0, 0.4) == pytest.approx(40.0)
    with pytest.raises(ValueError):
        cap.gpu_hours(1, 0)

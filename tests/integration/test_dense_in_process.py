"""DENSE_BACKEND=memory/auto (core.keyword_index): the dense search as an exact cosine scan in this
process over the vectors a real Milvus Lite collection stores, against Milvus' own search of the
same rows: the same ids in the same order; untrusted chunks left out; a filter goes to Milvus."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from core.collection import ensure_collection, upsert_chunks
from core.retrieval import Retriever
from core.settings import Settings
from tests.integration.test_keyword_index import TEXTS, StubEmbedder, make_chunk

DIM = 8


@pytest.fixture()
def collection(tmp_path: Path) -> tuple[Settings, object, np.ndarray]:
    from core.clients import make_milvus_client

    settings = Settings(  # type: ignore[call-arg]
        RAGDESK_MILVUS_URI=str(tmp_path / "dense.db"), EMBED_DIM=DIM, KEYWORD_INDEX_CHECK_S=0, MILVUS_INDEX_TYPE="FLAT"
    )
    client = make_milvus_client(settings)
    ensure_collection(client, settings)
    words = "alpha bravo charlie delta echo".split()
    chunks = [
        make_chunk(i, doc, head, f"{text} {words[i // len(TEXTS)]}") for i, (doc, head, text) in enumerate(TEXTS * 5)
    ]
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(len(chunks), DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    upsert_chunks(client, settings, chunks, vectors, untrusted={chunks[0].chunk_id})
    return settings, client, vectors


def retrievers(settings: Settings, client: object) -> tuple[Retriever, Retriever]:
    memory = Retriever(settings.model_copy(update={"dense_backend": "memory"}), client, StubEmbedder())  # type: ignore[arg-type]
    milvus = Retriever(settings.model_copy(update={"dense_backend": "milvus"}), client, StubEmbedder())  # type: ignore[arg-type]
    memory.warm(wait=True)
    milvus.warm(wait=True)  # its BM25 is in process too (KEYWORD_BACKEND=memory): the same keyword list
    return memory, milvus


def test_in_process_dense_returns_what_milvus_returns(collection: tuple[Settings, object, np.ndarray]) -> None:
    settings, client, vectors = collection
    memory, milvus = retrievers(settings, client)
    assert memory.keyword_index is not None and memory.keyword_index.size == len(vectors)
    rng = np.random.default_rng(2)
    queries = [vectors[0], vectors[3] + 0.1, *rng.normal(size=(8, DIM)).astype(np.float32)]
    for query in queries:
        for k in (1, 5, 20, 40):
            got, want = memory.dense(np.asarray(query), k, ""), milvus.dense(np.asarray(query), k, "")
            assert [c.chunk_id for c in got] == [c.chunk_id for c in want]
            assert [c.score for c in got] == pytest.approx([c.score for c in want], abs=1e-5)
            assert all(c.dense_score == c.score for c in got) and (not got or got[0].text == "")
    # the untrusted chunk is never returned, even for its own vector
    flagged = make_chunk(0, TEXTS[0][0], TEXTS[0][1], f"{TEXTS[0][2]} alpha").chunk_id
    assert flagged not in {c.chunk_id for c in memory.dense(vectors[0], 40, "")}
    # whole searches agree too (text fetched for the final k)
    for mode in ("dense", "hybrid"):
        a = memory.search("Do you ship to Switzerland?", k=4, mode=mode, query_vector=vectors[5])
        b = milvus.search("Do you ship to Switzerland?", k=4, mode=mode, query_vector=vectors[5])
        assert [(c.chunk_id, c.text) for c in a.chunks] == [(c.chunk_id, c.text) for c in b.chunks]


def test_a_filter_goes_to_milvus_and_auto_respects_the_size_limit(
    collection: tuple[Settings, object, np.ndarray],
) -> None:
    settings, client, vectors = collection
    memory, _ = retrievers(settings, client)
    filtered = memory.search("laptop", k=3, mode="dense", filters={"doc_id": "returns.md"}, query_vector=vectors[7])
    assert filtered.chunks and {c.doc_id for c in filtered.chunks} == {"returns.md"}

    limited = settings.model_copy(update={"dense_backend": "auto", "dense_memory_max_chunks": len(vectors) - 1})
    small = Retriever(limited, client, StubEmbedder())  # type: ignore[arg-type]
    small.warm(wait=True)
    assert small.keyword_index is not None and small.keyword_index.dense_top(vectors[1], 3) is None  # Milvus answers
    assert [c.chunk_id for c in small.dense(vectors[1], 3, "")] == [c.chunk_id for c in memory.dense(vectors[1], 3, "")]


def test_in_process_dense_follows_writes(collection: tuple[Settings, object, np.ndarray]) -> None:
    settings, client, _ = collection
    memory, _ = retrievers(settings, client)
    new = make_chunk(99, "shipping.md", "Iceland", "We also ship to Iceland by air freight.")
    target = np.zeros((1, DIM), dtype=np.float32)
    target[0, 0] = 1.0
    upsert_chunks(client, settings, [new], target)  # type: ignore[arg-type]
    deadline = time.monotonic() + 20
    found: list[str] = []
    while time.monotonic() < deadline and new.chunk_id not in found[:1]:
        found = [c.chunk_id for c in memory.dense(target[0], 3, "")]
        time.sleep(0.2)
    assert found[:1] == [new.chunk_id]
    assert memory.keyword_index is not None and memory.keyword_index.size == len(TEXTS) * 5 + 1

"""KEYWORD_BACKEND=memory (core.keyword_index): BM25 in this process over the keyword field a real
Milvus Lite collection stores, against Milvus' own BM25 on the same rows; freshness after writes."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from core import schema as S
from core.chunking import Chunk
from core.collection import delete_chunks, ensure_collection, upsert_chunks
from core.retrieval import Retriever
from core.settings import Settings

TEXTS = [
    ("returns.md", "Returns", "Laptops can be returned within 30 days of delivery."),
    ("returns.md", "Fees", "A restocking fee of 10 percent applies to opened laptops."),
    ("shipping.md", "Switzerland", "We ship to Switzerland; delivery costs 19.95 EUR and customs may apply."),
    ("shipping.md", "Tracking", "Track your parcel with the link in the dispatch email."),
    ("gift.md", "Validity", "Gift cards are valid for three years from purchase."),
    ("pay.md", "Methods", "We accept cards, PayPal, Klarna instalments and bank transfer."),
]


class StubEmbedder:
    def embed_one(self, text: str) -> np.ndarray:
        return np.ones(8, dtype=np.float32) / np.sqrt(8)


def make_chunk(i: int, doc: str, heading: str, text: str) -> Chunk:
    return Chunk(
        chunk_id=S.chunk_id(doc, i, text),
        doc_id=doc,
        title=doc,
        section=heading,
        text=text,
        source=doc,
        position=i,
        content_hash=str(i),
        updated_at=0,
        token_count=len(text.split()),
    )


@pytest.fixture()
def collection(tmp_path: Path) -> tuple[Settings, object, list[Chunk]]:
    from core.clients import make_milvus_client

    settings = Settings(  # type: ignore[call-arg]
        RAGDESK_MILVUS_URI=str(tmp_path / "kw.db"), EMBED_DIM=8, KEYWORD_INDEX_CHECK_S=0, MILVUS_INDEX_TYPE="FLAT"
    )
    client = make_milvus_client(settings)
    ensure_collection(client, settings)
    chunks = [make_chunk(i, *t) for i, t in enumerate(TEXTS)]
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(len(chunks), 8)).astype(np.float32)
    upsert_chunks(client, settings, chunks, vectors / np.linalg.norm(vectors, axis=1, keepdims=True))
    return settings, client, chunks


def test_memory_bm25_ranks_like_milvus_bm25(collection: tuple[Settings, object, list[Chunk]]) -> None:
    settings, client, _ = collection
    memory = Retriever(settings, client, StubEmbedder())  # type: ignore[arg-type]
    milvus = Retriever(settings.model_copy(update={"keyword_backend": "milvus"}), client, StubEmbedder())  # type: ignore[arg-type]
    memory.warm(wait=True)
    assert memory.keyword_index is not None and memory.keyword_index.size == len(TEXTS)
    for question, want in [
        ("How long can I return a laptop?", "Returns"),
        ("Do you ship to Switzerland?", "Switzerland"),
        ("Is there a restocking fee?", "Fees"),
        ("How long is a gift card valid?", "Validity"),
    ]:
        got = memory.keyword(question, 3, "")
        assert got and got[0].section == want
        assert got[0].section == milvus.keyword(question, 3, "")[0].section
        assert all(c.score > 0 for c in got) and got[0].text == ""  # text is fetched for the final k only
    assert memory.keyword("zebra quantum", 3, "") == []
    result = memory.search("Do you ship to Switzerland?", k=2, mode="keyword", dedupe_sections=False)
    assert result.chunks[0].text.startswith("We ship to Switzerland")
    # a filtered search goes to Milvus (the expression is Milvus')
    filtered = memory.search("laptop", k=3, mode="keyword", filters={"doc_id": "returns.md"})
    assert {c.doc_id for c in filtered.chunks} == {"returns.md"}


def test_first_build_runs_in_the_background_and_milvus_answers_meanwhile(
    collection: tuple[Settings, object, list[Chunk]],
) -> None:
    settings, client, _ = collection
    retriever = Retriever(settings, client, StubEmbedder())  # type: ignore[arg-type]
    assert retriever.keyword_index is not None
    first = retriever.keyword("Do you ship to Switzerland?", 3, "")  # no index yet: Milvus' BM25
    assert first and first[0].section == "Switzerland"
    deadline = time.monotonic() + 20
    while retriever.keyword_index.size == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert retriever.keyword_index.size == len(TEXTS)


def test_memory_bm25_follows_writes(collection: tuple[Settings, object, list[Chunk]]) -> None:
    settings, client, chunks = collection
    retriever = Retriever(settings, client, StubEmbedder())  # type: ignore[arg-type]
    retriever.warm(wait=True)
    # a deleted chunk is dropped when its text is fetched, before the index is rebuilt
    delete_chunks(client, settings, [chunks[2].chunk_id])  # type: ignore[arg-type]
    result = retriever.search("Do you ship to Switzerland?", k=3, mode="keyword", dedupe_sections=False)
    assert all(c.section != "Switzerland" for c in result.chunks)
    # a new chunk is found once the background rebuild (count changed) has run
    new = make_chunk(9, "shipping.md", "Iceland", "We also ship to Iceland by air freight.")
    upsert_chunks(client, settings, [new], np.ones((1, 8), dtype=np.float32) / np.sqrt(8))  # type: ignore[arg-type]
    deadline = time.monotonic() + 20
    found: list[str] = []
    while time.monotonic() < deadline and "Iceland" not in found:
        found = [c.section for c in retriever.keyword("ship to Iceland", 3, "")]
        time.sleep(0.2)
    assert found and found[0] == "Iceland"
    assert retriever.keyword_index is not None and retriever.keyword_index.size == len(TEXTS)


@pytest.mark.parametrize("dedupe", [False, True])
@pytest.mark.parametrize("mode", ["dense", "keyword", "hybrid"])
def test_spare_chunks_follow_the_same_top_k(
    collection: tuple[Settings, object, list[Chunk]], mode: str, dedupe: bool
) -> None:
    """RETRIEVAL_SPARE: the answer path asks for spare chunks to replace an archived page; the k
    best must be those a search without them returns, with the spare ones after them."""
    settings, client, _ = collection
    retriever = Retriever(settings, client, StubEmbedder())  # type: ignore[arg-type]
    retriever.warm(wait=True)
    question = "Can I return a laptop and what does delivery to Switzerland cost?"
    plain = retriever.search(question, k=2, mode=mode, dedupe_sections=dedupe)  # type: ignore[arg-type]
    spared = retriever.search(question, k=2, mode=mode, dedupe_sections=dedupe, spare=3)  # type: ignore[arg-type]
    assert [c.chunk_id for c in spared.chunks[:2]] == [c.chunk_id for c in plain.chunks]
    assert len(spared.chunks) > len(plain.chunks) and spared.relevant == plain.relevant
    assert [c.rank for c in spared.chunks] == list(range(1, len(spared.chunks) + 1))
    assert all(c.text for c in spared.chunks)
    with pytest.raises(ValueError):
        retriever.search(question, k=2, mode=mode, spare=-1)  # type: ignore[arg-type]

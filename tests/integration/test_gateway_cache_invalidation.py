"""No stale answer survives a document update: the indexing run (core.indexing.run_index on a
Milvus Lite file) invalidates, through `on_removed_chunks`, every cached answer citing a chunk
it changed or deleted; answers citing untouched chunks stay."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.answer_cache import corpus_version, invalidation_callback, make_answer_cache
from core.redis_server import RedisServer, temporary_redis
from core.settings import Settings
from tests.conftest import demo_corpus_dir

PICKS = ["returns/return-policy-overview.md", "returns/exchanges.md", "shipping/shipping-options-and-costs.md"]
CHANGED_PHRASE = "5-7 business days"


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with temporary_redis() as server:
        yield server


def chunk_with(docstore: Any, doc_id: str, phrase: str | None = None) -> str:
    chunk_ids = list(docstore.documents()[doc_id].chunk_ids)
    texts = docstore.chunk_texts(chunk_ids)
    for chunk_id in chunk_ids:
        if phrase is None or phrase in texts[chunk_id]:
            return chunk_id
    raise AssertionError(f"no chunk of {doc_id} contains {phrase!r}")


@pytest.mark.slow
def test_document_update_invalidates_cached_answers(tmp_path: Path, redis_server: RedisServer, embedder: Any) -> None:
    from core.clients import make_engine, make_milvus_client
    from core.docstore import DocStore
    from core.indexing import run_index

    source = demo_corpus_dir()
    docs = tmp_path / "docs"
    for pick in PICKS:
        (docs / pick).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / pick, docs / pick)
    assert CHANGED_PHRASE in (docs / PICKS[0]).read_text()
    settings = Settings(
        RAGDESK_MILVUS_URI=str(tmp_path / "milvus.db"),
        RAGDESK_DATA_DIR=tmp_path / "data",
        DOCS_SOURCE_DIR=docs,
        REDIS_URL=redis_server.url,
        HF_HUB_OFFLINE=True,
    )
    client = make_milvus_client(settings)
    docstore = DocStore(make_engine(settings))
    on_removed = invalidation_callback(settings)
    assert on_removed is not None
    run_index(settings, client, docstore, embedder, on_removed_chunks=on_removed)

    refund_chunk = chunk_with(docstore, PICKS[0], CHANGED_PHRASE)
    exchange_chunk = chunk_with(docstore, PICKS[1])
    cache = make_answer_cache(settings, embedder.embed_one)
    scope = corpus_version(settings)
    refund_q, exchange_q = "When do I get my money back after a return?", "Can I exchange an item for another size?"
    assert cache.store(refund_q, "Within 5-7 business days.", [{"chunk_id": refund_chunk}], scope)
    assert cache.store(exchange_q, "Yes, start an exchange.", [{"chunk_id": exchange_chunk}], scope)
    assert cache.lookup(refund_q, scope).status == "hit-exact"
    assert cache.lookup("when do i get my money back after returning something", scope).hit

    # the document changes: the refund time is now different
    path = docs / PICKS[0]
    path.write_text(path.read_text().replace(CHANGED_PHRASE, "3-5 business days"))
    report = run_index(settings, client, docstore, embedder, on_removed_chunks=on_removed)
    assert report.write is not None and refund_chunk in report.write.deleted_chunk_ids
    assert exchange_chunk not in report.write.deleted_chunk_ids

    after = cache.lookup(refund_q, scope)
    assert after.status == "miss"
    assert not cache.lookup("when do i get my money back after returning something", scope).hit
    assert cache.lookup(exchange_q, scope).status == "hit-exact"
    # a generation that started before the update and cites the old chunk is not cached
    assert cache.store(refund_q, "Within 5-7 business days.", [{"chunk_id": refund_chunk}], scope) is None

    # the document is deleted: answers citing any of its chunks go too
    new_refund_chunk = chunk_with(docstore, PICKS[0], "3-5 business days")
    assert cache.store(refund_q, "Within 3-5 business days.", [{"chunk_id": new_refund_chunk}], scope)
    path.unlink()
    run_index(settings, client, docstore, embedder, on_removed_chunks=on_removed)
    assert cache.lookup(refund_q, scope).status == "miss"
    assert cache.lookup(exchange_q, scope).status == "hit-exact"
    client.close()

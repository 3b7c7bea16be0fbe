"""The project's collection code against a real Milvus standalone server (PyPI `milvus`, pinned),
not Milvus Lite. That server binds every interface whatever its configuration says, so these
tests start it only inside a network namespace that has nothing but loopback; elsewhere they skip.
Run them with `scripts/netns-pytest.sh -m milvus_server` (root: `unshare -n`, `ip link set lo up`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.clients import make_engine, make_milvus_client
from core.collection import count_chunks, ensure_collection, stored_ids, upsert_chunks
from core.indexing import run_index
from core.retrieval import Retriever
from core.settings import Settings
from core.tenancy import server_has_bm25
from tests.conftest import demo_corpus_dir
from tests.scaleout.milvus_cases import blue_green_across_a_switch, demo_corpus, stop, wait_for_milvus

pytestmark = [pytest.mark.milvus_server, pytest.mark.slow]

PROXY_PORT = 19530  # inside our own network namespace nothing else listens


def loopback_only() -> bool:
    """True where this process's network namespace has no interface but `lo`."""
    lines = Path("/proc/self/net/dev").read_text().splitlines()[2:]
    return {line.split(":")[0].strip() for line in lines} == {"lo"}


@pytest.fixture(scope="module")
def milvus_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not loopback_only():
        pytest.skip("the Milvus server binds every interface: run under scripts/netns-pytest.sh (loopback-only netns)")
    binary = Path(sys.executable).parent / "milvus-server"
    if not binary.exists():
        pytest.skip("the `milvus` package (milvus-server) is not installed")
    root = tmp_path_factory.mktemp("milvus-server")
    log = root / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(binary), "--data", str(root / "data"), "--proxy-port", str(PROXY_PORT)],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    uri = f"http://127.0.0.1:{PROXY_PORT}"
    try:
        version = wait_for_milvus(uri, process, log)
        print(f"Milvus server {version} at {uri}")
        yield uri
    finally:
        stop(process, group=True)


@pytest.fixture(scope="module")
def corpus(embedder: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    return demo_corpus(embedder, tmp_path_factory.mktemp("corpus"))


def test_index_search_and_hybrid_on_a_milvus_server(milvus_server: str, embedder: Any, tmp_path: Path) -> None:
    source = tmp_path / "docs"
    source.mkdir()
    for path in sorted(demo_corpus_dir().rglob("*.md"))[:8]:
        shutil.copy(path, source / path.name)
    settings = Settings(
        RAGDESK_MILVUS_URI=milvus_server,
        MILVUS_COLLECTION="server_chunks",
        RAGDESK_DATA_DIR=tmp_path / "data",
        MILVUS_INDEX_TYPE="HNSW",
    )
    from core.docstore import DocStore

    client = make_milvus_client(settings)
    report = run_index(settings, client, DocStore(make_engine(settings)), embedder, source_dir=source)
    assert report.chunks > 0 and count_chunks(client, settings) == report.chunks
    index = client.describe_index("server_chunks", "vector")
    assert index["index_type"] == "HNSW"
    fields = {f["name"] for f in client.describe_collection("server_chunks")["fields"]}
    bm25 = server_has_bm25(client)
    print(f"server {client.get_server_version()}: BM25 {'yes' if bm25 else 'no'}; fields {sorted(fields)}")

    # the server's own keyword search (KEYWORD_BACKEND=milvus): with the default in-process BM25,
    # whether a keyword call meets the index built in the background depends on timing
    retriever = Retriever(settings.model_copy(update={"keyword_backend": "milvus"}), client, embedder)
    question = "How do I return an item?"
    dense = retriever.search(question, k=3, mode="dense", dedupe_sections=False)
    hybrid = retriever.search(question, k=3, mode="hybrid", dedupe_sections=False)
    assert dense.chunks and hybrid.chunks
    if not bm25:
        # Milvus 2.3: no sparse field, no BM25 function; keyword search finds nothing, so hybrid
        # is the dense ranking alone.
        assert "sparse" not in fields
        assert retriever.search(question, k=3, mode="keyword", dedupe_sections=False).chunks == []
        assert [c.chunk_id for c in hybrid.chunks] == [c.chunk_id for c in dense.chunks]
    else:
        assert retriever.search(question, k=3, mode="keyword", dedupe_sections=False).chunks
    # the in-process BM25 (the default) finds keyword matches on either server once built
    in_process = Retriever(settings.model_copy(update={"keyword_backend": "memory"}), client, embedder)
    in_process.warm(wait=True)
    assert in_process.search(question, k=3, mode="keyword", dedupe_sections=False).chunks
    # a second run finds nothing to do (idempotent writes, deterministic ids)
    again = run_index(settings, client, DocStore(make_engine(settings)), embedder, source_dir=source)
    assert again.chunks == 0 and count_chunks(client, settings) == report.chunks
    client.close()


def test_tenants_share_a_collection_and_never_see_each_other(milvus_server: str, corpus: Any) -> None:
    def shop(name: str) -> Settings:
        return Settings(
            RAGDESK_MILVUS_URI=milvus_server,
            MILVUS_COLLECTION="shops",
            MILVUS_TENANT_FILTER=True,
            RAGDESK_TENANT=name,
            MILVUS_PARTITION_KEY_PARTITIONS=4,
        )

    a, b = shop("shop-a"), shop("shop-b")
    client = make_milvus_client(a)
    ensure_collection(client, a)
    ensure_collection(client, b)  # the same collection: created once
    key = [f for f in client.describe_collection("shops")["fields"] if f["name"] == "tenant"]
    assert key and key[0].get("is_partition_key") is True
    half = len(corpus.chunks) // 2
    upsert_chunks(client, a, corpus.chunks[:half], corpus.vectors[:half])
    # shop B holds the second half and the first chunk too: the same chunk id in two shops
    b_rows = [corpus.chunks[0], *corpus.chunks[half:]]
    import numpy as np

    upsert_chunks(client, b, b_rows, np.vstack([corpus.vectors[:1], corpus.vectors[half:]]))
    assert count_chunks(client, a) == half
    assert count_chunks(client, b) == len(b_rows)
    assert stored_ids(client, a) == {c.chunk_id for c in corpus.chunks[:half]}
    assert stored_ids(client, b) == {c.chunk_id for c in b_rows}

    a_docs = {c.doc_id for c in corpus.chunks[:half]}
    b_only = {c.chunk_id for c in corpus.chunks[half:]} - {c.chunk_id for c in corpus.chunks[:half]}
    for probe in corpus.probes:
        hits = Retriever(a, client, None).dense(probe, 20, "")  # type: ignore[arg-type]
        assert hits and {h.chunk_id for h in hits}.isdisjoint(b_only)
        assert {h.doc_id for h in hits} <= a_docs
    # the caller's own filter is combined with the tenant filter, never replaces it
    first_b_doc = corpus.chunks[half].doc_id
    hits = Retriever(a, client, None).dense(corpus.probes[0], 20, f'doc_id == "{first_b_doc}"')  # type: ignore[arg-type]
    assert hits == [] or first_b_doc in a_docs
    client.close()


def test_blue_green_rebuild_on_a_milvus_server_has_no_empty_results(milvus_server: str, corpus: Any) -> None:
    result = blue_green_across_a_switch(milvus_server, corpus)
    print(
        f"Milvus server blue/green: {result.queries} searches across the switch, {result.empty} empty, "
        f"{len(result.errors)} errors; {result.first} -> {result.second}, old dropped: {result.dropped}"
    )
    assert result.queries > 20
    assert result.empty == 0 and result.errors == []

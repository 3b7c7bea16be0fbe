"""EMBED_BASE_URL: vectors from an OpenAI-compatible /v1/embeddings service (a real server
process, tests/embed_server.py, serving the same packaged all-MiniLM-L6-v2) instead of the
in-process model, for the indexer and the query path alike."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pytest

from core.clients import make_embedder, make_engine, make_milvus_client
from core.embed_service import EmbeddingServiceError, ServiceEmbedder
from core.indexing import chunk_documents, make_chunker, plan_changes, scan_sources
from core.settings import REPO_ROOT, Settings
from tests.conftest import demo_corpus_dir, free_port

pytestmark = pytest.mark.slow
API_KEY = "emb-test-key"


@pytest.fixture(scope="module")
def embed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    log = tmp_path_factory.mktemp("embed") / "server.log"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO_ROOT)}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.embed_server", "--port", str(port), "--api-key", API_KEY],
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()[-3000:]
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def service_settings(url: str, **extra: Any) -> Settings:
    return Settings(EMBED_BASE_URL=f"{url}/v1", EMBED_API_KEY=API_KEY, EMBED_SERVICE_BATCH_SIZE=32, **extra)


def demo_chunks(settings: Settings, tokenizer: Any, count: int) -> list[Any]:
    sources = scan_sources(demo_corpus_dir())
    from core.docstore import DocStore

    docstore = DocStore(make_engine(settings))
    chunks = chunk_documents(plan_changes(settings, docstore, sources), make_chunker(settings, tokenizer))
    step = max(1, len(chunks) // count)
    return chunks[::step][:count]


def test_service_vectors_equal_the_in_process_model_on_100_chunks(
    embed_server: str, embedder: Any, tmp_path: Path
) -> None:
    settings = service_settings(embed_server, RAGDESK_DATA_DIR=str(tmp_path))
    remote = make_embedder(settings)
    assert isinstance(remote, ServiceEmbedder)
    chunks = demo_chunks(settings, remote.tokenizer, 100)
    assert len(chunks) == 100
    texts = [c.embed_text for c in chunks]
    before = len(httpx.get(f"{embed_server}/stats").json()["batches"])
    service = remote.embed(texts)
    local = embedder.embed(texts)
    cosines = np.sum(service * local, axis=1)
    print(f"embedding service vs in-process, 100 chunks: min cosine {cosines.min():.6f}, mean {cosines.mean():.6f}")
    assert service.shape == local.shape == (100, 384)
    assert cosines.min() >= 0.999
    assert np.allclose(np.linalg.norm(service, axis=1), 1.0, atol=1e-5)
    # batched: 100 texts in requests of EMBED_SERVICE_BATCH_SIZE
    assert httpx.get(f"{embed_server}/stats").json()["batches"][before:] == [32, 32, 32, 4]
    # token counting (chunking, prompt budgets) stays local and identical
    assert [remote.count_tokens(t) for t in texts[:10]] == [embedder.count_tokens(t) for t in texts[:10]]


def test_indexer_and_query_path_use_the_service(embed_server: str, embedder: Any, tmp_path: Path) -> None:
    from core.docstore import DocStore
    from core.indexing import run_index
    from core.retrieval import Retriever

    source = tmp_path / "docs"
    source.mkdir()
    for path in sorted(demo_corpus_dir().rglob("*.md"))[:6]:
        shutil.copy(path, source / path.name)
    settings = service_settings(
        embed_server, RAGDESK_DATA_DIR=str(tmp_path / "data"), RAGDESK_MILVUS_URI=str(tmp_path / "milvus.db")
    )
    remote = make_embedder(settings)
    client = make_milvus_client(settings)
    try:
        report = run_index(settings, client, DocStore(make_engine(settings)), remote, source_dir=source)
        assert report.chunks > 0
        question = "How do I return an item?"
        via_service = Retriever(settings, client, remote).search(question, k=3, mode="dense")
        in_process = Retriever(settings, client, embedder).search(question, k=3, mode="dense")
        assert [c.chunk_id for c in via_service.chunks] == [c.chunk_id for c in in_process.chunks]
        assert via_service.chunks and abs(via_service.chunks[0].score - in_process.chunks[0].score) < 1e-3
    finally:
        client.close()


def test_wrong_key_and_wrong_dimension_are_clear_errors(embed_server: str, tmp_path: Path) -> None:
    with pytest.raises(EmbeddingServiceError, match="401"):
        ServiceEmbedder.connect(service_settings(embed_server).model_copy(update={"embed_api_key": "wrong"}))
    with pytest.raises(EmbeddingServiceError, match="dimension 384"):
        ServiceEmbedder.connect(service_settings(embed_server, EMBED_DIM=512))
    with pytest.raises(EmbeddingServiceError, match="ConnectError"):
        ServiceEmbedder.connect(service_settings(f"http://127.0.0.1:{free_port()}"))

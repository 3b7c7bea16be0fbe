"""Issue 19, point 11: an index run that changes a document makes every cached answer unreachable
however the run was started: here without the Redis invalidation callback (as `ragdesk index`
in a shell without REDIS_URL), through the real app with a Redis response cache."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import httpx

from core.redis_server import temporary_redis
from core.settings import Settings
from core.testing.fake_llm import RIGHT_LAPTOP_ANSWER
from tests.conftest import ThreadedUvicorn, demo_corpus_dir, shared_embedder

PICK = "returns/electronics-returns.md"
LAPTOP = "Can I return a laptop after 45 days?"


def test_an_index_run_without_redis_still_retires_cached_answers(tmp_path: Path, embedder: Any, fake_llm: Any) -> None:
    from core.clients import make_engine, make_milvus_client
    from core.docstore import DocStore
    from core.indexing import run_index
    from serving.main import create_app

    docs = tmp_path / "docs"
    (docs / PICK).parent.mkdir(parents=True)
    shutil.copy(demo_corpus_dir() / PICK, docs / PICK)
    base = Settings(
        RAGDESK_MILVUS_URI=str(tmp_path / "milvus.db"),
        RAGDESK_DATA_DIR=tmp_path / "data",
        DOCS_SOURCE_DIR=docs,
        HF_HUB_OFFLINE=True,
        GATEWAY_REQUIRE_KEYS=False,
        GROUNDING_ENABLED=False,
        LLM_BASE_URL=fake_llm.url,
        LLM_MODEL="local",
        INDEX_GENERATION_CHECK_S=0.2,
        ANSWER_MODE="generate",  # composed answers are not cached; this test is about cached generations
    )
    docstore = DocStore(make_engine(base))
    run_index(base, make_milvus_client(base), docstore, embedder)  # no on_removed_chunks: no cache flush
    fake_llm.answer = RIGHT_LAPTOP_ANSWER
    with temporary_redis() as redis_server:
        settings = base.model_copy(update={"redis_url": redis_server.url, "cache_enabled": True})
        with shared_embedder(embedder), ThreadedUvicorn(create_app(settings)) as api:
            body = {"model": "ragdesk", "messages": [{"role": "user", "content": LAPTOP}]}

            def ask() -> str:
                response = httpx.post(f"{api.url}/v1/chat/completions", json=body, timeout=60)
                assert response.status_code == 200, response.text
                return response.headers["X-Cache"]

            assert ask() == "miss"
            assert ask().startswith("hit")
            generation = docstore.index_generation()
            path = docs / PICK
            path.write_text(path.read_text() + "\n\nLaptops bought in a sale can be returned within 14 days.\n")
            run_index(base, make_milvus_client(base), docstore, embedder)  # again without the callback
            assert docstore.index_generation() == generation + 1
            time.sleep(0.5)  # INDEX_GENERATION_CHECK_S
            assert ask() == "miss"  # before: a hit with the old text for the cache's 7-day TTL
            assert ask().startswith("hit")
            run_index(base, make_milvus_client(base), docstore, embedder)  # nothing changed
            assert docstore.index_generation() == generation + 1

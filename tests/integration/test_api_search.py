"""`/v1/search` and the health endpoints against the real demo collection."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from core.settings import Settings
from tests.conftest import ThreadedUvicorn, shared_embedder


def search(url: str, **body: Any) -> dict[str, Any]:
    response = httpx.post(f"{url}/v1/search", json=body, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def test_search_returns_ranked_chunks_with_sources(api_server: ThreadedUvicorn) -> None:
    result = search(api_server.url, question="Can I return a laptop after 45 days?")
    assert result["mode"] == "hybrid" and result["k"] == 5 and result["relevant"] is True
    hits = result["hits"]
    assert len(hits) == 5
    assert [h["rank"] for h in hits] == [1, 2, 3, 4, 5]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    for hit in hits:
        assert hit["text"] and hit["title"] and hit["doc_id"] and hit["chunk_id"]
        assert hit["url"].startswith(f"/docs/{hit['doc_id']}")
    assert any(h["doc_id"].startswith("returns/") for h in hits)
    assert set(result["timings"]) == {"embed_ms", "search_ms"}


@pytest.mark.parametrize("mode", ["dense", "keyword", "hybrid"])
def test_search_modes_and_k(api_server: ThreadedUvicorn, mode: str) -> None:
    result = search(api_server.url, question="gift card expiry", k=3, mode=mode)
    assert result["mode"] == mode
    assert len(result["hits"]) == 3
    assert any("gift" in h["doc_id"] for h in result["hits"])


def test_search_filters(api_server: ThreadedUvicorn) -> None:
    prefix = search(api_server.url, question="restocking fee", k=8, filters={"doc_id_prefix": "faq/"})
    assert prefix["hits"] and all(h["doc_id"].startswith("faq/") for h in prefix["hits"])
    one = search(api_server.url, question="restocking fee", filters={"doc_id": "returns/electronics-returns.md"})
    assert one["hits"] and {h["doc_id"] for h in one["hits"]} == {"returns/electronics-returns.md"}
    none = search(api_server.url, question="restocking fee", filters={"updated_after": 4_000_000_000})
    assert none["hits"] == [] and none["relevant"] is False


def test_off_topic_search_is_not_relevant(api_server: ThreadedUvicorn) -> None:
    assert search(api_server.url, question="Who painted the Mona Lisa?", mode="dense")["relevant"] is False


def test_health_and_ready(api_server: ThreadedUvicorn) -> None:
    assert httpx.get(f"{api_server.url}/health").json() == {"status": "ok"}
    ready = httpx.get(f"{api_server.url}/ready", timeout=10)
    assert ready.status_code == 200, ready.text
    body = ready.json()
    assert body["status"] == "ready" and body["failed"] == []
    assert body["checks"]["milvus"]["ok"] and body["checks"]["llm"]["ok"]


def test_ready_reports_a_missing_collection(api_settings: Settings, embedder: Any) -> None:
    from serving.main import create_app

    settings = api_settings.model_copy(update={"milvus_collection": "not_indexed_yet"})
    with shared_embedder(embedder), TestClient(create_app(settings)) as client:
        response = client.get("/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["milvus"]
    assert "not_indexed_yet" in body["checks"]["milvus"]["detail"]

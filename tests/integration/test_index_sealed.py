"""An index run leaves its rows sealed (flushed into an indexed segment): `milvus-lite server`
otherwise keeps them in an in-memory table it brute-force searches in Python on every request,
~10x the server CPU of a sealed search (bench/results/dense_variants.md)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from core.clients import make_engine, make_milvus_client
from core.collection import seal_collection
from core.docstore import DocStore
from core.indexing import run_index
from core.retrieval import Retriever
from core.settings import Settings


class Recording:
    """A MilvusClient that records the names of the write calls made through it."""

    def __init__(self, client: Any) -> None:
        self._client = client
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._client, name)
        if name in {"upsert", "insert", "delete", "flush"}:
            self.calls.append(name)
        return attr


def unsealed_rows(db: Path, collection: str) -> bool | None:
    """Whether Milvus Lite's on-disk manifest shows rows only in the write-ahead log (None where
    the layout is not Milvus Lite 3's)."""
    manifest = db / "collections" / collection / "manifest.json"
    if not manifest.is_file():
        return None
    partitions = json.loads(manifest.read_text())["partitions"]
    return not any(p.get("data_files") for p in partitions.values())


@pytest.mark.slow
def test_index_run_seals_its_writes(tmp_path: Path, small_corpus: Path, embedder: Any) -> None:
    settings = Settings(  # type: ignore[call-arg]
        RAGDESK_MILVUS_URI=str(tmp_path / "milvus.db"), RAGDESK_DATA_DIR=tmp_path / "data", DOCS_SOURCE_DIR=small_corpus
    )
    client = Recording(make_milvus_client(settings))
    report = run_index(settings, client, DocStore(make_engine(settings)), embedder)  # type: ignore[arg-type]
    assert report.write is not None and report.write.upserted > 0
    writes = client.calls
    assert writes[-1] == "flush" and "upsert" in writes, writes  # sealed after the last write
    assert unsealed_rows(tmp_path / "milvus.db", settings.milvus_collection) in (False, None)

    # an unchanged run seals too (rows an older version left unsealed), and search still answers
    client.calls.clear()
    again = run_index(settings, client, DocStore(make_engine(settings)), embedder)  # type: ignore[arg-type]
    assert again.write is None and client.calls == ["flush"]
    hits = Retriever(settings, client, embedder).search("How long do I have to return a laptop?").chunks  # type: ignore[arg-type]
    assert hits and all(h.text for h in hits)


def test_seal_collection_without_a_collection_or_a_working_flush(caplog: pytest.LogCaptureFixture) -> None:
    settings = Settings()  # type: ignore[call-arg]

    class Missing:
        def has_collection(self, name: str) -> bool:
            return False

    class RateLimited:
        def has_collection(self, name: str) -> bool:
            return True

        def flush(self, name: str) -> None:
            raise RuntimeError("rate limit exceeded")

    assert seal_collection(Missing(), settings) is False  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING):
        assert seal_collection(RateLimited(), settings) is False  # type: ignore[arg-type]
    assert "could not flush" in caplog.text

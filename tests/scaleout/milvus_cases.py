"""What the Milvus-server tests run, against any server URI: a real Milvus standalone server
(tests/milvus_server, in a loopback-only network namespace) or `milvus-lite server`."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from pymilvus import MilvusClient

from core.bluegreen import RebuildCheckFailed, alias_target, rebuild
from core.chunking import Chunk
from core.clients import make_engine, make_milvus_client
from core.collection import upsert_chunks
from core.indexing import chunk_documents, make_chunker, plan_changes, scan_sources
from core.retrieval import Retriever
from core.settings import Settings
from tests.conftest import demo_corpus_dir, free_port


@dataclass
class Corpus:
    chunks: list[Chunk]
    vectors: np.ndarray
    probes: list[np.ndarray]


def demo_corpus(embedder: Any, tmp: Path, documents: int = 8) -> Corpus:
    """Chunks and vectors of a few demo documents, embedded once."""
    from core.docstore import DocStore

    settings = Settings(RAGDESK_DATA_DIR=tmp)
    sources = scan_sources(demo_corpus_dir())[:documents]
    changes = plan_changes(settings, DocStore(make_engine(settings)), sources)
    chunks = chunk_documents(changes, make_chunker(settings, embedder.tokenizer))
    vectors = embedder.embed([c.embed_text for c in chunks])
    probes = [embedder.embed_one(q) for q in ("How do I return an item?", "delivery times", "payment methods")]
    return Corpus(chunks, vectors, probes)


def wait_for_milvus(uri: str, process: subprocess.Popen[bytes], log: Path, timeout_s: float = 180) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Milvus exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        with contextlib.suppress(Exception):
            client = MilvusClient(uri=uri, timeout=3)
            version = str(client.get_server_version())
            client.list_collections()
            client.close()
            return version
        time.sleep(1)
    raise RuntimeError(f"Milvus at {uri} did not answer within {timeout_s:.0f}s:\n{log.read_text()[-3000:]}")


def stop(process: subprocess.Popen[bytes], timeout_s: float = 60, group: bool = False) -> None:
    """Stop a server we started. `group`: it was started in its own session (start_new_session)
    and its children go too: `milvus-server` is a Python wrapper whose `milvus run standalone`
    child outlives a SIGTERM to the wrapper; SIGINT makes the wrapper stop it, then the group
    is killed in case anything is left."""
    if process.poll() is None:
        if group:
            process.send_signal(signal.SIGINT)
        else:
            process.terminate()
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    if group:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


@contextlib.contextmanager
def milvus_lite_server(data_dir: Path) -> Iterator[str]:
    port = free_port()
    log = data_dir / "milvus-lite.log"
    data_dir.mkdir(parents=True, exist_ok=True)
    argv = [str(Path(sys.executable).parent / "milvus-lite"), "server", "--data-dir", str(data_dir / "data")]
    argv += ["--host", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env={**os.environ})
    try:
        uri = f"http://127.0.0.1:{port}"
        wait_for_milvus(uri, process, log, timeout_s=60)
        yield uri
    finally:
        stop(process)


@dataclass
class SwitchResult:
    queries: int
    empty: int
    errors: list[str]
    first: str
    second: str
    dropped: bool


def blue_green_across_a_switch(uri: str, corpus: Corpus, alias: str = "live_chunks") -> SwitchResult:
    """Build blue behind `alias`, then rebuild green while a reader searches the alias in a loop;
    count searches that found nothing or failed."""
    settings = Settings(RAGDESK_MILVUS_URI=uri, MILVUS_COLLECTION=alias)
    writer = make_milvus_client(settings)

    def write(target: Settings) -> None:
        upsert_chunks(writer, target, corpus.chunks, corpus.vectors)

    first = rebuild(writer, settings, write, len(corpus.chunks), corpus.probes, drain_s=0.5)
    assert alias_target(writer, alias) == first.new_collection

    reader = make_milvus_client(settings)
    retriever = Retriever(settings, reader, None)  # type: ignore[arg-type]
    stop_reading = threading.Event()
    counts = {"queries": 0, "empty": 0}
    errors: list[str] = []

    def read() -> None:
        n = 0
        while not stop_reading.is_set():
            vector = corpus.probes[n % len(corpus.probes)]
            n += 1
            try:
                hits = retriever.dense(vector, 3, "")
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}"[:300])
                continue
            counts["queries"] += 1
            if not hits:
                counts["empty"] += 1

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    time.sleep(1.0)  # reading the blue collection
    second = rebuild(writer, settings, write, len(corpus.chunks), corpus.probes, drain_s=1.0)
    time.sleep(1.5)  # reading green, blue dropped
    stop_reading.set()
    thread.join(timeout=30)
    collections = set(writer.list_collections())
    assert first.new_collection not in collections and second.new_collection in collections
    assert alias_target(writer, alias) == second.new_collection

    # A failed check leaves everything as it was and removes the half-built collection.
    try:
        rebuild(writer, settings, write, len(corpus.chunks) + 1, corpus.probes, drain_s=0)
        raise AssertionError("a wrong row count must fail the rebuild")
    except RebuildCheckFailed:
        pass
    assert alias_target(writer, alias) == second.new_collection
    assert set(writer.list_collections()) == collections
    reader.close()
    writer.close()
    return SwitchResult(
        counts["queries"], counts["empty"], errors, first.new_collection, second.new_collection, second.dropped
    )

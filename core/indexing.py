"""The indexing pipeline as plain functions. Dagster assets call them step by step; the CLI calls
`run_index`, which chains the same steps with a progress callback.

Order of writes when a document changes: new chunks are upserted first, then the chunks it no
longer has are deleted, and only then is the document store updated. A query in between finds
the old or the new chunks (briefly both), never neither; a failure before the docstore update
leaves the document marked changed, so the next run redoes it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from core import schema as S
from core.adaptation import model_identity
from core.chunking import CHUNKING_VERSION, Chunk, Chunker
from core.collection import (
    count_chunks,
    delete_chunks,
    ensure_collection,
    has_field,
    seal_collection,
    stored_ids,
    upsert_chunks,
)
from core.docstore import ChunkRow, DocStore, DocumentRow, IndexRunRow
from core.keywords import ANALYSIS_VERSION
from core.loaders import LOADER_VERSION, SUPPORTED_SUFFIXES, Document, LoadError, content_hash, load_document
from core.schema import document_id
from core.sentences import RULE_VERSION as SENTENCE_RULE_VERSION
from core.settings import Settings
from core.untrusted import load_screen

if TYPE_CHECKING:
    from pymilvus import MilvusClient

    from core.embedder import Embedder

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class SourceFile:
    doc_id: str
    path: Path


@dataclass(frozen=True)
class LoadFailure:
    doc_id: str
    path: str
    message: str


@dataclass
class ChangeSet:
    loaded: list[Document] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    changed_ids: list[str] = field(default_factory=list)
    deleted: dict[str, tuple[str, ...]] = field(default_factory=dict)
    previous_chunk_ids: dict[str, tuple[str, ...]] = field(default_factory=dict)
    failures: list[LoadFailure] = field(default_factory=list)
    unchanged: int = 0
    total_sources: int = 0
    resync: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.loaded and not self.deleted and not self.resync


@dataclass(frozen=True)
class UntrustedChunk:
    chunk_id: str
    doc_id: str
    section: str
    reasons: tuple[str, ...]


@dataclass
class WriteResult:
    upserted: int
    deleted_chunk_ids: list[str]
    collection_count: int
    docstore_chunk_count: int
    untrusted: list[UntrustedChunk] = field(default_factory=list)  # what the screen matched this run
    untrusted_action: str = "off"  # "flag" (stored, marked, never searched), "reject" (not stored) or "off"


def screen_chunks(settings: Settings, chunks: list[Chunk]) -> list[UntrustedChunk]:
    """The chunks the untrusted-content screen (core/untrusted.py) matches, with its reasons."""
    screen = load_screen(settings)
    found = []
    for chunk in chunks:
        hits = screen.hits(f"{chunk.title}\n{chunk.section}\n{chunk.text}")  # a heading can carry orders too
        if hits:
            found.append(UntrustedChunk(chunk.chunk_id, chunk.doc_id, chunk.section, tuple(h.describe() for h in hits)))
    return found


@dataclass
class IndexReport:
    changeset: ChangeSet
    chunks: int
    tokens: int
    embed_seconds: float
    write: WriteResult | None
    total_seconds: float

    def summary_lines(self) -> list[str]:
        c = self.changeset
        lines = [
            f"sources: {c.total_sources}  new: {len(c.new_ids)}  changed: {len(c.changed_ids)}  "
            f"deleted: {len(c.deleted)}  unchanged: {c.unchanged}  failed: {len(c.failures)}"
            + ("  (full resync: collection and document store disagreed)" if c.resync else ""),
            f"chunks embedded: {self.chunks}  tokens: {self.tokens}  embedding: {self.embed_seconds:.1f}s  "
            f"total: {self.total_seconds:.1f}s",
        ]
        if self.write is not None:
            lines.append(
                f"collection: {self.write.collection_count} chunks  upserted: {self.write.upserted}  "
                f"removed: {len(self.write.deleted_chunk_ids)}"
            )
            if self.write.untrusted:
                verb = "flagged (stored, never searched)" if self.write.untrusted_action == "flag" else "rejected"
                lines.append(f"untrusted chunks {verb}: {len(self.write.untrusted)}")
                lines.extend(f"UNTRUSTED {u.doc_id} > {u.section}: {u.reasons[0]}" for u in self.write.untrusted)
        lines.extend(f"FAILED {f.doc_id}: {f.message}" for f in c.failures)
        return lines


def scan_sources(source_dir: Path) -> list[SourceFile]:
    if not source_dir.is_dir():
        raise FileNotFoundError(f"document folder {source_dir} does not exist")
    files: list[SourceFile] = []
    for path in sorted(source_dir.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        files.append(SourceFile(document_id(path.relative_to(source_dir).as_posix()), path))
    return files


FINGERPRINT_KEY = "index_fingerprint"
EMBEDDER_KEY = "embedder"


def embedder_identity(settings: Settings) -> str:
    """What computed the stored vectors: the model and the runtime (EMBED_BACKEND, or the
    embedding service). Queries must be embedded by the same."""
    runtime = "service" if settings.embed_base_url else settings.embed_backend
    return f"{settings.embed_model_path or settings.embed_model}|{runtime}"


def index_embedder_mismatch(settings: Settings, docstore: DocStore) -> str | None:
    """Why queries embedded with these settings do not belong with the stored vectors, or None.
    An index from before the embedder was recorded counts as built by torch."""
    if docstore.document_count() == 0:
        return None
    stored = docstore.get_meta(EMBEDDER_KEY) or f"{settings.embed_model_path or settings.embed_model}|torch"
    wanted = embedder_identity(settings)
    if stored == wanted:
        return None
    return f"the index was embedded by {stored}, queries would be embedded by {wanted}: re-run the indexer"


def index_fingerprint(settings: Settings) -> str:
    """What the stored chunks depend on besides the documents: the embedder (model and runtime),
    the chunking and the keyword analysis. When it changes, every document is re-indexed."""
    parts = {
        "embed_model": settings.embed_model,
        "embed_dim": settings.embed_dim,
        "embed_max_tokens": settings.embed_max_tokens,
        "embedder": embedder_identity(settings),
        "chunk_size": settings.effective_chunk_size,
        "chunk_overlap": settings.chunk_overlap,
        "sentence_rule": SENTENCE_RULE_VERSION,
        "chunking": CHUNKING_VERSION,
        "loader": LOADER_VERSION,
        "keyword_analysis": ANALYSIS_VERSION,
        "keyword_bigrams": settings.keyword_bigrams,
        "keyword_heading_weight": settings.keyword_heading_weight,
    }
    if settings.index_untrusted != "off":  # new rules re-screen every document
        parts["untrusted"] = f"{settings.index_untrusted}:{load_screen(settings).version}"
    if settings.embed_model_path:  # a local (e.g. adapted) model: its weights decide the vectors
        parts["embed_model_path"] = model_identity(Path(settings.embed_model_path))
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def settings_changed(settings: Settings, docstore: DocStore) -> bool:
    return docstore.document_count() > 0 and docstore.get_meta(FINGERPRINT_KEY) != index_fingerprint(settings)


def needs_resync(client: MilvusClient, settings: Settings, docstore: DocStore) -> bool:
    """True when the collection and the document store disagree (a wiped or new collection,
    a half-finished earlier run) or the index settings changed: every document is then
    re-indexed."""
    if settings_changed(settings, docstore):
        log.warning(
            "index settings changed since the last run (embedder, chunking or keywords): re-indexing all documents"
        )
        return True
    if not client.has_collection(settings.milvus_collection):
        return docstore.document_count() > 0
    return count_chunks(client, settings) != docstore.chunk_count()


def plan_changes(settings: Settings, docstore: DocStore, sources: list[SourceFile], resync: bool = False) -> ChangeSet:
    stored = docstore.documents()
    changes = ChangeSet(total_sources=len(sources), resync=resync)
    present: set[str] = set()
    for source in sources:
        present.add(source.doc_id)
        previous = stored.get(source.doc_id)
        try:
            if source.path.stat().st_size > settings.max_document_bytes:
                data = None  # load_document reports the size without reading the file
            else:
                data = source.path.read_bytes()
                if previous is not None and not resync and content_hash(data) == previous.content_hash:
                    changes.unchanged += 1
                    continue
            document = load_document(source.path, source.doc_id, settings.max_document_bytes, data=data)
        except (LoadError, OSError) as exc:
            message = str(exc)
            changes.failures.append(LoadFailure(source.doc_id, str(source.path), message))
            log.warning("skipped %s: %s (its previously indexed version, if any, is kept)", source.doc_id, message)
            continue
        changes.loaded.append(document)
        if previous is None:
            changes.new_ids.append(source.doc_id)
        else:
            changes.changed_ids.append(source.doc_id)
            changes.previous_chunk_ids[source.doc_id] = previous.chunk_ids
    for doc_id, previous in stored.items():
        if doc_id not in present:
            changes.deleted[doc_id] = previous.chunk_ids
    return changes


def chunk_documents(changes: ChangeSet, chunker: Chunker) -> list[Chunk]:
    chunks: list[Chunk] = []
    for document in changes.loaded:
        chunks.extend(chunker.chunk(document))
    return chunks


def embed_chunks(chunks: list[Chunk], embedder: Embedder, progress: Progress | None = None) -> tuple[np.ndarray, float]:
    """One vector per chunk, in the chunks' order. The chunks are handed to the embedder in
    groups of similar length (longest first, by their token count and heading), so each group's
    batches pad little; a chunk's vector does not depend on its batch-mates."""
    start = time.perf_counter()
    vectors = np.zeros((len(chunks), embedder.dim), dtype=np.float32)
    order = sorted(range(len(chunks)), key=lambda i: -(chunks[i].token_count + len(chunks[i].heading) // 4))
    step = max(embedder.batch_size * 4, 1)
    for offset in range(0, len(order), step):
        group = order[offset : offset + step]
        vectors[group] = embedder.embed([chunks[i].embed_text for i in group])
        if progress:
            progress("embed", min(offset + step, len(chunks)), len(chunks))
    return vectors, time.perf_counter() - start


def write_collection(
    client: MilvusClient,
    settings: Settings,
    docstore: DocStore,
    changes: ChangeSet,
    chunks: list[Chunk],
    vectors: np.ndarray,
) -> WriteResult:
    ensure_collection(client, settings)
    untrusted = screen_chunks(settings, chunks) if settings.index_untrusted != "off" else []
    action = settings.index_untrusted
    marked: set[str] | None = None
    if has_field(client, settings.milvus_collection, S.UNTRUSTED):
        marked = {u.chunk_id for u in untrusted} if action == "flag" else set()
    elif untrusted and action == "flag":
        # A collection created before the field cannot mark a chunk: it is not stored (as with
        # reject) until the collection is rebuilt (README "Hostile documents").
        log.warning(
            "collection %r has no %r field: %d untrusted chunks are rejected instead of flagged; rebuild the "
            "collection to keep them flagged",
            settings.milvus_collection,
            S.UNTRUSTED,
            len(untrusted),
        )
        action = "reject"
    for item in untrusted:
        log.warning("untrusted chunk %s of %s (%s): %s", item.chunk_id, item.doc_id, action, "; ".join(item.reasons))
    if action == "reject" and untrusted:
        dropped = {u.chunk_id for u in untrusted}
        kept = [i for i, c in enumerate(chunks) if c.chunk_id not in dropped]
        chunks = [chunks[i] for i in kept]
        vectors = vectors[kept] if len(vectors) else vectors
    upserted = upsert_chunks(client, settings, chunks, vectors, marked)
    new_ids = {c.chunk_id for c in chunks}
    stale: set[str] = set()
    for old_ids in changes.previous_chunk_ids.values():
        stale.update(old_ids)
    for old_ids in changes.deleted.values():
        stale.update(old_ids)
    if changes.resync:
        # Whatever the collection holds beyond the new chunks and the unchanged documents' chunks.
        keep = new_ids | docstore.all_chunk_ids() - stale
        stale |= stored_ids(client, settings) - keep
    stale -= new_ids
    delete_chunks(client, settings, sorted(stale))
    seal_collection(client, settings)  # unsealed rows cost Milvus Lite ~10x per search
    documents = [
        DocumentRow(
            doc_id=d.doc_id,
            source_path=d.source_path,
            title=d.title,
            content_hash=d.content_hash,
            size_bytes=d.size_bytes,
            updated_at=d.updated_at,
            indexed_at=time.time(),
            chunk_count=sum(1 for c in chunks if c.doc_id == d.doc_id),
            token_count=sum(c.token_count for c in chunks if c.doc_id == d.doc_id),
            error="",
        )
        for d in changes.loaded
    ]
    rows = [
        ChunkRow(
            chunk_id=c.chunk_id,
            doc_id=c.doc_id,
            position=c.position,
            section=c.section,
            text=c.text,
            token_count=c.token_count,
            content_hash=c.content_hash,
        )
        for c in chunks
    ]
    docstore.replace_documents(documents, rows, changes.deleted.keys())
    docstore.set_meta(FINGERPRINT_KEY, index_fingerprint(settings))
    docstore.set_meta(EMBEDDER_KEY, embedder_identity(settings))
    for failure in changes.failures:
        docstore.record_error(failure.doc_id, failure.path, failure.message)
    return WriteResult(
        upserted=upserted,
        deleted_chunk_ids=sorted(stale),
        collection_count=count_chunks(client, settings),
        docstore_chunk_count=docstore.chunk_count(),
        untrusted=untrusted,
        untrusted_action=action,
    )


@contextmanager
def writer_lock(settings: Settings, timeout_s: float = 600) -> Iterator[None]:
    """One index writer at a time on this machine (the CLI, a sensor run and a scheduled run may
    start together)."""
    from filelock import FileLock

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(settings.data_dir / "index.lock"), timeout=timeout_s):
        yield


def make_chunker(settings: Settings, tokenizer: object) -> Chunker:
    def tokenize(text: str) -> list[int]:
        # verbose=False: sections longer than the model window are only being counted here.
        return list(tokenizer.encode(text, add_special_tokens=False, verbose=False))  # type: ignore[attr-defined]

    return Chunker(settings.effective_chunk_size, settings.chunk_overlap, tokenize, settings.heading_token_allowance)


def run_index(
    settings: Settings,
    client: MilvusClient,
    docstore: DocStore,
    embedder: Embedder,
    source_dir: Path | None = None,
    progress: Progress | None = None,
    on_removed_chunks: Callable[[list[str]], object] | None = None,
) -> IndexReport:
    started = time.time()
    with writer_lock(settings):
        sources = scan_sources(source_dir or settings.docs_source_dir)
        resync = needs_resync(client, settings, docstore)
        changes = plan_changes(settings, docstore, sources, resync=resync)
        if progress:
            progress("scan", len(sources), len(sources))
        if changes.is_empty:
            seal_collection(client, settings)  # rows an older version left unsealed
            report = IndexReport(changes, 0, 0, 0.0, None, time.time() - started)
        else:
            with ThreadPoolExecutor(1, thread_name_prefix="index-collection") as pool:
                # Creating a missing collection waits for its index build (pymilvus polls: ~1 s
                # on Milvus Lite): done while the chunks are cut and embedded, not after.
                collection = pool.submit(ensure_collection, client, settings)
                chunks = chunk_documents(changes, make_chunker(settings, embedder.tokenizer))
                vectors, embed_seconds = embed_chunks(chunks, embedder, progress)
                collection.result()
            write = write_collection(client, settings, docstore, changes, chunks, vectors)
            if on_removed_chunks and write.deleted_chunk_ids:
                on_removed_chunks(write.deleted_chunk_ids)
            report = IndexReport(
                changes, len(chunks), sum(c.token_count for c in chunks), embed_seconds, write, time.time() - started
            )
        docstore.record_run(
            IndexRunRow(
                started_at=started,
                finished_at=time.time(),
                docs_new=len(changes.new_ids),
                docs_changed=len(changes.changed_ids),
                docs_deleted=len(changes.deleted),
                docs_failed=len(changes.failures),
                chunks_upserted=report.chunks,
                chunks_deleted=len(report.write.deleted_chunk_ids) if report.write else 0,
                embed_seconds=report.embed_seconds,
                total_seconds=report.total_seconds,
            )
        )
    return report

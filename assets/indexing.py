"""Indexing assets: source documents -> chunks -> embeddings -> the Milvus collection.

Thin wrappers over core.indexing: each asset calls one step and reports what it did as metadata
the Dagster UI shows. Only new and changed documents flow downstream; deleted documents travel
in the change set so the collection step removes their chunks.
"""

from dataclasses import dataclass

import dagster as dg
import numpy as np

from core.chunking import Chunk
from core.collection import collection_dim, count_chunks
from core.dagster_resources import DocStoreResource, EmbedderResource, MilvusResource, SettingsResource
from core.embedder import load_tokenizer
from core.indexing import (
    ChangeSet,
    chunk_documents,
    embed_chunks,
    make_chunker,
    needs_resync,
    plan_changes,
    scan_sources,
    screen_chunks,
    write_collection,
    writer_lock,
)

GROUP = "indexing"


@dataclass
class EmbeddedChunks:
    chunks: list[Chunk]
    vectors: np.ndarray
    model: str
    seconds: float


@dg.asset(
    group_name=GROUP,
    kinds={"python", "sqlite"},
    description="Documents read from the source folder (.md, .html, .pdf, .txt), diffed by content hash "
    "against the document store: new and changed documents parsed into titled sections, deleted ones listed.",
)
def source_documents(
    context: dg.AssetExecutionContext,
    settings: SettingsResource,
    milvus: MilvusResource,
    docstore: DocStoreResource,
) -> dg.Output[ChangeSet]:
    config = settings.get()
    sources = scan_sources(config.docs_source_dir)
    resync = needs_resync(milvus.client(), config, docstore.store())
    changes = plan_changes(config, docstore.store(), sources, resync=resync)
    for failure in changes.failures:
        context.log.warning(f"skipped {failure.doc_id}: {failure.message} (a previously indexed version is kept)")
    return dg.Output(
        changes,
        metadata={
            "source_folder": str(config.docs_source_dir),
            "documents": len(sources),
            "new": len(changes.new_ids),
            "changed": len(changes.changed_ids),
            "deleted": len(changes.deleted),
            "unchanged": changes.unchanged,
            "failed": len(changes.failures),
            "failures": dg.MetadataValue.md(
                "\n".join(f"- `{f.doc_id}`: {f.message}" for f in changes.failures) or "none"
            ),
            "full_resync": resync,
        },
    )


@dg.asset(
    group_name=GROUP,
    kinds={"python", "llamaindex"},
    description="Heading-aware, token-aware chunks (llama-index SentenceSplitter, embedder tokenizer) of the new "
    "and changed documents, with deterministic ids, section paths and positions.",
)
def document_chunks(settings: SettingsResource, source_documents: ChangeSet) -> dg.Output[list[Chunk]]:
    config = settings.get()
    chunks = chunk_documents(source_documents, make_chunker(config, load_tokenizer(config)))
    tokens = [c.token_count for c in chunks]
    untrusted = screen_chunks(config, chunks)
    return dg.Output(
        chunks,
        metadata={
            "untrusted_chunks": len(untrusted),
            "chunks": len(chunks),
            "tokens": int(sum(tokens)),
            "max_chunk_tokens": int(max(tokens, default=0)),
            "mean_chunk_tokens": float(np.mean(tokens)) if tokens else 0.0,
            "chunk_size_limit": config.effective_chunk_size,
            "chunk_overlap": config.chunk_overlap,
        },
    )


@dg.asset(
    group_name=GROUP,
    kinds={"python", "pytorch"},
    description="Unit-length embeddings of each chunk's heading line and text (sentence-transformers on CPU).",
)
def chunk_embeddings(embedder: EmbedderResource, document_chunks: list[Chunk]) -> dg.Output[EmbeddedChunks]:
    model = embedder.embedder()
    vectors, seconds = embed_chunks(document_chunks, model)
    return dg.Output(
        EmbeddedChunks(document_chunks, vectors, model.name, seconds),
        metadata={
            "chunks": len(document_chunks),
            "model": model.name,
            "dimension": model.dim,
            "embedding_seconds": round(seconds, 2),
            "chunks_per_second": round(len(document_chunks) / seconds, 1) if seconds > 0 else 0.0,
        },
    )


@dg.asset(
    group_name=GROUP,
    kinds={"milvus"},
    description="The Milvus collection the query API searches: new chunks upserted, chunks that changed or "
    "deleted documents no longer have removed, then the document store updated; cached answers citing "
    "removed chunks are invalidated. Chunks the untrusted-content screen matches are stored marked and "
    "never searched (INDEX_UNTRUSTED=flag) or not stored (reject).",
)
def support_collection(
    context: dg.AssetExecutionContext,
    settings: SettingsResource,
    milvus: MilvusResource,
    docstore: DocStoreResource,
    source_documents: ChangeSet,
    chunk_embeddings: EmbeddedChunks,
) -> dg.MaterializeResult:
    config = settings.get()
    with writer_lock(config):
        result = write_collection(
            milvus.client(),
            config,
            docstore.store(),
            source_documents,
            chunk_embeddings.chunks,
            chunk_embeddings.vectors,
        )
    invalidated = invalidate_cached_answers(settings, result.deleted_chunk_ids)
    context.log.info(f"upserted {result.upserted}, removed {len(result.deleted_chunk_ids)} chunks")
    return dg.MaterializeResult(
        metadata={
            "collection": config.milvus_collection,
            "milvus_uri": config.milvus_uri,
            "collection_chunks": result.collection_count,
            "upserted": result.upserted,
            "removed_chunks": len(result.deleted_chunk_ids),
            "cached_answers_invalidated": invalidated,
            "documents_changed": len(source_documents.changed_ids),
            "documents_new": len(source_documents.new_ids),
            "documents_deleted": len(source_documents.deleted),
            # the untrusted-content screen (core/untrusted.py): chunks that give orders to an AI or
            # ask customers for secrets, stored marked and never searched (flag) or not stored (reject)
            "untrusted_action": result.untrusted_action,
            "untrusted_chunks": len(result.untrusted),
            "untrusted": dg.MetadataValue.md(
                "\n".join(f"- `{u.doc_id}` > {u.section or '(top)'}: {u.reasons[0]}" for u in result.untrusted)
                or "none"
            ),
        }
    )


def invalidate_cached_answers(settings: SettingsResource, chunk_ids: list[str]) -> int:
    """Drop cached answers citing removed chunks from the response cache in Redis."""
    if not chunk_ids:
        return 0
    from core.answer_cache import invalidation_callback

    callback = invalidation_callback(settings.get())
    return int(callback(chunk_ids))


@dg.asset_check(asset=document_chunks, blocking=True, description="Every chunk id appears once.")
def chunk_ids_unique(document_chunks: list[Chunk]) -> dg.AssetCheckResult:
    ids = [c.chunk_id for c in document_chunks]
    duplicates = len(ids) - len(set(ids))
    return dg.AssetCheckResult(passed=duplicates == 0, metadata={"duplicates": duplicates})


@dg.asset_check(asset=document_chunks, blocking=True, description="No chunk is empty or whitespace.")
def no_empty_chunks(document_chunks: list[Chunk]) -> dg.AssetCheckResult:
    empty = [c.chunk_id for c in document_chunks if not c.text.strip()]
    return dg.AssetCheckResult(passed=not empty, metadata={"empty_chunks": len(empty)})


@dg.asset_check(
    asset=chunk_embeddings, blocking=True, description="Embedding dimension matches the collection and the settings."
)
def embedding_dim_matches_collection(
    settings: SettingsResource, milvus: MilvusResource, chunk_embeddings: EmbeddedChunks
) -> dg.AssetCheckResult:
    config = settings.get()
    vector_dim = int(chunk_embeddings.vectors.shape[1]) if chunk_embeddings.vectors.ndim == 2 else config.embed_dim
    existing = collection_dim(milvus.client(), config.milvus_collection)
    passed = vector_dim == config.embed_dim and existing in (None, config.embed_dim)
    finite = bool(np.isfinite(chunk_embeddings.vectors).all())
    return dg.AssetCheckResult(
        passed=passed and finite,
        metadata={
            "vector_dim": vector_dim,
            "settings_dim": config.embed_dim,
            "collection_dim": existing or -1,
            "all_finite": finite,
        },
    )


@dg.asset_check(
    asset=support_collection, description="The collection holds exactly the chunks the document store lists."
)
def collection_count_matches_docstore(
    settings: SettingsResource, milvus: MilvusResource, docstore: DocStoreResource
) -> dg.AssetCheckResult:
    config = settings.get()
    in_collection = count_chunks(milvus.client(), config)
    in_store = docstore.store().chunk_count()
    return dg.AssetCheckResult(
        passed=in_collection == in_store,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"collection_chunks": in_collection, "docstore_chunks": in_store},
    )


INDEXING_ASSETS = [source_documents, document_chunks, chunk_embeddings, support_collection]
INDEXING_CHECKS = [
    chunk_ids_unique,
    no_empty_chunks,
    embedding_dim_matches_collection,
    collection_count_matches_docstore,
]

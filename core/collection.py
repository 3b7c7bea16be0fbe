"""Operations on the Milvus collection: create from the schema contract, upsert, delete, count."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import numpy as np
from pymilvus import MilvusClient

from core import schema as S
from core.chunking import Chunk
from core.keywords import document_keywords
from core.settings import Settings
from core.tenancy import chunk_id_of, row_id, scoped, server_has_bm25, server_upserts_by_partition_key

UPSERT_BATCH = 256
log = logging.getLogger(__name__)


class CollectionMismatchError(RuntimeError):
    """The existing collection does not match the settings (dimension, fields)."""


def collection_dim(client: MilvusClient, name: str) -> int | None:
    if not client.has_collection(name):
        return None
    for field in client.describe_collection(name)["fields"]:
        if field["name"] == S.VECTOR:
            return int(field["params"]["dim"])
    return None


def has_field(client: MilvusClient, name: str, field: str) -> bool:
    """Whether the collection (or alias) `name` has `field` (False when it does not exist)."""
    if not client.has_collection(name):
        return False
    return field in {f["name"] for f in client.describe_collection(name)["fields"]}


def ensure_collection(client: MilvusClient, settings: Settings) -> bool:
    """Create the collection if it is missing; return True if it was created. Never drops an
    existing collection: a mismatch is an error for a person to resolve."""
    name = settings.milvus_collection
    if client.has_collection(name):
        dim = collection_dim(client, name)
        if dim != settings.embed_dim:
            raise CollectionMismatchError(
                f"collection {name!r} has vectors of dimension {dim}, settings say {settings.embed_dim}; "
                "use another MILVUS_COLLECTION or drop it deliberately"
            )
        fields = {f["name"] for f in client.describe_collection(name)["fields"]}
        required = {S.ID, S.VECTOR, S.TEXT, S.KEYWORDS, S.DOC_ID}
        if server_has_bm25(client):
            required.add(S.SPARSE)
        if settings.milvus_tenant_filter:
            required.add(S.TENANT)
        missing = required - fields
        if missing:
            hint = " (MILVUS_TENANT_FILTER needs a collection created with it on)" if S.TENANT in missing else ""
            raise CollectionMismatchError(f"collection {name!r} lacks fields {sorted(missing)}{hint}")
        client.load_collection(name)
        return False
    create_collection(client, settings, name)
    return True


def create_collection(client: MilvusClient, settings: Settings, name: str) -> None:
    """A new, loaded collection from the schema contract; BM25 only where the server has it."""
    bm25 = server_has_bm25(client)
    kwargs: dict[str, Any] = {}
    if settings.milvus_tenant_filter:
        kwargs["num_partitions"] = settings.milvus_partition_key_partitions
    client.create_collection(
        name,
        schema=S.build_schema(settings, bm25=bm25),
        index_params=S.build_index_params(settings, bm25=bm25),
        consistency_level="Strong",
        **kwargs,
    )
    client.load_collection(name)


def chunk_rows(
    chunks: Sequence[Chunk], vectors: np.ndarray, settings: Settings, untrusted: set[str] | None = None
) -> list[dict[str, Any]]:
    """Rows for Milvus; `untrusted` (the flagged chunk ids) sets the UNTRUSTED field, None leaves
    it out (a collection created before the field)."""
    if len(chunks) != len(vectors):
        raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors")
    tenant = {S.TENANT: settings.tenant} if settings.milvus_tenant_filter else {}
    return [
        {
            **tenant,
            **({S.UNTRUSTED: c.chunk_id in untrusted} if untrusted is not None else {}),
            S.ID: row_id(settings, c.chunk_id),
            S.VECTOR: v.tolist(),
            S.TEXT: c.text[: S.MAX_TEXT_CHARS],
            S.KEYWORDS: document_keywords(c.heading, c.text, settings.keyword_bigrams, settings.keyword_heading_weight)[
                : S.MAX_TEXT_CHARS * 4
            ],
            S.DOC_ID: c.doc_id,
            S.TITLE: c.title[:1000],
            S.SECTION: c.section[:2000],
            S.SOURCE: c.source[:2000],
            S.POSITION: c.position,
            S.CONTENT_HASH: c.content_hash,
            S.UPDATED_AT: c.updated_at,
        }
        for c, v in zip(chunks, vectors, strict=True)
    ]


def upsert_chunks(
    client: MilvusClient,
    settings: Settings,
    chunks: Sequence[Chunk],
    vectors: np.ndarray,
    untrusted: set[str] | None = None,
) -> int:
    """Upsert the chunks; `untrusted`: see `chunk_rows` (None on a collection without the field)."""
    if untrusted is None and has_field(client, settings.milvus_collection, S.UNTRUSTED):
        untrusted = set()
    rows = chunk_rows(chunks, vectors, settings, untrusted)
    # Milvus 2.3.5's upsert ignores the partition key (rows land in hash(primary key)'s partition,
    # so a tenant's filtered count sees a quarter of them): delete + insert there instead.
    replace = settings.milvus_tenant_filter and not server_upserts_by_partition_key(client)
    for start in range(0, len(rows), UPSERT_BATCH):
        batch = rows[start : start + UPSERT_BATCH]
        if replace:
            client.delete(settings.milvus_collection, ids=[row[S.ID] for row in batch])
            client.insert(settings.milvus_collection, batch)
        else:
            client.upsert(settings.milvus_collection, batch)
    return len(rows)


def delete_chunks(client: MilvusClient, settings: Settings, chunk_ids: Sequence[str]) -> int:
    ids = [row_id(settings, chunk_id) for chunk_id in chunk_ids]
    for start in range(0, len(ids), 500):
        client.delete(settings.milvus_collection, ids=ids[start : start + 500])
    return len(ids)


def seal_collection(client: MilvusClient, settings: Settings) -> bool:
    """Flush the collection's buffered writes into a sealed, indexed segment (after an index run).

    `milvus-lite server` keeps written rows in an in-memory table until it holds 128 MiB (the demo
    corpus never gets there) and searches that table by brute force in Python on every request,
    after rebuilding its arrays: 22 ms of server CPU per dense search over the 757 demo chunks,
    2 ms once they are sealed into a segment with its HNSW index (bench/results/dense_variants.md).
    A Milvus server seals segments by itself; a flush there only does it sooner. The rows are
    written either way, so a failed flush (a server's flush rate limit) is logged, not raised.
    False when there is no collection or the flush failed."""
    name = settings.milvus_collection
    try:
        if not client.has_collection(name):
            return False
        client.flush(name)
    except Exception:
        log.warning("could not flush collection %r; searches read its unsealed rows more slowly", name, exc_info=True)
        return False
    return True


def open_collection(client: MilvusClient, settings: Settings) -> bool:
    """Load the collection for reading (needed after a Milvus Lite file is reopened). False if
    it does not exist."""
    if not client.has_collection(settings.milvus_collection):
        return False
    client.load_collection(settings.milvus_collection)
    return True


def count_chunks(client: MilvusClient, settings: Settings) -> int:
    if not open_collection(client, settings):
        return 0
    result = client.query(
        settings.milvus_collection,
        filter=scoped(settings, ""),
        output_fields=["count(*)"],
        consistency_level="Strong",
    )
    return int(result[0]["count(*)"]) if result else 0


def stored_ids(client: MilvusClient, settings: Settings, doc_id: str | None = None) -> set[str]:
    """Every chunk id in the collection (or of one document), by paging through a query."""
    if not open_collection(client, settings):
        return set()
    expr = f'{S.DOC_ID} == "{escape(doc_id)}"' if doc_id is not None else f'{S.ID} != ""'
    ids: set[str] = set()
    iterator = client.query_iterator(
        settings.milvus_collection, batch_size=1000, filter=scoped(settings, expr), output_fields=[S.ID]
    )
    try:
        while True:
            page = iterator.next()
            if not page:
                break
            ids.update(chunk_id_of(row[S.ID]) for row in page)
    finally:
        iterator.close()
    return ids


def escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')

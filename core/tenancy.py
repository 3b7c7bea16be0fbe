"""Several shops in one Milvus collection (MILVUS_TENANT_FILTER): each row carries its tenant in a
partition-key field, its primary key is "<tenant>:<chunk id>" (two shops with the same document
never overwrite each other), and every search and query of this process is filtered to its own
tenant (RAGDESK_TENANT). The filter is added where the collection code and the retriever build
their expressions, so no caller can leave it out. Also: what the server can do (BM25)."""

from __future__ import annotations

import re

from pymilvus import MilvusClient

from core import schema as S
from core.settings import Settings

_VERSION = re.compile(r"v?(\d+)\.(\d+)")


def scoped(settings: Settings, expr: str) -> str:
    """`expr` limited to this process's tenant (unchanged when the tenant filter is off)."""
    if not settings.milvus_tenant_filter:
        return expr
    own = f'{S.TENANT} == "{settings.tenant}"'
    return f"({expr}) and {own}" if expr else own


def row_id(settings: Settings, chunk_id: str) -> str:
    return f"{settings.tenant}:{chunk_id}" if settings.milvus_tenant_filter else chunk_id


def chunk_id_of(stored_id: str) -> str:
    """The chunk id (what the document store and citations use) of a stored primary key."""
    return stored_id.rpartition(":")[2]


def server_version(client: MilvusClient) -> tuple[int, int] | None:
    try:
        match = _VERSION.match(str(client.get_server_version()))
    except Exception:
        return None
    return (int(match.group(1)), int(match.group(2))) if match else None


def server_has_bm25(client: MilvusClient) -> bool:
    """Milvus 2.5 brought full-text search (BM25 functions); Milvus Lite has it. 2.3 and 2.4
    servers do not: 2.3 silently drops the function."""
    version = server_version(client)
    return version is None or version >= (2, 5)


def server_upserts_by_partition_key(client: MilvusClient) -> bool:
    """Milvus 2.3 routes upserted rows by primary key, not by partition key (seen on 2.3.5); 2.4+
    is assumed right (not verified here); Milvus Lite (no parsable version) is right."""
    version = server_version(client)
    return version is None or version >= (2, 4)


def collection_has_bm25(client: MilvusClient, name: str) -> bool:
    """Whether keyword (BM25) search is possible on this collection (or alias)."""
    try:
        fields = {f["name"] for f in client.describe_collection(name)["fields"]}
    except Exception:  # unknown: let the search itself say what is wrong
        return True
    return S.SPARSE in fields

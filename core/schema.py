"""The collection contract shared by the indexer and the query path.

Field names, vector dimension, metric, index parameters and the chunk id scheme live here so
the writer and the reader cannot disagree.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pymilvus import DataType, Function, FunctionType, MilvusClient

from core.settings import Settings

ID = "id"
VECTOR = "vector"
SPARSE = "sparse"
TEXT = "text"
KEYWORDS = "keywords"
DOC_ID = "doc_id"
TITLE = "title"
SECTION = "section"
SOURCE = "source"
POSITION = "position"
CONTENT_HASH = "content_hash"
UPDATED_AT = "updated_at"
TENANT = "tenant"  # partition key where MILVUS_TENANT_FILTER is on (core/tenancy.py)
# True for a chunk the untrusted-content screen matched (core/untrusted.py, INDEX_UNTRUSTED=flag):
# kept for audit, left out of every search. Collections created before it lack the field.
UNTRUSTED = "untrusted"
TRUSTED_ONLY = f"{UNTRUSTED} == false"

METRIC = "COSINE"
# The keyword field holds text already normalised by core.keywords (stems, no stop words), so
# the server-side analyzer only has to split it (Lite knows only the standard and jieba
# tokenizers); Milvus Lite and a server then agree.
KEYWORD_ANALYZER: dict[str, Any] = {"tokenizer": "standard"}
MAX_TEXT_CHARS = 8192
OUTPUT_FIELDS = [ID, TEXT, DOC_ID, TITLE, SECTION, SOURCE, POSITION, CONTENT_HASH, UPDATED_AT]


def chunk_id(doc_id: str, position: int, text: str) -> str:
    """Deterministic chunk id: the same document, position and text always give the same id."""
    digest = hashlib.sha256(f"{doc_id}\x00{position}\x00{text}".encode()).hexdigest()
    return digest[:32]


def document_id(relative_path: str) -> str:
    """A document is identified by its path relative to the source folder (posix form)."""
    return relative_path.replace("\\", "/")


def build_schema(settings: Settings, bm25: bool = True) -> Any:
    """`bm25=False` for servers without full-text search (Milvus < 2.5): no analyzer, no sparse
    field, no BM25 function; keyword search then finds nothing and hybrid is dense alone."""
    schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    # tenant-scoped ids are "<tenant>:<chunk id>" (core/tenancy.py)
    schema.add_field(ID, DataType.VARCHAR, is_primary=True, max_length=128 if settings.milvus_tenant_filter else 64)
    schema.add_field(VECTOR, DataType.FLOAT_VECTOR, dim=settings.embed_dim)
    schema.add_field(TEXT, DataType.VARCHAR, max_length=MAX_TEXT_CHARS * 4)
    if bm25:
        schema.add_field(
            KEYWORDS,
            DataType.VARCHAR,
            max_length=MAX_TEXT_CHARS * 4,
            enable_analyzer=True,
            analyzer_params=KEYWORD_ANALYZER,
        )
        schema.add_field(SPARSE, DataType.SPARSE_FLOAT_VECTOR)
    else:
        schema.add_field(KEYWORDS, DataType.VARCHAR, max_length=MAX_TEXT_CHARS * 4)
    if settings.milvus_tenant_filter:
        schema.add_field(TENANT, DataType.VARCHAR, max_length=64, is_partition_key=True)
    schema.add_field(DOC_ID, DataType.VARCHAR, max_length=1024)
    schema.add_field(TITLE, DataType.VARCHAR, max_length=1024)
    schema.add_field(SECTION, DataType.VARCHAR, max_length=2048)
    schema.add_field(SOURCE, DataType.VARCHAR, max_length=2048)
    schema.add_field(POSITION, DataType.INT64)
    schema.add_field(CONTENT_HASH, DataType.VARCHAR, max_length=64)
    schema.add_field(UPDATED_AT, DataType.INT64)
    schema.add_field(UNTRUSTED, DataType.BOOL)
    if bm25:
        schema.add_function(
            Function(
                name="text_bm25",
                function_type=FunctionType.BM25,
                input_field_names=[KEYWORDS],
                output_field_names=[SPARSE],
            )
        )
    return schema


def build_index_params(settings: Settings, bm25: bool = True) -> Any:
    params = MilvusClient.prepare_index_params()
    dense_params: dict[str, Any] = {}
    if settings.milvus_index_type == "HNSW":
        dense_params = {"M": 16, "efConstruction": 200}
    elif settings.milvus_index_type == "IVF_FLAT":
        dense_params = {"nlist": 128}
    params.add_index(field_name=VECTOR, index_type=settings.milvus_index_type, metric_type=METRIC, params=dense_params)
    if bm25:
        params.add_index(field_name=SPARSE, index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
    return params


def dense_search_params(settings: Settings) -> dict[str, Any]:
    if settings.milvus_index_type == "HNSW":
        return {"metric_type": METRIC, "params": {"ef": 64}}
    if settings.milvus_index_type == "IVF_FLAT":
        return {"metric_type": METRIC, "params": {"nprobe": 16}}
    return {"metric_type": METRIC, "params": {}}


BM25_SEARCH_PARAMS: dict[str, Any] = {"metric_type": "BM25", "params": {"drop_ratio_search": 0.0}}

"""The scope of a cached answer: the corpus version it was answered from, plus whatever else
changes answers (prompt version, model, retrieval mode and depth). A lookup only sees entries of
its own scope, so changing the embedder, the chunking or the collection starts a fresh cache
without deleting anything (old entries expire by TTL)."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.settings import Settings


def corpus_version(settings: Settings) -> str:
    """A string identifying the index generation's shape: collection, embedder and chunking."""
    parts = [
        settings.milvus_collection,
        settings.embed_model,
        settings.embed_backend,
        str(settings.embed_dim),
        str(settings.effective_chunk_size),
        str(settings.chunk_overlap),
    ]
    return "v-" + hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:12]


def cache_scope(settings: Settings, *parts: object) -> str:
    """`corpus_version` plus the request parameters that change an answer, e.g.
    `cache_scope(settings, PROMPT_VERSION, settings.llm_model, mode, k)`."""
    extra = "\x00".join(str(p) for p in parts)
    suffix = hashlib.sha256(extra.encode()).hexdigest()[:8] if extra else "0"
    return f"{corpus_version(settings)}:{suffix}"

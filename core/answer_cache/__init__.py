"""The response cache: an exact layer (the normalised question) and a semantic layer (embedding
neighbours that agree on the answer, behind a lexical guard), scoped to the corpus version and
invalidated chunk by chunk by the indexing run. No FastAPI or Dagster here: the API and the
indexing pipeline both use it.

    cache = make_answer_cache(settings, embedder.embed_one)        # Redis, else in-process
    found = cache.lookup(question, scope)                           # found.status -> X-Cache
    cache.store(question, answer, citations, scope, vector=found.vector, grounded=True)
    run_index(..., on_removed_chunks=invalidation_callback(settings))
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from core.answer_cache.base import AnswerCache, CacheEntry, CacheLookup, CacheStatus, answer_key
from core.answer_cache.guard import GuardResult, agrees, features
from core.answer_cache.matcher import MatchParams, SemanticIndex
from core.answer_cache.memory_store import MemoryAnswerCache
from core.answer_cache.normalise import embedding_text, normalise_question
from core.answer_cache.redis_store import (
    RedisAnswerCache,
    cache_prefix,
    invalidate_chunks,
    invalidation_callback,
)
from core.answer_cache.scope import cache_scope, corpus_version

if TYPE_CHECKING:
    import numpy as np

    from core.settings import Settings

log = logging.getLogger(__name__)

__all__ = [
    "AnswerCache",
    "CacheEntry",
    "CacheLookup",
    "CacheStatus",
    "GuardResult",
    "MatchParams",
    "MemoryAnswerCache",
    "RedisAnswerCache",
    "SemanticIndex",
    "agrees",
    "answer_key",
    "cache_prefix",
    "cache_scope",
    "corpus_version",
    "embedding_text",
    "features",
    "invalidate_chunks",
    "invalidation_callback",
    "make_answer_cache",
    "normalise_question",
]


def make_answer_cache(
    settings: Settings,
    embed: Callable[[str], np.ndarray],
    generation: Callable[[], object] | None = None,
) -> AnswerCache:
    """The Redis cache where REDIS_URL is set, else the in-process one (which says so in the
    log and uses `generation` to notice index runs)."""
    from core.clients import make_redis

    redis = make_redis(settings)
    if redis is None:
        return MemoryAnswerCache.from_settings(settings, embed, generation)
    return RedisAnswerCache.from_settings(settings, redis, embed)

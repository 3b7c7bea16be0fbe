"""The response cache: an exact layer (the normalised question) and a semantic layer (embedding
neighbours that agree on the answer, behind a lexical guard), scoped to the corpus version and
invalidated chunk by chunk by the indexing run. No FastAPI or Dagster here: the API and the
indexing pipeline both use it.

    cache = make_answer_cache(settings, embedder.embed_one)        # in Redis (settings.resolved_redis_url)
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


def make_answer_cache(settings: Settings, embed: Callable[[str], np.ndarray]) -> AnswerCache:
    """The cache in Redis (REDIS_URL, else the Redis `ragdesk up` starts); `RedisUnavailableError`
    (core.clients) when nothing answers there."""
    from core.clients import make_redis, ping_redis

    return RedisAnswerCache.from_settings(settings, ping_redis(settings, make_redis(settings)), embed)

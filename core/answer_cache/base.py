"""The response cache's public interface. `AnswerCache.lookup` tries the exact layer (the
normalised question, no embedding needed), then the semantic layer; `store` adds an answer.
The implementation supplies a few storage hooks: Redis (`RedisAnswerCache`, shared by every
process).

Rules kept here, whatever the storage:
- entries belong to a scope (the corpus version, see `scope.py`); lookups ignore other scopes;
- an answer the grounding check flagged, or one without citations (which no index update could
  ever invalidate), is not stored;
- every entry records the chunk ids it cites, so `invalidate_chunks` removes every answer that
  cites a chunk the indexing run changed or deleted.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from core.answer_cache.matcher import Decision, MatchParams, SemanticIndex
from core.answer_cache.normalise import embedding_text, exact_digest

log = logging.getLogger(__name__)

Embed = Callable[[str], np.ndarray]
CacheStatus = Literal["hit-exact", "hit-semantic", "miss"]


def answer_key(chunk_ids: Sequence[str], answer: str) -> str:
    """What tells two answers apart in the vote: the chunks they cite, else their text."""
    if chunk_ids:
        return "c:" + hashlib.sha1("\x00".join(sorted(set(chunk_ids))).encode()).hexdigest()[:20]
    return "a:" + hashlib.sha1(" ".join(answer.split()).encode()).hexdigest()[:20]


@dataclass
class CacheEntry:
    entry_id: str
    question: str
    answer: str
    citations: list[dict[str, Any]]
    chunk_ids: list[str]
    scope: str
    created: float
    vector: np.ndarray = field(repr=False)
    digest: str = ""
    answer_key: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    def fields(self) -> dict[str, bytes | str]:
        return {
            "q": self.question,
            "a": self.answer,
            "cit": json.dumps(self.citations),
            "chunks": json.dumps(self.chunk_ids),
            "scope": self.scope,
            "created": repr(self.created),
            "vec": np.asarray(self.vector, dtype=np.float32).tobytes(),
            "x": self.digest,
            "ak": self.answer_key,
            "meta": json.dumps(self.meta),
        }

    @classmethod
    def from_fields(cls, entry_id: str, raw: dict[bytes, bytes]) -> CacheEntry:
        def text(name: str) -> str:
            return raw.get(name.encode(), b"").decode()

        return cls(
            entry_id=entry_id,
            question=text("q"),
            answer=text("a"),
            citations=json.loads(text("cit") or "[]"),
            chunk_ids=json.loads(text("chunks") or "[]"),
            scope=text("scope"),
            created=float(text("created") or 0),
            vector=np.frombuffer(raw.get(b"vec", b""), dtype=np.float32),
            digest=text("x"),
            answer_key=text("ak"),
            meta=json.loads(text("meta") or "{}"),
        )


@dataclass
class CacheLookup:
    status: CacheStatus
    entry: CacheEntry | None = None
    similarity: float = 0.0
    vote_share: float = 0.0
    reason: str = ""  # why a miss missed: "below_threshold", "vote_split", "guard_numbers", ...
    vector: np.ndarray | None = field(default=None, repr=False)  # reuse it for `store` and retrieval
    timings: dict[str, float] = field(default_factory=dict)  # milliseconds

    @property
    def hit(self) -> bool:
        return self.entry is not None

    def headers(self) -> dict[str, str]:
        return {"X-Cache": self.status}


class AnswerCache(ABC):
    """Exact + semantic response cache. Thread-safe; call it from a worker thread in async code
    (the semantic layer embeds the question)."""

    def __init__(self, embed: Embed, dim: int, params: MatchParams, ttl_s: float, max_rows: int = 50_000) -> None:
        self.embed = embed
        self.params = params
        self.ttl_s = ttl_s
        self.index = SemanticIndex(dim, max_rows)

    # --- public --------------------------------------------------------------------------------
    def lookup(
        self,
        question: str,
        scope: str,
        vector: np.ndarray | None = None,
        semantic: bool = True,
        exact: bool = True,
    ) -> CacheLookup:
        """`semantic=False`: the exact layer only (no embedding; a miss says reason "exact_only");
        `exact=False`: the semantic layer only, for a caller that has just asked the exact one."""
        started = time.perf_counter()
        timings: dict[str, float] = {}
        if exact:
            found = self.exact_result(self._get_exact(exact_digest(scope, question)), scope, started, vector)
            if found.entry is not None or not semantic:
                return found
        if vector is None:
            t0 = time.perf_counter()
            vector = self.embed(embedding_text(question))
            timings["cache_embed_ms"] = (time.perf_counter() - t0) * 1000
        self._sync()
        decision: Decision | None = None
        for _ in range(3):  # an entry can vanish between the mirror and the store (TTL, invalidation)
            decision = self.index.search(vector, question, scope, self.params, time.time() - self.ttl_s)
            if decision.match is None:
                break
            for entry_id in [decision.match.entry_id, *decision.alternatives]:
                entry = self._get_entry(entry_id)
                if entry is not None:
                    timings["cache_ms"] = (time.perf_counter() - started) * 1000
                    return CacheLookup(
                        "hit-semantic", entry, decision.match.similarity, decision.match.share, "hit", vector, timings
                    )
                self.index.remove(entry_id)
        timings["cache_ms"] = (time.perf_counter() - started) * 1000
        reason = decision.reason if decision is not None else "empty"
        best = decision.best_similarity if decision is not None else 0.0
        return CacheLookup("miss", None, best, 0.0, reason, vector, timings)

    def store(
        self,
        question: str,
        answer: str,
        citations: Sequence[dict[str, Any]],
        scope: str,
        chunk_ids: Sequence[str] | None = None,
        vector: np.ndarray | None = None,
        grounded: bool = True,
        meta: dict[str, Any] | None = None,
    ) -> str | None:
        """Store an answer; the entry id, or None where it must not be cached (not grounded, no
        citations, or citing a chunk an index update has just removed)."""
        if not grounded:
            return None
        if chunk_ids is None:
            chunk_ids = [str(c["chunk_id"]) for c in citations if c.get("chunk_id")]
        chunk_ids = sorted(set(chunk_ids))
        if not chunk_ids or not answer.strip():
            return None
        if vector is None:
            vector = self.embed(embedding_text(question))
        entry = CacheEntry(
            entry_id=uuid.uuid4().hex[:20],
            question=question,
            answer=answer,
            citations=list(citations),
            chunk_ids=chunk_ids,
            scope=scope,
            created=time.time(),
            vector=np.asarray(vector, dtype=np.float32),
            digest=exact_digest(scope, question),
            answer_key=answer_key(chunk_ids, answer),
            meta=dict(meta or {}),
        )
        if not self._write(entry):
            return None
        self.index.add(entry.entry_id, entry.vector, entry.answer_key, question, scope, entry.created)
        return entry.entry_id

    def invalidate_chunks(self, chunk_ids: Iterable[str]) -> int:
        """Remove every entry citing one of these chunks; the number removed."""
        removed = self._invalidate(sorted(set(chunk_ids)))
        for entry_id in removed:
            self.index.remove(entry_id)
        return len(removed)

    def clear(self) -> int:
        removed = self._clear()
        self.index.clear()
        return removed

    def exact_result(
        self, entry: CacheEntry | None, scope: str, started: float, vector: np.ndarray | None = None
    ) -> CacheLookup:
        """What the exact layer says of the entry stored under the question's digest."""
        if entry is not None and entry.scope == scope and not self._expired(entry):
            timings = {"cache_ms": (time.perf_counter() - started) * 1000}
            return CacheLookup("hit-exact", entry, 1.0, 1.0, "exact", vector, timings)
        return CacheLookup("miss", reason="exact_only", vector=vector, timings={})

    def _expired(self, entry: CacheEntry) -> bool:
        return entry.created < time.time() - self.ttl_s

    # --- storage hooks -------------------------------------------------------------------------
    @abstractmethod
    def _get_exact(self, digest: str) -> CacheEntry | None: ...

    @abstractmethod
    def _get_entry(self, entry_id: str) -> CacheEntry | None: ...

    @abstractmethod
    def _write(self, entry: CacheEntry) -> bool: ...

    @abstractmethod
    def _invalidate(self, chunk_ids: list[str]) -> list[str]: ...

    @abstractmethod
    def _clear(self) -> int: ...

    @abstractmethod
    def _sync(self) -> None:
        """Bring the semantic index up to date with entries other processes wrote."""

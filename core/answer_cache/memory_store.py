"""The response cache in one process's memory, for running without Redis.

The indexing run (another process) cannot reach it, so it watches an index generation instead:
pass `generation`, a cheap function returning something that changes with every index run (the
latest run's id), and the cache empties itself when it changes (checked at most every few
seconds). Coarser than per-chunk invalidation, but no stale answer survives an update.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from core.answer_cache.base import AnswerCache, CacheEntry, Embed
from core.answer_cache.matcher import MatchParams

if TYPE_CHECKING:
    from core.settings import Settings

log = logging.getLogger(__name__)


class MemoryAnswerCache(AnswerCache):
    def __init__(
        self,
        embed: Embed,
        dim: int,
        params: MatchParams,
        ttl_s: float,
        max_rows: int = 50_000,
        generation: Callable[[], object] | None = None,
        generation_check_s: float = 5.0,
        tombstone_ttl_s: float = 24 * 3600,
    ) -> None:
        super().__init__(embed, dim, params, ttl_s, max_rows)
        self._lock = threading.Lock()
        self._entries: dict[str, CacheEntry] = {}
        self._exact: dict[str, str] = {}
        self._by_chunk: dict[str, set[str]] = {}
        self._tombstones: dict[str, float] = {}
        self.tombstone_ttl_s = tombstone_ttl_s
        self._generation_fn = generation
        self._generation_check_s = generation_check_s
        self._generation: object = generation() if generation else None
        self._generation_checked = time.monotonic()

    @classmethod
    def from_settings(
        cls, settings: Settings, embed: Embed, generation: Callable[[], object] | None = None
    ) -> MemoryAnswerCache:
        log.warning("response cache: no REDIS_URL, answers are cached in this process's memory only")
        return cls(
            embed,
            settings.embed_dim,
            MatchParams.from_settings(settings),
            settings.cache_ttl_s,
            settings.cache_max_entries,
            generation,
            tombstone_ttl_s=settings.cache_tombstone_ttl_s,
        )

    def _get_entry(self, entry_id: str) -> CacheEntry | None:
        with self._lock:
            entry = self._entries.get(entry_id)
        if entry is not None and self._expired(entry):
            self.invalidate_entries([entry_id])
            return None
        return entry

    def _get_exact(self, digest: str) -> CacheEntry | None:
        self._check_generation()
        with self._lock:
            entry_id = self._exact.get(digest)
        return self._get_entry(entry_id) if entry_id else None

    def _write(self, entry: CacheEntry) -> bool:
        now = time.time()
        with self._lock:
            if any(self._tombstones.get(c, 0.0) > now for c in entry.chunk_ids):
                return False
            self._entries[entry.entry_id] = entry
            self._exact[entry.digest] = entry.entry_id
            for chunk_id in entry.chunk_ids:
                self._by_chunk.setdefault(chunk_id, set()).add(entry.entry_id)
        return True

    def invalidate_entries(self, entry_ids: list[str]) -> None:
        with self._lock:
            for entry_id in entry_ids:
                self._drop(entry_id)
        for entry_id in entry_ids:
            self.index.remove(entry_id)

    def _drop(self, entry_id: str) -> bool:
        entry = self._entries.pop(entry_id, None)
        if entry is None:
            return False
        if self._exact.get(entry.digest) == entry_id:
            del self._exact[entry.digest]
        for chunk_id in entry.chunk_ids:
            self._by_chunk.get(chunk_id, set()).discard(entry_id)
        return True

    def _invalidate(self, chunk_ids: list[str]) -> list[str]:
        removed: list[str] = []
        until = time.time() + self.tombstone_ttl_s
        with self._lock:
            for chunk_id in chunk_ids:
                for entry_id in sorted(self._by_chunk.pop(chunk_id, set())):
                    if self._drop(entry_id):
                        removed.append(entry_id)
                if self.tombstone_ttl_s > 0:
                    self._tombstones[chunk_id] = until
        return removed

    def _clear(self) -> int:
        with self._lock:
            count = len(self._entries)
            self._entries.clear()
            self._exact.clear()
            self._by_chunk.clear()
        return count

    def _sync(self) -> None:
        self._check_generation()

    def _check_generation(self) -> None:
        if self._generation_fn is None or time.monotonic() - self._generation_checked < self._generation_check_s:
            return
        self._generation_checked = time.monotonic()
        current = self._generation_fn()
        if current != self._generation:
            self._generation = current
            dropped = self.clear()
            log.info("response cache: a new index run (%s); %d answers in memory dropped", current, dropped)

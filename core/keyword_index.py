"""BM25 in this process (bm25s) over the collection's keyword field, for KEYWORD_BACKEND=memory.

Milvus Lite answers a BM25 search several times slower than a dense one and serialises them
(bench/load.py, bench/results/load.md), so hybrid search did not scale with clients. The
collection stays the one source of truth: this index is built from the keyword field Milvus
stores (the same `core.keywords` normalisation, the same Lucene BM25 with k1=1.2, b=0.75 as
Milvus' BM25 function), and only chunk ids and the metadata that fusion needs are kept in memory.

The first build runs in a background thread; until it is done, keyword searches go to Milvus.
Freshness: the collection's row count is checked at most every KEYWORD_INDEX_CHECK_S seconds and
its id set every KEYWORD_INDEX_REFRESH_S; on a change the index is rebuilt in a background thread
while searches keep using the previous one. A chunk deleted since the last build is dropped by the
caller when its text is fetched; one added is found by the dense search until the rebuild.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from core import schema as S
from core.collection import has_field

if TYPE_CHECKING:
    from pymilvus import MilvusClient

    from core.settings import Settings

log = logging.getLogger(__name__)

META_FIELDS = [S.ID, S.KEYWORDS, S.DOC_ID, S.TITLE, S.SECTION, S.SOURCE, S.POSITION, S.CONTENT_HASH, S.UPDATED_AT]
PAGE = 1000


@dataclass(frozen=True)
class KeywordHit:
    index: int
    score: float


class _Built:
    """One immutable generation of the index."""

    def __init__(self, rows: list[dict[str, Any]], k1: float, b: float) -> None:
        import bm25s

        self.rows = rows
        self.ids = [str(r[S.ID]) for r in rows]
        # chunks the untrusted-content screen flagged stay counted (the freshness check compares
        # row counts) but never score
        self.untrusted = np.asarray([bool(r.pop(S.UNTRUSTED, False)) for r in rows], dtype=bool)
        self.model = bm25s.BM25(k1=k1, b=b, method="lucene")
        if rows:
            self.model.index([str(r.pop(S.KEYWORDS) or "").split() or [""] for r in rows], show_progress=False)

    def top(self, terms: list[str], k: int) -> list[tuple[dict[str, Any], float]]:
        if not self.rows or not terms:
            return []
        scores = np.asarray(self.model.get_scores(terms), dtype=np.float32)
        scores[self.untrusted] = 0.0
        k = min(k, len(scores))
        candidates = np.argpartition(-scores, k - 1)[:k]
        ordered = candidates[np.lexsort((candidates, -scores[candidates]))]
        return [(self.rows[i], float(scores[i])) for i in ordered if scores[i] > 0]


class KeywordIndex:
    """Thread-safe; `top` never blocks on a rebuild once a first build exists."""

    def __init__(self, settings: Settings, client: MilvusClient) -> None:
        self.settings = settings
        self.client = client
        self._built: _Built | None = None
        self._count = -1
        self._checked = 0.0
        self._refreshed = 0.0
        self._lock = threading.Lock()  # one build at a time
        self._rebuilding = False

    # --- reading -----------------------------------------------------------------------------
    def top(self, terms: list[str], k: int) -> list[tuple[dict[str, Any], float]] | None:
        """The k best rows (metadata, no text) with their BM25 scores, rows scoring 0 left out;
        None while the first build is still running (the caller asks Milvus meanwhile)."""
        built = self._built
        if built is None:
            self.build_in_background()
            return None
        self._maybe_refresh()
        return built.top(terms, k)

    def build_in_background(self) -> None:
        """Start a build unless one is running (API start-up: a large collection takes a while to
        scan, and /health should not wait for it)."""
        if self._rebuilding:
            return
        self._rebuilding = True
        threading.Thread(target=self._rebuild_quietly, name="keyword-index", daemon=True).start()

    @property
    def size(self) -> int:
        return len(self._built.rows) if self._built is not None else 0

    # --- building ----------------------------------------------------------------------------
    def build(self) -> _Built:
        """Build now; when the stored id set is the one already indexed, keep the current build."""
        with self._lock:
            previous = self._built
            if previous is not None:
                ids = self._stored_ids()
                if len(ids) == len(previous.ids) and set(ids) == set(previous.ids):
                    self._count = len(ids)
                    self._checked = self._refreshed = time.monotonic()
                    return previous
            rows = self._all_rows()
            rows.sort(key=lambda r: str(r[S.ID]))
            built = _Built(rows, self.settings.keyword_bm25_k1, self.settings.keyword_bm25_b)
            self._built = built
            self._count = len(rows)
            self._checked = self._refreshed = time.monotonic()
            return built

    def _maybe_refresh(self) -> None:
        now = time.monotonic()
        s = self.settings
        if self._rebuilding or now - self._checked < s.keyword_index_check_s:
            return
        self._checked = now
        due = now - self._refreshed >= s.keyword_index_refresh_s
        if not due:
            try:
                due = self._stored_count() != self._count
            except Exception:  # a failed check must not fail the search; the next one retries
                log.warning("keyword index: count check failed", exc_info=True)
                return
        if due:
            self.build_in_background()

    def _rebuild_quietly(self) -> None:
        try:
            started = time.perf_counter()
            built = self.build()
            log.info("keyword index rebuilt: %d chunks in %.2f s", len(built.rows), time.perf_counter() - started)
        except Exception:
            log.warning("keyword index: rebuild failed; the previous one stays in use", exc_info=True)
        finally:
            self._rebuilding = False

    def _stored_count(self) -> int:
        result = self.client.query(self.settings.milvus_collection, filter="", output_fields=["count(*)"])
        return int(result[0]["count(*)"]) if result else 0

    def _stored_ids(self) -> list[str]:
        return [str(row[S.ID]) for row in self._scan([S.ID])]

    def _all_rows(self) -> list[dict[str, Any]]:
        fields = META_FIELDS + (
            [S.UNTRUSTED] if has_field(self.client, self.settings.milvus_collection, S.UNTRUSTED) else []
        )
        return [{k: row.get(k) for k in fields} for row in self._scan(fields)]

    def _scan(self, fields: list[str]) -> list[dict[str, Any]]:
        name = self.settings.milvus_collection
        if not self.client.has_collection(name):
            return []
        rows: list[dict[str, Any]] = []
        iterator = self.client.query_iterator(name, batch_size=PAGE, filter=f'{S.ID} != ""', output_fields=fields)
        try:
            while page := iterator.next():
                rows.extend(page)
        finally:
            iterator.close()
        return rows

"""BM25 in this process (bm25s) over the collection's keyword field, for KEYWORD_BACKEND=memory.

Milvus Lite answers a BM25 search several times slower than a dense one and serialises them
(bench/load.py, bench/results/load.md), so hybrid search did not scale with clients. The
collection stays the one source of truth: this index is built from the keyword field Milvus
stores (the same `core.keywords` normalisation, the same Lucene BM25 with k1=1.2, b=0.75 as
Milvus' BM25 function), and only chunk ids and the metadata that fusion needs are kept in memory.

With DENSE_BACKEND=memory (or auto, up to DENSE_MEMORY_MAX_CHUNKS) the same snapshot also holds
the stored vectors, and the dense search is an exact cosine scan in this process: `milvus-lite
server` spends ~0.5 us of Python per stored row on every search whatever its index (deduplicating
versions and tombstones row by row), 50 ms of CPU per dense search at 100k chunks, against ~10 ms
for the scan here (bench/results/dense_variants.md).

The first build runs in a background thread; until it is done, searches go to Milvus.
Freshness: the collection's row count is checked at most every KEYWORD_INDEX_CHECK_S seconds and
its id set every KEYWORD_INDEX_REFRESH_S; on a change the index is rebuilt in a background thread
while searches keep using the previous one. A chunk deleted since the last build is dropped by the
caller when its text is fetched; one added is found by Milvus' dense search until the rebuild
(DENSE_BACKEND=milvus), or by neither list until then (DENSE_BACKEND=memory).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
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

    def __init__(
        self, rows: list[dict[str, Any]], k1: float, b: float, vectors: np.ndarray | None = None, bm25: bool = True
    ) -> None:
        import bm25s

        self.rows = rows
        self.ids = [str(r[S.ID]) for r in rows]
        # chunks the untrusted-content screen flagged stay counted (the freshness check compares
        # row counts) but never score
        self.untrusted = np.asarray([bool(r.pop(S.UNTRUSTED, False)) for r in rows], dtype=bool)
        keywords = [str(r.pop(S.KEYWORDS, "") or "").split() or [""] for r in rows]
        self.model = bm25s.BM25(k1=k1, b=b, method="lucene") if bm25 else None
        if rows and self.model is not None:
            self.model.index(keywords, show_progress=False)
        self.vectors = vectors  # (rows, dim) float32 of unit length, in row order; None: not held

    def dense_top(self, vector: np.ndarray, k: int) -> list[tuple[dict[str, Any], float]]:
        """The k rows nearest to `vector` by cosine (exact, as Milvus' COSINE), untrusted rows
        left out, ties by row (id) order."""
        assert self.vectors is not None
        if not self.rows or k <= 0:
            return []
        query = np.asarray(vector, dtype=np.float32).ravel()
        norm = float(np.linalg.norm(query))
        scores = self.vectors @ (query / norm if norm > 0 else query)
        scores[self.untrusted] = -np.inf
        k = min(k, len(scores))
        candidates = np.argpartition(-scores, k - 1)[:k]
        ordered = candidates[np.lexsort((candidates, -scores[candidates]))]
        return [(self.rows[i], float(scores[i])) for i in ordered if not self.untrusted[i]]

    def top(self, terms: list[str], k: int) -> list[tuple[dict[str, Any], float]]:
        if not self.rows or not terms or self.model is None:
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
        self._bm25 = settings.keyword_backend == "memory"

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

    def dense_top(self, vector: np.ndarray, k: int) -> list[tuple[dict[str, Any], float]] | None:
        """The k rows (metadata, no text) nearest to `vector` with their cosine; None while the
        first build is running or where this process holds no vectors (the caller asks Milvus)."""
        built = self._built
        if built is None:
            self.build_in_background()
            return None
        self._maybe_refresh()
        return built.dense_top(vector, k) if built.vectors is not None else None

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
            rows, vectors = self._all_rows()
            order = sorted(range(len(rows)), key=lambda i: str(rows[i][S.ID]))
            rows = [rows[i] for i in order]
            if vectors is not None:
                vectors = vectors[order] if len(order) else vectors
            built = _Built(rows, self.settings.keyword_bm25_k1, self.settings.keyword_bm25_b, vectors, self._bm25)
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

    def _holds_vectors(self) -> bool:
        s = self.settings
        if s.dense_backend == "auto":
            return self._stored_count() <= s.dense_memory_max_chunks
        return s.dense_backend == "memory"

    def _all_rows(self) -> tuple[list[dict[str, Any]], np.ndarray | None]:
        """The rows' metadata and, where this process holds them, their unit-length vectors
        (converted page by page: 100k rows of Python float lists would take gigabytes)."""
        fields = (META_FIELDS if self._bm25 else [f for f in META_FIELDS if f != S.KEYWORDS]) + (
            [S.UNTRUSTED] if has_field(self.client, self.settings.milvus_collection, S.UNTRUSTED) else []
        )
        dense = self._holds_vectors()
        rows: list[dict[str, Any]] = []
        parts: list[np.ndarray] = []
        for page in self._pages(fields + ([S.VECTOR] if dense else [])):
            rows.extend({k: row.get(k) for k in fields} for row in page)
            if dense:
                parts.append(np.asarray([row[S.VECTOR] for row in page], dtype=np.float32))
        if not dense:
            return rows, None
        vectors = np.vstack(parts) if parts else np.zeros((0, self.settings.embed_dim), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return rows, vectors / np.where(norms > 0, norms, 1.0)

    def _scan(self, fields: list[str]) -> list[dict[str, Any]]:
        return [row for page in self._pages(fields) for row in page]

    def _pages(self, fields: list[str]) -> Iterator[list[dict[str, Any]]]:
        name = self.settings.milvus_collection
        if not self.client.has_collection(name):
            return
        iterator = self.client.query_iterator(name, batch_size=PAGE, filter=f'{S.ID} != ""', output_fields=fields)
        try:
            while page := iterator.next():
                yield page
        finally:
            iterator.close()

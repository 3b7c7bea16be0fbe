"""Retrieval: dense (an exact scan in this process over the stored vectors, or Milvus' index;
DENSE_BACKEND), keyword (BM25: in this process over the stored keyword field, or Milvus
full-text search; KEYWORD_BACKEND) or hybrid (both, fused by reciprocal rank or by normalised
score, FUSION; optionally a second dense search from a query vector moved towards the first
pass's best chunks, DENSE_FEEDBACK). The chat path, `/v1/search` and the evaluation all call
`Retriever.search`.

Candidate lists carry metadata only; the text of the k chunks returned is fetched by id in one
call at the end (a hybrid search ranks 2 x 20 candidates to return 5)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from core import schema as S
from core.collection import escape, has_field
from core.keyword_index import KeywordIndex
from core.keywords import keyword_terms, keyword_text
from core.settings import Settings
from core.tenancy import chunk_id_of, collection_has_bm25, row_id, scoped

if TYPE_CHECKING:
    from pymilvus import MilvusClient

    from core.embedder import Embedder

Mode = Literal["dense", "keyword", "hybrid"]
FILTER_KEYS = {"doc_id", "doc_id_prefix", "title", "updated_after"}
_SAFE_PREFIX = re.compile(r"^[\w./ -]*$")
CANDIDATE_FIELDS = [f for f in S.OUTPUT_FIELDS if f != S.TEXT]


class FilterError(ValueError):
    """A metadata filter that cannot be applied."""


@dataclass
class RetrievedChunk:
    chunk_id: str
    text: str
    doc_id: str
    title: str
    section: str
    source: str
    position: int
    score: float
    rank: int = 0
    dense_score: float | None = None
    keyword_rank: int | None = None
    dense_rank: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Retrieval:
    query: str
    mode: Mode
    chunks: list[RetrievedChunk]
    relevant: bool
    embed_ms: float = 0.0
    search_ms: float = 0.0
    query_vector: np.ndarray | None = field(default=None, repr=False)


def build_filter(filters: dict[str, Any] | None) -> str:
    if not filters:
        return ""
    unknown = set(filters) - FILTER_KEYS
    if unknown:
        raise FilterError(f"unknown filter keys {sorted(unknown)}; allowed: {sorted(FILTER_KEYS)}")
    parts: list[str] = []
    if "doc_id" in filters:
        value = filters["doc_id"]
        values = value if isinstance(value, list) else [value]
        if not values or not all(isinstance(v, str) for v in values):
            raise FilterError("doc_id must be a string or a list of strings")
        parts.append(f"{S.DOC_ID} in [{', '.join(chr(34) + escape(v) + chr(34) for v in values)}]")
    if "doc_id_prefix" in filters:
        prefix = filters["doc_id_prefix"]
        if not isinstance(prefix, str) or not _SAFE_PREFIX.match(prefix):
            raise FilterError("doc_id_prefix must be a path prefix of letters, digits, '/', '.', '-', '_'")
        parts.append(f'{S.DOC_ID} like "{prefix}%"')
    if "title" in filters:
        title = filters["title"]
        if not isinstance(title, str):
            raise FilterError("title must be a string")
        parts.append(f'{S.TITLE} == "{escape(title)}"')
    if "updated_after" in filters:
        stamp = filters["updated_after"]
        if not isinstance(stamp, int) or isinstance(stamp, bool):
            raise FilterError("updated_after must be a Unix time in seconds (integer)")
        parts.append(f"{S.UPDATED_AT} > {stamp}")
    return " and ".join(parts)


SECTION_OVERFETCH = 4  # chunks fetched per wanted section when retrieving distinct sections


def _best_per_section(chunks: list[RetrievedChunk]) -> list[RetrievedChunk]:
    """The first (best) chunk of each (doc_id, section), in rank order."""
    seen: dict[tuple[str, str], RetrievedChunk] = {}
    for chunk in chunks:
        seen.setdefault((chunk.doc_id, chunk.section), chunk)
    return list(seen.values())


def _copies(chunks: list[RetrievedChunk]) -> list[RetrievedChunk]:
    """Fusion writes ranks and fused scores into its chunks; a list fused twice (DENSE_FEEDBACK)
    goes into the first fusion as copies."""
    return [replace(c) for c in chunks]


def _hit_to_chunk(hit: dict[str, Any], score: float) -> RetrievedChunk:
    entity = hit.get("entity", hit)
    return RetrievedChunk(
        chunk_id=chunk_id_of(str(hit.get("id", entity.get(S.ID)))),
        text=entity.get(S.TEXT, ""),
        doc_id=entity.get(S.DOC_ID, ""),
        title=entity.get(S.TITLE, ""),
        section=entity.get(S.SECTION, ""),
        source=entity.get(S.SOURCE, ""),
        position=int(entity.get(S.POSITION, 0)),
        score=score,
    )


class Retriever:
    def __init__(self, settings: Settings, client: MilvusClient, embedder: Embedder) -> None:
        self.settings = settings
        self.client = client
        self.embedder = embedder
        self._loaded = False
        self._keyword_search = True  # False on a collection without BM25 (a Milvus < 2.5 server)
        self._has_untrusted = False  # the collection marks untrusted chunks (core/untrusted.py)
        # BM25 (KEYWORD_BACKEND=memory) and/or the vectors (DENSE_BACKEND) held in this process
        in_process = settings.keyword_backend == "memory" or settings.dense_backend != "milvus"
        self.keyword_index = KeywordIndex(settings, client) if in_process else None

    def warm(self, wait: bool = False) -> None:
        """Start-up work that would otherwise fall on the first request: load the collection and
        build the in-process keyword index (in the background unless `wait`)."""
        if self.client.has_collection(self.settings.milvus_collection):
            self._ensure_loaded()
            if self.keyword_index is not None:
                if wait:
                    self.keyword_index.build()
                else:
                    self.keyword_index.build_in_background()

    def _ensure_loaded(self) -> None:
        if not self._loaded:
            self.client.load_collection(self.settings.milvus_collection)
            self._keyword_search = collection_has_bm25(self.client, self.settings.milvus_collection)
            self._has_untrusted = has_field(self.client, self.settings.milvus_collection, S.UNTRUSTED)
            self._loaded = True

    def _trusted(self, expr: str) -> str:
        """`expr` limited to chunks the untrusted-content screen did not flag at indexing."""
        self._ensure_loaded()
        if not self._has_untrusted:
            return expr
        return f"({expr}) and {S.TRUSTED_ONLY}" if expr else S.TRUSTED_ONLY

    def _search(self, **kwargs: Any) -> Any:
        return self._reloading(self.client.search, **kwargs)

    def _get(self, **kwargs: Any) -> Any:
        return self._reloading(self.client.get, **kwargs)

    def _reloading(self, call: Callable[..., Any], **kwargs: Any) -> Any:
        """`client.search` or `client.get` on the collection; a Milvus server restarted under us
        has it released ("call load() before search"): load it again and retry once, so search
        recovers by itself (with both lists in process, the text fetch is the first Milvus call)."""
        self._ensure_loaded()
        try:
            return call(self.settings.milvus_collection, **kwargs)
        except Exception as exc:
            self._loaded = False
            if "load" not in str(exc).lower():
                raise
        self._ensure_loaded()
        return call(self.settings.milvus_collection, **kwargs)

    def dense(self, vector: np.ndarray, k: int, expr: str) -> list[RetrievedChunk]:
        # in process unless a filter or tenant applies (Milvus); None: not built yet, or not held
        in_process = self.settings.dense_backend != "milvus" and not scoped(self.settings, expr)
        top = self.keyword_index.dense_top(vector, k) if in_process and self.keyword_index is not None else None
        if top is not None:
            chunks = [_hit_to_chunk(row, score) for row, score in top]
            for chunk in chunks:
                chunk.dense_score = chunk.score
            return chunks
        result = self._search(
            data=[vector.tolist()],
            anns_field=S.VECTOR,
            limit=k,
            filter=scoped(self.settings, self._trusted(expr)),
            output_fields=CANDIDATE_FIELDS,
            search_params=S.dense_search_params(self.settings),
        )
        chunks = []
        for hit in result[0]:
            chunk = _hit_to_chunk(hit, float(hit["distance"]))
            chunk.dense_score = chunk.score
            chunks.append(chunk)
        return chunks

    def keyword(self, query: str, k: int, expr: str) -> list[RetrievedChunk]:
        in_process = self.settings.keyword_backend == "memory" and not scoped(self.settings, expr)  # else Milvus
        if in_process and self.keyword_index is not None:
            top = self.keyword_index.top(keyword_terms(query, self.settings.keyword_bigrams), k)
            if top is not None:
                return [_hit_to_chunk(row, score) for row, score in top]
        text = keyword_text(query, self.settings.keyword_bigrams)
        if not text:
            return []
        self._ensure_loaded()
        if not self._keyword_search:  # hybrid is then dense alone
            return []
        result = self._search(
            data=[text],
            anns_field=S.SPARSE,
            limit=k,
            filter=scoped(self.settings, self._trusted(expr)),
            output_fields=CANDIDATE_FIELDS,
            search_params=S.BM25_SEARCH_PARAMS,
        )
        # Milvus Lite reports BM25 scores negated; the order is right either way.
        return [_hit_to_chunk(hit, abs(float(hit["distance"]))) for hit in result[0]]

    def search(
        self,
        query: str,
        k: int | None = None,
        mode: Mode | None = None,
        filters: dict[str, Any] | None = None,
        query_vector: np.ndarray | None = None,
        dedupe_sections: bool | None = None,
        spare: int = 0,
    ) -> Retrieval:
        """The k best chunks; with `dedupe_sections` (default RETRIEVAL_DEDUPE_SECTIONS, off) the
        best chunk of each of the k best sections, the hybrid lists fused per section.

        `spare` more chunks follow the k best, in rank order, for a caller that may set some
        aside (an archived page): the first k are the same as without them, since the candidate
        depth and the relevance decision still follow k."""
        k = k or self.settings.top_k
        if spare < 0:
            raise ValueError("spare must be >= 0")
        mode = mode or self.settings.retrieval_mode
        dedupe = self.settings.retrieval_dedupe_sections if dedupe_sections is None else dedupe_sections
        if dedupe:
            return self._search_sections(query, k, mode, build_filter(filters), query_vector, spare)
        expr = build_filter(filters)
        embed_ms = 0.0
        if mode != "keyword" and query_vector is None:
            start = time.perf_counter()
            query_vector = self.embedder.embed_one(query)
            embed_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        if mode == "dense":
            assert query_vector is not None
            chunks = self.dense(query_vector, k + spare, expr)
            relevant = self._is_relevant(chunks[:k], mode)
        elif mode == "keyword":
            chunks = self.keyword(query, k + spare, expr)
            relevant = self._is_relevant(chunks[:k], mode)
        else:
            assert query_vector is not None
            depth = max(self.settings.hybrid_depth or max(k * 4, 20), k + spare)
            keyword = self.keyword(query, depth, expr)
            chunks = self._fuse(self.dense(query_vector, depth, expr), _copies(keyword), k + spare)
            relevant = self._is_relevant(chunks[:k], mode)
            feedback = self._feedback_vector(query_vector, chunks[:k])
            if feedback is not None:
                chunks = self._fuse(self.dense(feedback, depth, expr), keyword, k + spare)
        chunks = self._with_text(chunks)
        search_ms = (time.perf_counter() - start) * 1000
        for rank, chunk in enumerate(chunks, start=1):
            chunk.rank = rank
        return Retrieval(query, mode, chunks, relevant, embed_ms, search_ms, query_vector)

    def _with_text(self, chunks: list[RetrievedChunk]) -> list[RetrievedChunk]:
        """The chunks with their text, fetched by id in one call; a chunk deleted since the
        in-process keyword index was built is left out."""
        ids = [c.chunk_id for c in chunks if not c.text]
        if not ids:
            return chunks
        stored = [row_id(self.settings, i) for i in ids]  # "<tenant>:<chunk id>" with the tenant filter
        rows = self._get(ids=stored, output_fields=[S.TEXT])
        texts = {chunk_id_of(str(row.get(S.ID))): row.get(S.TEXT, "") for row in rows}
        kept = []
        for chunk in chunks:
            if not chunk.text:
                if chunk.chunk_id not in texts:
                    continue
                chunk.text = texts[chunk.chunk_id]
            kept.append(chunk)
        return kept

    def _feedback_vector(self, query_vector: np.ndarray, first_pass: list[RetrievedChunk]) -> np.ndarray | None:
        """DENSE_FEEDBACK (Rocchio pseudo-relevance feedback): the query vector plus the weighted
        mean vector of the first pass's best chunks, renormalised; None when off. The hybrid first
        pass picks the feedback chunks, so BM25 can pull the dense search towards a section the
        embedder alone misses (measured in bench/retrieval.py)."""
        weight = self.settings.dense_feedback
        ids = [c.chunk_id for c in first_pass[: self.settings.dense_feedback_chunks]]
        if weight <= 0 or not ids:
            return None
        stored = [row_id(self.settings, i) for i in ids]
        rows = self._get(ids=stored, output_fields=[S.VECTOR])
        vectors = [np.asarray(row[S.VECTOR], dtype=np.float32) for row in rows if row.get(S.VECTOR) is not None]
        if not vectors:
            return None
        moved = np.asarray(query_vector, dtype=np.float32) + weight * np.mean(vectors, axis=0)
        norm = float(np.linalg.norm(moved))
        return moved / norm if norm > 0 else None

    def _contributions(self, chunks: list[RetrievedChunk], dense: bool) -> list[float]:
        """What each position of one ranked list adds to a candidate's fused score: weighted
        reciprocal rank (FUSION=rrf), or the list's own score min-max normalised to [0, 1] and
        weighted (FUSION=score: a list that is sure of its first hit counts for more)."""
        s = self.settings
        if s.fusion == "score":
            weight = s.score_fusion_dense_weight if dense else 1.0 - s.score_fusion_dense_weight
            raw = [c.score for c in chunks]
            low, span = min(raw, default=0.0), max(raw, default=0.0) - min(raw, default=0.0)
            return [weight * ((value - low) / span if span > 0 else 1.0) for value in raw]
        weight = s.rrf_dense_weight if dense else s.rrf_keyword_weight
        return [weight / (s.rrf_k + rank) for rank in range(1, len(chunks) + 1)]

    def _fuse(self, dense: list[RetrievedChunk], keyword: list[RetrievedChunk], k: int) -> list[RetrievedChunk]:
        fused: dict[str, RetrievedChunk] = {}
        scores: dict[str, float] = {}
        dense_parts, keyword_parts = self._contributions(dense, True), self._contributions(keyword, False)
        for rank, (chunk, part) in enumerate(zip(dense, dense_parts, strict=True), start=1):
            chunk.dense_rank = rank
            fused[chunk.chunk_id] = chunk
            scores[chunk.chunk_id] = part
        for rank, (chunk, part) in enumerate(zip(keyword, keyword_parts, strict=True), start=1):
            existing = fused.setdefault(chunk.chunk_id, chunk)
            existing.keyword_rank = rank
            scores[chunk.chunk_id] = scores.get(chunk.chunk_id, 0.0) + part
        ordered = sorted(fused.values(), key=lambda c: (-scores[c.chunk_id], c.chunk_id))[:k]
        for chunk in ordered:
            chunk.score = scores[chunk.chunk_id]
        return ordered

    # --- section-level retrieval (RETRIEVAL_DEDUPE_SECTIONS) -------------------------------------
    def _search_sections(
        self, query: str, k: int, mode: Mode, expr: str, query_vector: np.ndarray | None, spare: int = 0
    ) -> Retrieval:
        """k distinct (doc_id, section) pairs, each represented by its best chunk. Each list is
        fetched `SECTION_OVERFETCH` times deeper than k, cut to the best chunk per section, and
        the hybrid lists are fused by reciprocal rank per section (so several windows of one
        section neither crowd others out nor add up)."""
        embed_ms = 0.0
        if mode != "keyword" and query_vector is None:
            start = time.perf_counter()
            query_vector = self.embedder.embed_one(query)
            embed_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        fetch = min(k * SECTION_OVERFETCH, max(self.settings.max_top_k * SECTION_OVERFETCH, k))
        if mode == "dense":
            assert query_vector is not None
            chunks = _best_per_section(self.dense(query_vector, fetch, expr))[: k + spare]
            relevant = self._is_relevant(chunks[:k], mode)
        elif mode == "keyword":
            chunks = _best_per_section(self.keyword(query, fetch, expr))[: k + spare]
            relevant = self._is_relevant(chunks[:k], mode)
        else:
            assert query_vector is not None
            depth = max(self.settings.hybrid_depth or max(k * 4, 20), fetch)
            dense = _best_per_section(self.dense(query_vector, depth, expr))
            keyword = _best_per_section(self.keyword(query, depth, expr))
            chunks = self._fuse_sections(dense, _copies(keyword), k + spare)
            relevant = self._is_relevant(chunks[:k], mode)
            feedback = self._feedback_vector(query_vector, chunks[:k])
            if feedback is not None:
                chunks = self._fuse_sections(_best_per_section(self.dense(feedback, depth, expr)), keyword, k + spare)
        chunks = self._with_text(chunks)
        search_ms = (time.perf_counter() - start) * 1000
        for rank, chunk in enumerate(chunks, start=1):
            chunk.rank = rank
        return Retrieval(query, mode, chunks, relevant, embed_ms, search_ms, query_vector)

    def _fuse_sections(
        self, dense: list[RetrievedChunk], keyword: list[RetrievedChunk], k: int
    ) -> list[RetrievedChunk]:
        best: dict[tuple[str, str], RetrievedChunk] = {}
        scores: dict[tuple[str, str], float] = {}
        dense_parts, keyword_parts = self._contributions(dense, True), self._contributions(keyword, False)
        for rank, (chunk, part) in enumerate(zip(dense, dense_parts, strict=True), start=1):
            key = (chunk.doc_id, chunk.section)
            chunk.dense_rank = rank
            best[key] = chunk
            scores[key] = part
        for rank, (chunk, part) in enumerate(zip(keyword, keyword_parts, strict=True), start=1):
            key = (chunk.doc_id, chunk.section)
            scores[key] = scores.get(key, 0.0) + part
            existing = best.get(key)
            if existing is None or (existing.dense_rank or 0) > rank:
                # the better-ranked window represents the section; keep the dense cosine it had
                if existing is not None and existing.chunk_id != chunk.chunk_id:
                    chunk.dense_score, chunk.dense_rank = existing.dense_score, existing.dense_rank
                best[key] = chunk
            best[key].keyword_rank = rank
        ordered = sorted(best, key=lambda key: (-scores[key], best[key].chunk_id))[:k]
        for key in ordered:
            best[key].score = scores[key]
        return [best[key] for key in ordered]

    def _is_relevant(self, chunks: list[RetrievedChunk], mode: Mode) -> bool:
        if not chunks:
            return False
        if mode == "keyword":
            return True
        best = max((c.dense_score for c in chunks if c.dense_score is not None), default=None)
        return best is not None and best >= self.settings.min_relevance

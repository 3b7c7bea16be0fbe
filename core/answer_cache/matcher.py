"""The semantic layer's decision, over an in-memory matrix of cached questions.

A cached answer is served for a new question when
1. the nearest cached question of that answer is at least `threshold` similar (cosine of the
   normalised questions' embeddings),
2. the cached questions near the new one agree on the answer: each of the `neighbours` nearest
   with cosine >= `candidate_threshold` votes for its answer with weight exp((cos - 1) / T), and
   the winning answer needs `vote_share` of the weight (a question that sits between two answers
   is a miss, however close its nearest neighbour), and
3. the lexical guard passes between the new question and the cached question served (numbers,
   negation and named entities agree).
Answers are told apart by their answer key: the cited chunk ids, else a hash of the text.

Rows are kept per process (`SemanticIndex`); the Redis store feeds it from its entry log.
Brute-force cosine over a few thousand 384-d rows takes about a millisecond.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from core.answer_cache.guard import GuardResult, QuestionFeatures, check, features

if TYPE_CHECKING:
    from core.settings import Settings


@dataclass(frozen=True)
class MatchParams:
    threshold: float = 0.80
    candidate_threshold: float = 0.65
    neighbours: int = 10
    vote_share: float = 0.85  # 0 = no vote: the nearest row above the threshold is served
    temperature: float = 0.07
    guard: bool = True

    @classmethod
    def from_settings(cls, settings: Settings) -> MatchParams:
        return cls(
            threshold=settings.cache_similarity,
            candidate_threshold=min(settings.cache_candidate_similarity, settings.cache_similarity),
            neighbours=settings.cache_neighbours,
            vote_share=settings.cache_vote_share,
            temperature=settings.cache_vote_temperature,
            guard=settings.cache_guard,
        )


@dataclass(frozen=True)
class Match:
    entry_id: str
    similarity: float
    share: float


@dataclass(frozen=True)
class Decision:
    match: Match | None
    reason: str  # "hit", "empty", "below_threshold", "vote_split", "guard_numbers", ...
    best_similarity: float = 0.0
    alternatives: list[str] = field(default_factory=list)  # entry ids to try when the first is gone


@dataclass
class _Row:
    entry_id: str
    answer_key: str
    question: str
    scope: str
    created: float
    features: QuestionFeatures


class SemanticIndex:
    """Rows of cached questions (unit vectors) with their answer key, scope and creation time.
    Thread-safe; rows removed are masked and compacted later."""

    def __init__(self, dim: int, max_rows: int = 50_000) -> None:
        self.dim = dim
        self.max_rows = max_rows
        self._lock = threading.Lock()
        self._matrix = np.zeros((256, dim), dtype=np.float32)
        self._alive = np.zeros(256, dtype=bool)
        self._rows: list[_Row | None] = []
        self._position: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._position)

    def __contains__(self, entry_id: str) -> bool:
        return entry_id in self._position

    def add(
        self, entry_id: str, vector: np.ndarray, answer_key: str, question: str, scope: str, created: float
    ) -> None:
        vector = np.asarray(vector, dtype=np.float32).reshape(-1)
        if vector.shape[0] != self.dim:
            raise ValueError(f"vector has dimension {vector.shape[0]}, the index {self.dim}")
        row = _Row(entry_id, answer_key, question, scope, created, features(question))
        with self._lock:
            if entry_id in self._position:
                return
            if len(self._rows) >= self._matrix.shape[0]:
                self._grow_or_compact()
            if len(self._position) >= self.max_rows:
                self._evict_oldest()
            index = len(self._rows)
            self._matrix[index] = vector
            self._alive[index] = True
            self._rows.append(row)
            self._position[entry_id] = index

    def remove(self, entry_id: str) -> bool:
        with self._lock:
            index = self._position.pop(entry_id, None)
            if index is None:
                return False
            self._alive[index] = False
            self._rows[index] = None
            return True

    def clear(self) -> None:
        with self._lock:
            self._alive[:] = False
            self._rows.clear()
            self._position.clear()

    def _evict_oldest(self) -> None:
        oldest = min((r for r in self._rows if r is not None), key=lambda r: r.created)
        index = self._position.pop(oldest.entry_id)
        self._alive[index] = False
        self._rows[index] = None

    def _grow_or_compact(self) -> None:
        live = [i for i, r in enumerate(self._rows) if r is not None]
        if len(live) < len(self._rows) // 2:
            matrix = np.zeros_like(self._matrix)
        else:
            matrix = np.zeros((self._matrix.shape[0] * 2, self.dim), dtype=np.float32)
        matrix[: len(live)] = self._matrix[live]
        self._rows = [self._rows[i] for i in live]
        self._alive = np.zeros(matrix.shape[0], dtype=bool)
        self._alive[: len(live)] = True
        self._matrix = matrix
        self._position = {r.entry_id: i for i, r in enumerate(self._rows) if r is not None}

    def search(
        self, vector: np.ndarray, question: str, scope: str, params: MatchParams, min_created: float = 0.0
    ) -> Decision:
        query = features(question) if params.guard else None
        with self._lock:
            count = len(self._rows)
            if not self._position:
                return Decision(None, "empty")
            sims = self._matrix[:count] @ np.asarray(vector, dtype=np.float32).reshape(-1)
            usable = self._alive[:count].copy()
            floor = min(params.candidate_threshold, params.threshold)
            candidates = np.nonzero(usable & (sims >= floor))[0]
            ordered = candidates[np.argsort(-sims[candidates], kind="stable")]
            rows = []
            for index in ordered:
                row = self._rows[index]
                if row is None or row.scope != scope or row.created < min_created:
                    continue
                rows.append((float(sims[index]), row))
                if len(rows) >= params.neighbours:
                    break
        return decide(rows, query, params)


def decide(rows: list[tuple[float, _Row]], query: QuestionFeatures | None, params: MatchParams) -> Decision:
    """`rows`: the nearest usable rows, most similar first."""
    if not rows:
        return Decision(None, "below_threshold")
    best = rows[0][0]
    if best < params.threshold:
        return Decision(None, "below_threshold", best)
    if params.vote_share > 0:
        weights: dict[str, float] = {}
        for similarity, row in rows:
            weight = float(np.exp((similarity - 1.0) / params.temperature))
            weights[row.answer_key] = weights.get(row.answer_key, 0.0) + weight
        winner = max(weights, key=weights.__getitem__)
        share = weights[winner] / sum(weights.values())
        if share < params.vote_share:
            return Decision(None, "vote_split", best)
    else:
        winner, share = rows[0][1].answer_key, 1.0
    served = [(s, r) for s, r in rows if r.answer_key == winner and s >= params.threshold]
    if query is not None:
        passed = []
        failure: GuardResult | None = None
        for similarity, row in served:
            result = check(query, row.features)
            if result.ok:
                passed.append((similarity, row))
            elif failure is None:
                failure = result
        if not passed:
            return Decision(None, f"guard_{failure.reason}" if failure else "below_threshold", best)
        served = passed
    if not served:
        return Decision(None, "below_threshold", best)
    similarity, row = served[0]
    return Decision(Match(row.entry_id, similarity, share), "hit", best, [r.entry_id for _, r in served[1:]])

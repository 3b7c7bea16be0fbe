"""Retrieval metrics on section-level ranks.

Retrieved chunks are first de-duplicated to their (doc_id, section) in rank order, so three
windows of one section count once and the next distinct section moves up. A question's gold is a
list of groups (one per needed section, each listing acceptable alternatives):

- recall@k: the fraction of groups matched by a section among the first k;
- reciprocal rank: 1 / the rank of the first section that matches any group (0 if none within
  the ranking considered).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

import numpy as np

from evaluation.golden import GoldRef

SectionKey = tuple[str, str]


class ChunkLike(Protocol):
    doc_id: str
    section: str


def section_ranking(chunks: Iterable[ChunkLike]) -> list[SectionKey]:
    """Distinct (doc_id, section) pairs in the order they first appear."""
    seen: dict[SectionKey, None] = {}
    for chunk in chunks:
        seen.setdefault((chunk.doc_id, chunk.section), None)
    return list(seen)


def _group_hit(section: SectionKey, group: Sequence[GoldRef]) -> bool:
    return any(ref.matches(section[0], section[1]) for ref in group)


def recall_at_k(ranking: Sequence[SectionKey], gold_groups: Sequence[Sequence[GoldRef]], k: int) -> float:
    if not gold_groups:
        raise ValueError("recall is undefined without gold sections")
    top = ranking[:k]
    found = sum(1 for group in gold_groups if any(_group_hit(s, group) for s in top))
    return found / len(gold_groups)


def first_hit_rank(ranking: Sequence[SectionKey], gold_groups: Sequence[Sequence[GoldRef]]) -> int | None:
    for rank, section in enumerate(ranking, start=1):
        if any(_group_hit(section, group) for group in gold_groups):
            return rank
    return None


def reciprocal_rank(ranking: Sequence[SectionKey], gold_groups: Sequence[Sequence[GoldRef]], depth: int = 10) -> float:
    rank = first_hit_rank(ranking[:depth], gold_groups)
    return 0.0 if rank is None else 1.0 / rank


def is_gold(section: SectionKey, gold_groups: Sequence[Sequence[GoldRef]]) -> bool:
    return any(_group_hit(section, group) for group in gold_groups)


def mean(values: Iterable[float | None]) -> float | None:
    kept = [float(v) for v in values if v is not None]
    return float(np.mean(kept)) if kept else None


def percentile(values: Iterable[float | None], q: float) -> float | None:
    kept = [float(v) for v in values if v is not None]
    return float(np.percentile(kept, q)) if kept else None


def rate(flags: Iterable[bool | None]) -> float | None:
    kept = [bool(f) for f in flags if f is not None]
    return sum(kept) / len(kept) if kept else None

"""Choosing the passages that go into the prompt: the best-ranked that fit the token budget, then
put in a stable order (by document and position) so the LLM server's prefix cache can reuse a
prompt whose passages it has seen before, whatever their ranks were this time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from core.prompts import format_passage
from core.retrieval import RetrievedChunk

MIN_PASSAGE_TOKENS = 48


def pack_passages(
    ranked: Sequence[RetrievedChunk], budget_tokens: int, count_tokens: Callable[[str], int]
) -> tuple[list[RetrievedChunk], int]:
    """The passages that fit `budget_tokens`, best rank first; a passage that does not fit is
    skipped (a later, shorter one may). When not even the best passage fits, it is cut to the
    budget rather than dropped. Returns the chosen passages (rank order) and their token count."""
    chosen: list[RetrievedChunk] = []
    used = 0
    for chunk in ranked:
        cost = count_tokens(format_passage(chunk))
        if used + cost <= budget_tokens:
            chosen.append(chunk)
            used += cost
    if not chosen and ranked and budget_tokens >= MIN_PASSAGE_TOKENS:
        best = ranked[0]
        cost = count_tokens(format_passage(best))
        keep_chars = max(1, int(len(best.text) * budget_tokens / max(cost, 1) * 0.9))
        cut = replace(best, text=best.text[:keep_chars].rsplit(" ", 1)[0] + " ...")
        chosen.append(cut)
        used = count_tokens(format_passage(cut))
    return chosen, used


def prompt_order(passages: Sequence[RetrievedChunk]) -> list[RetrievedChunk]:
    return sorted(passages, key=lambda c: (c.doc_id, c.position, c.chunk_id))

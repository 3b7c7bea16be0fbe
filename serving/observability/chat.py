"""What the chat pipeline (serving/pipeline.py) tells observability about one answer:
`start_chat` when the question is known, `observe(...)` around the event stream it returns
(cache hit, "not covered" or generated). Both do nothing outside a request the middleware opened."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from serving.events import CitationsEvent, DoneEvent, ErrorEvent, Event, FlagEvent, RevisionEvent, TokenEvent
from serving.observability.context import ChatRecord, current

if TYPE_CHECKING:
    from core.answer_cache import CacheLookup
    from serving.gateway.deps import Quota
    from serving.gateway.queue import Slot
    from serving.rag import Prepared


def start_chat(quota: Quota, question: str) -> ChatRecord | None:
    ctx = current()
    if ctx is None:
        return None
    record = ChatRecord(question=question, tier=quota.principal.tier)
    ctx.chat = record
    ctx._quota = quota  # type: ignore[attr-defined]  # read at the end for the budget left
    return record


def note_cache(lookup: CacheLookup | None, cache_on: bool) -> None:
    ctx = current()
    if ctx is None or ctx.chat is None:
        return
    if lookup is None:
        ctx.chat.cache_status = "miss" if cache_on else "bypass"
        return
    ctx.chat.cache_status = lookup.status
    if "cache_ms" in lookup.timings:
        ctx.chat.timings["cache_lookup_ms"] = lookup.timings["cache_ms"]
    ctx.chat.marks["cache_done"] = time.perf_counter()
    ctx.chat.cache_similarity = float(lookup.similarity)


def note_prepared(prepared: Prepared) -> None:
    ctx = current()
    if ctx is None or ctx.chat is None:
        return
    record = ctx.chat
    record.standalone_question = prepared.standalone_question
    record.prompt = [dict(m) for m in prepared.messages]
    record.passages = [
        {"chunk_id": c.chunk_id, "doc_id": c.doc_id, "score": round(float(c.score), 6), "rank": c.rank}
        for c in prepared.passages
    ]
    scores = [float(c.score) for c in prepared.retrieval.chunks] if prepared.retrieval.chunks else []
    record.top_score = max(scores) if scores else None
    record.timings.update(prepared.timings)
    record.marks["prepared"] = time.perf_counter()


def note_slot(slot: Slot) -> None:
    ctx = current()
    if ctx is not None and ctx.chat is not None:
        ctx.chat.queue_wait_s = slot.waited_s


async def observe(events: AsyncIterator[Event]) -> AsyncIterator[Event]:
    """Pass `events` on unchanged, noting what the client gets."""
    ctx = current()
    record = ctx.chat if ctx is not None else None
    if record is None:
        async for event in events:
            yield event
        return
    started = time.perf_counter()
    record.marks["generation_started"] = started
    try:
        async for event in events:
            if isinstance(event, TokenEvent):
                if record.first_chunk_at is None:
                    record.first_chunk_at = time.perf_counter()
                    record.marks["first_chunk"] = record.first_chunk_at
                record.served_parts.append(event.text)
            elif isinstance(event, FlagEvent):
                record.flagged_sentences.append(event.text)
            elif isinstance(event, RevisionEvent):
                record.withdrawn.append(event.withdrawn_text)
            elif isinstance(event, CitationsEvent):
                record.citations = [c.chunk_id for c in event.citations]
            elif isinstance(event, DoneEvent):
                _note_done(record, event, started)
            elif isinstance(event, ErrorEvent):
                record.error, record.error_code = event.message, event.code
            yield event
    finally:
        record.marks.setdefault("generation_ended", time.perf_counter())


def note_cut(prompt_tokens: int, completion_tokens: int) -> None:
    """The answer stream was closed before its end (the client left): the record gets what was
    charged for it and `error_code` "client_disconnected" (unless it already ended or failed)."""
    ctx = current()
    record = ctx.chat if ctx is not None else None
    if record is None or record.finish_reason or record.error_code:
        return
    record.error, record.error_code = "the client disconnected before the answer ended", "client_disconnected"
    record.usage = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens, "cached_tokens": None}
    record.marks.setdefault("generation_ended", time.perf_counter())


def _note_done(record: ChatRecord, event: DoneEvent, started: float) -> None:
    record.finish_reason = event.finish_reason
    record.not_covered = event.not_covered
    usage = event.usage
    cached = usage.cached_tokens
    if cached is None and "server_cache_n" in event.timings:
        cached = int(event.timings["server_cache_n"])
    record.usage = {
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "cached_tokens": cached,
    }
    record.timings.update({k: float(v) for k, v in event.timings.items()})
    record.marks["generation_ended"] = time.perf_counter()
    if event.grounding is not None:
        record.grounding = dict(event.grounding)


def grounding_outcome(grounding: dict[str, Any] | None) -> tuple[str, str] | None:
    """(verdict, action) of the guard's summary on the done event; None when not checked."""
    if not grounding or grounding.get("skipped"):
        return None
    verdict = str(grounding.get("verdict") or ("supported" if grounding.get("grounded") else "unsupported"))
    if verdict == "supported":
        return verdict, "pass"
    action = "replace" if grounding.get("replaced") else str(grounding.get("policy") or "flag")
    return verdict, action

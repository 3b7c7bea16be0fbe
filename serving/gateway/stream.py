"""Event-stream helpers that put the gateway and the response cache around `RagService.answer`
(both renderings, OpenAI-compatible and native SSE, consume the result unchanged).

- `metered`: passes events through; when the stream ends (done, error, or cut because the client
  went away) it settles the token reservation with the real count and releases the slot.
- `caching`: passes events through; on a complete, grounded answer with citations, stores it.
- `replay`: a cached answer as the same event sequence a generation produces.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.answer_cache.non_answer import is_non_answer
from serving.events import Citation, CitationsEvent, DoneEvent, ErrorEvent, Event, TokenEvent, Usage
from serving.gateway.limits import TokenGrant

if TYPE_CHECKING:
    import numpy as np

    from core.answer_cache import AnswerCache, CacheEntry
    from serving.gateway.queue import Slot
    from serving.gateway.service import Gateway

log = logging.getLogger(__name__)


@dataclass
class Settlement:
    """What `metered` charged: `how` is "usage" (the done event's), "error" (the model failed),
    "cut" (the stream was closed early: the client left) or "" (not settled yet)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    how: str = ""


async def metered(
    events: AsyncIterator[Event],
    gateway: Gateway,
    grant: TokenGrant,
    slot: Slot | None,
    prompt_tokens: int,
    generated: Callable[[], int] | None = None,
    settlement: Settlement | None = None,
) -> AsyncGenerator[Event, None]:
    """Settle `grant` with the usage the `DoneEvent` reports (the model server's own count), or,
    when the stream ends early, with `prompt_tokens` and the tokens generated so far (`generated()`,
    the model's deltas, else the token events streamed): a client that disconnects is charged for
    what was generated, the rest is refunded; nothing when the model failed before producing
    anything. Closing this stream closes `events` first (so the model server stops generating),
    then settles. The slot is released in every case. `settlement` (if given) records the charge."""
    streamed = 0
    charged = settlement if settlement is not None else Settlement()
    errored = False

    def count() -> int:
        return max(streamed, generated()) if generated is not None else streamed

    async def finish(prompt: int, completion: int, how: str) -> None:
        if not charged.how:
            charged.prompt_tokens, charged.completion_tokens, charged.how = prompt, completion, how
            await gateway.limiter.settle(grant, prompt, completion)

    try:
        async for event in events:
            if isinstance(event, TokenEvent):
                streamed += 1  # llama.cpp and SGLang stream about one token per chunk
            elif isinstance(event, DoneEvent):
                usage = event.usage
                if event.not_covered or (usage.total_tokens == 0 and count() == 0):
                    await finish(0, 0, "usage")  # the fixed "not covered" answer: no model call
                else:
                    await finish(usage.prompt_tokens or prompt_tokens, usage.completion_tokens or count(), "usage")
            elif isinstance(event, ErrorEvent):
                errored = True
                await finish(prompt_tokens if count() else 0, count(), "error")
            yield event
    finally:

        async def close() -> None:
            await _aclose(events)  # the model's stream first: the server stops generating
            produced = count()
            prompt = prompt_tokens if produced or not errored else 0
            try:
                await finish(prompt, produced, "cut")
            except Exception:  # the reservation expires on its own; never fail the response for it
                log.warning("gateway: could not settle a token reservation", exc_info=True)
            if slot is not None:
                await slot.release()

        await asyncio.shield(close())


async def _aclose(events: AsyncIterator[Event]) -> None:
    close = getattr(events, "aclose", None)
    if close is None:
        return
    try:
        await close()
    except RuntimeError:  # still running (closed from inside): its own `finally` unwinds it
        log.debug("gateway: the answer stream was still running at close", exc_info=True)
    except Exception:
        log.warning("gateway: closing the answer stream failed", exc_info=True)


def caching(
    events: AsyncIterator[Event],
    cache: AnswerCache,
    question: str,
    scope: str,
    vector: np.ndarray | None = None,
    grounded: Callable[[], bool | None] | None = None,
) -> AsyncIterator[Event]:
    """Store the answer once the stream completes: finish reason "stop", citations present, no
    error, not flagged by the grounding guard (`DoneEvent.flagged`), `grounded()` (an extra
    verdict, read at the end) not False, and not a statement of having no answer ("I do not know."). Put it after the grounding stage, so the text stored is
    the text the client saw. The store runs in a worker thread after the done event is passed on."""

    async def run() -> AsyncIterator[Event]:
        parts: list[str] = []
        citations: list[dict[str, Any]] = []
        async for event in events:
            yield event
            if isinstance(event, TokenEvent):
                parts.append(event.text)
            elif isinstance(event, CitationsEvent):
                citations = [c.to_dict() for c in event.citations]
            elif isinstance(event, DoneEvent):
                verdict = grounded() if grounded is not None else True
                flagged = bool(getattr(event, "flagged", False))  # the grounding guard's verdict
                if (
                    event.finish_reason == "stop"
                    and not event.not_covered
                    and citations
                    and not flagged
                    and verdict is not False
                    and not is_non_answer("".join(parts))
                ):
                    try:
                        await asyncio.to_thread(
                            cache.store, question, "".join(parts), citations, scope, None, vector, True
                        )
                    except Exception:
                        log.warning("response cache: could not store an answer", exc_info=True)
            elif isinstance(event, ErrorEvent):
                return

    return run()


async def replay(entry: CacheEntry, cache_ms: float = 0.0) -> AsyncIterator[Event]:
    """A cached answer as events: one token event with the whole text, its citations, done (no
    usage: no model was called)."""
    yield TokenEvent(entry.answer)
    citations = []
    for raw in entry.citations:
        known = {k: raw[k] for k in Citation.__dataclass_fields__ if k in raw}
        defaults = {"doc_id": "", "title": "", "section": "", "url": "", "chunk_id": "", "score": 0.0, "rank": 0}
        citations.append(Citation(**{**defaults, **known}))
    yield CitationsEvent(citations)
    yield DoneEvent("stop", Usage(), False, {"cache_ms": cache_ms, "total_ms": cache_ms}, "")


async def errors_as_events(events: AsyncIterator[Event]) -> AsyncIterator[Event]:
    """An unexpected exception inside the answer stream becomes an `ErrorEvent` (an SSE `error`
    event, an OpenAI error chunk or a 5xx), so no stream ends cut without saying why. Closing it
    closes `events`."""
    try:
        async for event in events:
            yield event
    except Exception:
        log.exception("the answer stream failed")
        yield ErrorEvent("the answer failed on the server; see the server log", "internal_error", 500)
    finally:
        await _aclose(events)

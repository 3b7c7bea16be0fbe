"""Two renderings of one event stream: the native SSE stream (`token`, `citations`, `done`,
`error`, and the guard's `flag` and `revision`) and OpenAI's chat completion (streamed chunks or
one response). Neither adds to or changes what the events say.

OpenAI clients only see content, so the guard's events become text there: a flagged sentence
(policy "mark") is preceded by FLAG_MARK, and a replacement that follows text already sent is
preceded by CORRECTION; the grounding result is the extra top-level `grounding` field."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from sse_starlette import ServerSentEvent

from core.ids import uuid4_hex
from serving.events import (
    Citation,
    CitationsEvent,
    DoneEvent,
    ErrorEvent,
    Event,
    FlagEvent,
    RevisionEvent,
    TokenEvent,
)
from serving.observability.context import current_request_id
from serving.rag import Prepared

SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no", "Connection": "keep-alive"}
FLAG_MARK = "[Not confirmed by our help centre] "
CORRECTION = "\n\n— Correction: "


def sse(data: dict[str, Any] | str, event: str | None = None) -> str:
    """One SSE message, encoded by sse-starlette (a JSON payload, or a string as it is)."""
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return ServerSentEvent(data=payload, event=event, sep="\n").encode().decode("utf-8")


def _meta(prepared: Prepared) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "standalone_question": prepared.standalone_question,
        "retrieval_mode": prepared.retrieval.mode,
        "history_turns": prepared.history_turns,
        "context_tokens": prepared.context_tokens,
        "answer_mode": prepared.answer_mode,
    }
    if prepared.composition is not None:
        meta["composition"] = prepared.composition
    return meta


def done_payload(event: DoneEvent, prepared: Prepared) -> dict[str, Any]:
    payload = {
        "finish_reason": event.finish_reason,
        "not_covered": event.not_covered,
        "usage": event.usage.to_openai(),
        "timings": {k: round(v, 2) for k, v in event.timings.items()},
        "prompt_version": event.prompt_version,
        **_meta(prepared),
    }
    if event.grounding is not None:
        payload["grounding"] = event.grounding
    request_id = current_request_id()
    if request_id:
        payload["request_id"] = request_id  # the request log's key (also the X-Request-Id header)
    return payload


def _grounding_extra(event: DoneEvent) -> dict[str, Any]:
    return {"grounding": event.grounding} if event.grounding is not None else {}


class _ContentText:
    """The text an OpenAI client sees for the guard's events (see the module's docstring)."""

    def __init__(self) -> None:
        self.sent = False
        self.after_revision = False

    def __call__(self, event: Event) -> str | None:
        if isinstance(event, TokenEvent):
            text = event.text.lstrip() if self.after_revision else event.text
            self.after_revision = False
            self.sent = self.sent or bool(text)
            return text
        if isinstance(event, FlagEvent):
            self.sent = True
            return FLAG_MARK
        if isinstance(event, RevisionEvent):
            self.after_revision = True
            return CORRECTION if self.sent else ""
        return None


def error_payload(event: ErrorEvent) -> dict[str, Any]:
    return {"message": event.message, "code": event.code}


# --- native SSE ------------------------------------------------------------------------------
async def native_sse(prepared: Prepared, events: AsyncIterator[Event]) -> AsyncIterator[str]:
    async for event in events:
        if isinstance(event, TokenEvent):
            yield sse({"text": event.text}, "token")
        elif isinstance(event, CitationsEvent):
            yield sse({"citations": [c.to_dict() for c in event.citations]}, "citations")
        elif isinstance(event, FlagEvent):
            yield sse(event.to_dict(), "flag")
        elif isinstance(event, RevisionEvent):
            yield sse(event.to_dict(), "revision")
        elif isinstance(event, DoneEvent):
            yield sse(done_payload(event, prepared), "done")
        elif isinstance(event, ErrorEvent):
            yield sse(error_payload(event), "error")
            return


# --- OpenAI ------------------------------------------------------------------------------------
@dataclass
class CompletionIds:
    model: str
    id: str = field(default_factory=lambda: f"chatcmpl-{uuid4_hex()}")
    created: int = field(default_factory=lambda: int(time.time()))

    def chunk(self, choices: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "chat.completion.chunk",
            "created": self.created,
            "model": self.model,
            "choices": choices,
            **extra,
        }

    def completion(self, content: str, finish_reason: str, usage: dict[str, Any], **extra: Any) -> dict[str, Any]:
        """A whole (not streamed) chat completion with one assistant message."""
        return {
            "id": self.id,
            "object": "chat.completion",
            "created": self.created,
            "model": self.model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": finish_reason,
                    "logprobs": None,
                }
            ],
            "usage": usage,
            **extra,
        }


def _sources(citations: list[Citation]) -> list[dict[str, Any]]:
    return [c.to_dict() for c in citations]


async def openai_stream(
    prepared: Prepared, events: AsyncIterator[Event], ids: CompletionIds, include_usage: bool
) -> AsyncIterator[str]:
    """OpenAI's streamed chunks. The chunk with `finish_reason` (and the usage chunk, when asked
    for) carries the extra top-level `sources` and `ragdesk` fields."""
    yield sse(ids.chunk([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]))
    citations: list[Citation] = []
    content = _ContentText()
    async for event in events:
        text = content(event)
        if text:
            yield sse(ids.chunk([{"index": 0, "delta": {"content": text}, "finish_reason": None}]))
        elif isinstance(event, CitationsEvent):
            citations = event.citations
        elif isinstance(event, DoneEvent):
            extra = {
                "sources": _sources(citations),
                "ragdesk": done_payload(event, prepared),
                **_grounding_extra(event),
            }
            yield sse(ids.chunk([{"index": 0, "delta": {}, "finish_reason": event.finish_reason}], **extra))
            if include_usage:
                yield sse(ids.chunk([], usage=event.usage.to_openai(), **extra))
        elif isinstance(event, ErrorEvent):
            # The `openai` client raises on a chunk with an `error` key.
            yield sse({"error": {"message": event.message, "type": "server_error", "code": event.code}})
            return
    yield sse("[DONE]")


async def openai_completion(
    prepared: Prepared, events: AsyncIterator[Event], ids: CompletionIds
) -> dict[str, Any] | ErrorEvent:
    """One OpenAI chat completion, or the error event that ended the stream."""
    parts: list[str] = []
    citations: list[Citation] = []
    done: DoneEvent | None = None
    content = _ContentText()
    async for event in events:
        text = content(event)
        if text:
            parts.append(text)
        elif isinstance(event, CitationsEvent):
            citations = event.citations
        elif isinstance(event, DoneEvent):
            done = event
        elif isinstance(event, ErrorEvent):
            return event
    if done is None:
        return ErrorEvent("the answer stream ended without finishing", "incomplete_stream", 502)
    return ids.completion(
        "".join(parts),
        done.finish_reason,
        done.usage.to_openai(),
        sources=_sources(citations),
        ragdesk=done_payload(done, prepared),
        **_grounding_extra(done),
    )


async def peek(events: AsyncIterator[Event]) -> tuple[Event | None, AsyncIterator[Event]]:
    """The first event and a stream that still yields it: lets a streamed response answer with an
    HTTP error status when the stream fails before its first token."""
    try:
        first = await anext(events)
    except StopAsyncIteration:
        return None, events

    async def chained() -> AsyncIterator[Event]:
        try:
            yield first
            async for event in events:
                yield event
        finally:
            close = getattr(events, "aclose", None)
            if close is not None:
                await close()

    return first, chained()

"""The customer's confirmation of a handoff, in the two chat renderings (serving/render.py):

- native SSE: a `handoff` event ({id, status, delivery, message, created_at}), then the message
  as one `token`, an empty `citations` and a `done` that carries `handoff` as well, so a client
  that only reads tokens still shows the confirmation;
- OpenAI: the message as the assistant's content and the extra top-level `handoff` field, in one
  completion or as streamed chunks.

No model is called, so usage is zero."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from serving.handoff.store import HandoffItem
from serving.render import CompletionIds, sse

ZERO_USAGE = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}


def handoff_info(item: HandoffItem, message: str) -> dict[str, Any]:
    return {
        "id": item.id,
        "status": item.status,
        "delivery": item.delivery,
        "created_at": item.created_at,
        "reason": item.reason,
        "message": message,
    }


def headers(item: HandoffItem) -> dict[str, str]:
    return {"X-Handoff-Id": str(item.id)}


async def native_sse(item: HandoffItem, message: str, elapsed_ms: float) -> AsyncIterator[str]:
    info = handoff_info(item, message)
    yield sse(info, "handoff")
    yield sse({"text": message}, "token")
    yield sse({"citations": []}, "citations")
    yield sse(
        {
            "finish_reason": "stop",
            "not_covered": False,
            "usage": ZERO_USAGE,
            "timings": {"total_ms": round(elapsed_ms, 2)},
            "prompt_version": "",
            "standalone_question": item.question,
            "handoff": info,
        },
        "done",
    )


def openai_completion(item: HandoffItem, message: str, ids: CompletionIds) -> dict[str, Any]:
    return ids.completion(message, "stop", ZERO_USAGE, sources=[], handoff=handoff_info(item, message))


async def openai_stream(item: HandoffItem, message: str, ids: CompletionIds, include_usage: bool) -> AsyncIterator[str]:
    info = {"handoff": handoff_info(item, message), "sources": []}
    yield sse(ids.chunk([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]))
    yield sse(ids.chunk([{"index": 0, "delta": {"content": message}, "finish_reason": None}]))
    yield sse(ids.chunk([{"index": 0, "delta": {}, "finish_reason": "stop"}], **info))
    if include_usage:
        yield sse(ids.chunk([], usage=ZERO_USAGE, **info))
    yield sse("[DONE]")

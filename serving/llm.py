"""Streaming from the OpenAI-compatible generation server (SGLang on a GPU, llama.cpp on a CPU).

Nothing here knows which server it talks to: the URL and model come from the settings, and the
sampling parameters that only some servers read go in `extra_body`, where others ignore them.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import openai

from core.prompts import STOP_SEQUENCES
from core.settings import Settings
from serving.events import Usage

if TYPE_CHECKING:
    from openai import AsyncOpenAI


@dataclass(frozen=True)
class GenerationParams:
    max_tokens: int
    temperature: float
    repeat_penalty: float
    stop: list[str] = field(default_factory=lambda: list(STOP_SEQUENCES))

    @classmethod
    def from_settings(
        cls, settings: Settings, max_tokens: int | None = None, temperature: float | None = None
    ) -> GenerationParams:
        """The configured parameters; a request may ask for fewer tokens, never more."""
        limit = settings.llm_max_tokens if max_tokens is None else min(max_tokens, settings.llm_max_tokens)
        return cls(
            max_tokens=limit,
            temperature=settings.llm_temperature if temperature is None else temperature,
            repeat_penalty=settings.llm_repeat_penalty,
        )

    def extra_body(self) -> dict[str, Any]:
        # llama.cpp reads `repeat_penalty`, SGLang and vLLM `repetition_penalty`.
        return {"repeat_penalty": self.repeat_penalty, "repetition_penalty": self.repeat_penalty}


@dataclass(frozen=True)
class Delta:
    text: str


@dataclass(frozen=True)
class Finish:
    finish_reason: str
    usage: Usage
    server_timings: dict[str, float]


class LLMError(Exception):
    """The generation server failed; `code` says how (unavailable, timeout, error)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def _usage_from(raw: Any) -> Usage:
    if raw is None:
        return Usage()
    details = getattr(raw, "prompt_tokens_details", None)
    cached = getattr(details, "cached_tokens", None) if details is not None else None
    return Usage(int(raw.prompt_tokens or 0), int(raw.completion_tokens or 0), cached)


def _server_timings(chunk: Any) -> dict[str, float]:
    """llama.cpp adds a `timings` object to its last chunk; keep the numbers it reports."""
    extra = getattr(chunk, "model_extra", None) or {}
    timings = extra.get("timings") or {}
    keep = ("prompt_n", "prompt_ms", "predicted_n", "predicted_ms", "cache_n")
    return {f"server_{k}": float(timings[k]) for k in keep if isinstance(timings.get(k), int | float)}


async def stream_chat(
    client: AsyncOpenAI, model: str, messages: list[dict[str, str]], params: GenerationParams
) -> AsyncGenerator[Delta | Finish, None]:
    """Text deltas, then one `Finish`. Raises `LLMError` when the server cannot be reached, times
    out or answers with an error. Closing the iterator closes the HTTP stream, so the server
    stops generating for a client that went away."""
    try:
        stream = await client.chat.completions.create(  # type: ignore[call-overload]
            model=model,
            messages=messages,
            stream=True,
            stream_options={"include_usage": True},
            max_tokens=params.max_tokens,
            temperature=params.temperature,
            stop=params.stop,
            extra_body=params.extra_body(),
        )
    except openai.APIError as exc:
        raise _llm_error(exc) from exc
    finish_reason = "stop"
    usage = Usage()
    timings: dict[str, float] = {}
    try:
        async for chunk in stream:
            if chunk.usage is not None:
                usage = _usage_from(chunk.usage)
                timings = _server_timings(chunk)
            for choice in chunk.choices:
                if choice.delta and choice.delta.content:
                    yield Delta(choice.delta.content)
                if choice.finish_reason:
                    finish_reason = choice.finish_reason
    except openai.APIError as exc:
        raise _llm_error(exc) from exc
    except Exception as exc:
        # Mid-stream the client library does not wrap transport errors (its HTTP client's own
        # RemoteProtocolError, ReadError, ReadTimeout...): the server died or cut the connection.
        if "timeout" in type(exc).__name__.lower():
            raise LLMError("the answer model stopped responding in the middle of the answer", "llm_timeout") from exc
        raise LLMError("the answer model went away in the middle of the answer", "llm_unavailable") from exc
    finally:
        with contextlib.suppress(Exception):  # closing a dead connection must not hide the error
            await stream.close()
    yield Finish(finish_reason, usage, timings)


def _llm_error(exc: openai.APIError) -> LLMError:
    if isinstance(exc, openai.APITimeoutError):
        return LLMError("the answer model did not respond in time", "llm_timeout")
    if isinstance(exc, openai.APIConnectionError):
        return LLMError("the answer model is not reachable", "llm_unavailable")
    status = getattr(exc, "status_code", None)
    return LLMError(f"the answer model returned an error ({status or type(exc).__name__})", "llm_error")

"""The answer as a stream of typed events. `RagService.generate` produces them; the native SSE
endpoint and the OpenAI-compatible endpoint are two renderings of the same stream, and stages
that come later (the grounding guard, the gateway's cache) consume and re-emit it.

Order: `TokenEvent`+, then one `CitationsEvent`, then one `DoneEvent`; or an `ErrorEvent` at any
point, after which nothing follows.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class Citation:
    """A source passage behind the answer, attached from the retrieval side (never parsed from
    the model's text)."""

    doc_id: str
    title: str
    section: str
    url: str
    chunk_id: str
    score: float
    rank: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int | None = None

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def to_openai(self) -> dict[str, Any]:
        usage: dict[str, Any] = {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.total_tokens,
        }
        if self.cached_tokens is not None:
            usage["prompt_tokens_details"] = {"cached_tokens": self.cached_tokens}
        return usage


@dataclass(frozen=True)
class TokenEvent:
    text: str
    kind: Literal["token"] = "token"


@dataclass(frozen=True)
class CitationsEvent:
    citations: list[Citation]
    kind: Literal["citations"] = "citations"


@dataclass(frozen=True)
class DoneEvent:
    finish_reason: str  # OpenAI's values: "stop" or "length"
    usage: Usage
    not_covered: bool = False  # True: the fixed "not covered" answer, no model call
    timings: dict[str, float] = field(default_factory=dict)  # milliseconds
    prompt_version: str = ""
    kind: Literal["done"] = "done"


@dataclass(frozen=True)
class ErrorEvent:
    message: str
    code: str  # e.g. "llm_unavailable", "llm_timeout", "llm_error"
    status: int = 503  # the HTTP status a non-streamed response uses
    kind: Literal["error"] = "error"


Event = TokenEvent | CitationsEvent | DoneEvent | ErrorEvent

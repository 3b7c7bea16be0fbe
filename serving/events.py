"""The answer as a stream of typed events. `RagService.generate` produces them; the native SSE
endpoint and the OpenAI-compatible endpoint are two renderings of the same stream, and stages
that come later (the grounding guard, the gateway's cache) consume and re-emit it.

Order: `TokenEvent`+, then one `CitationsEvent`, then one `DoneEvent`; or an `ErrorEvent` at any
point, after which nothing follows. The grounding guard (serving/guard.py) may add a `FlagEvent`
before the tokens of a sentence it could not confirm (policy "mark"), or one `RevisionEvent`
followed by the replacement's tokens (policies "replace" and "hold").
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
        # by hand: `dataclasses.asdict` deep-copies field by field, ~30 us a citation (profiled:
        # a tenth of an exact cache hit's event-loop time went to the five `sources`)
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "section": self.section,
            "url": self.url,
            "chunk_id": self.chunk_id,
            "score": self.score,
            "rank": self.rank,
        }


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
    # set by the grounding guard: {grounded, claims, policy, replaced, elapsed_ms, ...}; None = not checked
    grounding: dict[str, Any] | None = None
    kind: Literal["done"] = "done"

    @property
    def flagged(self) -> bool:
        """True when the guard found a claim it could not confirm: such answers must not be
        cached (the response cache reads this)."""
        return self.grounding is not None and not self.grounding.get("grounded", False)


@dataclass(frozen=True)
class ErrorEvent:
    message: str
    code: str  # e.g. "llm_unavailable", "llm_timeout", "llm_error"
    status: int = 503  # the HTTP status a non-streamed response uses
    kind: Literal["error"] = "error"


@dataclass(frozen=True)
class FlagEvent:
    """Policy "mark": the sentence whose tokens follow could not be confirmed from the passages.
    Comes before those tokens, so a client can render them as flagged from the first character."""

    text: str
    verdict: str  # "contradicted" or "unsupported"
    evidence: str | None = None
    score: float = 0.0
    kind: Literal["flag"] = "flag"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "verdict": self.verdict, "evidence": self.evidence, "score": self.score}


@dataclass(frozen=True)
class RevisionEvent:
    """The guard withdrew model text (never sent as tokens) and replaces it: the token events
    that follow are the replacement. `kept_text` was already released and stays."""

    action: Literal["replace"]
    withdrawn_text: str
    replacement_text: str
    reason: str  # e.g. "contradicted: number_mismatch: 45 days vs 30 days"
    kept_text: str = ""
    claims: list[dict[str, Any]] = field(default_factory=list)  # the withdrawn sentence's verdicts
    kind: Literal["revision"] = "revision"

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "withdrawn_text": self.withdrawn_text,
            "replacement_text": self.replacement_text,
            "reason": self.reason,
            "kept_text": self.kept_text,
            "claims": self.claims,
        }


Event = TokenEvent | CitationsEvent | DoneEvent | ErrorEvent | FlagEvent | RevisionEvent

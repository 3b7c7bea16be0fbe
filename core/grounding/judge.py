"""Optional LLM judge (any OpenAI-compatible server), consulted only for claims the classifier
is unsure about. Off unless GROUNDING_JUDGE_BASE_URL is set. Small local models were unreliable
as judges (see MODELS.md); a large model on a GPU server is what this is for."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from core.settings import Settings

log = logging.getLogger(__name__)

JudgeVerdict = Literal["supported", "contradicted", "unsupported"]

_PROMPT = """You check a customer-support answer against help-centre passages.

Passages:
{passages}

Question: {question}
Claim: {claim}

Does the information in the passages support the claim? Reply with exactly one word:
SUPPORTED (the passages state it or clearly imply it),
CONTRADICTED (the passages say something different, e.g. another number or the opposite),
NOT_FOUND (the passages do not say it)."""

_ANSWER = re.compile(r"\b(SUPPORTED|CONTRADICTED|NOT[_ ]FOUND|UNSUPPORTED)\b", re.I)


class LLMJudge:
    def __init__(
        self, base_url: str, model: str, api_key: str = "not-needed", timeout_s: float = 10.0, client: Any = None
    ):
        self.model = model
        if client is None:
            from openai import OpenAI

            client = OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout_s, max_retries=0)
        self.client = client

    def judge(self, question: str, claim: str, evidence: list[str]) -> JudgeVerdict | None:
        """The judge's verdict, or None when it failed or answered something unreadable."""
        prompt = _PROMPT.format(
            passages="\n".join(f"- {e}" for e in evidence) or "(none)", question=question or "-", claim=claim
        )
        try:
            response = self.client.chat.completions.create(
                model=self.model, messages=[{"role": "user", "content": prompt}], temperature=0.0, max_tokens=8
            )
            text = response.choices[0].message.content or ""
        except Exception as exc:
            log.warning("grounding judge failed: %s", exc)
            return None
        m = _ANSWER.search(text)
        if not m:
            log.warning("grounding judge gave an unreadable answer: %r", text[:80])
            return None
        word = m.group(1).upper().replace(" ", "_")
        return {"SUPPORTED": "supported", "CONTRADICTED": "contradicted"}.get(word, "unsupported")  # type: ignore[return-value]


def make_judge(settings: Settings) -> LLMJudge | None:
    if not settings.grounding_judge_base_url:
        return None
    return LLMJudge(
        base_url=settings.grounding_judge_base_url,
        model=settings.grounding_judge_model,
        api_key=settings.grounding_judge_api_key,
        timeout_s=settings.grounding_judge_timeout_s,
    )

"""Optional LLM judge (any OpenAI-compatible server). Off unless GROUNDING_JUDGE_BASE_URL is set.

Small local models were unreliable as judges (see MODELS.md and `bench/grounding_judge.py`); a
capable instruct model on a GPU server is what this is for. It reads the retrieved passages whole
(up to GROUNDING_JUDGE_CONTEXT_CHARS), the question and the whole answer, and rules on one claim
of that answer: a claim such as "So sending it back on 20 May works" can only be judged with the
sentences around it. Which claims it sees is GROUNDING_JUDGE_SCOPE (see `in_scope`)."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from core.settings import Settings

log = logging.getLogger(__name__)

JudgeVerdict = Literal["supported", "contradicted", "unsupported"]
JudgeScope = Literal["uncertain", "flagged", "all"]

_PROMPT = """You check one claim of a customer-support answer against the help-centre passages it was written from.

Passages:
{passages}

Customer's question: {question}

The whole answer (for context): {answer}

Claim to check: {claim}

Do the passages support the claim? Reasoning from the passages and the customer's own facts
(for example, adding a return window to the delivery date) counts as support. Give one verdict:
SUPPORTED (the passages state it or it follows from them and the question),
CONTRADICTED (the passages say something different, e.g. another number, condition or the opposite),
NOT_FOUND (the passages do not say it)."""

_VERDICT_FORMAT = {
    "type": "json_schema",
    "json_schema": {
        "name": "verdict",
        "strict": True,
        "schema": {
            "type": "object",
            "properties": {"verdict": {"type": "string", "enum": ["SUPPORTED", "CONTRADICTED", "NOT_FOUND"]}},
            "required": ["verdict"],
            "additionalProperties": False,
        },
    },
}
SELF_TEST_RETRY_S = 30
_ANSWER = re.compile(r"\b(SUPPORTED|CONTRADICTED|NOT[_ ]FOUND|UNSUPPORTED)\b", re.I)


def judge_context(passages: Sequence[str], budget_chars: int) -> str:
    """The passages in retrieval order, each cut so that all of them fit in `budget_chars`
    (an even share each; a short passage leaves its unused share to the later ones)."""
    parts: list[str] = []
    left = max(0, budget_chars)
    for i, passage in enumerate(passages):
        share = left // max(1, len(passages) - i)
        text = " ".join(passage.split())
        if len(text) > share:
            text = text[: max(0, share - 1)].rstrip() + "…"
        left -= len(text)
        parts.append(f"[{i + 1}] {text}")
    return "\n".join(parts) or "(none)"


class LLMJudge:
    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str = "not-needed",
        timeout_s: float = 10.0,
        client: Any = None,
        context_chars: int = 6000,
        constrained: bool = True,
        self_tested: bool = False,
    ):
        self.model = model
        self.context_chars = context_chars
        self.constrained = constrained
        # None: must pass `self_test` before its verdicts are used (see `usable`)
        self.trusted: bool | None = None if self_tested else True
        self._next_test = 0.0
        self._lock = threading.Lock()
        if client is None:
            from openai import OpenAI

            client = OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout_s, max_retries=0)
        self.client = client

    def usable(self) -> bool:
        """Whether its verdicts may be used. A judge that must pass the self-test runs it on first
        use (again every SELF_TEST_RETRY_S while the server gives no answer, e.g. still loading):
        passed, it is used from then on; failed, never (logged as an error)."""
        if self.trusted is not None:
            return self.trusted
        with self._lock:
            if self.trusted is not None:
                return self.trusted
            now = time.monotonic()
            if now < self._next_test:
                return False
            passed, detail = self_test(self)
            if passed is None:
                self._next_test = now + SELF_TEST_RETRY_S
                log.warning(
                    "grounding judge %s not used yet: no answer to its self-test (%s); trying again in %ds",
                    self.model,
                    detail,
                    SELF_TEST_RETRY_S,
                )
                return False
            self.trusted = passed
            if passed:
                log.info("grounding judge %s passed its self-test (%s)", self.model, detail)
            else:
                log.error("grounding judge %s disabled: it failed its self-test (%s)", self.model, detail)
            return passed

    def prompt(self, question: str, claim: str, passages: Sequence[str], answer: str = "") -> str:
        return _PROMPT.format(
            passages=judge_context(passages, self.context_chars),
            question=question or "-",
            answer=answer or claim,
            claim=claim,
        )

    def judge(self, question: str, claim: str, passages: Sequence[str], answer: str = "") -> JudgeVerdict | None:
        """The judge's verdict, or None when it failed or answered something unreadable."""
        messages = [{"role": "user", "content": self.prompt(question, claim, passages, answer)}]
        try:
            text = self._complete(messages)
        except Exception as exc:
            log.warning("grounding judge failed: %s", exc)
            return None
        m = _ANSWER.search(text)
        if not m:
            log.warning("grounding judge gave an unreadable answer: %r", text[:80])
            return None
        word = m.group(1).upper().replace(" ", "_")
        return {"SUPPORTED": "supported", "CONTRADICTED": "contradicted"}.get(word, "unsupported")  # type: ignore[return-value]

    def judge_many(
        self, question: str, claims: Sequence[str], passages: Sequence[str], answer: str, concurrency: int
    ) -> list[JudgeVerdict | None]:
        """`judge` for each claim of one answer, `concurrency` requests at a time, in order."""
        if len(claims) <= 1:
            return [self.judge(question, c, passages, answer) for c in claims]
        with ThreadPoolExecutor(max_workers=min(len(claims), max(1, concurrency))) as pool:
            return list(pool.map(lambda c: self.judge(question, c, passages, answer), claims))

    def _complete(self, messages: list[dict[str, str]]) -> str:
        """The judge's reply. Constrained to one of the three words by a JSON schema (llama.cpp,
        SGLang and vLLM all honour `response_format`), so that even a small model gives a
        readable verdict; a server that rejects the schema is asked again, and from then on,
        without it."""
        if self.constrained:
            try:
                response = self.client.chat.completions.create(
                    model=self.model,
                    messages=messages,
                    temperature=0.0,
                    max_tokens=32,
                    response_format=_VERDICT_FORMAT,
                )
                return response.choices[0].message.content or ""
            except Exception as exc:
                if getattr(exc, "status_code", None) not in (400, 422):
                    raise
                log.warning("grounding judge rejected the verdict schema (%s); asking without it", exc)
                self.constrained = False
        response = self.client.chat.completions.create(
            model=self.model, messages=messages, temperature=0.0, max_tokens=8
        )
        return response.choices[0].message.content or ""


def in_scope(scope: JudgeScope, verdict: str, rule: str, probability: float, low: float, high: float) -> bool:
    """Whether a checked claim goes to the judge.

    - ``uncertain``: no explicit rule decided it and the classifier's support is in [low, high];
    - ``flagged``: the uncertain ones and every claim the checks would flag (rules included), so
      the judge can clear a false alarm but never flags a claim the checks passed with confidence;
    - ``all``: every claim; the judge's verdict is final wherever it answers."""
    uncertain = rule == "" and low <= probability <= high
    if scope == "uncertain":
        return uncertain
    if scope == "flagged":
        return uncertain or verdict != "supported"
    return True


# (question, claim, passage, whether the claim is supported): a judge that gets one of these wrong
# would clear the guard's true alarms (SmolLM2-135M calls every claim SUPPORTED, for example)
CANARIES: tuple[tuple[str, str, str, bool], ...] = (
    (
        "Can I return a laptop after 45 days?",
        "Yes, you can return the laptop within 45 days.",
        "Laptops can be returned within 30 days of delivery. Opened laptops carry a 15% restocking fee.",
        False,
    ),
    (
        "How long do I have to return a laptop?",
        "You can send a laptop back up to 30 days after it arrives.",
        "Laptops can be returned within 30 days of delivery. Opened laptops carry a 15% restocking fee.",
        True,
    ),
    (
        "Is returning a laptop free?",
        "Returning a laptop is always free, even once it has been opened.",
        "Laptops can be returned within 30 days of delivery. Opened laptops carry a 15% restocking fee.",
        False,
    ),
)


def self_test(judge: LLMJudge) -> tuple[bool | None, str]:
    """The judge on `CANARIES`: (True, ...) when it gets all of them right, (False, what it got
    wrong) when it gets one wrong, (None, ...) when it could not be asked (not up yet, timeout)."""
    for question, claim, passage, supported in CANARIES:
        verdict = judge.judge(question, claim, [passage], claim)
        if verdict is None:
            return None, f"no readable verdict on {claim!r}"
        if (verdict == "supported") != supported:
            return False, f"it called {claim!r} {verdict} against {passage!r}"
    return True, f"{len(CANARIES)} known cases right"


def make_judge(settings: Settings) -> LLMJudge | None:
    """The configured judge, or None. With GROUNDING_JUDGE_SELF_TEST it is self-tested now (at
    start-up); one that gets a known case wrong is not used: it would clear true alarms. One that
    does not answer yet is kept, and not used until it passes (`LLMJudge.usable`)."""
    if not settings.grounding_judge_base_url:
        return None
    judge = _build(settings)
    judge.usable()
    return None if judge.trusted is False else judge


def _build(settings: Settings) -> LLMJudge:
    return LLMJudge(
        base_url=settings.grounding_judge_base_url,
        model=settings.grounding_judge_model,
        api_key=settings.grounding_judge_api_key,
        timeout_s=settings.grounding_judge_timeout_s,
        context_chars=settings.grounding_judge_context_chars,
        constrained=settings.grounding_judge_constrained,
        self_tested=settings.grounding_judge_self_test,
    )

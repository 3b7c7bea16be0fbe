"""The grounding check as the API process holds it: one `GroundingChecker` (core.grounding),
shared by the inline guard (serving/guard.py) and `POST /v1/grounding/check`, so both entry
points run the same code. Checks run in a worker thread, one at a time (the checker's caches are
not thread-safe, and on a small CPU box parallel embedding only slows every request down).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from core.settings import Settings
from serving.rag import InvalidRequest

if TYPE_CHECKING:
    from core.embedder import Embedder
    from core.grounding import GroundingChecker, GroundingResult


class GroundingRunner:
    def __init__(self, checker: GroundingChecker) -> None:
        self.checker = checker
        self._lock = threading.Lock()

    @classmethod
    def build(cls, settings: Settings, embedder: Embedder) -> GroundingRunner:
        from core.grounding import GroundingChecker

        return cls(GroundingChecker(settings, embedder))

    def check_sync(self, question: str, answer: str, passages: Sequence[str], context: str = "") -> GroundingResult:
        with self._lock:
            return self.checker.check(question, answer, list(passages), context)

    async def check(self, question: str, answer: str, passages: Sequence[str], context: str = "") -> GroundingResult:
        """Every sentence of `answer` against `passages` (the checker's own split); `context`:
        the answer so far when `answer` is one streamed sentence."""
        return await asyncio.to_thread(self.check_sync, question, answer, passages, context)

    async def warm(self, question: str, passages: Sequence[str]) -> None:
        """Build the passages' evidence index now (the checker caches it per passage list), so
        the first real check does not pay for it; the guard runs this while the model reads its
        prompt. (Passage sentences are embedded lazily, per claim, by the checker.)"""
        await asyncio.to_thread(self.check_sync, question, "Hello.", passages)


def validate_check_input(settings: Settings, question: str, answer: str, passages: Sequence[str]) -> None:
    """The limits of `POST /v1/grounding/check`; raises `InvalidRequest` (a 400) naming the limit."""
    if not answer.strip():
        raise InvalidRequest("the answer is empty", "empty_answer", "answer")
    if len(answer) > settings.grounding_max_answer_chars:
        raise InvalidRequest(
            f"the answer is {len(answer)} characters long; the limit is {settings.grounding_max_answer_chars} "
            "(GROUNDING_MAX_ANSWER_CHARS)",
            "answer_too_long",
            "answer",
        )
    if len(question) > settings.max_question_chars:
        raise InvalidRequest(
            f"the question is {len(question)} characters long; the limit is {settings.max_question_chars} "
            "(MAX_QUESTION_CHARS)",
            "question_too_long",
            "question",
        )
    if not passages:
        raise InvalidRequest("give at least one passage to check the answer against", "no_passages", "passages")
    if len(passages) > settings.grounding_max_passages:
        raise InvalidRequest(
            f"{len(passages)} passages; the limit is {settings.grounding_max_passages} (GROUNDING_MAX_PASSAGES)",
            "too_many_passages",
            "passages",
        )
    for i, passage in enumerate(passages):
        if not passage.strip():
            raise InvalidRequest(f"passages[{i}] is empty", "empty_passage", "passages")
        if len(passage) > settings.grounding_max_passage_chars:
            raise InvalidRequest(
                f"passages[{i}] is {len(passage)} characters long; the limit is "
                f"{settings.grounding_max_passage_chars} (GROUNDING_MAX_PASSAGE_CHARS)",
                "passage_too_long",
                "passages",
            )
    total = len(answer) + sum(len(p) for p in passages)
    if total > settings.grounding_max_total_chars:
        raise InvalidRequest(
            f"the answer and passages are {total} characters together; the limit is "
            f"{settings.grounding_max_total_chars} (GROUNDING_MAX_TOTAL_CHARS)",
            "check_too_large",
            "passages",
        )

"""The grounding guard: a `RagService` stage that checks the model's answer against the retrieved
passages before the client sees it.

Streaming and checking pull against each other (a sentence the user has read cannot be taken
back), so the guard releases the answer sentence by sentence: the model's tokens are buffered
until a sentence is complete, the sentence is checked (core.grounding, in a worker thread, while
the model keeps generating), and only then sent, as one token event. What happens to a sentence
that is contradicted or not supported by the passages depends on GROUNDING_POLICY:

- "replace" (default): a sentence the passages contradict (a number, date, negation or answer
  that the aligned evidence states otherwise) and everything after it are withheld; a
  `RevisionEvent` says so, and a safe replacement follows as tokens: it quotes the best evidence
  from the passages and offers a human (serving/replacement.py). Text released before stays (it
  was checked). The model is stopped at once (its HTTP stream closed, so llama.cpp or SGLang
  abort the request and free the slot): nobody would see the rest, and it would be billed. The
  review queue gets the answer as far as it was generated, the usage counts what was generated
  (`prompt_tokens` as counted for the reservation, `generated_tokens` streamed), and the done
  event's `grounding.generation_stopped` is true.
  A sentence the verifier only cannot confirm ("unsupported") is graded, not withdrawn: it is
  released preceded by a `FlagEvent` and the answer is queued for review, unless
  GROUNDING_WITHDRAW=any (then it is withdrawn like a contradiction).
- "mark": every sentence is released, a flagged one preceded by a `FlagEvent`.
- "hold": nothing is released until the whole answer is checked; then the answer, or the
  replacement.

The `DoneEvent` carries `grounding` ({grounded, verdict, claims, policy, replaced, elapsed_ms,
review_id, ...}); its `ttft_ms` becomes the time to the first *released* token (the model's own
is kept as `model_ttft_ms`). A flagged answer becomes a review item (serving/review.py) with the
original answer, the prompt and the verdicts.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from core.sentences import SentenceSplitter
from core.settings import Settings
from serving.events import (
    CitationsEvent,
    DoneEvent,
    ErrorEvent,
    Event,
    FlagEvent,
    RevisionEvent,
    TokenEvent,
    Usage,
)
from serving.rag import Prepared
from serving.replacement import composed_replacement, replacement_text
from serving.review import NewReview, ReviewStore
from serving.untrusted import Hazards

if TYPE_CHECKING:
    from core.grounding import ClaimVerdict
    from serving.composer import Composer
    from serving.grounding import GroundingRunner

log = logging.getLogger(__name__)

_SEVERITY = {"contradicted": 0, "unsupported": 1, "supported": 2}


def answer_verdict(claims: list[ClaimVerdict]) -> str:
    verdicts = {c.verdict for c in claims}
    return min(verdicts, key=_SEVERITY.__getitem__) if verdicts else "supported"


def worst_claim(claims: list[ClaimVerdict]) -> ClaimVerdict:
    """The claim to explain a withdrawal with: contradicted before unsupported, then the lowest score."""
    return min(claims, key=lambda c: (_SEVERITY[c.verdict], c.score))


@dataclass
class GuardRun:
    """What the guard saw and did for one answer."""

    policy: str
    started: float = field(default_factory=time.perf_counter)
    original: list[str] = field(default_factory=list)  # every model token
    released: list[str] = field(default_factory=list)  # model text sent to the client, checked
    served: list[str] = field(default_factory=list)  # all text the client got (released + replacement)
    claims: list[ClaimVerdict] = field(default_factory=list)
    check_ms: list[float] = field(default_factory=list)
    checked_chars: int = 0  # how much of the original went through a check (or was withdrawn)
    replaced: bool = False
    flagged_sentences: int = 0
    first_model_ms: float | None = None
    first_release_ms: float | None = None
    warm_ms: float | None = None
    warm: asyncio.Task[None] | None = None
    citations: CitationsEvent | None = None
    done: DoneEvent | None = None
    reason: str = ""  # why the answer was withdrawn (the revision's reason)
    stopped: bool = False  # the model's stream was closed after a withdrawal

    def elapsed_ms(self) -> float:
        return (time.perf_counter() - self.started) * 1000

    def model_token(self, text: str) -> None:
        if self.first_model_ms is None:
            self.first_model_ms = self.elapsed_ms()
        self.original.append(text)

    def send(self, text: str, released: bool = True) -> TokenEvent:
        if self.first_release_ms is None:
            self.first_release_ms = self.elapsed_ms()
        if released:
            self.released.append(text)
        self.served.append(text)
        return TokenEvent(text)

    @property
    def original_text(self) -> str:
        return "".join(self.original)


class GroundingGuard:
    """`RagService(stages=[GroundingGuard(settings, runner, reviews)])`."""

    def __init__(
        self,
        settings: Settings,
        runner: GroundingRunner,
        reviews: ReviewStore | None = None,
        composer: Composer | None = None,
    ) -> None:
        self.settings = settings
        self.runner = runner
        self.reviews = reviews
        self.policy = settings.grounding_policy
        self.withdraw = settings.grounding_withdraw
        self.composer = composer  # the replacement quotes its selection (else the checker's evidence)
        # text planted in a page, the system prompt or a secret: withdrawn under every policy
        self.hazards = Hazards(settings)

    def __call__(self, prepared: Prepared, events: AsyncIterator[Event]) -> AsyncIterator[Event]:
        if prepared.answer_mode == "compose":
            return events  # grounded by construction: passage sentences only, never queued
        if prepared.not_covered:
            return self._not_covered(events)
        return self._guard(prepared, events)

    async def _not_covered(self, events: AsyncIterator[Event]) -> AsyncIterator[Event]:
        """The fixed "not covered" answer asserts nothing: passed through, marked as grounded."""
        async for event in events:
            if isinstance(event, DoneEvent):
                event = replace(event, grounding=self._summary([], False, None, skipped="not_covered"))
            yield event

    async def _guard(self, prepared: Prepared, events: AsyncIterator[Event]) -> AsyncIterator[Event]:
        run = GuardRun(self.policy)
        passages = [c.text for c in prepared.passages]
        run.warm = asyncio.create_task(self._warm(run, prepared.question, passages))
        splitter = SentenceSplitter()
        try:
            async for event in events:
                if isinstance(event, TokenEvent):
                    run.model_token(event.text)
                    if self.policy == "hold":
                        continue  # recorded; checked whole at the end
                    for sentence in splitter.feed(event.text):
                        async for out in self._sentence(run, prepared, passages, sentence):
                            yield out
                        if run.replaced:
                            break  # the rest is withheld, checked once at the end for the record
                    if run.replaced:
                        await self._stop_model(run, events)  # nobody sees the rest: stop paying for it
                        break
                elif isinstance(event, CitationsEvent):
                    run.citations = event
                elif isinstance(event, DoneEvent):
                    run.done = event
                elif isinstance(event, ErrorEvent):
                    yield event
                    return
                else:
                    yield event
            if self.policy == "hold":
                async for out in self._hold(run, prepared, passages):
                    yield out
            else:
                for sentence in splitter.flush():
                    if run.replaced:
                        break
                    async for out in self._sentence(run, prepared, passages, sentence):
                        yield out
            await self._check_withheld(run, prepared.question, passages)
            if run.stopped:  # the model's own citations and done never came: the same, from here
                run.citations = CitationsEvent(prepared.citations)
                run.done = self._stopped_done(run, prepared)
            if run.citations is not None:
                yield run.citations
            if run.done is not None:
                yield await self._done(run, prepared)
        finally:
            if run.warm is not None and not run.warm.done():
                run.warm.cancel()
            close = getattr(events, "aclose", None)
            if close is not None:
                await close()

    @staticmethod
    async def _stop_model(run: GuardRun, events: AsyncIterator[Event]) -> None:
        """Close the model's stream now (RagService.generate closes its HTTP stream in turn)."""
        close = getattr(events, "aclose", None)
        if close is not None:
            await close()
        run.stopped = True

    @staticmethod
    def _stopped_done(run: GuardRun, prepared: Prepared) -> DoneEvent:
        """The done event of a generation the guard stopped: the usage is what was generated
        (the prompt as counted for the reservation, one token per streamed delta)."""
        timings = dict(prepared.timings)
        if run.first_model_ms is not None:
            timings["ttft_ms"] = run.first_model_ms
        timings["total_ms"] = run.elapsed_ms()
        usage = Usage(prepared.prompt_tokens or 0, prepared.generated_tokens)
        return DoneEvent("stop", usage, False, timings, prepared.prompt_version)

    # --- checks ------------------------------------------------------------------------------
    async def _warm(self, run: GuardRun, question: str, passages: list[str]) -> None:
        started = time.perf_counter()
        try:
            await self.runner.warm(question, passages)
        except Exception:
            log.exception("grounding warm-up failed")
        run.warm_ms = (time.perf_counter() - started) * 1000

    async def _check(
        self, run: GuardRun, question: str, text: str, passages: list[str], context: str = ""
    ) -> list[ClaimVerdict]:
        if run.warm is not None:
            await run.warm  # never raises: _warm logs its own failure
            run.warm = None
        started = time.perf_counter()
        try:
            claims = list((await self.runner.check(question, text, passages, context)).claims)
        except Exception as exc:  # fail closed: an unchecked sentence is not released as fact
            log.exception("grounding check failed")
            from core.grounding import ClaimVerdict

            claims = [ClaimVerdict(text.strip(), "unsupported", None, 0.0, [f"check_failed: {type(exc).__name__}"])]
        run.check_ms.append((time.perf_counter() - started) * 1000)
        run.claims.extend(claims)
        return claims

    def _hazard(self, run: GuardRun, text: str) -> list[ClaimVerdict]:
        """A verdict withdrawing `text` when it carries hostile content ([] when it does not):
        instructions or credential requests the untrusted-content screen matches, the system
        prompt, a configured secret (serving/untrusted.py)."""
        reasons = self.hazards.reasons(text)
        if not reasons:
            return []
        from core.grounding import ClaimVerdict

        claims = [ClaimVerdict(text.strip(), "unsupported", None, 0.0, reasons)]
        run.claims.extend(claims)
        return claims

    async def _sentence(
        self, run: GuardRun, prepared: Prepared, passages: list[str], sentence: str
    ) -> AsyncIterator[Event]:
        hostile = self._hazard(run, sentence)
        if hostile:
            run.checked_chars += len(sentence)
            run.flagged_sentences += 1
            for event in await self._replace(run, prepared, sentence, hostile):
                yield event
            return
        so_far = run.original_text[: run.checked_chars + len(sentence)]
        claims = await self._check(run, prepared.question, sentence, passages, so_far)
        run.checked_chars += len(sentence)
        bad = [c for c in claims if c.verdict != "supported"]
        if not bad:
            yield run.send(sentence)
            return
        run.flagged_sentences += 1
        if self.policy == "mark" or not self._withdraws(bad):
            worst = worst_claim(bad)
            yield FlagEvent(sentence.strip(), worst.verdict, worst.evidence, worst.score)
            yield run.send(sentence)
            return
        for event in await self._replace(run, prepared, sentence, bad):
            yield event

    async def _hold(self, run: GuardRun, prepared: Prepared, passages: list[str]) -> AsyncIterator[Event]:
        text = run.original_text
        if not text.strip():
            return
        hostile = self._hazard(run, text)
        if hostile:
            run.checked_chars = len(text)
            run.flagged_sentences += 1
            for event in await self._replace(run, prepared, text, hostile):
                yield event
            return
        claims = await self._check(run, prepared.question, text, passages)
        run.checked_chars = len(text)
        bad = [c for c in claims if c.verdict != "supported"]
        if not bad:
            yield run.send(text)
            return
        run.flagged_sentences += len(bad)
        if not self._withdraws(bad):
            for c in bad:
                yield FlagEvent(c.text, c.verdict, c.evidence, c.score)
            yield run.send(text)
            return
        for event in await self._replace(run, prepared, text, bad):
            yield event

    def _withdraws(self, bad: list[ClaimVerdict]) -> bool:
        """Graded policy: a contradiction is withdrawn; a claim only not confirmed is withdrawn
        only with GROUNDING_WITHDRAW=any (else it is marked and queued). A sentence whose check
        failed is withdrawn (fail closed: nothing unchecked goes out as fact)."""
        return self.withdraw == "any" or any(
            c.verdict == "contradicted"
            or any(r.startswith(("check_failed", "untrusted_content", "leak")) for r in c.reasons)
            for c in bad
        )

    async def _replacement(self, prepared: Prepared, evidence: str | None) -> str:
        """What the help centre says on the question: the composer's selection for the standalone
        question (the same sentences a composed answer would give), else the checker's evidence."""
        if self.composer is None:
            return replacement_text(evidence, prepared.passages, self.hazards.screen)
        composer = self.composer
        try:
            composition = await asyncio.to_thread(
                composer.compose, prepared.standalone_question, prepared.passages, prepared.retrieval.query_vector
            )
        except Exception:
            log.exception("the composer failed; the replacement quotes the checker's evidence")
            return replacement_text(evidence, prepared.passages, self.hazards.screen)
        return composed_replacement(composition, self.hazards.screen)

    async def _replace(self, run: GuardRun, prepared: Prepared, withdrawn: str, bad: list[ClaimVerdict]) -> list[Event]:
        worst = worst_claim(bad)
        text = await self._replacement(prepared, worst.evidence)
        kept = "".join(run.released)
        run.replaced = True
        reason = f"{worst.verdict}: {'; '.join(worst.reasons)}" if worst.reasons else worst.verdict
        run.reason = f"withdrawn ({reason}): {withdrawn.strip()[:300]}"
        revision = RevisionEvent(
            action="replace",
            withdrawn_text=withdrawn.strip(),
            replacement_text=text,
            reason=reason,
            kept_text=kept,
            claims=[c.to_dict() for c in bad],
        )
        lead = " " if kept and not kept[-1].isspace() else ""
        return [revision, run.send(lead + text, released=False)]

    async def _check_withheld(self, run: GuardRun, question: str, passages: list[str]) -> None:
        """After a replacement the rest of the model's answer was never sent; its verdicts are
        still recorded for the review (one batched check)."""
        if not run.replaced:
            return
        rest = run.original_text[run.checked_chars :]
        if rest.strip():
            await self._check(run, question, rest, passages)
            run.checked_chars += len(rest)

    # --- the end -----------------------------------------------------------------------------
    def _summary(
        self, claims: list[ClaimVerdict], replaced: bool, review_id: int | None, **extra: Any
    ) -> dict[str, Any]:
        verdict = answer_verdict(claims)
        return {
            "grounded": verdict == "supported",
            "verdict": verdict,
            "policy": self.policy,
            "replaced": replaced,
            "claims": [c.to_dict() for c in claims],
            "review_id": review_id,
            **extra,
        }

    async def _done(self, run: GuardRun, prepared: Prepared) -> DoneEvent:
        assert run.done is not None
        verdict = answer_verdict(run.claims)
        review_id = None
        if verdict != "supported":
            review_id = await self._queue_for_review(run, prepared, verdict)
        grounding = self._summary(
            run.claims,
            run.replaced,
            review_id,
            flagged_sentences=run.flagged_sentences,
            generation_stopped=run.stopped,
            elapsed_ms=round(sum(run.check_ms), 2),
            check_ms=[round(ms, 2) for ms in run.check_ms],
        )
        timings = dict(run.done.timings)
        if "ttft_ms" in timings:
            timings["model_ttft_ms"] = timings["ttft_ms"]
        if "total_ms" in timings:
            timings["model_total_ms"] = timings["total_ms"]
        if run.first_release_ms is not None:
            timings["ttft_ms"] = run.first_release_ms
        if run.warm_ms is not None:
            timings["guard_warm_ms"] = run.warm_ms
        timings["guard_check_ms"] = sum(run.check_ms)
        timings["total_ms"] = run.elapsed_ms()
        return replace(run.done, grounding=grounding, timings=timings)

    @staticmethod
    def _flag_reason(run: GuardRun) -> str:
        bad = [c for c in run.claims if c.verdict != "supported"]
        if not bad:
            return ""
        worst = worst_claim(bad)
        why = f"{worst.verdict}: {'; '.join(worst.reasons)}" if worst.reasons else worst.verdict
        return f"flagged ({why}): {worst.text[:300]}"

    async def _queue_for_review(self, run: GuardRun, prepared: Prepared, verdict: str) -> int | None:
        if self.reviews is None:
            return None
        item = NewReview(
            question=prepared.question,
            standalone_question=prepared.standalone_question,
            context=[
                {
                    "chunk_id": c.chunk_id,
                    "doc_id": c.doc_id,
                    "title": c.title,
                    "section": c.section,
                    "rank": c.rank,
                    "score": round(c.score, 6),
                    "text": c.text,
                }
                for c in prepared.passages
            ],
            prompt=prepared.messages,
            prompt_version=prepared.prompt_version,
            answer=run.original_text,
            served_answer="".join(run.served),
            verdict=verdict,
            verdicts=[c.to_dict() for c in run.claims],
            policy=self.policy,
            reason=run.reason or self._flag_reason(run),
        )
        try:
            return await asyncio.to_thread(self.reviews.add, item)
        except Exception:  # the answer still goes out; the failure is in the log
            log.exception("could not store the flagged answer for review")
            return None

"""The grounding guard stage with a rule-based fake checker: what is released, withdrawn, marked
or held, in which order, and what the done event, the renderings and the review queue get."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest

from core.grounding import ClaimVerdict, GroundingResult
from core.grounding.claims import split_sentences
from core.retrieval import Retrieval, RetrievedChunk
from core.sentences import SentenceSplitter
from core.settings import Settings
from serving.events import CitationsEvent, DoneEvent, ErrorEvent, Event, FlagEvent, RevisionEvent, TokenEvent, Usage
from serving.grounding import GroundingRunner
from serving.guard import GroundingGuard
from serving.llm import GenerationParams
from serving.rag import Prepared
from serving.render import CORRECTION, FLAG_MARK, CompletionIds, native_sse, openai_completion
from serving.review import ReviewStore

EVIDENCE = "You can return electronics within 30 days of delivery."
PASSAGE = (
    f"{EVIDENCE} If you are a Lumen Plus member, you have **45 days** (the standard 30 days plus 15 extra days).\n\n"
    "Opened electronics carry a 15% restocking fee."
)
QUESTION = "Can I return a laptop after 45 days?"


class FakeChecker:
    """Sentences mentioning 45 days are contradicted, 'maybe' is unsupported, the rest supported."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.contexts: list[str] = []

    def check(self, question: str, answer: str, passages: list[str], context: str = "") -> GroundingResult:
        self.calls.append(answer)
        self.contexts.append(context)
        claims = []
        for sentence in split_sentences(answer):
            if "45 days" in sentence:
                claims.append(ClaimVerdict(sentence, "contradicted", EVIDENCE, 0.05, ["number_mismatch: 45 vs 30"]))
            elif "maybe" in sentence:
                claims.append(ClaimVerdict(sentence, "unsupported", None, 0.1, ["low_support"]))
            else:
                claims.append(ClaimVerdict(sentence, "supported", EVIDENCE, 0.9, []))
        return GroundingResult(all(c.verdict == "supported" for c in claims), claims, 1.0)


def prepared() -> Prepared:
    chunk = RetrievedChunk(
        chunk_id="c1",
        text=PASSAGE,
        doc_id="returns/electronics-returns.md",
        title="Returning electronics",
        section="Return window",
        source="returns/electronics-returns.md",
        position=1,
        score=0.9,
        rank=1,
    )
    return Prepared(
        question=QUESTION,
        standalone_question=QUESTION,
        retrieval=Retrieval(QUESTION, "hybrid", [chunk], True),
        passages=[chunk],
        citations=[],
        messages=[{"role": "system", "content": "..."}, {"role": "user", "content": QUESTION}],
        params=GenerationParams(48, 0.0, 1.0),
    )


async def model(text: str, step: int = 4) -> AsyncIterator[Event]:
    for i in range(0, len(text), step):
        yield TokenEvent(text[i : i + step])
    yield CitationsEvent([])
    yield DoneEvent("stop", Usage(10, 5), False, {"ttft_ms": 1.0, "total_ms": 2.0})


def run_guard(
    text: str, policy: str = "replace", reviews: ReviewStore | None = None, step: int = 4
) -> tuple[list[Event], FakeChecker]:
    checker = FakeChecker()
    guard = GroundingGuard(Settings(GROUNDING_POLICY=policy), GroundingRunner(checker), reviews)  # type: ignore[arg-type]

    async def collect() -> list[Event]:
        return [e async for e in guard(prepared(), model(text, step))]

    return asyncio.run(collect()), checker


def tokens(events: Sequence[Event]) -> str:
    return "".join(e.text for e in events if isinstance(e, TokenEvent))


def done(events: Sequence[Event]) -> DoneEvent:
    last = events[-1]
    assert isinstance(last, DoneEvent)
    return last


def test_supported_answer_is_released_sentence_by_sentence() -> None:
    text = "Hello! You can return a laptop within 30 days. I hope this helps."
    events, checker = run_guard(text)
    assert [type(e) for e in events] == [TokenEvent] * 3 + [CitationsEvent, DoneEvent]
    assert tokens(events) == text
    # "Hello." is the warm-up that embeds the passages before the first sentence arrives
    assert checker.calls == ["Hello.", "Hello! ", "You can return a laptop within 30 days. ", "I hope this helps."]
    # each sentence is checked with the answer up to it (the LLM judge reads that as context)
    assert checker.contexts[1:] == ["Hello! ", "Hello! You can return a laptop within 30 days. ", text]
    grounding = done(events).grounding
    assert grounding is not None and grounding["grounded"] is True and grounding["replaced"] is False
    assert not done(events).flagged
    assert done(events).timings["model_ttft_ms"] == 1.0 and "guard_check_ms" in done(events).timings


def test_replace_withdraws_the_wrong_sentence_and_quotes_the_evidence(tmp_path: Path) -> None:
    reviews = ReviewStore.open(Settings(RAGDESK_DATA_DIR=tmp_path))
    text = "Laptops count as electronics. Yes, you can return the laptop within 45 days. Enjoy it!"
    events, _ = run_guard(text, reviews=reviews)
    kinds = [type(e) for e in events]
    assert kinds == [TokenEvent, RevisionEvent, TokenEvent, CitationsEvent, DoneEvent]
    revision = events[1]
    assert isinstance(revision, RevisionEvent)
    assert revision.withdrawn_text == "Yes, you can return the laptop within 45 days."
    assert revision.kept_text == "Laptops count as electronics. "
    assert "45 days" not in tokens(events[:1])
    replacement = tokens(events[2:])
    assert EVIDENCE in replacement and "Lumen Plus member" in replacement  # the rest of the paragraph
    assert "(Source: Returning electronics > Return window)" in replacement
    assert "support team" in replacement
    grounding = done(events).grounding
    assert grounding is not None
    assert grounding["grounded"] is False and grounding["replaced"] is True and grounding["verdict"] == "contradicted"
    assert [c["verdict"] for c in grounding["claims"]] == ["supported", "contradicted", "supported"]
    assert done(events).flagged
    assert grounding["generation_stopped"] is True  # the model is not read past the withdrawal
    item = reviews.get(grounding["review_id"])
    # the answer as far as it was generated: up to the withdrawn sentence and the token after it
    assert item.answer == "Laptops count as electronics. Yes, you can return the laptop within 45 days. Enj"
    assert item.status == "open"
    assert item.served_answer == tokens(events)
    assert item.prompt[-1]["content"] == QUESTION and item.context[0]["chunk_id"] == "c1"


def test_nothing_after_a_withdrawn_sentence_is_released_even_in_the_same_token() -> None:
    text = "Yes, you can return the laptop within 45 days. It is free. Returns are easy."
    events, checker = run_guard(text, step=len(text))  # one token: all sentences complete at once
    assert [type(e) for e in events] == [RevisionEvent, TokenEvent, CitationsEvent, DoneEvent]
    assert "It is free" not in tokens(events)
    assert checker.calls[-1] == "It is free. Returns are easy."  # withheld text, checked once for the record
    grounding = done(events).grounding
    assert (
        grounding is not None and grounding["claims"][0]["verdict"] == "contradicted" and len(grounding["claims"]) >= 2
    )


def test_mark_flags_before_the_sentence_and_keeps_going() -> None:
    text = "Yes, you can return the laptop within 45 days. Opened ones carry a fee."
    events, _ = run_guard(text, "mark")
    assert [type(e) for e in events] == [FlagEvent, TokenEvent, TokenEvent, CitationsEvent, DoneEvent]
    flag = events[0]
    assert isinstance(flag, FlagEvent) and flag.verdict == "contradicted" and flag.evidence == EVIDENCE
    assert tokens(events) == text
    grounding = done(events).grounding
    assert grounding is not None and grounding["grounded"] is False and grounding["replaced"] is False


def test_hold_checks_the_whole_answer_first() -> None:
    events, checker = run_guard("You can return it within 30 days. It is free.", "hold")
    assert [type(e) for e in events] == [TokenEvent, CitationsEvent, DoneEvent]
    assert checker.calls[-1] == "You can return it within 30 days. It is free."
    events, _ = run_guard("It is maybe possible. Within 45 days.", "hold")
    assert [type(e) for e in events] == [RevisionEvent, TokenEvent, CitationsEvent, DoneEvent]
    assert "Within 45 days." not in tokens(events) and "maybe" not in tokens(events)


def test_errors_pass_through_and_nothing_unchecked_is_released() -> None:
    async def failing() -> AsyncIterator[Event]:
        yield TokenEvent("You can return it within 30 days, and")
        yield ErrorEvent("the answer model did not respond in time", "llm_timeout")

    guard = GroundingGuard(Settings(), GroundingRunner(FakeChecker()))  # type: ignore[arg-type]

    async def collect() -> list[Event]:
        return [e async for e in guard(prepared(), failing())]

    events = asyncio.run(collect())
    assert [type(e) for e in events] == [ErrorEvent]


def test_a_failing_checker_fails_closed() -> None:
    class Broken(FakeChecker):
        def check(self, question: str, answer: str, passages: list[str], context: str = "") -> GroundingResult:
            raise RuntimeError("boom")

    guard = GroundingGuard(Settings(), GroundingRunner(Broken()))  # type: ignore[arg-type]

    async def collect() -> list[Event]:
        return [e async for e in guard(prepared(), model("You can return it within 30 days."))]

    events = asyncio.run(collect())
    assert isinstance(events[0], RevisionEvent) and "check_failed" in events[0].reason
    assert "30 days" not in tokens(events) or "can't confirm" in tokens(events)


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Hello! You can return e.g. laptops. Fees: approx. 4.95 EUR.", ["Hello! ", "You can return e.g. laptops. "]),
        ("- one\n- two\nThree.", ["- one\n", "- two\n"]),
        ('He said "fine." Then left.', ['He said "fine." ']),
    ],
)
def test_sentence_splitter(text: str, pieces: list[str]) -> None:
    splitter = SentenceSplitter()
    out: list[str] = []
    for ch in text:
        out += splitter.feed(ch)
    assert out == pieces
    assert "".join(out + splitter.flush()) == text


def test_renderings_of_a_replacement() -> None:
    text = "Laptops count as electronics. Yes, you can return the laptop within 45 days."
    events, _ = run_guard(text)

    async def replay() -> AsyncIterator[Event]:
        for e in events:
            yield e

    async def native() -> list[str]:
        return [chunk async for chunk in native_sse(prepared(), replay())]

    frames = asyncio.run(native())
    names = [f.split("\n", 1)[0] for f in frames]
    assert names == ["event: token", "event: revision", "event: token", "event: citations", "event: done"]
    done_data = json.loads(frames[-1].split("data: ", 1)[1])
    assert done_data["grounding"]["grounded"] is False

    completion = asyncio.run(openai_completion(prepared(), replay(), CompletionIds(model="ragdesk")))
    assert isinstance(completion, dict)
    content = completion["choices"][0]["message"]["content"]
    assert content.startswith("Laptops count as electronics. " + CORRECTION.rstrip(" ")) and "45 days." not in content
    assert completion["grounding"]["replaced"] is True
    assert FLAG_MARK not in content


def test_graded_policy_marks_an_unconfirmed_claim_instead_of_withdrawing_it() -> None:
    text = "You can return a laptop within 30 days. It is maybe possible to extend that."
    events, _ = run_guard(text, "replace")
    assert not any(isinstance(e, RevisionEvent) for e in events)
    flags = [e for e in events if isinstance(e, FlagEvent)]
    assert [f.verdict for f in flags] == ["unsupported"]
    assert tokens(events) == text  # released, marked, not silently withdrawn
    grounding = done(events).grounding
    assert grounding is not None and grounding["verdict"] == "unsupported" and grounding["replaced"] is False


def test_graded_policy_can_withdraw_every_unconfirmed_claim() -> None:
    checker = FakeChecker()
    settings = Settings(GROUNDING_POLICY="replace", GROUNDING_WITHDRAW="any")
    guard = GroundingGuard(settings, GroundingRunner(checker))  # type: ignore[arg-type]

    async def collect() -> list[Event]:
        return [e async for e in guard(prepared(), model("It is maybe possible."))]

    events = asyncio.run(collect())
    assert any(isinstance(e, RevisionEvent) for e in events)
    assert "maybe" not in tokens(events)

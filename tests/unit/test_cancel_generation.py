"""Issue 19: the model's stream is closed at once when the guard withdraws the answer or the
consumer is cancelled (the client left), with an in-process fake model client whose stream
records how much was read and whether it was closed. The real server's side (its slot freed)
is tests/integration/test_hardening_cancel.py."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from types import SimpleNamespace
from typing import Any

from core.grounding import ClaimVerdict, GroundingResult
from core.grounding.claims import split_sentences
from core.settings import Settings
from serving.events import CitationsEvent, DoneEvent, Event, RevisionEvent, TokenEvent
from serving.grounding import GroundingRunner
from serving.guard import GroundingGuard
from serving.rag import Message, RagService
from tests.unit.test_serving_rag import RANKED, FakeRetriever, words

WRONG = "Yes, you can return it within 45 days."
FILLER = " Please keep the receipt and the box."


class FakeStream:
    """OpenAI's AsyncStream as far as `serving.llm.stream_chat` uses it: chunks, then `close()`."""

    def __init__(self, pieces: list[str]) -> None:
        self.pieces = pieces
        self.read = 0
        self.closed = False

    def __aiter__(self) -> AsyncIterator[Any]:
        return self._chunks()

    async def _chunks(self) -> AsyncIterator[Any]:
        for piece in self.pieces:
            if self.closed:
                raise RuntimeError("read from a closed stream")
            await asyncio.sleep(0.001)  # the server decoding the next token
            self.read += 1
            delta = SimpleNamespace(content=piece)
            yield SimpleNamespace(usage=None, choices=[SimpleNamespace(delta=delta, finish_reason=None)])

    async def close(self) -> None:
        self.closed = True


class FakeClient:
    def __init__(self, text: str) -> None:
        self.streams: list[FakeStream] = []
        self.text = text
        self.chat = SimpleNamespace(completions=SimpleNamespace(create=self.create))

    async def create(self, **_kwargs: Any) -> FakeStream:
        stream = FakeStream([f" {w}" for w in self.text.split()])
        self.streams.append(stream)
        return stream


class Checker:
    """'45 days' is contradicted, the rest supported; each check takes `check_s` in the thread."""

    def __init__(self, check_s: float = 0.0) -> None:
        self.check_s = check_s

    def check(self, question: str, answer: str, passages: list[str], context: str = "") -> GroundingResult:
        time.sleep(self.check_s)
        claims = [
            ClaimVerdict(s, "contradicted", None, 0.0, ["number_mismatch"])
            if "45 days" in s
            else ClaimVerdict(s, "supported", None, 0.9, [])
            for s in split_sentences(answer)
        ]
        return GroundingResult(all(c.verdict == "supported" for c in claims), claims, 1.0)


def service(text: str, checker: Checker) -> tuple[RagService, FakeClient]:
    settings = Settings(ANSWER_MODE="generate")
    client = FakeClient(text)
    guard = GroundingGuard(settings, GroundingRunner(checker))  # type: ignore[arg-type]
    rag = RagService(settings, FakeRetriever(RANKED), client, count_tokens=words, stages=[guard])  # type: ignore[arg-type]
    return rag, client


def test_a_withdrawn_answer_closes_the_model_stream_at_once() -> None:
    rag, client = service(WRONG + FILLER * 100, Checker())

    async def run() -> list[Event]:
        prepared = rag.prepare_sync([Message("user", "Can I return a laptop after 45 days?")], answer_mode="generate")
        prepared.prompt_tokens = 321
        events = [e async for e in rag.answer(prepared)]
        assert prepared.generated_tokens == client.streams[0].read
        return events

    events = asyncio.run(run())
    stream = client.streams[0]
    assert any(isinstance(e, RevisionEvent) for e in events)
    assert stream.closed
    assert stream.read < 20, stream.read  # the answer has ~800 words: the rest was never read
    assert isinstance(events[-2], CitationsEvent) and events[-2].citations
    done = events[-1]
    assert isinstance(done, DoneEvent) and done.grounding is not None
    assert done.grounding["replaced"] and done.grounding["generation_stopped"]
    assert (done.usage.prompt_tokens, done.usage.completion_tokens) == (321, stream.read)


def test_a_grounded_answer_runs_to_its_end() -> None:
    rag, client = service("You can return it within 30 days." + FILLER * 3, Checker())

    async def run() -> list[Event]:
        prepared = rag.prepare_sync([Message("user", "Can I return a laptop?")], answer_mode="generate")
        return [e async for e in rag.answer(prepared)]

    events = asyncio.run(run())
    done = events[-1]
    assert isinstance(done, DoneEvent) and done.grounding is not None
    assert not done.grounding["generation_stopped"]
    assert client.streams[0].read == len(client.streams[0].pieces)


def test_a_cancelled_answer_closes_the_model_stream_before_the_cancel_returns() -> None:
    """The consumer (Starlette's response task) is cancelled while the guard checks a sentence in
    its worker thread: the model's stream is closed by the time the cancelled task has ended, not
    later by the garbage collector."""
    rag, client = service("You can return it within 30 days." + FILLER * 100, Checker(check_s=0.2))

    async def run() -> FakeStream:
        prepared = rag.prepare_sync([Message("user", "Can I return a laptop?")], answer_mode="generate")
        events = rag.answer(prepared)
        first = asyncio.Event()

        async def consume() -> None:
            async for event in events:
                if isinstance(event, TokenEvent):
                    first.set()

        task = asyncio.create_task(consume())
        await asyncio.wait_for(first.wait(), 10)
        await asyncio.sleep(0.05)  # inside the next sentence's check
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        stream = client.streams[0]
        assert stream.closed, "the model's stream is still open after the cancel"
        assert stream.read < len(stream.pieces)
        return stream

    asyncio.run(run())

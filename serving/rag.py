"""The chat flow as one service: `prepare` (standalone question, retrieval, prompt, citations)
then `generate` (a stream of typed events). Both HTTP renderings, the gateway and the evaluation
call these; nothing here knows about HTTP.

    prepared = await service.prepare(messages, k=5)
    async for event in service.answer(prepared):   # generate(), passed through the stages
        ...

Later stages (the grounding guard, a response cache) are `Stage`s: functions that take the
prepared request and an event stream and return an event stream. `answer` applies them in order.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from core.prompts import EMPTY_ANSWER, NOT_COVERED_ANSWER, PROMPT_VERSION, SYSTEM_PROMPT, build_messages
from core.retrieval import FilterError, Mode, Retrieval, RetrievedChunk, Retriever
from core.settings import Settings
from core.untrusted import load_screen
from serving.composer.compose import ONLY_STALE
from serving.context import pack_passages, prompt_order
from serving.conversation import Turn, history_within_budget, standalone_question
from serving.events import Citation, CitationsEvent, DoneEvent, ErrorEvent, Event, TokenEvent, Usage
from serving.llm import Delta, Finish, GenerationParams, LLMError, stream_chat
from serving.sources import source_url
from serving.untrusted import trusted_passages

if TYPE_CHECKING:
    from openai import AsyncOpenAI

    from serving.answer_mode import AnswerModes
    from serving.composer import Composer, Composition

TokenCounter = Callable[[str], int]

STALE_NOTE = "Our help centre only has older pages on this that no longer apply."


def not_covered_text(only_stale: bool = False) -> str:
    """The "not covered" answer (it ends with the offer of a person); it says so when only pages
    that are no longer current spoke to the question."""
    return NOT_COVERED_ANSWER.replace(". ", f". {STALE_NOTE} ", 1) if only_stale else NOT_COVERED_ANSWER


def declined_text(composition: Composition | None) -> str:
    """The composer's decline: `not_covered_text`, with the note when it found only old pages."""
    return not_covered_text(composition is not None and not composition.answered and composition.reason == ONLY_STALE)


Stage = Callable[["Prepared", AsyncIterator[Event]], AsyncIterator[Event]]

# Room left in the model's context for template tokens and tokenizer differences (the budget is
# counted with the embedder's tokenizer, not the answer model's).
PROMPT_SAFETY_TOKENS = 64
TOKENIZER_SLACK = 1.1


class InvalidRequest(ValueError):
    """A request the service cannot answer as asked; the message is meant for the caller."""

    def __init__(self, message: str, code: str = "invalid_request", param: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.param = param


@dataclass(frozen=True)
class Message:
    role: str  # "system", "user" or "assistant"; client system messages are not used
    content: str


@dataclass
class Prepared:
    question: str  # the last user message, as asked
    standalone_question: str  # what retrieval searched for
    retrieval: Retrieval
    passages: list[RetrievedChunk]  # in prompt order
    citations: list[Citation]  # in rank order
    messages: list[dict[str, str]]  # the prompt; empty when not covered
    params: GenerationParams
    history_turns: int = 0
    context_tokens: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    prompt_version: str = PROMPT_VERSION
    answer_mode: str = "generate"  # "generate" (the LLM, checked by the guard) or "compose" (serving/composer)
    composition: dict[str, Any] | None = None  # what the composer chose (compose mode), for the done event
    prompt_tokens: int | None = None  # the prompt as the serving model counts it (the chat pipeline's `count_prompt`)
    generated_tokens: int = 0  # deltas the model has streamed so far (about one token each)
    untrusted: list[str] = field(default_factory=list)  # retrieved chunk ids the untrusted-content screen left out
    not_current: list[str] = field(default_factory=list)  # retrieved chunk ids of archived or superseded pages left out

    @property
    def not_covered(self) -> bool:
        return not self.retrieval.relevant or not self.passages


class RagService:
    def __init__(
        self,
        settings: Settings,
        retriever: Retriever,
        llm: AsyncOpenAI,
        count_tokens: TokenCounter | None = None,
        stages: Sequence[Stage] = (),
        composer: Composer | None = None,
        modes: AnswerModes | None = None,
    ) -> None:
        self.settings = settings
        self.retriever = retriever
        self.llm = llm
        self.count_tokens: TokenCounter = count_tokens or retriever.embedder.count_tokens
        self.stages = list(stages)
        self.composer = composer
        self.modes = modes  # None: every answer is generated

    def answer_mode(self, testing: bool = True) -> str:
        """The mode for the next answer; `testing`: may start a due self-test (async callers)."""
        if self.modes is None or self.composer is None:
            return "generate"
        return self.modes.current() if testing else self.modes.current_without_testing()

    # --- validation ------------------------------------------------------------------------
    def check_k(self, k: int | None) -> int:
        if k is None:
            return self.settings.top_k
        if not 1 <= k <= self.settings.max_top_k:
            raise InvalidRequest(f"k must be between 1 and {self.settings.max_top_k}, got {k}", "invalid_k", "k")
        return k

    def check_question(self, text: str, param: str = "question") -> str:
        text = text.strip()
        if not text:
            raise InvalidRequest("the question is empty", "empty_question", param)
        limit = self.settings.max_question_chars
        if len(text) > limit:
            raise InvalidRequest(
                f"the question is {len(text)} characters long; the limit is {limit} (MAX_QUESTION_CHARS)",
                "question_too_long",
                param,
            )
        return text

    def check_messages(self, messages: Sequence[Message]) -> tuple[str, list[Turn], list[str]]:
        """The question, the earlier turns and every user message, or `InvalidRequest`."""
        if not messages:
            raise InvalidRequest("messages must not be empty", "empty_messages", "messages")
        if len(messages) > self.settings.max_messages:
            raise InvalidRequest(
                f"{len(messages)} messages; the limit is {self.settings.max_messages}", "too_many_messages", "messages"
            )
        turns = [Turn(m.role, m.content) for m in messages if m.role in {"user", "assistant"}]
        if not turns or turns[-1].role != "user":
            raise InvalidRequest("the last message must come from the user", "last_message_not_user", "messages")
        question = self.check_question(turns[-1].content, "messages")
        history_limit = self.settings.max_question_chars * 4
        for turn in turns[:-1]:
            if len(turn.content) > history_limit:
                raise InvalidRequest(
                    f"an earlier message is {len(turn.content)} characters long; the limit is {history_limit}",
                    "message_too_long",
                    "messages",
                )
        users = [t.content for t in turns[:-1] if t.role == "user"] + [question]
        return question, turns[:-1], users

    # --- retrieval ---------------------------------------------------------------------------
    def search_sync(
        self,
        query: str,
        k: int | None = None,
        filters: dict[str, Any] | None = None,
        mode: Mode | None = None,
        spare: int = 0,
    ) -> Retrieval:
        try:
            return self.retriever.search(query, k=self.check_k(k), mode=mode, filters=filters, spare=spare)
        except FilterError as exc:
            raise InvalidRequest(str(exc), "invalid_filter", "filters") from exc

    async def search(
        self, query: str, k: int | None = None, filters: dict[str, Any] | None = None, mode: Mode | None = None
    ) -> Retrieval:
        query = self.check_question(query)
        self.check_k(k)
        return await asyncio.to_thread(self.search_sync, query, k, filters, mode)

    # --- the chat flow -------------------------------------------------------------------------
    async def prepare(
        self,
        messages: Sequence[Message],
        k: int | None = None,
        filters: dict[str, Any] | None = None,
        mode: Mode | None = None,
        max_tokens: int | None = None,
        temperature: float | None = None,
    ) -> Prepared:
        """Validate, retrieve and build the prompt (embedding runs in a worker thread)."""
        self.check_messages(messages)
        self.check_k(k)
        answer_mode = self.answer_mode()
        return await asyncio.to_thread(
            self.prepare_sync, messages, k, filters, mode, max_tokens, temperature, answer_mode
        )

    def prepare_sync(
        self,
        messages: Sequence[Message],
        k: int | None = None,
        filters: dict[str, Any] | None = None,
        mode: Mode | None = None,
        max_tokens: int | None = None,
        temperature: float | None = None,
        answer_mode: str | None = None,
    ) -> Prepared:
        started = time.perf_counter()
        question, earlier, user_messages = self.check_messages(messages)
        standalone = standalone_question(user_messages)
        retrieval = self.search_sync(standalone, k, filters, mode, spare=self.settings.retrieval_spare)
        params = GenerationParams.from_settings(self.settings, max_tokens, temperature)
        history = history_within_budget(earlier, self.settings.history_token_budget, self.count_tokens)
        passages: list[RetrievedChunk] = []
        context_tokens = 0
        # documents are data: a passage holding instructions to the model or asking customers for
        # secrets is never shown to the model, quoted or used as evidence (serving/untrusted.py)
        candidates, untrusted = trusted_passages(load_screen(self.settings), retrieval.chunks)
        answer_mode = answer_mode or self.answer_mode(testing=False)
        candidates, not_current = self._answerable_passages(candidates, k or self.settings.top_k, answer_mode)
        if retrieval.relevant:
            budget = self._context_budget(question, history, params)
            chosen, context_tokens = pack_passages(candidates, budget, self.count_tokens)
            passages = prompt_order(chosen)
        prepared = Prepared(
            question=question,
            standalone_question=standalone,
            retrieval=retrieval,
            passages=passages,
            citations=[self._citation(c) for c in sorted(passages, key=lambda c: c.rank)],
            messages=[],
            params=params,
            history_turns=len(history),
            context_tokens=context_tokens,
            answer_mode=answer_mode,
            untrusted=untrusted,
            not_current=not_current,
        )
        if not prepared.not_covered and prepared.answer_mode == "generate":
            prepared.messages = build_messages(passages, [(t.role, t.content) for t in history], question)
        prepared.timings = {
            "embed_ms": retrieval.embed_ms,
            "search_ms": retrieval.search_ms,
            "prepare_ms": (time.perf_counter() - started) * 1000,
        }
        return prepared

    def _answerable_passages(
        self, candidates: list[RetrievedChunk], k: int, answer_mode: str
    ) -> tuple[list[RetrievedChunk], list[str]]:
        """The k best passages the answer may use, and the ids of archived or superseded ones
        set aside. Retrieval fetched RETRIEVAL_SPARE more than k, so a screened or archived
        passage is replaced by the next current one instead of leaving the answer fewer.

        An archived page is not shown to the model nor used as evidence, so its old rule can
        neither be stated as current nor withdraw a claim of the current page. The composer is
        given the archived passages that ranked in the top k as well: it leaves them out itself
        and says so when they were all that matched."""
        if self.composer is None:
            return candidates[:k], []
        current, left_out = self.composer.current_only(candidates)
        passages = current[:k]
        stale = [chunk for chunk in left_out if chunk.rank <= k]
        if answer_mode == "generate":
            return passages, [chunk.chunk_id for chunk in stale]
        return passages + stale, []

    def _context_budget(self, question: str, history: Sequence[Turn], params: GenerationParams) -> int:
        fixed = self.count_tokens(SYSTEM_PROMPT) + self.count_tokens(question) + PROMPT_SAFETY_TOKENS
        fixed += sum(self.count_tokens(t.content) + 4 for t in history)
        room = int((self.settings.llm_context_tokens - params.max_tokens - fixed) / TOKENIZER_SLACK)
        return max(0, min(self.settings.context_token_budget, room))

    def _citation(self, chunk: RetrievedChunk) -> Citation:
        return Citation(
            doc_id=chunk.doc_id,
            title=chunk.title,
            section=chunk.section,
            url=source_url(chunk.doc_id, chunk.section, self.settings.public_base_url),
            chunk_id=chunk.chunk_id,
            score=round(chunk.score, 6),
            rank=chunk.rank,
        )

    async def generate(self, prepared: Prepared) -> AsyncIterator[Event]:
        """Token events, then citations, then done; or an error event (the model server down,
        timing out or failing), after which nothing follows. Closing this stream early (the guard
        withdrew the answer, the client left) closes the model's HTTP stream at once, so the
        server stops generating; `prepared.generated_tokens` says how far it got."""
        started = time.perf_counter()
        timings = dict(prepared.timings)
        if prepared.not_covered:
            yield TokenEvent(not_covered_text(prepared.retrieval.relevant and bool(prepared.not_current)))
            yield CitationsEvent([])
            timings["total_ms"] = (time.perf_counter() - started) * 1000
            yield DoneEvent("stop", Usage(), True, timings, prepared.prompt_version)
            return
        finish: Finish | None = None
        produced = False
        deltas = stream_chat(self.llm, self.settings.llm_model, prepared.messages, prepared.params)
        try:
            async with contextlib.aclosing(deltas):
                async for item in deltas:
                    if isinstance(item, Delta):
                        prepared.generated_tokens += 1  # llama.cpp and SGLang stream about one token a chunk
                        if not produced:
                            timings["ttft_ms"] = (time.perf_counter() - started) * 1000
                            produced = True
                        yield TokenEvent(item.text)
                    else:
                        finish = item
        except LLMError as exc:
            yield ErrorEvent(exc.message, exc.code)
            return
        if not produced:
            timings["ttft_ms"] = (time.perf_counter() - started) * 1000
            yield TokenEvent(EMPTY_ANSWER)
        finish = finish or Finish("stop", Usage(), {})
        timings.update(finish.server_timings)
        timings["total_ms"] = (time.perf_counter() - started) * 1000
        yield CitationsEvent(prepared.citations)
        yield DoneEvent(finish.finish_reason, finish.usage, False, timings, prepared.prompt_version)

    def compose_sync(self, prepared: Prepared) -> Composition:
        assert self.composer is not None
        return self.composer.compose(prepared.standalone_question, prepared.passages, prepared.retrieval.query_vector)

    async def compose(self, prepared: Prepared) -> AsyncIterator[Event]:
        """The composed answer (no model call): the passage sentences that answer the standalone
        question, one token event per paragraph, their sources as citations; or the "not
        covered" answer when the passages do not answer."""
        started = time.perf_counter()
        timings = dict(prepared.timings)
        composition = None if prepared.not_covered else await asyncio.to_thread(self.compose_sync, prepared)
        timings["compose_ms"] = (time.perf_counter() - started) * 1000
        answered = composition is not None and composition.answered
        if composition is not None:
            prepared.composition = composition.summary()
        if composition is not None and answered:
            paragraphs = composition.text.split("\n\n")
            citations = [self._citation(c) for c in composition.sources]
        else:
            paragraphs = [declined_text(composition)]
            citations = []
        for i, paragraph in enumerate(paragraphs):
            if i == 0:
                timings["ttft_ms"] = (time.perf_counter() - started) * 1000
            yield TokenEvent(paragraph if i == 0 else "\n\n" + paragraph)
        timings["total_ms"] = (time.perf_counter() - started) * 1000
        yield CitationsEvent(citations)
        grounding = {
            "grounded": True,
            "verdict": "supported",
            "policy": "compose",
            "replaced": False,
            "claims": [],
            "review_id": None,
            "skipped": "composed",
        }
        yield DoneEvent("stop", Usage(), not answered, timings, prepared.prompt_version, grounding=grounding)

    def answer(self, prepared: Prepared) -> AsyncIterator[Event]:
        """`generate` (or `compose`), passed through the configured stages in order."""
        if prepared.answer_mode == "compose" and self.composer is not None:
            events: AsyncIterator[Event] = self.compose(prepared)
        else:
            events = self.generate(prepared)
        for stage in self.stages:
            events = stage(prepared, events)
        return events

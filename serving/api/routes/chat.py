"""The chat path: OpenAI-compatible `/v1/chat/completions` and the native SSE `/v1/answer/stream`.
Both render the same `RagService` event stream (serving.render), put between the response cache
and the gateway (serving.gateway):

    key (401) -> requests per minute (429) -> cache lookup -> hit: replay, no model, no tokens
                                                            -> miss: retrieve, reserve tokens (429),
                                                               admission slot (503), generate,
                                                               settle with the real usage, store

`GET /v1/usage` reports the caller's own consumption."""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.types import Receive, Scope, Send

from core.answer_cache import AnswerCache, CacheLookup, cache_scope
from core.prompts import PROMPT_VERSION
from core.retrieval import Mode, Retrieval
from serving.api.deps import ServicesDep, SettingsDep
from serving.api.routes.handoff import handoff_openai, handoff_sse
from serving.errors import APIError, error_body, error_response
from serving.events import ErrorEvent, Event
from serving.gateway.deps import (
    GatewayDep,
    PrincipalDep,
    Quota,
    QuotaDep,
    admit,
    output_budget,
    require_token_headroom,
    reserve_tokens,
    usage_report,
)
from serving.gateway.stream import Settlement, caching, errors_as_events, metered, replay
from serving.index_generation import IndexGeneration
from serving.llm import GenerationParams
from serving.observability import chat as observed
from serving.prompt_tokens import count_prompt_tokens
from serving.rag import Message, Prepared
from serving.render import SSE_HEADERS, CompletionIds, native_sse, openai_completion, openai_stream, peek
from serving.schemas import AnswerRequest, ChatCompletionRequest, ErrorResponse, ModelCard, ModelList
from serving.services import Services

log = logging.getLogger(__name__)
T = TypeVar("T")

router = APIRouter(prefix="/v1", tags=["chat"])
usage_router = APIRouter(prefix="/v1", tags=["gateway"])

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "invalid request"},
    401: {"model": ErrorResponse, "description": "missing or unknown API key"},
    404: {"model": ErrorResponse, "description": "unknown model"},
    429: {"model": ErrorResponse, "description": "requests per minute or daily tokens used up (Retry-After)"},
    503: {"model": ErrorResponse, "description": "the answer model is unavailable, or the queue is full"},
}


@dataclass
class Answer:
    """What a route renders: the prepared request, its events, the headers, and the generator to
    close when the response ends (settles the tokens and frees the slot whatever happened)."""

    prepared: Prepared
    events: AsyncIterator[Event]
    headers: dict[str, str] = field(default_factory=dict)
    closer: Any = None
    settlement: Settlement | None = None  # what the metered stream charged

    async def close(self) -> None:
        """Close the metered stream (it closes the model's stream, settles, frees the slot); when
        the answer was cut before its end (the client left), the request's record gets the usage
        charged and `error_code` "client_disconnected"."""
        if self.closer is None:
            return
        try:
            await asyncio.shield(self.closer.aclose())
        except RuntimeError:  # still running: its own `finally` settles when it unwinds
            log.debug("gateway: the metered stream was still running at close", exc_info=True)
        if self.settlement is not None and self.settlement.how == "cut":
            observed.note_cut(self.settlement.prompt_tokens, self.settlement.completion_tokens)


def _index_generation(services: Services) -> IndexGeneration:
    generation = services.index_generation
    if generation is None:  # Services built without one (a test's): made on first use
        generation = services.index_generation = IndexGeneration(services.settings)
    return generation


async def _in_lookup_thread(services: Services, call: Callable[[], T]) -> T:
    """Run a short blocking cache call in the cache's own threads (the default executor's are
    busy with query embeddings under load)."""
    return await asyncio.get_running_loop().run_in_executor(services.cache_lookups, call)


async def _cache_scope(services: Services, k: int | None, filters: dict[str, Any] | None, mode: Mode | None) -> str:
    settings = services.settings
    tracker = _index_generation(services)
    generation = tracker.fresh()  # from memory nearly always; the docstore every INDEX_GENERATION_CHECK_S
    if generation is None:
        generation = await _in_lookup_thread(services, tracker.current)  # a new index run: a new scope
    return cache_scope(
        settings,
        PROMPT_VERSION,
        f"index-{generation}",
        settings.llm_model,
        mode or settings.retrieval_mode,
        k or settings.top_k,
        json.dumps(filters, sort_keys=True) if filters else "",
    )


async def _cache_lookup(services: Services, cache: AnswerCache, question: str, scope: str) -> CacheLookup:
    """The exact layer first (Redis reads, no embedding, in the cache's threads); only a miss
    goes on to the semantic layer, which embeds the question in the default executor."""
    found = await _in_lookup_thread(services, functools.partial(cache.lookup, question, scope, semantic=False))
    if found.entry is not None:
        return found
    return await asyncio.to_thread(cache.lookup, question, scope, exact=False)


def _stub(question: str, mode: Mode | None, params: GenerationParams, services: Services) -> Prepared:
    """A `Prepared` for a cache hit (no retrieval ran): what the renderers read."""
    retrieval = Retrieval(question, mode or services.settings.retrieval_mode, [], True)
    return Prepared(question, question, retrieval, [], [], [], params)


async def answer(
    request: Request,
    services: Services,
    gateway: GatewayDep,
    quota: Quota,
    messages: Sequence[Message],
    k: int | None = None,
    filters: dict[str, Any] | None = None,
    mode: Mode | None = None,
    max_tokens: int | None = None,
    temperature: float | None = None,
) -> Answer:
    rag = services.rag
    question, earlier, _users = rag.check_messages(messages)
    rag.check_k(k)
    observed.start_chat(quota, question)
    # The cache answers single questions only: with history the answer depends on the turns.
    cache = services.cache if not earlier else None
    scope = await _cache_scope(services, k, filters, mode) if cache is not None else ""
    lookup: CacheLookup | None = None
    if cache is not None:
        try:
            lookup = await _cache_lookup(services, cache, question, scope)
        except Exception:
            log.warning("response cache: lookup failed; answering without it", exc_info=True)
    observed.note_cache(lookup, cache is not None)
    if lookup is not None and lookup.entry is not None:
        await gateway.limiter.count_cache_hit(quota.principal)  # a request, no tokens
        params = GenerationParams.from_settings(services.settings, max_tokens, temperature)
        replayed = replay(lookup.entry, lookup.timings.get("cache_ms", 0.0))
        replayed = observed.observe(replayed)
        return Answer(_stub(question, mode, params, services), replayed, {**quota.headers(), **lookup.headers()})

    x_cache = {"X-Cache": "miss"}
    budget = output_budget(gateway, quota, max_tokens)
    if rag.answer_mode(testing=False) == "generate":  # a composed answer costs no tokens
        await require_token_headroom(gateway, quota, budget)  # 429 before retrieval, not after
    prepared = await rag.prepare(messages, k=k, filters=filters, mode=mode, max_tokens=budget, temperature=temperature)
    observed.note_prepared(prepared)
    if prepared.not_covered or prepared.answer_mode == "compose":  # no model call, nothing to reserve
        return Answer(prepared, observed.observe(rag.answer(prepared)), {**quota.headers(), **x_cache})
    # Counted by the serving model's tokenizer (its /tokenize), the unit it bills in; the
    # embedder's tokenizer undercounts some text by 200x.
    settings = services.settings
    prompt_tokens = await count_prompt_tokens(settings.llm_base_url, prepared.messages, settings.llm_api_key)
    prepared.prompt_tokens = prompt_tokens
    grant = await reserve_tokens(gateway, quota, prompt_tokens, prepared.params.max_tokens)  # 429
    slot = await admit(gateway, quota, request)  # 503; gives the reservation back on failure
    observed.note_slot(slot)
    settlement = Settlement()
    inner = metered(
        errors_as_events(rag.answer(prepared)),
        gateway,
        grant,
        slot,
        prompt_tokens,
        generated=lambda: prepared.generated_tokens,
        settlement=settlement,
    )
    events: AsyncIterator[Event] = inner
    if cache is not None:
        vector = lookup.vector if lookup is not None else None
        events = caching(inner, cache, question, scope, vector)
    headers = {**quota.headers(), **x_cache}
    return Answer(prepared, observed.observe(events), headers, closer=inner, settlement=settlement)


async def _stream(body: AsyncIterator[str], result: Answer) -> AsyncIterator[str]:
    """The response body; closing it (the end, an error, a client gone) stops the model, settles
    and frees the slot, shielded from the cancellation that a client leaving sends."""
    try:
        async for chunk in body:
            yield chunk
    finally:
        with anyio.CancelScope(shield=True):
            await result.close()


class AnswerStreamingResponse(StreamingResponse):
    """A streamed answer whose body is closed as soon as the response ends. Starlette cancels
    the body's iteration when the client leaves (or stops at a failed send) but leaves the body
    generator to the garbage collector; closing it here stops the model and settles at once,
    before the request is logged."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            close = getattr(self.body_iterator, "aclose", None)
            if close is not None:
                with anyio.CancelScope(shield=True):
                    await close()


@router.get("/models", response_model=ModelList)
async def list_models(settings: SettingsDep) -> ModelList:
    return ModelList(data=[ModelCard(id=settings.api_model_name)])


@router.post("/chat/completions", responses=ERRORS, response_model=None)
async def chat_completions(
    request: Request, body: ChatCompletionRequest, services: ServicesDep, gateway: GatewayDep, quota: QuotaDep
) -> JSONResponse | StreamingResponse:
    settings = services.settings
    if body.model != settings.api_model_name:
        raise APIError(
            404,
            f"The model '{body.model}' does not exist; this server answers as '{settings.api_model_name}'",
            "model_not_found",
            "model",
        )
    messages = [m.to_message() for m in body.messages]
    # --- handoff: the customer asks for a person (serving/handoff); no answer, no model call ---
    include_usage = bool(body.stream_options and body.stream_options.include_usage)
    handed_off = await handoff_openai(request, services, quota, messages, body.stream, include_usage)
    if handed_off is not None:
        return handed_off
    result = await answer(
        request,
        services,
        gateway,
        quota,
        messages,
        k=body.k,
        filters=body.filters,
        mode=body.mode,
        max_tokens=body.token_limit,
        temperature=body.temperature,
    )
    ids = CompletionIds(model=settings.api_model_name)
    if not body.stream:
        try:
            completion = await openai_completion(result.prepared, result.events, ids)
        finally:
            await result.close()
        if isinstance(completion, ErrorEvent):
            response = error_response(completion.status, completion.message, completion.code)
            response.headers.update(result.headers)
            return response
        return JSONResponse(completion, headers=result.headers)
    first, events = await peek(result.events)
    if isinstance(first, ErrorEvent):
        # Failed before the first token: answer with a status the client can act on.
        await result.close()
        return JSONResponse(
            error_body(first.status, first.message, first.code), status_code=first.status, headers=result.headers
        )
    return AnswerStreamingResponse(
        _stream(openai_stream(result.prepared, events, ids, include_usage), result),
        media_type="text/event-stream",
        headers={**SSE_HEADERS, **result.headers},
    )


@router.post("/answer/stream", responses=ERRORS, response_class=StreamingResponse)
async def answer_stream(
    request: Request, body: AnswerRequest, services: ServicesDep, gateway: GatewayDep, quota: QuotaDep
) -> StreamingResponse:
    """Server-sent events: `token` ({"text"}) repeated, `citations` ({"citations": [...]}), `done`
    (finish reason, usage, timings); or `error` ({"message", "code"}) and nothing after it."""
    if body.question is None and not body.messages:
        raise APIError(400, "give a question or messages", "empty_question", "question")
    messages = body.to_messages()
    # --- handoff: the customer asks for a person (serving/handoff); no answer, no model call ---
    handed_off = await handoff_sse(request, services, quota, messages)
    if handed_off is not None:
        return handed_off
    result = await answer(request, services, gateway, quota, messages, k=body.k, filters=body.filters, mode=body.mode)
    return AnswerStreamingResponse(
        _stream(native_sse(result.prepared, result.events), result),
        media_type="text/event-stream",
        headers={**SSE_HEADERS, **result.headers},
    )


@usage_router.get("/usage")
async def usage(principal: PrincipalDep, gateway: GatewayDep) -> dict[str, Any]:
    """The caller's consumption today: tokens (used, reserved, remaining), requests, cache hits."""
    return await usage_report(gateway, principal)

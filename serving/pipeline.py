"""The gateway steps of one chat request, in order. Both chat routes (`/v1/chat/completions`,
`/v1/answer/stream`, serving/api/routes/chat.py) call `run` once and only render what it returns:
a `Handoff` (the customer asked for a person) or an `Answer` (its events, headers, and the
stream to close when the response ends). The API key (401) and the requests per minute (429)
are checked before, by the routes' dependencies (serving/gateway/deps.py).

The steps, in the order `STEPS` runs them; a step that returns an outcome ends the walk:

     1. check_messages   400 when the messages cannot be answered (empty, too long, last not the user's)
     2. handoff          the customer asks for a person: a handoff item, no answer, no model call -> Handoff
     3. check_k          400 when k is out of range
     4. open_record      observability: the request's record gets the question and the quota
     5. cache_lookup     the cache scope (prompt, index generation, model, retrieval options), then the
                         exact layer, then the semantic layer (single questions only; history bypasses)
     6. cache_hit        a hit is replayed -> Answer: a request counted, no retrieval, no model, no tokens
     7. token_headroom   429 before retrieval when today's tokens cannot cover the answer's output
     8. retrieve         retrieve and build the prompt (`RagService.prepare`)
     9. compose          "not covered" or a composed answer -> Answer: no model call, nothing reserved
    10. count_prompt     the prompt's tokens, counted by the serving model's tokenizer
    11. reserve          429 when today's tokens cannot cover prompt + output; else reserved
    12. admit            503 when no generation slot comes free (the reservation is given back)
    13. generate         -> Answer: the model's events, each wrapped by the next:
                             errors_as_events  an exception becomes an error event
                             metered           settle with the real usage and free the slot when the
                                               stream ends, fails or is closed (the client left)
                             caching           store a complete, grounded answer
                             observe           note what the client gets

Every `Answer` is observed (`serving.observability.chat.observe`); `Answer.close` closes the
metered stream, shielded, and notes a cut answer."""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.exc import SQLAlchemyError

from core.answer_cache import AnswerCache, CacheLookup, RedisAnswerCache, cache_scope
from core.prompts import PROMPT_VERSION
from core.retrieval import Mode, Retrieval
from serving.conversation import Turn
from serving.errors import APIError
from serving.events import Event
from serving.gateway import deps as gateway_steps
from serving.gateway.limits import TokenGrant
from serving.gateway.stream import Settlement, caching, errors_as_events, metered, replay
from serving.handoff.service import HandoffDesk
from serving.handoff.store import HandoffItem
from serving.index_generation import IndexGeneration
from serving.llm import GenerationParams
from serving.observability import chat as observed
from serving.prompt_tokens import count_prompt_tokens
from serving.rag import Message, Prepared
from serving.services import Services

if TYPE_CHECKING:
    from starlette.requests import Request

    from serving.gateway.deps import Quota
    from serving.gateway.queue import Slot
    from serving.gateway.service import Gateway

log = logging.getLogger(__name__)
T = TypeVar("T")


# --- what a route renders --------------------------------------------------------------------
@dataclass
class Answer:
    """An answer to render: the prepared request, its events, the headers, and the generator to
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


@dataclass
class Handoff:
    """The customer asked for a person: the item created and its confirmation, instead of an answer."""

    desk: HandoffDesk
    item: HandoffItem
    elapsed_ms: float


Outcome = Answer | Handoff


# --- the request as it walks the steps -------------------------------------------------------
@dataclass
class Ask:
    """What the client asked, as the routes read it from their bodies."""

    messages: Sequence[Message]
    channel: str  # "openai" or "sse": the handoff item records where it came from
    k: int | None = None
    filters: dict[str, Any] | None = None
    mode: Mode | None = None
    max_tokens: int | None = None
    temperature: float | None = None


@dataclass
class Flow:
    """One request's state between the steps; each step reads what earlier ones left."""

    request: Request
    services: Services
    gateway: Gateway
    quota: Quota
    ask: Ask
    started: float = field(default_factory=time.perf_counter)
    question: str = ""  # check_messages
    earlier: list[Turn] = field(default_factory=list)  # check_messages
    cache: AnswerCache | None = None  # cache_lookup: None when off or bypassed (history)
    scope: str = ""  # cache_lookup
    lookup: CacheLookup | None = None  # cache_lookup: None when bypassed or failed
    budget: int = 0  # token_headroom: the output tokens this answer may use
    prepared_: Prepared | None = None  # retrieve
    prompt_tokens: int = 0  # count_prompt
    grant: TokenGrant | None = None  # reserve
    slot: Slot | None = None  # admit
    x_cache: dict[str, str] = field(default_factory=lambda: {"X-Cache": "miss"})

    @property
    def prepared(self) -> Prepared:
        if self.prepared_ is None:
            raise RuntimeError("a step after `retrieve` ran before it")
        return self.prepared_

    def headers(self) -> dict[str, str]:
        """The answer's headers (a miss's): X-RateLimit-* and X-Cache."""
        return {**self.quota.headers(), **self.x_cache}


Step = Callable[[Flow], Awaitable[Outcome | None]]


# --- the steps -------------------------------------------------------------------------------
async def check_messages(flow: Flow) -> None:
    flow.question, flow.earlier, _users = flow.services.rag.check_messages(flow.ask.messages)


async def handoff(flow: Flow) -> Handoff | None:
    """A handoff item when the customer asks for a person (serving/handoff), else None."""
    desk = getattr(flow.request.app.state, "handoffs", None)
    if not isinstance(desk, HandoffDesk):
        return None
    reason = desk.request_for(flow.ask.messages)
    if reason is None:
        return None
    try:
        item = await desk.create(flow.services.rag, flow.quota.principal, flow.ask.messages, reason, flow.ask.channel)
    except SQLAlchemyError as exc:
        log.exception("handoff: the item could not be stored")
        raise APIError(
            503, "your request for a person could not be recorded; please try again", "handoff_unavailable"
        ) from exc
    return Handoff(desk, item, (time.perf_counter() - flow.started) * 1000)


async def check_k(flow: Flow) -> None:
    flow.services.rag.check_k(flow.ask.k)


async def open_record(flow: Flow) -> None:
    observed.start_chat(flow.quota, flow.question)


async def cache_lookup(flow: Flow) -> None:
    """The cache answers single questions only: with history the answer depends on the turns.
    A failed lookup answers without the cache (logged)."""
    services = flow.services
    flow.cache = services.cache if not flow.earlier else None
    if flow.cache is not None:
        flow.scope = await _cache_scope(services, flow.ask.k, flow.ask.filters, flow.ask.mode)
        try:
            flow.lookup = await _lookup(services, flow.gateway, flow.cache, flow.question, flow.scope)
        except Exception:
            log.warning("response cache: lookup failed; answering without it", exc_info=True)
    observed.note_cache(flow.lookup, flow.cache is not None)


async def cache_hit(flow: Flow) -> Answer | None:
    """A hit replayed as the events a generation produces: counted as a request, no tokens."""
    lookup = flow.lookup
    if lookup is None or lookup.entry is None:
        return None
    services, ask = flow.services, flow.ask
    await flow.gateway.limiter.count_cache_hit(flow.quota.principal)
    params = GenerationParams.from_settings(services.settings, ask.max_tokens, ask.temperature)
    retrieval = Retrieval(flow.question, ask.mode or services.settings.retrieval_mode, [], True)
    stub = Prepared(flow.question, flow.question, retrieval, [], [], [], params)  # what the renderers read
    replayed = observed.observe(replay(lookup.entry, lookup.timings.get("cache_ms", 0.0)))
    return Answer(stub, replayed, {**flow.quota.headers(), **lookup.headers()})


async def token_headroom(flow: Flow) -> None:
    """The output budget (asked, clamped to the caller's cap); 429 before retrieval, not after,
    when today's tokens cannot cover it. A composed answer costs no tokens: not checked."""
    flow.budget = gateway_steps.output_budget(flow.gateway, flow.quota, flow.ask.max_tokens)
    if flow.services.rag.answer_mode(testing=False) == "generate":
        await gateway_steps.require_token_headroom(flow.gateway, flow.quota, flow.budget)


async def retrieve(flow: Flow) -> None:
    ask = flow.ask
    flow.prepared_ = await flow.services.rag.prepare(
        ask.messages, k=ask.k, filters=ask.filters, mode=ask.mode, max_tokens=flow.budget, temperature=ask.temperature
    )
    observed.note_prepared(flow.prepared_)


async def compose(flow: Flow) -> Answer | None:
    """The fixed "not covered" answer, or a composed one: no model call, nothing to reserve."""
    prepared = flow.prepared
    if not (prepared.not_covered or prepared.answer_mode == "compose"):
        return None
    return Answer(prepared, observed.observe(flow.services.rag.answer(prepared)), flow.headers())


async def count_prompt(flow: Flow) -> None:
    """Counted by the serving model's tokenizer (its /tokenize), the unit it bills in; the
    embedder's tokenizer undercounts some text by 200x."""
    settings, prepared = flow.services.settings, flow.prepared
    flow.prompt_tokens = await count_prompt_tokens(settings.llm_base_url, prepared.messages, settings.llm_api_key)
    prepared.prompt_tokens = flow.prompt_tokens


async def reserve(flow: Flow) -> None:
    flow.grant = await gateway_steps.reserve_tokens(
        flow.gateway, flow.quota, flow.prompt_tokens, flow.prepared.params.max_tokens
    )


async def admit(flow: Flow) -> None:
    flow.slot = await gateway_steps.admit(flow.gateway, flow.quota, flow.request)
    observed.note_slot(flow.slot)


async def generate(flow: Flow) -> Answer:
    prepared, grant = flow.prepared, flow.grant
    if grant is None:
        raise RuntimeError("`generate` ran before `reserve`")
    settlement = Settlement()
    inner = metered(
        errors_as_events(flow.services.rag.answer(prepared)),
        flow.gateway,
        grant,
        flow.slot,
        flow.prompt_tokens,
        generated=lambda: prepared.generated_tokens,
        settlement=settlement,
    )
    events: AsyncIterator[Event] = inner
    if flow.cache is not None:
        vector = flow.lookup.vector if flow.lookup is not None else None
        events = caching(inner, flow.cache, flow.question, flow.scope, vector)
    return Answer(prepared, observed.observe(events), flow.headers(), closer=inner, settlement=settlement)


STEPS: tuple[Step, ...] = (
    check_messages,
    handoff,
    check_k,
    open_record,
    cache_lookup,
    cache_hit,
    token_headroom,
    retrieve,
    compose,
    count_prompt,
    reserve,
    admit,
    generate,
)


async def run(
    request: Request,
    services: Services,
    gateway: Gateway,
    quota: Quota,
    ask: Ask,
    steps: Sequence[Step] = STEPS,
) -> Outcome:
    """Walk `steps` in order until one returns an outcome (the last always does). Refusals are
    raised: `InvalidRequest` (400), `APIError`, `GatewayError` (429, 503)."""
    flow = Flow(request, services, gateway, quota, ask)
    for step in steps:
        outcome = await step(flow)
        if outcome is not None:
            return outcome
    raise RuntimeError("no step answered the request")


# --- the cache's helpers -----------------------------------------------------------------------
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


async def _lookup(services: Services, gateway: Gateway, cache: AnswerCache, question: str, scope: str) -> CacheLookup:
    """The exact layer first (two Redis reads, no embedding: in the event loop on the gateway's
    asyncio client of the same Redis, else in the cache's threads); only a miss goes on to the
    semantic layer, which embeds the question in the default executor."""
    if isinstance(cache, RedisAnswerCache):
        found = await cache.lookup_exact(gateway.redis, question, scope)
    else:
        found = await _in_lookup_thread(services, functools.partial(cache.lookup, question, scope, semantic=False))
    if found.entry is not None:
        return found
    return await asyncio.to_thread(cache.lookup, question, scope, exact=False)

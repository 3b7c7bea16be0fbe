"""The chat path: OpenAI-compatible `/v1/chat/completions` and the native SSE `/v1/answer/stream`.
Each route checks its body, calls the request pipeline once (serving/pipeline.py: handoff,
response cache, token budget, retrieval, admission, generation, in that order) and renders what
it returns (serving.render, serving.handoff.render):

    key (401) -> requests per minute (429) -> pipeline.run -> Handoff: the confirmation
                                                            -> Answer: JSON, OpenAI SSE or native SSE

`GET /v1/usage` reports the caller's own consumption."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.types import Receive, Scope, Send

from serving import pipeline
from serving.api.deps import ServicesDep, SettingsDep
from serving.api.routes.handoff import handoff_openai, handoff_sse
from serving.errors import APIError, error_body, error_response
from serving.events import ErrorEvent
from serving.gateway.deps import GatewayDep, PrincipalDep, QuotaDep, usage_report
from serving.pipeline import Answer, Ask, Handoff
from serving.render import SSE_HEADERS, CompletionIds, native_sse, openai_completion, openai_stream, peek
from serving.schemas import AnswerRequest, ChatCompletionRequest, ErrorResponse, ModelCard, ModelList

router = APIRouter(prefix="/v1", tags=["chat"])
usage_router = APIRouter(prefix="/v1", tags=["gateway"])

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "invalid request"},
    401: {"model": ErrorResponse, "description": "missing or unknown API key"},
    404: {"model": ErrorResponse, "description": "unknown model"},
    429: {"model": ErrorResponse, "description": "requests per minute or daily tokens used up (Retry-After)"},
    503: {"model": ErrorResponse, "description": "the answer model is unavailable, or the queue is full"},
}


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
    ask = Ask(
        [m.to_message() for m in body.messages],
        "openai",
        k=body.k,
        filters=body.filters,
        mode=body.mode,
        max_tokens=body.token_limit,
        temperature=body.temperature,
    )
    include_usage = bool(body.stream_options and body.stream_options.include_usage)
    result = await pipeline.run(request, services, gateway, quota, ask)
    if isinstance(result, Handoff):  # the customer asks for a person: no answer, no model call
        return handoff_openai(result, services, quota, body.stream, include_usage)
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
    ask = Ask(body.to_messages(), "sse", k=body.k, filters=body.filters, mode=body.mode)
    result = await pipeline.run(request, services, gateway, quota, ask)
    if isinstance(result, Handoff):  # the customer asks for a person: no answer, no model call
        return handoff_sse(result, quota)
    return AnswerStreamingResponse(
        _stream(native_sse(result.prepared, result.events), result),
        media_type="text/event-stream",
        headers={**SSE_HEADERS, **result.headers},
    )


@usage_router.get("/usage")
async def usage(principal: PrincipalDep, gateway: GatewayDep) -> dict[str, Any]:
    """The caller's consumption today: tokens (used, reserved, remaining), requests, cache hits."""
    return await usage_report(gateway, principal)

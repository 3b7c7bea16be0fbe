"""The chat path: OpenAI-compatible `/v1/chat/completions` and the native SSE `/v1/answer/stream`.
Both render the same `RagService` event stream (serving.render)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse, StreamingResponse

from serving.api.deps import RagDep, SettingsDep
from serving.errors import APIError, error_body, error_response
from serving.events import ErrorEvent
from serving.render import SSE_HEADERS, CompletionIds, native_sse, openai_completion, openai_stream, peek
from serving.schemas import AnswerRequest, ChatCompletionRequest, ErrorResponse, ModelCard, ModelList

router = APIRouter(prefix="/v1", tags=["chat"])

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "invalid request"},
    404: {"model": ErrorResponse, "description": "unknown model"},
    503: {"model": ErrorResponse, "description": "the answer model is unavailable"},
}


@router.get("/models", response_model=ModelList)
async def list_models(settings: SettingsDep) -> ModelList:
    return ModelList(data=[ModelCard(id=settings.api_model_name)])


@router.post("/chat/completions", responses=ERRORS, response_model=None)
async def chat_completions(
    body: ChatCompletionRequest, rag: RagDep, settings: SettingsDep
) -> JSONResponse | StreamingResponse:
    if body.model != settings.api_model_name:
        raise APIError(
            404,
            f"The model '{body.model}' does not exist; this server answers as '{settings.api_model_name}'",
            "model_not_found",
            "model",
        )
    prepared = await rag.prepare(
        [m.to_message() for m in body.messages],
        k=body.k,
        filters=body.filters,
        mode=body.mode,
        max_tokens=body.token_limit,
        temperature=body.temperature,
    )
    ids = CompletionIds(model=settings.api_model_name)
    events = rag.answer(prepared)
    if not body.stream:
        result = await openai_completion(prepared, events, ids)
        if isinstance(result, ErrorEvent):
            return error_response(result.status, result.message, result.code)
        return JSONResponse(result)
    first, events = await peek(events)
    if isinstance(first, ErrorEvent):
        # Failed before the first token: answer with a status the client can act on.
        return JSONResponse(error_body(first.status, first.message, first.code), status_code=first.status)
    include_usage = bool(body.stream_options and body.stream_options.include_usage)
    return StreamingResponse(
        openai_stream(prepared, events, ids, include_usage), media_type="text/event-stream", headers=SSE_HEADERS
    )


@router.post("/answer/stream", responses=ERRORS, response_class=StreamingResponse)
async def answer_stream(body: AnswerRequest, rag: RagDep) -> StreamingResponse:
    """Server-sent events: `token` ({"text"}) repeated, `citations` ({"citations": [...]}), `done`
    (finish reason, usage, timings); or `error` ({"message", "code"}) and nothing after it."""
    if body.question is None and not body.messages:
        raise APIError(400, "give a question or messages", "empty_question", "question")
    prepared = await rag.prepare(body.to_messages(), k=body.k, filters=body.filters, mode=body.mode)
    return StreamingResponse(
        native_sse(prepared, rag.answer(prepared)), media_type="text/event-stream", headers=SSE_HEADERS
    )

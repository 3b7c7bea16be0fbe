"""Thumbs up/down on answers: `POST /v1/feedback`, the caller's own feedback (`GET /v1/feedback/mine`),
and the satisfaction rate staff and MLflow see (`GET /v1/feedback/summary`, staff keys only).

Feedback is tied to its user: `answer_id` is the answer's request id (the done event's
`request_id`, `ragdesk.request_id` on OpenAI responses, the `X-Request-Id` header), and it is
accepted only from the user the answer went to, as the request log recorded it. Any other id, and
another user's answer, is a 404 `answer_not_found` (whether the answer exists is not revealed)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from core.feedback import (
    MAX_ID_CHARS,
    FeedbackError,
    feedback_engine,
    record_feedback,
    satisfaction_rate,
    user_feedback,
)
from serving.api.deps import SettingsDep
from serving.api.routes.requests import RequestLogDep
from serving.errors import APIError
from serving.gateway.deps import PrincipalDep, forbidden
from serving.gateway.keys import Principal
from serving.observability.context import hashed_id
from serving.observability.finish import CHAT_ROUTES
from serving.observability.middleware import flush_app
from serving.observability.request_log import RequestLog, RequestNotFound
from serving.schemas import ErrorResponse

router = APIRouter(prefix="/v1", tags=["feedback"])

# The request log's row of an answer is written after its response ended (a worker thread): an
# answer rated at once may not be there yet; an unknown id waits for the writer, this long at most.
ROW_WAIT_S = 10.0
MAX_LIST = 200


class FeedbackRequest(BaseModel):
    answer_id: str = Field(
        description="the answer's request id: the done event's `request_id` (`ragdesk.request_id` on OpenAI "
        "responses, the `X-Request-Id` header); only the user the answer went to may rate it"
    )
    rating: int = Field(description="1 = thumbs up, -1 = thumbs down")
    question: str = Field(default="", description="the question; empty: the logged one")
    answer: str = Field(default="", description="the answer as shown; empty: the logged one")
    comment: str = ""
    citations: list[dict[str, Any]] = Field(default_factory=list)


def _check_sizes(body: FeedbackRequest, max_text_chars: int, max_citations: int) -> None:
    for name in ("question", "answer"):
        size = len(getattr(body, name))
        if size > max_text_chars:
            raise APIError(
                422,
                f"{name} is {size} characters long; the limit is {max_text_chars} (FEEDBACK_MAX_TEXT_CHARS)",
                "invalid_feedback",
                name,
            )
    if len(body.citations) > max_citations:
        raise APIError(
            422,
            f"{len(body.citations)} citations; the limit is {max_citations} (FEEDBACK_MAX_CITATIONS)",
            "invalid_feedback",
            "citations",
        )


def _check_fields(body: FeedbackRequest, max_comment_chars: int) -> None:
    if isinstance(body.rating, bool) or body.rating not in (1, -1):
        raise APIError(422, "rating must be 1 (thumbs up) or -1 (thumbs down)", "invalid_feedback", "rating")
    if not body.answer_id.strip() or len(body.answer_id.strip()) > MAX_ID_CHARS:
        raise APIError(422, f"answer_id must be 1 to {MAX_ID_CHARS} characters", "invalid_feedback", "answer_id")
    size = len(body.comment.strip())
    if size > max_comment_chars:
        raise APIError(
            422,
            f"the comment is {size} characters long; the limit is {max_comment_chars} (FEEDBACK_MAX_COMMENT_CHARS)",
            "invalid_feedback",
            "comment",
        )


def _logged_answer(app: Any, log: RequestLog, answer_id: str, user_hash: str) -> dict[str, Any] | None:
    """The request log's row of the answer `answer_id` if it went to `user_hash`, else None."""
    answer_id = answer_id.strip()
    try:
        row = log.get(answer_id)
    except RequestNotFound:
        time.sleep(0.05)  # the response may have ended a moment ago: its row is not handed over yet
        with contextlib.suppress(TimeoutError):
            flush_app(app, ROW_WAIT_S)  # the rows of the answers already sent are written
        try:
            row = log.get(answer_id)
        except RequestNotFound:
            return None
    if row["user_hash"] != user_hash or row["route"] not in CHAT_ROUTES or int(row["status"] or 0) >= 400:
        return None
    return row


@router.post(
    "/feedback",
    status_code=201,
    responses={
        404: {"model": ErrorResponse, "description": "no answer with that id went to the caller's user"},
        422: {"model": ErrorResponse, "description": "a bad rating, an empty answer id or a field too long"},
        503: {"model": ErrorResponse, "description": "the request log is off: answers cannot be told apart"},
    },
)
async def post_feedback(
    request: Request, body: FeedbackRequest, settings: SettingsDep, principal: PrincipalDep, log: RequestLogDep
) -> dict[str, Any]:
    _check_sizes(body, settings.feedback_max_text_chars, settings.feedback_max_citations)
    user_hash = hashed_id(principal.user)

    def store() -> dict[str, Any] | None:
        row = _logged_answer(request.app, log, body.answer_id, user_hash)
        if row is None:
            return None
        stored = record_feedback(
            feedback_engine(settings),
            answer_id=body.answer_id.strip(),
            rating=body.rating,
            question=body.question or str(row.get("question") or ""),
            answer=body.answer or str(row.get("answer") or ""),
            comment=body.comment,
            citations=body.citations,
            max_comment_chars=settings.feedback_max_comment_chars,
            user_hash=user_hash,
        )
        return asdict(stored)

    _check_fields(body, settings.feedback_max_comment_chars)  # a bad request is a 422 before any look-up
    try:
        stored = await asyncio.to_thread(store)
    except FeedbackError as exc:
        raise APIError(422, str(exc), "invalid_feedback") from exc
    if stored is None:
        raise APIError(404, f"no answer {body.answer_id.strip()!r} was given to you", "answer_not_found", "answer_id")
    return stored


@router.get("/feedback/mine")
async def list_own_feedback(
    settings: SettingsDep,
    principal: PrincipalDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIST)] = 50,
) -> dict[str, Any]:
    """The feedback the caller's user gave, newest first (any key; only its own user's)."""
    rows = await asyncio.to_thread(user_feedback, feedback_engine(settings), hashed_id(principal.user), limit)
    data = [asdict(row) for row in rows]
    return {"object": "list", "data": data, "count": len(data)}


async def require_staff_for_summary(principal: PrincipalDep) -> Principal:
    if not principal.staff:
        raise forbidden(
            f"the global satisfaction figure is for staff keys and user {principal.user!r} is not staff "
            "(GET /v1/feedback/mine lists your own feedback); an admin can run: "
            f"ragdesk keys set-staff --user {principal.user}"
        )
    return principal


@router.get(
    "/feedback/summary",
    dependencies=[Depends(require_staff_for_summary)],
    responses={403: {"model": ErrorResponse, "description": "the global satisfaction figure is for staff keys"}},
)
async def feedback_summary(settings: SettingsDep) -> dict[str, Any]:
    result = await asyncio.to_thread(satisfaction_rate, settings)
    return {"up": result.up, "down": result.down, "total": result.total, "satisfaction_rate": result.rate}

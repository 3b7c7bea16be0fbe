"""Thumbs up/down on answers: `POST /v1/feedback`, and the satisfaction rate staff and MLflow see."""

from __future__ import annotations

import asyncio
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from core.feedback import FeedbackError, feedback_engine, record_feedback, satisfaction_rate
from serving.api.deps import SettingsDep
from serving.errors import APIError
from serving.gateway.deps import require_staff
from serving.schemas import ErrorResponse

router = APIRouter(prefix="/v1", tags=["feedback"])


class FeedbackRequest(BaseModel):
    answer_id: str = Field(description="the id of the answer (the completion id or the done event's id)")
    rating: int = Field(description="1 = thumbs up, -1 = thumbs down")
    question: str = ""
    answer: str = ""
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


@router.post(
    "/feedback",
    status_code=201,
    responses={422: {"model": ErrorResponse, "description": "a bad rating, an empty answer id or a field too long"}},
)
async def post_feedback(body: FeedbackRequest, settings: SettingsDep) -> dict[str, Any]:
    _check_sizes(body, settings.feedback_max_text_chars, settings.feedback_max_citations)

    def store() -> dict[str, Any]:
        stored = record_feedback(
            feedback_engine(settings),
            answer_id=body.answer_id,
            rating=body.rating,
            question=body.question,
            answer=body.answer,
            comment=body.comment,
            citations=body.citations,
            max_comment_chars=settings.feedback_max_comment_chars,
        )
        return asdict(stored)

    try:
        return await asyncio.to_thread(store)
    except FeedbackError as exc:
        raise APIError(422, str(exc), "invalid_feedback") from exc


@router.get(
    "/feedback/summary",
    dependencies=[Depends(require_staff)],
    responses={403: {"model": ErrorResponse, "description": "the global satisfaction figure is for staff keys"}},
)
async def feedback_summary(settings: SettingsDep) -> dict[str, Any]:
    result = await asyncio.to_thread(satisfaction_rate, settings)
    return {"up": result.up, "down": result.down, "total": result.total, "satisfaction_rate": result.rate}

"""The review queue of flagged answers (serving/review.py): list, read, resolve. Staff keys only
(`require_staff`): the items hold other users' questions and the full prompts."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query

from serving.api.deps import ReviewsDep
from serving.errors import APIError
from serving.gateway.deps import require_staff
from serving.review import MAX_NOTE_CHARS, RESOLUTIONS, AlreadyResolved, ReviewItem, ReviewNotFound
from serving.schemas import ErrorResponse, ResolveRequest, ReviewItemOut, ReviewList

router = APIRouter(
    prefix="/v1/reviews",
    tags=["review"],
    dependencies=[Depends(require_staff)],
    responses={
        401: {"model": ErrorResponse, "description": "no valid API key"},
        403: {"model": ErrorResponse, "description": "the key's user is not staff (`ragdesk keys set-staff`)"},
    },
)

# Review ids are SQLite integers: a path id outside the signed 64-bit range is a 400, not an overflow.
ItemId = Annotated[int, Path(ge=1, le=2**63 - 1, description="the review item's id")]

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "no such review item"},
    409: {"model": ErrorResponse, "description": "the item is already resolved"},
    422: {"model": ErrorResponse, "description": "unknown resolution or note too long"},
}


def _out(item: ReviewItem) -> ReviewItemOut:
    return ReviewItemOut.model_validate(item.to_dict())


@router.get("", response_model=ReviewList)
async def list_reviews(
    reviews: ReviewsDep,
    status: Literal["open", "resolved", "all"] = "open",
    limit: int = Query(default=50, ge=1, le=200),
) -> ReviewList:
    """Flagged answers, newest first."""
    items = await asyncio.to_thread(reviews.list, None if status == "all" else status, limit)
    counts = await asyncio.to_thread(reviews.counts)
    return ReviewList(items=[_out(i) for i in items], counts=counts)


@router.get("/{item_id}", response_model=ReviewItemOut, responses=ERRORS)
async def get_review(item_id: ItemId, reviews: ReviewsDep) -> ReviewItemOut:
    try:
        return _out(await asyncio.to_thread(reviews.get, item_id))
    except ReviewNotFound as exc:
        raise APIError(404, f"no review item {item_id}", "review_not_found", "item_id") from exc


@router.post("/{item_id}/resolve", response_model=ReviewItemOut, responses=ERRORS)
async def resolve_review(item_id: ItemId, body: ResolveRequest, reviews: ReviewsDep) -> ReviewItemOut:
    """Close an item: `answer_wrong` (the guard was right), `answer_correct` (a false alarm) or
    `corpus_fixed` (the help centre was changed)."""
    if body.resolution not in RESOLUTIONS:
        raise APIError(
            422,
            f"resolution must be one of {', '.join(RESOLUTIONS)}; got {body.resolution!r}",
            "invalid_resolution",
            "resolution",
        )
    if len(body.note) > MAX_NOTE_CHARS:
        raise APIError(
            422, f"the note is {len(body.note)} characters long; the limit is {MAX_NOTE_CHARS}", "note_too_long", "note"
        )
    try:
        return _out(await asyncio.to_thread(reviews.resolve, item_id, body.resolution, body.note))
    except ReviewNotFound as exc:
        raise APIError(404, f"no review item {item_id}", "review_not_found", "item_id") from exc
    except AlreadyResolved as exc:
        item = await asyncio.to_thread(reviews.get, item_id)
        raise APIError(
            409, f"review item {item_id} is already resolved ({item.resolution})", "already_resolved", "item_id"
        ) from exc

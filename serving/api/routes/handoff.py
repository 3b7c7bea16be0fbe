"""Handoffs to a person (serving/handoff): the staff routes beside the review queue (list, read,
resolve, redeliver; staff keys only, like /v1/reviews: the items hold other users'
conversations), and the renderings the chat routes use (`handoff_sse`, `handoff_openai`) when
the request pipeline (serving/pipeline.py, its `handoff` step) found that the customer asks for a
person: the handoff item is confirmed instead of an answer, without a model call."""

from __future__ import annotations

import asyncio
import logging
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from serving.errors import APIError
from serving.gateway.deps import PrincipalDep, Quota, forbidden
from serving.gateway.keys import Principal
from serving.handoff import render
from serving.handoff.service import HandoffDesk
from serving.handoff.store import MAX_NOTE_CHARS, AlreadyResolved, HandoffItem, HandoffNotFound
from serving.pipeline import Handoff
from serving.render import SSE_HEADERS, CompletionIds
from serving.schemas import ErrorResponse
from serving.services import Services

log = logging.getLogger(__name__)


async def get_handoffs(request: Request) -> HandoffDesk:
    desk = getattr(request.app.state, "handoffs", None)
    if desk is None:
        raise APIError(503, "the handoff queue is not available in this process", "handoffs_unavailable")
    return desk  # type: ignore[no-any-return]


HandoffsDep = Annotated[HandoffDesk, Depends(get_handoffs)]


async def require_handoff_staff(principal: PrincipalDep) -> Principal:
    if not principal.staff:
        raise forbidden(
            f"the handoff queue is for staff keys and user {principal.user!r} is not staff; "
            f"an admin can run: ragdesk keys set-staff --user {principal.user}"
        )
    return principal


ItemId = Annotated[int, Path(ge=1, le=2**63 - 1, description="the handoff item's id")]

router = APIRouter(
    prefix="/v1/handoffs",
    tags=["handoff"],
    dependencies=[Depends(require_handoff_staff)],
    responses={
        401: {"model": ErrorResponse, "description": "no valid API key"},
        403: {"model": ErrorResponse, "description": "the key's user is not staff (`ragdesk keys set-staff`)"},
    },
)

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "no such handoff item"},
    409: {"model": ErrorResponse, "description": "the item is already resolved"},
    422: {"model": ErrorResponse, "description": "note too long"},
}


class HandoffItemOut(BaseModel):
    id: int
    created_at: float
    status: Literal["open", "resolved"]
    user: str
    key_id: str
    channel: str
    reason: str
    request: str
    question: str
    conversation: list[dict[str, str]]
    context: list[dict[str, Any]]
    delivery: Literal["pending", "delivered", "failed"]
    attempts: int
    last_error: str
    last_attempt_at: float | None
    next_attempt_at: float | None
    delivered_at: float | None
    resolved_at: float | None
    resolved_by: str
    note: str


class HandoffList(BaseModel):
    items: list[HandoffItemOut]
    counts: dict[str, int]
    webhook_configured: bool = Field(description="false: items are not sent anywhere; staff take them from here")


class HandoffResolveRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: str = Field(default="", description="what was done (at most 2000 characters)")


def _out(item: HandoffItem) -> HandoffItemOut:
    return HandoffItemOut.model_validate(item.to_dict())


def _not_found(item_id: int) -> APIError:
    return APIError(404, f"no handoff item {item_id}", "handoff_not_found", "item_id")


@router.get("", response_model=HandoffList)
async def list_handoffs(
    desk: HandoffsDep,
    status: Literal["open", "resolved", "all"] = "open",
    delivery: Literal["pending", "delivered", "failed", "all"] = "all",
    limit: int = Query(default=50, ge=1, le=200),
) -> HandoffList:
    """Customers who asked for a person, newest first, with each item's delivery to the webhook."""
    items = await asyncio.to_thread(
        desk.store.list, None if status == "all" else status, None if delivery == "all" else delivery, None, limit
    )
    counts = await asyncio.to_thread(desk.store.counts)
    return HandoffList(items=[_out(i) for i in items], counts=counts, webhook_configured=desk.webhook_configured)


@router.get("/{item_id}", response_model=HandoffItemOut, responses=ERRORS)
async def get_handoff(item_id: ItemId, desk: HandoffsDep) -> HandoffItemOut:
    try:
        return _out(await asyncio.to_thread(desk.store.get, item_id))
    except HandoffNotFound as exc:
        raise _not_found(item_id) from exc


@router.post("/{item_id}/resolve", response_model=HandoffItemOut, responses=ERRORS)
async def resolve_handoff(
    item_id: ItemId, body: HandoffResolveRequest, desk: HandoffsDep, principal: PrincipalDep
) -> HandoffItemOut:
    """Close an item once a person has taken care of the customer."""
    if len(body.note) > MAX_NOTE_CHARS:
        raise APIError(
            422, f"the note is {len(body.note)} characters long; the limit is {MAX_NOTE_CHARS}", "note_too_long", "note"
        )
    try:
        return _out(await asyncio.to_thread(desk.store.resolve, item_id, body.note, principal.user))
    except HandoffNotFound as exc:
        raise _not_found(item_id) from exc
    except AlreadyResolved as exc:
        raise APIError(409, f"handoff item {item_id} is already resolved", "already_resolved", "item_id") from exc


@router.post("/{item_id}/redeliver", response_model=HandoffItemOut, responses=ERRORS)
async def redeliver_handoff(item_id: ItemId, desk: HandoffsDep) -> HandoffItemOut:
    """Queue the item for the webhook again (after it failed, or to send it once more)."""
    try:
        item = await asyncio.to_thread(desk.store.redeliver, item_id)
    except HandoffNotFound as exc:
        raise _not_found(item_id) from exc
    if desk.worker is not None:
        desk.worker.notify()
    return _out(item)


# --- the customer's own requests -------------------------------------------------------------
customer_router = APIRouter(prefix="/v1/my/handoffs", tags=["handoff"])


class MyHandoffOut(BaseModel):
    """What a customer sees of their own request: no retrieved context, no delivery details."""

    id: int
    created_at: float
    status: Literal["open", "resolved"]
    request: str
    conversation: list[dict[str, str]]
    resolved_at: float | None


def _mine(item: HandoffItem) -> MyHandoffOut:
    return MyHandoffOut.model_validate(item.to_dict())


@customer_router.get("", response_model=list[MyHandoffOut])
async def my_handoffs(
    desk: HandoffsDep, principal: PrincipalDep, limit: int = Query(default=20, ge=1, le=100)
) -> list[MyHandoffOut]:
    """The caller's own requests for a person, newest first."""
    items = await asyncio.to_thread(desk.store.list, None, None, principal.user, limit)
    return [_mine(i) for i in items]


@customer_router.get("/{item_id}", response_model=MyHandoffOut, responses={404: ERRORS[404]})
async def my_handoff(item_id: ItemId, desk: HandoffsDep, principal: PrincipalDep) -> MyHandoffOut:
    """One of the caller's own requests; another user's is 404, as if it did not exist."""
    try:
        item = await asyncio.to_thread(desk.store.get, item_id)
    except HandoffNotFound as exc:
        raise _not_found(item_id) from exc
    if item.user != principal.user:
        raise _not_found(item_id)
    return _mine(item)


# --- the chat routes' rendering of a handoff (serving/pipeline.py decides) ---------------------
def handoff_sse(handoff: Handoff, quota: Quota) -> StreamingResponse:
    desk, item = handoff.desk, handoff.item
    return StreamingResponse(
        render.native_sse(item, desk.confirmation(item), handoff.elapsed_ms),
        media_type="text/event-stream",
        headers={**SSE_HEADERS, **quota.headers(), **render.headers(item)},
    )


def handoff_openai(
    handoff: Handoff, services: Services, quota: Quota, stream: bool, include_usage: bool
) -> JSONResponse | StreamingResponse:
    desk, item = handoff.desk, handoff.item
    ids = CompletionIds(model=services.settings.api_model_name)
    message = desk.confirmation(item)
    headers = {**quota.headers(), **render.headers(item)}
    if not stream:
        return JSONResponse(render.openai_completion(item, message, ids), headers=headers)
    return StreamingResponse(
        render.openai_stream(item, message, ids, include_usage),
        media_type="text/event-stream",
        headers={**SSE_HEADERS, **headers},
    )

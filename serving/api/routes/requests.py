"""The request log (serving/observability/request_log.py) over HTTP: one request by its id (the
`X-Request-Id` of its response) and a filtered list. Staff keys read every row; any other key
reads only its own user's rows (another user's row is answered 404, as if it did not exist)."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from serving.errors import APIError
from serving.gateway.deps import PrincipalDep, forbidden
from serving.observability.context import hashed_id
from serving.observability.request_log import MAX_LIST, RequestFilter, RequestLog, RequestNotFound
from serving.schemas import ErrorResponse

router = APIRouter(
    prefix="/v1/requests",
    tags=["observability"],
    responses={401: {"model": ErrorResponse, "description": "no valid API key"}},
)


def get_request_log(request: Request) -> RequestLog:
    from serving.observability.request_log import request_log_of

    log = request_log_of(request.app)
    if log is None:
        raise APIError(503, "the request log is off (REQUEST_LOG_ENABLED=false)", "request_log_disabled")
    return log


RequestLogDep = Annotated[RequestLog, Depends(get_request_log)]


def _when(value: str | None, param: str) -> float | None:
    """A date (2026-12-07, UTC midnight), an ISO time or unix seconds."""
    if value is None or value == "":
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.timestamp()
    except ValueError as exc:
        raise APIError(
            400,
            f"{param} must be a date (YYYY-MM-DD), an ISO time or unix seconds; got {value!r}",
            "invalid_date",
            param,
        ) from exc


@router.get("/{request_id}", responses={404: {"model": ErrorResponse, "description": "no such request"}})
async def get_request(request_id: str, principal: PrincipalDep, log: RequestLogDep) -> dict[str, Any]:
    """One logged request with its full prompt, passages, answers, verdicts, tokens and times."""
    if len(request_id) > 128:
        raise APIError(404, "no such request", "request_not_found", "request_id")
    try:
        row = await asyncio.to_thread(log.get, request_id)
    except RequestNotFound as exc:
        raise APIError(404, f"no request {request_id!r} in the log", "request_not_found", "request_id") from exc
    if not principal.staff and row["user_hash"] != hashed_id(principal.user):
        raise APIError(404, f"no request {request_id!r} in the log", "request_not_found", "request_id")
    return row


@router.get("")
async def list_requests(
    principal: PrincipalDep,
    log: RequestLogDep,
    user: Annotated[str | None, Query(description="a user name (staff only, unless it is your own)")] = None,
    since: Annotated[str | None, Query(description="from this date/time (UTC)")] = None,
    until: Annotated[str | None, Query(description="before this date/time (UTC)")] = None,
    flagged: bool | None = None,
    cache: Literal["hit-exact", "hit-semantic", "miss", "bypass"] | None = None,
    status: Annotated[int | None, Query(ge=100, le=599)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIST)] = 50,
) -> dict[str, Any]:
    """Logged requests, newest first. Without a staff key only the caller's own user's rows."""
    own = hashed_id(principal.user)
    if principal.staff:
        user_hash = hashed_id(user) if user else None
    else:
        if user and hashed_id(user) != own:
            raise forbidden(f"user {principal.user!r} is not staff and may list only their own requests", "staff_only")
        user_hash = own
    where = RequestFilter(
        user_hash=user_hash,
        since=_when(since, "since"),
        until=_when(until, "until"),
        flagged=flagged,
        cache_status=cache,
        status=status,
        limit=limit,
    )
    rows = await asyncio.to_thread(log.list, where)
    return {"object": "list", "data": rows, "count": len(rows)}

"""FastAPI side of the gateway: dependencies, the error responses (401, 403, 429, 503 with
Retry-After) and the helpers a route calls around generation.

    install_gateway(app)                       # once: the error handler
    router = APIRouter(dependencies=[Depends(require_api_key)])   # every route but health/ready/metrics
    router = APIRouter(dependencies=[Depends(require_staff)])     # staff keys only (the review queue)

    async def chat(..., quota: QuotaDep):      # auth + requests-per-minute, headers in quota
        grant = await reserve_tokens(gateway, quota, prompt_tokens, max_tokens)   # 429
        slot = await admit(gateway, quota, request)                                 # 503
        ...                                     # generate; then
        await settle(gateway, grant, prompt_tokens, completion_tokens); await slot.release()

Errors are OpenAI-shaped: {"error": {"message", "type", "code", "param", "limit"}}.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Request
from fastapi.responses import JSONResponse

from serving.gateway.keys import Principal
from serving.gateway.limits import RequestWindow, Settlement, TokenGrant, Usage, output_tokens
from serving.gateway.queue import AdmissionError, Slot
from serving.gateway.service import Gateway

log = logging.getLogger(__name__)

# The identity used when GATEWAY_REQUIRE_KEYS=false (local development).
ANONYMOUS_USER = "anonymous"


class GatewayError(Exception):
    """A refusal rendered as an OpenAI-style error with the right status and headers."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        limit: str | None = None,
        retry_after_s: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.limit = limit
        self.headers = dict(headers or {})
        if retry_after_s is not None:
            self.headers["Retry-After"] = str(max(0, int(retry_after_s)))

    @property
    def error_type(self) -> str:
        return {
            401: "authentication_error",
            403: "permission_error",
            429: "rate_limit_error",
            503: "overloaded_error",
        }.get(self.status, "error")

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"message": self.message, "type": self.error_type, "code": self.code, "param": None}
        if self.limit:
            error["limit"] = self.limit
        return {"error": error}

    def response(self) -> JSONResponse:
        return JSONResponse(self.body(), status_code=self.status, headers=self.headers)


async def _handle_gateway_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, GatewayError)
    return exc.response()


def install_gateway(app: FastAPI) -> None:
    """Register the handler that renders `GatewayError` (call once when building the app)."""
    app.add_exception_handler(GatewayError, _handle_gateway_error)


def unauthorized(message: str = "a valid API key is required: send 'Authorization: Bearer rd_...'") -> GatewayError:
    return GatewayError(401, "invalid_api_key", message, headers={"WWW-Authenticate": 'Bearer realm="ragdesk"'})


def forbidden(message: str, code: str = "staff_only") -> GatewayError:
    """403: the key is valid but its user may not do this."""
    return GatewayError(403, code, message)


def too_many_requests(
    limit: str, message: str, retry_after_s: int, headers: dict[str, str] | None = None
) -> GatewayError:
    """429; `limit` names the limit hit: "requests_per_minute" or "daily_tokens"."""
    return GatewayError(429, "rate_limit_exceeded", message, limit, retry_after_s, headers)


def service_unavailable(reason: str, retry_after_s: int, headers: dict[str, str] | None = None) -> GatewayError:
    messages = {
        "queue_full": "too many requests are waiting for generation; try again later",
        "queue_timeout": "no generation slot came free in time; try again later",
    }
    return GatewayError(503, reason, messages.get(reason, "the service is busy"), "queue", retry_after_s, headers)


# --- dependencies ----------------------------------------------------------------------------
async def get_gateway(request: Request) -> Gateway:  # async: no thread hop (see serving/api/deps.py)
    return request.app.state.gateway  # type: ignore[no-any-return]


GatewayDep = Annotated[Gateway, Depends(get_gateway)]


def _presented_key(authorization: str | None, x_api_key: str | None) -> str:
    """`Authorization: Bearer` first (what the OpenAI clients send); `X-API-Key` only without it."""
    if authorization:
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
    if x_api_key:
        return x_api_key.strip()
    return ""


# The two dependencies every keyed route runs read the gateway from the app, not through
# `GatewayDep`: FastAPI solves a sub-dependency's whole tree again wherever it is declared, cached
# or not (13 solves per chat request before, 8 now).
async def require_api_key(
    request: Request,
    authorization: Annotated[str | None, Header(description="`Bearer rd_...`: the API key")] = None,
    x_api_key: Annotated[
        str | None, Header(description="the API key, read only when there is no `Authorization: Bearer` header")
    ] = None,
) -> Principal:
    """The caller behind the presented key (`Authorization: Bearer rd_...` or `X-API-Key`);
    401 otherwise. Stored on `request.state.principal` as well."""
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, Principal):
        return cached
    gateway: Gateway = request.app.state.gateway
    if not gateway.settings.gateway_require_keys:
        settings = gateway.settings
        principal = Principal(
            ANONYMOUS_USER,
            "paid",
            "-",
            settings.gateway_daily_tokens,
            settings.gateway_rpm_paid,
            settings.gateway_output_cap,
            staff=True,  # local development: the review queue is open too
        )
    else:
        key = _presented_key(authorization, x_api_key)
        found = await gateway.keys.authenticate(key) if key else None
        if found is None:
            raise unauthorized() if key else unauthorized("an API key is required: send 'Authorization: Bearer rd_...'")
        principal = found
    request.state.principal = principal
    return principal


PrincipalDep = Annotated[Principal, Depends(require_api_key)]


async def require_staff(principal: PrincipalDep) -> Principal:
    """The caller, if their user is staff (`ragdesk keys set-staff`); 401 without a valid key,
    403 with a valid key of a user who is not staff. The anonymous caller of
    GATEWAY_REQUIRE_KEYS=false is staff."""
    if not principal.staff:
        raise forbidden(
            f"the review queue is for staff keys and user {principal.user!r} is not staff; "
            f"an admin can run: ragdesk keys set-staff --user {principal.user}"
        )
    return principal


StaffDep = Annotated[Principal, Depends(require_staff)]


@dataclass
class Quota:
    """What the gateway knows about a request once it passed the per-minute limit; its
    `headers()` go on the answer (X-RateLimit-*)."""

    principal: Principal
    window: RequestWindow
    grant: TokenGrant | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def headers(self) -> dict[str, str]:
        headers = {
            "X-RateLimit-Limit-Requests": str(self.window.limit),
            "X-RateLimit-Remaining-Requests": str(self.window.remaining),
            "X-RateLimit-Reset-Requests": f"{max(0.0, self.window.reset_s):.3f}s",
            "X-RateLimit-Limit-Tokens": str(self.principal.daily_tokens),
            "X-RateLimit-Output-Cap": str(self.principal.output_cap),
        }
        if self.grant is not None:
            headers["X-RateLimit-Remaining-Tokens"] = str(self.grant.remaining)
            headers["X-RateLimit-Reset-Tokens"] = f"{self.grant.reset_s}s"
        headers.update(self.extra)
        return headers


async def enforce_rate_limit(request: Request, principal: PrincipalDep) -> Quota:
    """Counts the request against the caller's per-minute limit; 429 when it is used up."""
    gateway: Gateway = request.app.state.gateway
    window = await gateway.limiter.hit_request(principal)
    quota = Quota(principal, window)
    if not window.allowed:
        raise too_many_requests(
            "requests_per_minute",
            f"{principal.rpm} requests per minute for the {principal.tier} tier; wait {window.retry_after_s}s",
            window.retry_after_s,
            quota.headers(),
        )
    return quota


QuotaDep = Annotated[Quota, Depends(enforce_rate_limit)]


# --- around generation -----------------------------------------------------------------------
def output_budget(gateway: Gateway, quota: Quota, requested_max_tokens: int | None) -> int:
    """The output tokens this request may use: what it asked for (or LLM_MAX_TOKENS), clamped to
    the caller's output cap. Pass it to generation as max_tokens."""
    return output_tokens(requested_max_tokens, gateway.settings.llm_max_tokens, quota.principal.output_cap)


async def require_token_headroom(gateway: Gateway, quota: Quota, output_tokens: int) -> None:
    """429 (limit "daily_tokens") before any retrieval when today's budget cannot cover even the
    answer's output tokens: the reservation after retrieval (prompt + output) would refuse anyway,
    and a caller whose budget is spent should not wait for a search first."""
    usage: Usage = await gateway.limiter.usage(quota.principal)
    if usage.remaining < output_tokens:
        await gateway.limiter.count_refusal(quota.principal)
        raise too_many_requests(
            "daily_tokens",
            f"an answer needs up to {output_tokens} output tokens; {usage.remaining} of today's "
            f"{usage.daily_tokens} are left",
            usage.reset_s,
            quota.headers(),
        )


async def reserve_tokens(gateway: Gateway, quota: Quota, prompt_tokens: int, max_output_tokens: int) -> TokenGrant:
    """Reserve prompt + output tokens from today's budget; 429 (limit "daily_tokens") when the
    budget cannot cover them. The grant is also kept on `quota` for the headers."""
    grant = await gateway.limiter.reserve(quota.principal, int(prompt_tokens) + int(max_output_tokens))
    quota.grant = grant
    if not grant.allowed:
        raise too_many_requests(
            "daily_tokens",
            f"this request needs up to {grant.amount} tokens; {grant.remaining} of today's {grant.budget} are left",
            grant.reset_s,
            quota.headers(),
        )
    return grant


async def settle(gateway: Gateway, grant: TokenGrant, prompt_tokens: int, completion_tokens: int) -> Settlement:
    """Replace the reservation by the real count; safe to call twice (the second does nothing)."""
    return await gateway.limiter.settle(grant, prompt_tokens, completion_tokens)


async def admit(gateway: Gateway, quota: Quota, request: Request | None = None) -> Slot:
    """A generation slot (paid before free); 503 with Retry-After when the queue is full or the
    wait times out. A client that disconnects while waiting leaves the queue (499, nobody reads
    it). Whatever goes wrong here, the token reservation in `quota.grant` is given back."""
    try:
        return await gateway.queue.acquire(
            quota.principal.tier, request.is_disconnected if request is not None else None
        )
    except BaseException as exc:
        if quota.grant is not None:
            await asyncio.shield(gateway.limiter.settle(quota.grant, 0, 0))
        if isinstance(exc, AdmissionError):
            if exc.reason == "disconnected":
                raise GatewayError(499, "client_disconnected", "the client went away while waiting") from exc
            raise service_unavailable(exc.reason, exc.retry_after_s, quota.headers()) from exc
        raise


async def usage_report(gateway: Gateway, principal: Principal) -> dict[str, Any]:
    """The body of GET /v1/usage: the caller's own consumption today."""
    usage: Usage = await gateway.limiter.usage(principal)
    return usage.to_dict()


# The name the integration notes use.
enforce_limits = enforce_rate_limit

"""Errors as OpenAI-style bodies: `{"error": {"message", "type", "code", "param"}}`, for every
path (the page's fetch code and the `openai` client read the same shape)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from serving.faults import dependency_down, dependency_exception_classes
from serving.rag import InvalidRequest

log = logging.getLogger(__name__)

_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "invalid_request_error",
}


class APIError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None, param: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.param = param


def error_body(status: int, message: str, code: str | None = None, param: str | None = None) -> dict[str, Any]:
    kind = _TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    return {"error": {"message": message, "type": kind, "code": code, "param": param}}


def error_response(status: int, message: str, code: str | None = None, param: str | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message, code, param), status_code=status)


def _validation_message(exc: RequestValidationError) -> tuple[str, str | None]:
    errors = exc.errors()
    if not errors:
        return "invalid request body", None
    first = errors[0]
    location = [str(p) for p in first.get("loc", ()) if p != "body"]
    where = ".".join(location)
    if first.get("type") == "json_invalid":
        return "the request body is not valid JSON", None
    message = (
        f"{where}: {first.get('msg', 'invalid value')}" if where else str(first.get("msg", "invalid request body"))
    )
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
    return message, location[0] if location else None


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(APIError)
    async def _api_error(_request: Request, exc: APIError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.code, exc.param)

    @app.exception_handler(InvalidRequest)
    async def _invalid(_request: Request, exc: InvalidRequest) -> JSONResponse:
        return error_response(400, exc.message, exc.code, exc.param)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        message, param = _validation_message(exc)
        return error_response(400, message, "invalid_request", param)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = error_response(exc.status_code, str(exc.detail), None)
        response.headers.update(exc.headers or {})  # e.g. the `Allow` of a 405
        return response

    async def _dependency(request: Request, exc: Exception) -> JSONResponse:
        down = dependency_down(exc)
        if down is None:
            raise exc
        log.warning("%s on %s %s: %s", down.code, request.method, request.url.path, exc)
        response = error_response(503, f"{down.message}; try again shortly", down.code, None)
        response.headers["Retry-After"] = str(request.app.state.settings.dependency_retry_after_s)
        return response

    # Handled here (not by the catch-all below, which Starlette follows by re-raising and so
    # dropping the connection) for the classes a part that is down raises.
    for exc_class in dependency_exception_classes():
        app.add_exception_handler(exc_class, _dependency)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        if dependency_down(exc) is not None:  # wrapped by another exception
            return await _dependency(request, exc)
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal error; see the server log", "internal_error")

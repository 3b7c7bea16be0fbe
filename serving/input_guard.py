"""One guard in front of every route for the class of bad input that used to reach code which
could not handle it (a 500 and a dropped keep-alive connection):

- a body over REQUEST_MAX_BODY_BYTES: 413 (from Content-Length before reading, or while reading);
- a JSON body the rest of the stack cannot store or encode: lone surrogates in any string or key
  (``"\\ud800"`` is valid JSON but not valid UTF-8), integers outside the signed 64-bit range
  (SQLite, Milvus and Redis all stop there), NaN/Infinity and floats that overflow, nesting
  deeper than MAX_JSON_DEPTH: 400;
- a NUL character in the path or the query string: 400.

A pure ASGI middleware (not BaseHTTPMiddleware), so streamed responses pass through untouched.
A body that is not JSON at all is left to the route's own validation (400 `invalid_request`).
"""

from __future__ import annotations

import json
import math
from typing import Any

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from serving.errors import error_body

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
MAX_JSON_DEPTH = 64
_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class BadJSON(ValueError):
    def __init__(self, message: str, code: str, param: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.param = param


def _where(path: list[str]) -> str:
    return ".".join(path) or "body"


def _check_string(text: str, path: list[str]) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadJSON(
            f"{_where(path)}: the string contains a lone surrogate (\\u{ord(text[exc.start]):04x}); "
            "send valid UTF-8 text",
            "invalid_unicode",
            path[0] if path else None,
        ) from exc


def check_json_value(value: Any) -> None:
    """Raise `BadJSON` for the first value the stack cannot handle (iterative: no recursion)."""
    stack: list[tuple[Any, list[str]]] = [(value, [])]
    while stack:
        item, path = stack.pop()
        if len(path) > MAX_JSON_DEPTH:
            raise BadJSON(f"the JSON body is nested deeper than {MAX_JSON_DEPTH} levels", "json_too_deep")
        if isinstance(item, str):
            _check_string(item, path)
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int):
            if not INT64_MIN <= item <= INT64_MAX:
                raise BadJSON(
                    f"{_where(path)}: the integer is outside the signed 64-bit range", "integer_out_of_range", path[0]
                )
        elif isinstance(item, float):
            if not math.isfinite(item):
                raise BadJSON(f"{_where(path)}: the number is not finite", "number_out_of_range", path[0])
        elif isinstance(item, dict):
            for key, child in item.items():
                _check_string(key, path)
                stack.append((child, [*path, key]))
        elif isinstance(item, list):
            stack.extend((child, [*path, str(i)]) for i, child in enumerate(item))


def _reject_constant(name: str) -> Any:
    raise BadJSON(f"{name} is not a JSON number", "number_out_of_range")


def parse_checked_json(body: bytes) -> Any:
    """The decoded body, or `BadJSON`; a body that is not JSON raises `json.JSONDecodeError`."""
    try:
        value = json.loads(body, parse_constant=_reject_constant)
    except RecursionError as exc:
        raise BadJSON(f"the JSON body is nested deeper than {MAX_JSON_DEPTH} levels", "json_too_deep") from exc
    check_json_value(value)
    return value


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return ""


class InputGuard:
    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if (
            "\x00" in scope.get("path", "")
            or b"\x00" in scope.get("query_string", b"")
            or b"%00" in scope.get("query_string", b"")
        ):
            await self._reject(scope, receive, send, 400, "the URL contains a NUL character", "invalid_url")
            return
        if scope.get("method") not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            more = bool(message.get("more_body", False))
        body = b"".join(chunks)
        if body and "json" in _header(scope, b"content-type").lower():
            try:
                parse_checked_json(body)
            except BadJSON as exc:
                await self._reject(scope, receive, send, 400, exc.message, exc.code, exc.param)
                return
            except ValueError:  # not JSON (or not UTF-8): the route's validation says so
                pass
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # later calls: the disconnect a streaming route waits for

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._reject(
            scope,
            receive,
            send,
            413,
            f"the request body is larger than {self.max_body_bytes} bytes (REQUEST_MAX_BODY_BYTES)",
            "body_too_large",
        )

    @staticmethod
    async def _reject(
        scope: Scope, receive: Receive, send: Send, status: int, message: str, code: str, param: str | None = None
    ) -> None:
        await JSONResponse(error_body(status, message, code, param), status_code=status)(scope, receive, send)

"""The OpenAPI document as the server behaves: every request problem is a 400 with the project's
error body (FastAPI's default advertises a 422 `HTTPValidationError` the server never sends),
and each route documents the statuses its gateway, input guard and dependencies can send
(401 key, 413 body size, 429 limits, 503 a part down), all with the `ErrorResponse` shape.
The routes' own declared responses win over these defaults."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

ERROR_REF = {"$ref": "#/components/schemas/ErrorResponse"}
_COMMON = {
    "400": "invalid request: a field missing or of the wrong type, invalid JSON, text that is not valid UTF-8, "
    "an integer outside 64 bits, a NUL in the URL",
    "503": "a part the answer needs is down (Redis, Milvus, the database, the answer model) or the queue is full; "
    "Retry-After says when to try again",
}
_KEYED = {
    "401": "missing, unknown or revoked API key",
    "429": "requests per minute or daily tokens used up (Retry-After)",
}
_WITH_BODY = {"413": "the request body is larger than REQUEST_MAX_BODY_BYTES"}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ERROR_REF}}}


def _is_fastapi_validation(response: dict[str, Any]) -> bool:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    return bool(schema.get("$ref", "").endswith("/HTTPValidationError"))


def document(schema: dict[str, Any]) -> dict[str, Any]:
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses: dict[str, Any] = operation.setdefault("responses", {})
            if "422" in responses and _is_fastapi_validation(responses["422"]):
                del responses["422"]
            keyed = path.startswith("/v1/")
            extra = dict(_COMMON)
            if keyed:
                extra.update(_KEYED)
            if method in {"post", "put", "patch"}:
                extra.update(_WITH_BODY)
            for status, description in extra.items():
                responses.setdefault(status, _error(description))
    components = schema.get("components", {}).get("schemas", {})
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    return schema


def install_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document(
                get_openapi(
                    title=app.title,
                    version=app.version,
                    summary=app.summary,
                    description=app.description,
                    routes=app.routes,
                )
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

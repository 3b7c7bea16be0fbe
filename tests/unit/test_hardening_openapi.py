"""Issue 19, point 7: the OpenAPI document says what the server sends."""

from __future__ import annotations

from typing import Any

from core.settings import Settings


def document() -> dict[str, Any]:
    from serving.main import create_app

    return create_app(Settings()).openapi()


def test_no_422_validation_error_is_advertised_and_400_is() -> None:
    schema = document()
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "400" in responses, (method, path)
            if "422" in responses:  # only where a route sends it itself, with the error shape
                assert responses["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")


def test_keyed_routes_document_the_gateway_statuses() -> None:
    for path, operations in document()["paths"].items():
        if not path.startswith("/v1/"):
            continue
        for method, operation in operations.items():
            assert {"401", "429", "503"} <= set(operation["responses"]), (method, path)
            if method == "post":
                assert "413" in operation["responses"], path


def test_the_api_key_header_says_bearer_wins() -> None:
    operation = document()["paths"]["/v1/models"]["get"]
    header = next(p for p in operation["parameters"] if p["name"] == "x-api-key")
    assert "only when there is no `Authorization: Bearer`" in header["description"]

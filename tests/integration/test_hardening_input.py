"""Issue 19, points 1 and 2: bad input that used to be a 500 (and a dropped keep-alive connection)
is a 4xx with the project's error shape; every keyed route has the per-minute limit and a body
size limit. The real app on the demo collection, served by uvicorn, with a throwaway Redis for
the keys and limits; no answer model is needed (nothing here generates)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from redis import Redis

from core.redis_server import RedisServer, temporary_redis
from core.settings import Settings
from serving.gateway.keys import RedisKeyAdmin
from tests.conftest import ThreadedUvicorn, free_port, shared_embedder

PREFIX = "rdhard:"
QUESTION = "How long does standard shipping take?"
SURROGATE = b'"\\ud800 x"'  # valid JSON, not valid UTF-8 once decoded


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with temporary_redis() as server:
        yield server


@pytest.fixture(scope="module")
def keyed_api(
    demo_index: Settings, embedder: Any, redis_server: RedisServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ThreadedUvicorn]:
    from serving.main import create_app

    settings = demo_index.model_copy(
        update={
            "llm_base_url": f"http://127.0.0.1:{free_port()}/v1",  # nothing listens: not needed here
            "llm_connect_timeout_s": 0.5,
            "redis_url": redis_server.url,
            "gateway_redis_prefix": PREFIX,
            "gateway_require_keys": True,
            "grounding_enabled": False,
            "docstore_url": f"sqlite:///{tmp_path_factory.mktemp('hard') / 'ragdesk.db'}",
            "request_max_body_bytes": 256 * 1024,
        }
    )
    with shared_embedder(embedder), ThreadedUvicorn(create_app(settings)) as server:
        yield server


def new_key(redis_server: RedisServer, rpm: int = 1000, staff: bool = False) -> dict[str, str]:
    admin = RedisKeyAdmin(Redis.from_url(redis_server.url), PREFIX)
    key, _record, _user = admin.create_key(f"u{uuid.uuid4().hex[:10]}", "free", rpm=rpm, staff=staff)
    return {"Authorization": f"Bearer {key}"}


def assert_client_error(response: httpx.Response, status: int, code: str | None = None) -> None:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["message"] and error["type"] == "invalid_request_error"
    if code is not None:
        assert error["code"] == code, error


def raw_json(template: str, value: bytes) -> bytes:
    return template.encode().replace(b"@", value)


SURROGATE_ROUTES = [
    ("/v1/answer/stream", '{"question": @}'),
    ("/v1/search", '{"question": @}'),
    ("/v1/chat/completions", '{"model": "ragdesk", "messages": [{"role": "user", "content": @}]}'),
    ("/v1/feedback", '{"answer_id": "a1", "rating": 1, "comment": @}'),
    ("/v1/grounding/check", '{"answer": @, "passages": ["Shipping takes 3 days."]}'),
]


@pytest.mark.parametrize(("path", "template"), SURROGATE_ROUTES)
def test_lone_surrogates_are_a_400_and_the_connection_is_kept(
    keyed_api: ThreadedUvicorn, redis_server: RedisServer, path: str, template: str
) -> None:
    headers = {**new_key(redis_server, staff=True), "content-type": "application/json"}
    with httpx.Client(base_url=keyed_api.url, headers=headers, timeout=30) as client:
        bad = client.post(path, content=raw_json(template, SURROGATE))
        assert_client_error(bad, 400, "invalid_unicode")
        assert bad.headers.get("connection", "").lower() != "close"
        # the same connection still answers (a 500 used to drop it)
        assert client.get("/v1/models").status_code == 200


@pytest.mark.parametrize("path", ["/v1/answer/stream", "/v1/search", "/v1/chat/completions"])
@pytest.mark.parametrize("stamp", [2**64, 2**63, -(2**63) - 1, 10**40])
def test_updated_after_beyond_64_bits_is_a_400(
    keyed_api: ThreadedUvicorn, redis_server: RedisServer, path: str, stamp: int
) -> None:
    body: dict[str, Any] = {"filters": {"updated_after": stamp}}
    if path == "/v1/chat/completions":
        body.update(model="ragdesk", messages=[{"role": "user", "content": QUESTION}])
    else:
        body["question"] = QUESTION
    response = httpx.post(f"{keyed_api.url}{path}", json=body, headers=new_key(redis_server), timeout=30)
    assert_client_error(response, 400, "integer_out_of_range")
    assert response.json()["error"]["param"] == "filters"


@pytest.mark.parametrize("item_id", [2**63, 2**64, 10**30])
def test_review_id_beyond_64_bits_is_a_400(keyed_api: ThreadedUvicorn, redis_server: RedisServer, item_id: int) -> None:
    headers = new_key(redis_server, staff=True)
    with httpx.Client(base_url=keyed_api.url, headers=headers, timeout=30) as client:
        assert_client_error(client.get(f"/v1/reviews/{item_id}"), 400, "invalid_request")
        resolved = client.post(f"/v1/reviews/{item_id}/resolve", json={"resolution": "answer_correct"})
        assert_client_error(resolved, 400, "invalid_request")
        assert client.get(f"/v1/reviews/{2**63 - 1}").status_code == 404  # the largest valid id: not found


@pytest.mark.parametrize("path", ["/docs/%00", "/docs/returns/%00.md", "/docs/a%00b?x=1", "/v1/models?x=%00"])
def test_nul_in_the_url_is_a_400(keyed_api: ThreadedUvicorn, path: str) -> None:
    with httpx.Client(base_url=keyed_api.url, timeout=30) as client:
        assert_client_error(client.get(path), 400, "invalid_url")
        assert client.get("/health").status_code == 200


def test_a_very_long_doc_name_is_a_404(keyed_api: ThreadedUvicorn) -> None:
    response = httpx.get(f"{keyed_api.url}/docs/{'a' * 5000}.md", timeout=30)
    assert response.status_code == 404, response.text


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (b'{"question": NaN}', "number_out_of_range"),
        (b'{"question": "q", "k": Infinity}', "number_out_of_range"),
        (b'{"question": "q", "k": 1e400}', "number_out_of_range"),
        (b"[" * 100_000 + b"]" * 100_000, "json_too_deep"),
        (b'{"question": "q", "filters": {"\\udfff": 1}}', "invalid_unicode"),
    ],
)
def test_json_the_stack_cannot_hold_is_a_400(
    keyed_api: ThreadedUvicorn, redis_server: RedisServer, payload: bytes, code: str
) -> None:
    headers = {**new_key(redis_server), "content-type": "application/json"}
    response = httpx.post(f"{keyed_api.url}/v1/search", content=payload, headers=headers, timeout=30)
    assert_client_error(response, 400, code)


# --- point 2: limits on every keyed route ---------------------------------------------------------
KEYED_ROUTES: list[tuple[str, str, dict[str, Any] | None]] = [
    ("POST", "/v1/grounding/check", {"answer": "It takes 3 days.", "passages": ["Shipping takes 3 days."]}),
    # (POST /v1/feedback is on the same router; rating an answer needs one of the key's own answers)
    ("GET", "/v1/feedback/mine", None),
    ("GET", "/v1/feedback/summary", None),
    ("GET", "/v1/usage", None),
    ("GET", "/v1/models", None),
    ("GET", "/v1/reviews", None),
]


@pytest.mark.parametrize(("method", "path", "body"), KEYED_ROUTES)
def test_every_keyed_route_has_the_per_minute_limit(
    keyed_api: ThreadedUvicorn, redis_server: RedisServer, method: str, path: str, body: dict[str, Any] | None
) -> None:
    headers = new_key(redis_server, rpm=5, staff=True)
    statuses = [
        httpx.request(method, f"{keyed_api.url}{path}", json=body, headers=headers, timeout=60).status_code
        for _ in range(7)
    ]
    assert statuses[:5] == [statuses[0]] * 5 and statuses[0] in (200, 201), statuses
    assert statuses[5:] == [429, 429], statuses
    refused = httpx.request(method, f"{keyed_api.url}{path}", json=body, headers=headers, timeout=60)
    assert refused.json()["error"]["limit"] == "requests_per_minute"
    assert int(refused.headers["Retry-After"]) >= 0


def test_a_request_counts_once_against_the_limit(keyed_api: ThreadedUvicorn, redis_server: RedisServer) -> None:
    # the chat routes name the limit in the route too (QuotaDep): still one hit per request
    headers = new_key(redis_server, rpm=3)
    body = {"model": "no-such-model", "messages": [{"role": "user", "content": QUESTION}]}
    statuses = [
        httpx.post(f"{keyed_api.url}/v1/chat/completions", json=body, headers=headers, timeout=60).status_code
        for _ in range(4)
    ]
    assert statuses == [404, 404, 404, 429]


@pytest.mark.parametrize("path", ["/v1/feedback", "/v1/grounding/check", "/v1/search", "/v1/chat/completions"])
def test_a_body_over_the_limit_is_a_413_and_nothing_is_stored(
    keyed_api: ThreadedUvicorn, redis_server: RedisServer, path: str
) -> None:
    headers = new_key(redis_server, staff=True)
    before = httpx.get(f"{keyed_api.url}/v1/feedback/summary", headers=headers, timeout=30).json()["total"]
    huge = {"answer_id": "chatcmpl-big", "rating": 1, "comment": "x" * (5 * 1024 * 1024)}
    response = httpx.post(f"{keyed_api.url}{path}", json=huge, headers=headers, timeout=60)
    assert response.status_code == 413, response.text
    assert response.json()["error"]["code"] == "body_too_large"
    # sent in chunks without a Content-Length: refused while reading
    chunked = httpx.post(
        f"{keyed_api.url}{path}",
        content=iter([b'{"comment": "' + b"y" * 65536] * 8 + [b'"}']),
        headers={**headers, "content-type": "application/json"},
        timeout=60,
    )
    assert chunked.status_code == 413, chunked.text
    after = httpx.get(f"{keyed_api.url}/v1/feedback/summary", headers=headers, timeout=30).json()["total"]
    assert after == before


def test_feedback_fields_have_length_limits(keyed_api: ThreadedUvicorn, redis_server: RedisServer) -> None:
    headers = new_key(redis_server)
    for field, value in (("question", "q" * 8001), ("answer", "a" * 8001), ("comment", "c" * 2001)):
        body = {"answer_id": "chatcmpl-y", "rating": -1, field: value}
        response = httpx.post(f"{keyed_api.url}/v1/feedback", json=body, headers=headers, timeout=30)
        assert response.status_code == 422, (field, response.text)
    many = {"answer_id": "chatcmpl-y", "rating": 1, "citations": [{"doc_id": "d"}] * 51}
    assert httpx.post(f"{keyed_api.url}/v1/feedback", json=many, headers=headers, timeout=30).status_code == 422


def test_a_grounding_check_is_bounded_in_total_size(keyed_api: ThreadedUvicorn, redis_server: RedisServer) -> None:
    body = {"answer": "It takes 3 days. " * 400, "passages": ["Shipping takes three working days. " * 200] * 20}
    response = httpx.post(f"{keyed_api.url}/v1/grounding/check", json=body, headers=new_key(redis_server), timeout=60)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == "check_too_large"


def test_a_valid_bearer_key_is_not_overridden_by_x_api_key(
    keyed_api: ThreadedUvicorn, redis_server: RedisServer
) -> None:
    headers = {**new_key(redis_server), "X-API-Key": "rd_wrong"}
    assert httpx.get(f"{keyed_api.url}/v1/models", headers=headers, timeout=30).status_code == 200
    x_only = {"X-API-Key": new_key(redis_server)["Authorization"].removeprefix("Bearer ")}
    assert httpx.get(f"{keyed_api.url}/v1/models", headers=x_only, timeout=30).status_code == 200


def test_a_405_names_the_allowed_methods(keyed_api: ThreadedUvicorn) -> None:
    response = httpx.request("TRACE", f"{keyed_api.url}/v1/models", timeout=30)
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


def test_the_global_satisfaction_figure_is_staff_only(keyed_api: ThreadedUvicorn, redis_server: RedisServer) -> None:
    response = httpx.get(f"{keyed_api.url}/v1/feedback/summary", headers=new_key(redis_server), timeout=30)
    assert response.status_code == 403, response.text
    assert response.json()["error"]["type"] == "permission_error"
    staff = httpx.get(f"{keyed_api.url}/v1/feedback/summary", headers=new_key(redis_server, staff=True), timeout=30)
    assert staff.status_code == 200

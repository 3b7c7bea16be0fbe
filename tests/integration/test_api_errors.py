"""Bad input gets a 4xx with an OpenAI-style error body; a generation server that is down or
silent gets a 503 (or an SSE `error` event), never an error text presented as the answer."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from typing import Any, Protocol

import httpx
import pytest
from fastapi.testclient import TestClient

from core.settings import Settings
from tests.conftest import ThreadedUvicorn, free_port, shared_embedder
from tests.integration.sse import parse_sse

QUESTION = "How long does standard shipping take?"


class JSONResponse(Protocol):
    """What `assert_error` reads: an `httpx` response, or a `TestClient` one (Starlette's client
    is built on `httpx2` where that is installed, a separate Response class)."""

    @property
    def status_code(self) -> int: ...

    @property
    def text(self) -> str: ...

    def json(self) -> Any: ...


def assert_error(response: JSONResponse, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["message"] and error["type"]
    if code is not None:
        assert error["code"] == code
    return error


@pytest.mark.parametrize(
    ("path", "body", "code"),
    [
        ("/v1/answer/stream", {"question": "   "}, "empty_question"),
        ("/v1/answer/stream", {"question": "x" * 100_000}, "question_too_long"),
        ("/v1/answer/stream", {"question": QUESTION, "k": 0}, "invalid_k"),
        ("/v1/answer/stream", {"question": QUESTION, "k": 10_000}, "invalid_k"),
        ("/v1/answer/stream", {"question": QUESTION, "filters": {"colour": "red"}}, "invalid_filter"),
        ("/v1/answer/stream", {"question": QUESTION, "mode": "psychic"}, "invalid_request"),
        ("/v1/answer/stream", {"question": QUESTION, "surprise": 1}, "invalid_request"),
        ("/v1/answer/stream", {}, "empty_question"),
        ("/v1/search", {"question": ""}, "empty_question"),
        ("/v1/search", {"question": "y" * 100_000}, "question_too_long"),
        ("/v1/search", {"question": QUESTION, "k": 0}, "invalid_k"),
        ("/v1/search", {"question": QUESTION, "k": 10_000}, "invalid_k"),
        ("/v1/search", {"question": QUESTION, "filters": {"updated_after": "yesterday"}}, "invalid_filter"),
        ("/v1/chat/completions", {"model": "ragdesk", "messages": []}, "invalid_request"),
        ("/v1/chat/completions", {"model": "ragdesk", "messages": [{"role": "user", "content": ""}]}, "empty_question"),
        (
            "/v1/chat/completions",
            {"model": "ragdesk", "messages": [{"role": "user", "content": "z" * 100_000}]},
            "question_too_long",
        ),
        (
            "/v1/chat/completions",
            {"model": "ragdesk", "messages": [{"role": "assistant", "content": "Hello"}]},
            "last_message_not_user",
        ),
        (
            "/v1/chat/completions",
            {"model": "ragdesk", "messages": [{"role": "user", "content": QUESTION}], "k": 0},
            "invalid_k",
        ),
        (
            "/v1/chat/completions",
            {"model": "ragdesk", "messages": [{"role": "user", "content": QUESTION}], "k": 10_000},
            "invalid_k",
        ),
        ("/v1/chat/completions", {"messages": [{"role": "user", "content": QUESTION}]}, "invalid_request"),
    ],
)
def test_bad_input_is_a_400(api_server: ThreadedUvicorn, path: str, body: dict[str, Any], code: str) -> None:
    assert_error(httpx.post(f"{api_server.url}{path}", json=body, timeout=30), 400, code)


@pytest.mark.parametrize("path", ["/v1/answer/stream", "/v1/search", "/v1/chat/completions"])
def test_malformed_json_is_a_400(api_server: ThreadedUvicorn, path: str) -> None:
    response = httpx.post(
        f"{api_server.url}{path}", content=b'{"question": "oops"', headers={"content-type": "application/json"}
    )
    error = assert_error(response, 400, "invalid_request")
    assert "JSON" in error["message"]


def test_unknown_model_is_a_404_like_openai(api_server: ThreadedUvicorn) -> None:
    body = {"model": "gpt-4o", "messages": [{"role": "user", "content": QUESTION}]}
    response = httpx.post(f"{api_server.url}/v1/chat/completions", json=body, timeout=30)
    error = assert_error(response, 404, "model_not_found")
    assert "gpt-4o" in error["message"]


def test_unknown_source_document_is_a_404(api_server: ThreadedUvicorn) -> None:
    assert httpx.get(f"{api_server.url}/docs/returns/no-such-page.md").status_code == 404
    assert httpx.get(f"{api_server.url}/docs/../../etc/passwd").status_code == 404
    assert httpx.get(f"{api_server.url}/docs/%2e%2e/%2e%2e/README.md").status_code == 404


# --- the generation server down or silent --------------------------------------------------------
class SilentServer:
    """Accepts connections and never answers (a hung generation server)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = int(self.sock.getsockname()[1])
        self.connections: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)

    def close(self) -> None:
        for conn in self.connections:
            conn.close()
        self.sock.close()


@pytest.fixture(scope="module", params=["down", "silent"])
def broken_llm_app(
    request: pytest.FixtureRequest, demo_index: Settings, embedder: Any
) -> Iterator[tuple[str, TestClient]]:
    from serving.main import create_app

    silent = SilentServer() if request.param == "silent" else None
    port = silent.port if silent else free_port()  # nothing listens on a fresh free port
    settings = demo_index.model_copy(
        update={
            "llm_base_url": f"http://127.0.0.1:{port}/v1",
            "llm_timeout_s": 1.5,
            "llm_connect_timeout_s": 1.0,
            "answer_mode": "generate",  # auto would compose without a working generator
        }
    )
    try:
        with shared_embedder(embedder), TestClient(create_app(settings)) as client:
            yield request.param, client
    finally:
        if silent:
            silent.close()


def expected_code(kind: str) -> str:
    return "llm_unavailable" if kind == "down" else "llm_timeout"


def test_broken_llm_non_streamed_is_a_503(broken_llm_app: tuple[str, TestClient]) -> None:
    kind, client = broken_llm_app
    body = {"model": "ragdesk", "messages": [{"role": "user", "content": QUESTION}]}
    response = client.post("/v1/chat/completions", json=body)
    assert_error(response, 503, expected_code(kind))
    assert "choices" not in response.json()


def test_broken_llm_openai_stream_is_a_503_before_any_chunk(broken_llm_app: tuple[str, TestClient]) -> None:
    kind, client = broken_llm_app
    body = {"model": "ragdesk", "messages": [{"role": "user", "content": QUESTION}], "stream": True}
    assert_error(client.post("/v1/chat/completions", json=body), 503, expected_code(kind))


def test_broken_llm_native_stream_sends_an_error_event(broken_llm_app: tuple[str, TestClient]) -> None:
    kind, client = broken_llm_app
    with client.stream("POST", "/v1/answer/stream", json={"question": QUESTION}) as response:
        events = parse_sse(list(response.iter_lines()))
    assert response.status_code == 200
    assert [name for name, _ in events] == ["error"]
    assert events[0][1]["code"] == expected_code(kind)


def test_broken_llm_still_answers_uncovered_questions_and_search(broken_llm_app: tuple[str, TestClient]) -> None:
    _, client = broken_llm_app
    with client.stream("POST", "/v1/answer/stream", json={"question": "Who painted the Mona Lisa?"}) as response:
        events = parse_sse(list(response.iter_lines()))
    assert [name for name, _ in events] == ["token", "citations", "done"]
    assert client.post("/v1/search", json={"question": QUESTION}).status_code == 200


def test_broken_llm_makes_ready_fail_on_llm(broken_llm_app: tuple[str, TestClient]) -> None:
    _, client = broken_llm_app
    response = client.get("/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["llm"]
    assert body["checks"]["milvus"]["ok"] is True
    assert client.get("/health").status_code == 200

"""Issue 19, point 3: the real local LLM server process (python -m core.llm_server) killed by its
PID in the middle of an answer. The native stream ends with an SSE `error` event and the OpenAI
stream with an error chunk, well within LLM_TIMEOUT_S; the non-streamed route is a 503, never a
500; the token reservation is settled (nothing left in flight, less charged than reserved); and
once the server is started again the same API process answers."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest

from core.settings import Settings
from tests.conftest import LocalLLMServer, ThreadedUvicorn, shared_embedder
from tests.integration.sse import parse_sse

QUESTION = "How long does standard shipping take?"
LLM_TIMEOUT_S = 30.0


@pytest.fixture(scope="module")
def dying_llm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalLLMServer]:
    server = LocalLLMServer(Path(tmp_path_factory.mktemp("dying-llm")) / "llm.log", threads=1)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def api(demo_index: Settings, embedder: Any, dying_llm: LocalLLMServer) -> Iterator[ThreadedUvicorn]:
    from serving.main import create_app

    settings = demo_index.model_copy(
        update={
            "llm_base_url": dying_llm.base_url,
            "llm_model": "local",
            "llm_max_tokens": 160,  # long enough to still be generating when the server is killed
            "llm_timeout_s": LLM_TIMEOUT_S,
            "llm_connect_timeout_s": 1.0,
            "grounding_enabled": False,
            "answer_mode": "generate",  # the dying server must be the one answering
        }
    )
    with shared_embedder(embedder), ThreadedUvicorn(create_app(settings)) as server:
        yield server


def ensure_running(server: LocalLLMServer) -> None:
    if server.process is None or server.process.poll() is not None:
        server.start()  # the same port: the API's client reconnects on its next request


def kill(server: LocalLLMServer) -> None:
    assert server.process is not None
    server.process.kill()  # SIGKILL by PID: no goodbye on the open connection
    server.process.wait(timeout=10)


def in_flight(api: ThreadedUvicorn) -> int:
    return int(httpx.get(f"{api.url}/v1/usage", timeout=10).json()["tokens"]["reserved_in_flight"])


def used(api: ThreadedUvicorn) -> int:
    return int(httpx.get(f"{api.url}/v1/usage", timeout=10).json()["tokens"]["used"])


def test_native_stream_ends_with_an_error_event_when_the_llm_dies(
    api: ThreadedUvicorn, dying_llm: LocalLLMServer
) -> None:
    ensure_running(dying_llm)
    before = used(api)
    lines: list[str] = []
    killed_at = 0.0
    with httpx.stream("POST", f"{api.url}/v1/answer/stream", json={"question": QUESTION}, timeout=120) as response:
        assert response.status_code == 200
        for line in response.iter_lines():
            lines.append(line)
            if not killed_at and line.startswith("event: token"):
                kill(dying_llm)
                killed_at = time.monotonic()
    ended_after = time.monotonic() - killed_at
    events = parse_sse(lines)
    names = [name for name, _ in events]
    assert killed_at, names
    assert names[0] == "token" and names[-1] == "error", names
    assert "done" not in names
    assert events[-1][1]["code"] in {"llm_unavailable", "llm_timeout"}
    assert ended_after < LLM_TIMEOUT_S, ended_after
    # settled: nothing left reserved; charged the prompt and the streamed tokens only
    assert in_flight(api) == 0
    charged = used(api) - before
    assert 0 < charged < 160 + 4000

    ensure_running(dying_llm)  # back: the same API process answers
    with httpx.stream("POST", f"{api.url}/v1/answer/stream", json={"question": QUESTION}, timeout=120) as response:
        again = parse_sse(list(response.iter_lines()))
    assert [name for name, _ in again][-1] == "done", again


def test_openai_stream_gets_an_error_chunk_when_the_llm_dies(api: ThreadedUvicorn, dying_llm: LocalLLMServer) -> None:
    ensure_running(dying_llm)
    client = openai.OpenAI(base_url=f"{api.url}/v1", api_key="unused", max_retries=0, timeout=120)
    stream = client.chat.completions.create(
        model="ragdesk", messages=[{"role": "user", "content": QUESTION}], stream=True
    )
    started = time.monotonic()
    text: list[str] = []
    with pytest.raises(openai.APIError) as raised:
        for chunk in stream:
            content = chunk.choices[0].delta.content if chunk.choices else None
            if content:
                text.append(content)
                if len(text) == 1:
                    kill(dying_llm)
    assert text, "no content arrived before the kill"
    assert "answer model" in str(raised.value)
    assert time.monotonic() - started < LLM_TIMEOUT_S
    assert in_flight(api) == 0

    ensure_running(dying_llm)
    answer = client.chat.completions.create(model="ragdesk", messages=[{"role": "user", "content": QUESTION}])
    assert answer.choices[0].message.content


def test_non_streamed_route_is_a_503_not_a_500_when_the_llm_dies(
    api: ThreadedUvicorn, dying_llm: LocalLLMServer
) -> None:
    """The kill lands while the model generates (it waits for the server's first decoded token,
    read from its /slots), or before the request reaches it: either way a 503 with the error
    shape, never a 500."""
    import threading

    ensure_running(dying_llm)
    result: dict[str, Any] = {}

    def call() -> None:
        body = {"model": "ragdesk", "messages": [{"role": "user", "content": QUESTION}]}
        result["response"] = httpx.post(f"{api.url}/v1/chat/completions", json=body, timeout=120)

    worker = threading.Thread(target=call)
    worker.start()
    root = dying_llm.base_url.removesuffix("/v1")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and worker.is_alive():
        try:
            slots = httpx.get(f"{root}/slots", timeout=2).json()
        except (httpx.HTTPError, json.JSONDecodeError):
            slots = []
        if any(isinstance(s, dict) and s.get("is_processing") for s in slots):
            time.sleep(0.3)
            break
        time.sleep(0.05)
    kill(dying_llm)
    worker.join(timeout=LLM_TIMEOUT_S + 30)
    response: httpx.Response = result["response"]
    if response.status_code == 200:  # the answer was complete before the kill: nothing to test
        pytest.skip("the answer finished before the server was killed")
    assert response.status_code in (502, 503), response.text
    assert response.json()["error"]["code"] in {"llm_unavailable", "llm_timeout"}
    assert in_flight(api) == 0
    ensure_running(dying_llm)

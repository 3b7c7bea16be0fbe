"""Issue 19: a withdrawn answer, or one whose client left, stops the model at once. Against the
real local LLM server (python -m core.llm_server, llama.cpp): once the grounding guard withdraws
the answer, or the client disconnects after the first token, the server's slot is idle again
within a couple of seconds (its `/slots`), the token reservation is settled with what was
generated (far below the max_tokens reserved; nothing left in flight), and the request is logged.

The tiny local model rambles on to max_tokens (~600 tokens: several seconds of decoding), so a
generation that kept running after the withdrawal or the disconnect keeps its slot busy well past
the limit these tests allow. The withdrawal is forced with a checker that calls every sentence
contradicted (the guard itself, the model and the server are the real ones)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Literal

import httpx
import pytest

from core.grounding import ClaimVerdict
from core.settings import Settings
from serving.guard import GroundingGuard
from tests.conftest import LocalLLMServer, ThreadedUvicorn, guarded_api
from tests.integration.sse import parse_sse

MAX_TOKENS = 600
IDLE_WITHIN_S = 2.5
# A question the help centre covers, asked so that the model writes at length.
QUESTION = "How do I return electronics? Explain every step and every condition in full detail."


class Checker:
    """Every sentence gets `verdict` (the guard, its replacement and its review are real)."""

    def __init__(self) -> None:
        self.verdict: Literal["supported", "contradicted", "unsupported"] = "contradicted"
        self.check_s = 0.0  # how long a check takes (in a worker thread, as the real checker's)

    async def warm(self, question: str, passages: Any) -> None:
        return None

    async def check(self, question: str, answer: str, passages: Any, context: str = "") -> Any:
        if self.check_s:
            await asyncio.to_thread(time.sleep, self.check_s)
        reasons = [] if self.verdict == "supported" else ["test: every sentence is called contradicted"]
        return SimpleNamespace(claims=[ClaimVerdict(answer.strip(), self.verdict, None, 0.0, reasons)])


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.fixture(scope="module")
def api(
    demo_index: Settings,
    embedder: Any,
    llm_server: LocalLLMServer,
    checker: Checker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ThreadedUvicorn]:
    data = Path(tmp_path_factory.mktemp("cancel"))
    with guarded_api(
        demo_index,
        embedder,
        llm_server.base_url,
        data,
        llm_max_tokens=MAX_TOKENS,
        request_log_enabled=True,
    ) as server:
        guards = [s for s in server.app.state.services.rag.stages if isinstance(s, GroundingGuard)]
        assert guards, "the guard is not on"
        guards[0].runner = checker  # type: ignore[assignment]
        yield server


@pytest.fixture()
def idle_llm(llm_server: LocalLLMServer) -> LocalLLMServer:
    assert busy_slots(llm_server) == 0 or wait_idle(llm_server, 60) is not None
    return llm_server


def busy_slots(server: LocalLLMServer) -> int:
    slots = httpx.get(server.base_url.removesuffix("/v1") + "/slots", timeout=5).json()
    return sum(1 for s in slots if s.get("is_processing"))


def wait_idle(server: LocalLLMServer, limit_s: float) -> float | None:
    """Seconds until no slot of the server is processing, or None after `limit_s`."""
    started = time.monotonic()
    while time.monotonic() - started < limit_s:
        if busy_slots(server) == 0:
            return time.monotonic() - started
        time.sleep(0.05)
    return None


def usage(api: ThreadedUvicorn) -> dict[str, int]:
    tokens = httpx.get(f"{api.url}/v1/usage", timeout=10).json()["tokens"]
    return {"used": int(tokens["used"]), "in_flight": int(tokens["reserved_in_flight"])}


def logged(api: ThreadedUvicorn, request_id: str) -> dict[str, Any]:
    from serving.observability.request_log import request_log_of

    log = request_log_of(api.app)
    assert log is not None
    deadline = time.monotonic() + 30
    while True:
        try:
            return log.get(request_id)
        except LookupError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_a_withdrawn_answer_stops_the_model(api: ThreadedUvicorn, idle_llm: LocalLLMServer, checker: Checker) -> None:
    checker.verdict = "contradicted"
    before = usage(api)
    lines: list[str] = []
    idle_after: float | None = None
    with httpx.stream("POST", f"{api.url}/v1/answer/stream", json={"question": QUESTION}, timeout=120) as response:
        assert response.status_code == 200
        request_id = response.headers["x-request-id"]
        for line in response.iter_lines():
            lines.append(line)
            if idle_after is None and line.startswith("event: revision"):
                idle_after = wait_idle(idle_llm, 30)
    events = parse_sse(lines)
    names = [name for name, _ in events]
    assert "revision" in names and names[-1] == "done", names
    assert idle_after is not None and idle_after < IDLE_WITHIN_S, f"the slot was busy {idle_after} s after withdrawal"
    done = events[-1][1]
    assert done["grounding"]["replaced"] is True
    assert done["grounding"]["generation_stopped"] is True
    completion = done["usage"]["completion_tokens"]
    assert 0 < completion < MAX_TOKENS // 3, done["usage"]
    after = usage(api)
    assert after["in_flight"] == 0
    charged = after["used"] - before["used"]
    assert charged == done["usage"]["prompt_tokens"] + completion, (charged, done["usage"])
    row = logged(api, request_id)
    assert row["completion_tokens"] == completion


def first_text(line: str) -> bool:
    """A native `token` event, or an OpenAI chunk with content."""
    if line.startswith("event: token"):
        return True
    if not line.startswith("data: {"):
        return False
    choices = json.loads(line[6:]).get("choices") or [{}]
    return bool((choices[0].get("delta") or {}).get("content"))


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/answer/stream", {"question": QUESTION}),
        (
            "/v1/chat/completions",
            {"model": "ragdesk", "messages": [{"role": "user", "content": QUESTION}], "stream": True},
        ),
    ],
    ids=["native", "openai"],
)
def test_a_client_that_leaves_stops_the_model(
    api: ThreadedUvicorn, idle_llm: LocalLLMServer, checker: Checker, path: str, body: dict[str, Any]
) -> None:
    checker.verdict = "supported"
    checker.check_s = 0.3  # the client leaves while a sentence is being checked
    before = usage(api)
    with httpx.stream("POST", f"{api.url}{path}", json=body, timeout=120) as response:
        assert response.status_code == 200
        request_id = response.headers["x-request-id"]
        for line in response.iter_lines():
            if first_text(line):
                assert busy_slots(idle_llm) == 1  # still generating when the client leaves
                break
    # the connection is closed on leaving the block
    idle_after = wait_idle(idle_llm, 30)
    assert idle_after is not None and idle_after < IDLE_WITHIN_S, (
        f"the slot was busy {idle_after} s after the client left"
    )
    deadline = time.monotonic() + 10
    while usage(api)["in_flight"] and time.monotonic() < deadline:
        time.sleep(0.1)
    after = usage(api)
    assert after["in_flight"] == 0
    charged = after["used"] - before["used"]
    row = logged(api, request_id)
    assert row["error_code"] == "client_disconnected", row
    completion = int(row["completion_tokens"] or 0)
    assert 0 < completion < MAX_TOKENS // 3, row
    assert charged == int(row["prompt_tokens"] or 0) + completion, (charged, row)

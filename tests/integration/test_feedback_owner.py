"""Issue 19: feedback is tied to its user, with real API keys in a throwaway Redis and the real
app (the fake answer model). An answer is rated only by the user it went to: another user, staff
included, gets 404 `answer_not_found`, the same as for an id that does not exist (whether the
answer exists is not revealed). The global satisfaction figure is for staff keys (403 for
others); any key lists its own user's feedback and nobody else's."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from redis import Redis

from core.redis_server import RedisServer, temporary_redis
from core.settings import Settings
from core.testing.fake_llm import RIGHT_LAPTOP_ANSWER
from serving.gateway.keys import RedisKeyAdmin
from tests.conftest import ThreadedUvicorn, guarded_api
from tests.integration.sse import parse_sse

LAPTOP = "Can I return a laptop?"
PREFIX = "rdfeedback:"


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with temporary_redis() as server:
        yield server


@pytest.fixture(scope="module")
def api(
    demo_index: Settings,
    embedder: Any,
    fake_llm: Any,
    redis_server: RedisServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ThreadedUvicorn]:
    fake_llm.answer = RIGHT_LAPTOP_ANSWER
    with guarded_api(
        demo_index,
        embedder,
        fake_llm.url,
        tmp_path_factory.mktemp("feedback-owner"),
        redis_url=redis_server.url,
        gateway_redis_prefix=PREFIX,
        gateway_require_keys=True,
        request_log_enabled=True,
    ) as server:
        yield server


def new_key(redis_server: RedisServer, staff: bool = False) -> tuple[str, dict[str, str]]:
    user = f"u{uuid.uuid4().hex[:10]}"
    admin = RedisKeyAdmin(Redis.from_url(redis_server.url), PREFIX)
    key, _record, _user = admin.create_key(user, "paid", staff=staff)
    return user, {"Authorization": f"Bearer {key}"}


def streamed_answer(api: ThreadedUvicorn, headers: dict[str, str]) -> str:
    with httpx.stream(
        "POST", f"{api.url}/v1/answer/stream", json={"question": LAPTOP}, headers=headers, timeout=60
    ) as response:
        assert response.status_code == 200
        events = parse_sse(list(response.iter_lines()))
    assert events[-1][0] == "done", events
    request_id = str(events[-1][1]["request_id"])
    assert request_id == response.headers["x-request-id"]
    return request_id


def rate(api: ThreadedUvicorn, headers: dict[str, str], answer_id: str, rating: int = 1) -> httpx.Response:
    return httpx.post(
        f"{api.url}/v1/feedback", json={"answer_id": answer_id, "rating": rating}, headers=headers, timeout=30
    )


def test_only_the_user_an_answer_went_to_may_rate_it(api: ThreadedUvicorn, redis_server: RedisServer) -> None:
    _alice, alice = new_key(redis_server)
    _bob, bob = new_key(redis_server)
    _sam, staff = new_key(redis_server, staff=True)
    answer = streamed_answer(api, alice)

    for headers in (bob, staff):  # another user's answer: as if it did not exist
        refused = rate(api, headers, answer, -1)
        assert refused.status_code == 404, refused.text
        assert refused.json()["error"]["code"] == "answer_not_found"
    unknown = rate(api, bob, f"req-{uuid.uuid4().hex}", -1)
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "answer_not_found"
    assert rate(api, {}, answer).status_code == 401

    accepted = rate(api, alice, answer)
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["answer_id"] == answer and accepted.json()["question"] == LAPTOP

    # the OpenAI rendering: its request id is `ragdesk.request_id` (and the X-Request-Id header)
    completion = httpx.post(
        f"{api.url}/v1/chat/completions",
        json={"model": "ragdesk", "messages": [{"role": "user", "content": LAPTOP}]},
        headers=bob,
        timeout=60,
    )
    assert completion.status_code == 200, completion.text
    bobs = completion.json()["ragdesk"]["request_id"]
    assert rate(api, alice, bobs).status_code == 404
    assert rate(api, bob, bobs, -1).status_code == 201


def test_the_global_figure_is_for_staff_and_a_user_reads_their_own(
    api: ThreadedUvicorn, redis_server: RedisServer
) -> None:
    alice_user, alice = new_key(redis_server)
    _bob, bob = new_key(redis_server)
    _sam, staff = new_key(redis_server, staff=True)
    answer = streamed_answer(api, alice)
    assert rate(api, alice, answer, -1).status_code == 201

    refused = httpx.get(f"{api.url}/v1/feedback/summary", headers=alice, timeout=30)
    assert refused.status_code == 403, refused.text
    error = refused.json()["error"]
    assert error["type"] == "permission_error" and f"--user {alice_user}" in error["message"]
    assert httpx.get(f"{api.url}/v1/feedback/summary", timeout=30).status_code == 401
    summary = httpx.get(f"{api.url}/v1/feedback/summary", headers=staff, timeout=30)
    assert summary.status_code == 200 and summary.json()["down"] >= 1

    own = httpx.get(f"{api.url}/v1/feedback/mine", headers=alice, timeout=30).json()
    assert [(row["answer_id"], row["rating"]) for row in own["data"]] == [(answer, -1)]
    others = httpx.get(f"{api.url}/v1/feedback/mine", headers=bob, timeout=30).json()
    assert answer not in {row["answer_id"] for row in others["data"]}

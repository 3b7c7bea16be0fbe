"""Thumbs up/down over HTTP: stored in the project database, summarised as a satisfaction rate,
bad ratings rejected. (Who may rate which answer, and read which figure, with API keys:
tests/integration/test_feedback_owner.py.)"""

import httpx

from tests.integration.sse import parse_sse

NOT_COVERED = "Who painted the Mona Lisa?"  # answered without a model call, logged like any answer


def answer_id(base: str) -> str:
    """The request id of a fresh answer (its done event's `request_id`)."""
    with httpx.stream("POST", f"{base}/v1/answer/stream", json={"question": NOT_COVERED}, timeout=60) as response:
        events = parse_sse(list(response.iter_lines()))
    done = events[-1]
    assert done[0] == "done", events
    return str(done[1]["request_id"])


def test_feedback_is_stored_and_summarised(api_server) -> None:
    base = api_server.url
    before = httpx.get(f"{base}/v1/feedback/summary", timeout=30).json()
    first = answer_id(base)
    up = httpx.post(f"{base}/v1/feedback", json={"answer_id": first, "rating": 1}, timeout=30)
    assert up.status_code == 201, up.text
    assert up.json()["rating"] == 1 and up.json()["id"] > 0
    assert up.json()["question"] == NOT_COVERED  # taken from the logged answer when not given
    down = httpx.post(
        f"{base}/v1/feedback",
        json={
            "answer_id": answer_id(base),
            "rating": -1,
            "question": "Can I return a laptop after 45 days?",
            "answer": "Yes.",
            "comment": "wrong window",
        },
        timeout=30,
    )
    assert down.status_code == 201, down.text
    after = httpx.get(f"{base}/v1/feedback/summary", timeout=30).json()
    assert (after["up"] - before["up"], after["down"] - before["down"]) == (1, 1)
    assert 0.0 <= after["satisfaction_rate"] <= 1.0
    mine = httpx.get(f"{base}/v1/feedback/mine", timeout=30).json()
    assert first in {row["answer_id"] for row in mine["data"]}


def test_feedback_rejects_bad_input(api_server) -> None:
    base = api_server.url
    bad = httpx.post(f"{base}/v1/feedback", json={"answer_id": "x", "rating": 5}, timeout=30)
    assert bad.status_code == 422 and "rating must be 1" in bad.json()["error"]["message"]
    missing = httpx.post(f"{base}/v1/feedback", json={"rating": 1}, timeout=30)
    assert missing.status_code in (400, 422)
    long_comment = httpx.post(
        f"{base}/v1/feedback", json={"answer_id": "x", "rating": -1, "comment": "x" * 5000}, timeout=30
    )
    assert long_comment.status_code == 422 and "limit" in long_comment.json()["error"]["message"]
    unknown = httpx.post(f"{base}/v1/feedback", json={"answer_id": "chatcmpl-1", "rating": 1}, timeout=30)
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "answer_not_found"

"""Thumbs up/down over HTTP: stored in the project database, summarised as a satisfaction rate,
bad ratings rejected."""

import httpx


def test_feedback_is_stored_and_summarised(api_server) -> None:
    base = api_server.url
    before = httpx.get(f"{base}/v1/feedback/summary", timeout=30).json()
    up = httpx.post(f"{base}/v1/feedback", json={"answer_id": "chatcmpl-1", "rating": 1, "question": "q"}, timeout=30)
    assert up.status_code == 201, up.text
    assert up.json()["rating"] == 1 and up.json()["id"] > 0
    down = httpx.post(
        f"{base}/v1/feedback",
        json={
            "answer_id": "chatcmpl-2",
            "rating": -1,
            "question": "Can I return a laptop after 45 days?",
            "answer": "Yes.",
            "comment": "wrong window",
        },
        timeout=30,
    )
    assert down.status_code == 201
    after = httpx.get(f"{base}/v1/feedback/summary", timeout=30).json()
    assert (after["up"] - before["up"], after["down"] - before["down"]) == (1, 1)
    assert 0.0 <= after["satisfaction_rate"] <= 1.0


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

"""The seed's laptop case end to end: the real app on the real demo collection, the model forced to
the wrong answer ("Yes, you can return the laptop within 45 days." - electronics have 30 days,
45 only for Lumen Plus members). Over the native SSE stream and the `openai` client (streamed and
not): the wrong sentence is never sent as an answer, a revision replaces it with the help
centre's own words, `done` says grounded=false, and a review item is queued and can be resolved.
A right answer passes untouched."""

from __future__ import annotations

from typing import Any

import httpx
from openai import OpenAI
from openai.types.chat import ChatCompletionMessageParam

from core.testing.fake_llm import RIGHT_LAPTOP_ANSWER, WRONG_LAPTOP_ANSWER
from tests.conftest import ThreadedUvicorn
from tests.integration.sse import parse_sse

LAPTOP = "Can I return a laptop after 45 days?"


def stream_events(url: str, body: dict[str, Any]) -> list[tuple[str, Any]]:
    with httpx.stream("POST", f"{url}/v1/answer/stream", json=body, timeout=120) as response:
        assert response.status_code == 200
        return parse_sse(list(response.iter_lines()))


def test_native_sse_withdraws_the_wrong_answer_and_queues_it(guard_api: ThreadedUvicorn, wrong_model: Any) -> None:
    events = stream_events(guard_api.url, {"question": LAPTOP})
    names = [name for name, _ in events]
    assert names[0] == "revision", names  # nothing of the wrong answer went out before it
    assert names[-2:] == ["citations", "done"]
    tokens = [data["text"] for name, data in events if name == "token"]
    assert not any("within 45 days" in t or t.startswith("Yes") for t in tokens), tokens

    revision = events[0][1]
    assert revision["action"] == "replace"
    assert revision["withdrawn_text"] == WRONG_LAPTOP_ANSWER
    assert revision["kept_text"] == ""
    assert revision["claims"][0]["verdict"] == "contradicted"
    replacement = "".join(tokens)
    assert replacement == revision["replacement_text"]
    assert "30 days" in replacement and "(Source: " in replacement
    assert "support team" in replacement

    grounding = events[-1][1]["grounding"]
    assert grounding["grounded"] is False and grounding["replaced"] is True
    assert grounding["policy"] == "replace" and grounding["verdict"] == "contradicted"
    claim = grounding["claims"][0]
    assert claim["text"] == WRONG_LAPTOP_ANSWER and claim["verdict"] == "contradicted"
    assert "30 days" in (claim["evidence"] or "")
    timings = events[-1][1]["timings"]
    assert timings["ttft_ms"] >= timings["model_ttft_ms"] and timings["guard_check_ms"] > 0

    # the original is kept for review, with what the model saw
    item_id = grounding["review_id"]
    assert isinstance(item_id, int)
    listing = httpx.get(f"{guard_api.url}/v1/reviews", params={"status": "open"}, timeout=30).json()
    assert item_id in [i["id"] for i in listing["items"]] and listing["counts"]["open"] >= 1
    item = httpx.get(f"{guard_api.url}/v1/reviews/{item_id}", timeout=30).json()
    assert item["answer"] == WRONG_LAPTOP_ANSWER and item["served_answer"] == replacement
    assert item["question"] == LAPTOP and item["status"] == "open" and item["policy"] == "replace"
    assert item["verdicts"][0]["verdict"] == "contradicted"
    assert item["reason"].startswith("withdrawn (contradicted") and "45 days" in item["reason"]  # why it is queued
    assert any(c["doc_id"] == "returns/electronics-returns.md" for c in item["context"])
    assert all(c["text"] and c["chunk_id"] for c in item["context"])
    assert item["prompt"][0]["role"] == "system" and "Passage (" in item["prompt"][0]["content"]
    assert item["prompt"][-1] == {"role": "user", "content": LAPTOP}

    resolved = httpx.post(
        f"{guard_api.url}/v1/reviews/{item_id}/resolve",
        json={"resolution": "answer_wrong", "note": "30 days; 45 only for Lumen Plus"},
        timeout=30,
    )
    assert resolved.status_code == 200, resolved.text
    assert resolved.json()["status"] == "resolved" and resolved.json()["resolution"] == "answer_wrong"
    assert resolved.json()["resolved_at"] >= item["created_at"]
    again = httpx.post(f"{guard_api.url}/v1/reviews/{item_id}/resolve", json={"resolution": "answer_wrong"})
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_resolved"
    open_ids = [i["id"] for i in httpx.get(f"{guard_api.url}/v1/reviews", timeout=30).json()["items"]]
    assert item_id not in open_ids


def test_openai_client_streamed_and_not(guard_api: ThreadedUvicorn, wrong_model: Any) -> None:
    client = OpenAI(base_url=f"{guard_api.url}/v1", api_key="unused", max_retries=0)
    messages: list[ChatCompletionMessageParam] = [{"role": "user", "content": LAPTOP}]
    completion = client.chat.completions.create(model="ragdesk", messages=messages)
    content = completion.choices[0].message.content or ""
    assert WRONG_LAPTOP_ANSWER not in content and "within 45 days" not in content
    assert "30 days" in content and content.startswith("I'm sorry")
    grounding = (completion.model_extra or {})["grounding"]
    assert grounding["grounded"] is False and grounding["replaced"] is True
    assert grounding["claims"][0]["verdict"] == "contradicted"

    stream = client.chat.completions.create(model="ragdesk", messages=messages, stream=True)
    chunks = list(stream)
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert streamed == content
    final = next(c for c in chunks if c.choices and c.choices[0].finish_reason)
    extra = final.model_extra or {}
    assert extra["grounding"]["grounded"] is False and extra["grounding"]["replaced"] is True
    assert extra["ragdesk"]["grounding"]["review_id"] is not None


def test_a_right_answer_passes_untouched(guard_api: ThreadedUvicorn, wrong_model: Any) -> None:
    wrong_model.answer = RIGHT_LAPTOP_ANSWER
    events = stream_events(guard_api.url, {"question": LAPTOP})
    names = [name for name, _ in events]
    assert set(names[:-2]) == {"token"} and names[-2:] == ["citations", "done"], names
    assert "".join(data["text"] for name, data in events if name == "token") == RIGHT_LAPTOP_ANSWER
    grounding = events[-1][1]["grounding"]
    assert grounding["grounded"] is True and grounding["replaced"] is False and grounding["review_id"] is None
    assert [c["verdict"] for c in grounding["claims"]] == ["supported"]

    client = OpenAI(base_url=f"{guard_api.url}/v1", api_key="unused", max_retries=0)
    completion = client.chat.completions.create(
        model="ragdesk",
        messages=[{"role": "user", "content": LAPTOP}],  # type: ignore[list-item]
    )
    assert completion.choices[0].message.content == RIGHT_LAPTOP_ANSWER
    assert (completion.model_extra or {})["grounding"]["grounded"] is True


def test_review_api_errors(guard_api: ThreadedUvicorn) -> None:
    missing = httpx.get(f"{guard_api.url}/v1/reviews/999999", timeout=30)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "review_not_found"
    resolve_missing = httpx.post(f"{guard_api.url}/v1/reviews/999999/resolve", json={"resolution": "answer_wrong"})
    assert resolve_missing.status_code == 404
    bad = httpx.post(f"{guard_api.url}/v1/reviews/1/resolve", json={"resolution": "looks fine"}, timeout=30)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_resolution"
    assert "answer_wrong" in bad.json()["error"]["message"]
    long_note = httpx.post(
        f"{guard_api.url}/v1/reviews/1/resolve", json={"resolution": "answer_wrong", "note": "x" * 5000}, timeout=30
    )
    assert long_note.status_code == 422 and long_note.json()["error"]["code"] == "note_too_long"
    assert httpx.get(f"{guard_api.url}/v1/reviews", params={"limit": 0}).status_code == 400
    assert httpx.get(f"{guard_api.url}/v1/reviews", params={"status": "maybe"}).status_code == 400
    assert httpx.get(f"{guard_api.url}/v1/reviews/abc").status_code == 400

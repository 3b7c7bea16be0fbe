"""The chat path end to end: real Milvus Lite collection, real local LLM server, the app served by
uvicorn. Answers from the small model are weak; these tests check shape, order and sources."""

from __future__ import annotations

from typing import Any

import httpx
from openai import OpenAI

from core.prompts import NOT_COVERED_ANSWER, PROMPT_VERSION
from tests.conftest import ThreadedUvicorn
from tests.integration.sse import parse_sse

LAPTOP = "Can I return a laptop after 45 days?"


def stream_events(url: str, body: dict[str, Any]) -> tuple[httpx.Response, list[tuple[str, Any]]]:
    with httpx.stream("POST", f"{url}/v1/answer/stream", json=body, timeout=120) as response:
        lines = list(response.iter_lines())
    return response, parse_sse(lines)


def test_native_sse_streams_tokens_then_citations_then_done(api_server: ThreadedUvicorn) -> None:
    response, events = stream_events(api_server.url, {"question": LAPTOP})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["x-accel-buffering"] == "no"
    names = [name for name, _ in events]
    assert names[0] == "token"
    assert names[-2:] == ["citations", "done"]
    assert set(names[:-2]) == {"token"}, names
    assert "".join(data["text"] for name, data in events if name == "token").strip()
    citations = events[-2][1]["citations"]
    assert citations and any(c["doc_id"].startswith("returns/") for c in citations)
    for citation in citations:
        assert citation["url"].startswith(f"/docs/{citation['doc_id']}")
        assert {"doc_id", "title", "section", "url", "chunk_id", "score", "rank"} <= citation.keys()
    done = events[-1][1]
    assert done["not_covered"] is False
    assert done["finish_reason"] in {"stop", "length"}
    assert done["usage"]["prompt_tokens"] > 0 and done["usage"]["completion_tokens"] > 0
    assert done["prompt_version"] == PROMPT_VERSION
    assert done["timings"]["ttft_ms"] > 0


def test_citation_link_opens_the_source_section(api_server: ThreadedUvicorn) -> None:
    _, events = stream_events(api_server.url, {"question": LAPTOP, "k": 3})
    citation = next(data for name, data in events if name == "citations")["citations"][0]
    path, _, anchor = citation["url"].partition("#")
    page = httpx.get(f"{api_server.url}{path}", timeout=30)
    assert page.status_code == 200
    assert f'id="{anchor}"' in page.text


def test_openai_client_non_streamed(api_server: ThreadedUvicorn) -> None:
    client = OpenAI(base_url=f"{api_server.url}/v1", api_key="unused", max_retries=0)
    assert [m.id for m in client.models.list().data] == ["ragdesk"]
    completion = client.chat.completions.create(model="ragdesk", messages=[{"role": "user", "content": LAPTOP}])
    assert completion.object == "chat.completion"
    assert completion.choices[0].message.role == "assistant"
    assert completion.choices[0].message.content
    assert completion.choices[0].finish_reason in {"stop", "length"}
    assert completion.usage is not None and completion.usage.completion_tokens > 0
    sources = (completion.model_extra or {})["sources"]
    assert sources and any(s["doc_id"].startswith("returns/") for s in sources)


def test_openai_client_streams_with_usage_and_sources(api_server: ThreadedUvicorn) -> None:
    client = OpenAI(base_url=f"{api_server.url}/v1", api_key="unused", max_retries=0)
    stream = client.chat.completions.create(
        model="ragdesk",
        messages=[{"role": "user", "content": "How long does standard shipping take?"}],
        stream=True,
        stream_options={"include_usage": True},
        max_tokens=24,
        extra_body={"k": 3},
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text.strip()
    finish = [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason]
    assert finish == ["length"] or finish == ["stop"]
    last = chunks[-1]
    assert last.choices == [] and last.usage is not None
    assert last.usage.completion_tokens <= 24
    sources = (last.model_extra or {})["sources"]
    assert 1 <= len(sources) <= 3
    assert all(s["url"].startswith("/docs/") for s in sources)


def test_question_the_help_centre_does_not_cover_gets_the_fixed_answer(api_server: ThreadedUvicorn) -> None:
    _, events = stream_events(api_server.url, {"question": "Who painted the Mona Lisa?"})
    assert [name for name, _ in events] == ["token", "citations", "done"]
    assert events[0][1]["text"] == NOT_COVERED_ANSWER
    assert events[1][1]["citations"] == []
    done = events[2][1]
    assert done["not_covered"] is True
    assert done["usage"]["completion_tokens"] == 0  # the model was not called


def test_follow_up_is_retrieved_as_a_standalone_question(api_server: ThreadedUvicorn) -> None:
    messages = [
        {"role": "user", "content": "What is the return window for electronics?"},
        {"role": "assistant", "content": "Electronics can be returned within 30 days of delivery."},
        {"role": "user", "content": "and for clothing?"},
    ]
    _, events = stream_events(api_server.url, {"messages": messages})
    done = events[-1][1]
    assert events[-1][0] == "done"
    assert done["standalone_question"] == "What is the return window for electronics? and for clothing?"
    assert done["history_turns"] == 2
    citations = events[-2][1]["citations"]
    assert any(c["doc_id"].startswith("returns/") for c in citations)


def test_filters_limit_the_sources(api_server: ThreadedUvicorn) -> None:
    body = {"question": LAPTOP, "filters": {"doc_id_prefix": "faq/"}, "k": 2}
    _, events = stream_events(api_server.url, body)
    citations = next(data for name, data in events if name == "citations")["citations"]
    assert citations and all(c["doc_id"].startswith("faq/") for c in citations)

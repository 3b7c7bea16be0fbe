"""Both renderings of one event stream, and source-page anchors matching citation links."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from core.loaders import SUPPORTED_SUFFIXES, Document, Section, load_document
from core.retrieval import Retrieval
from core.settings import REPO_ROOT
from serving.docs_page import document_html
from serving.events import Citation, CitationsEvent, DoneEvent, ErrorEvent, Event, TokenEvent, Usage
from serving.llm import GenerationParams
from serving.rag import Prepared
from serving.render import CompletionIds, native_sse, openai_completion, openai_stream, sse
from serving.sources import section_anchor, source_url

CITATION = Citation("returns/a.md", "Returns", "Window", "/docs/returns/a.md#window", "c1", 0.5, 1)
EVENTS: list[Event] = [
    TokenEvent("Yes"),
    TokenEvent(", within 30 days."),
    CitationsEvent([CITATION]),
    DoneEvent("stop", Usage(100, 7, 90), False, {"ttft_ms": 12.0}, "v1"),
]


def prepared() -> Prepared:
    params = GenerationParams(max_tokens=10, temperature=0.0, repeat_penalty=1.1)
    return Prepared("q", "q", Retrieval("q", "hybrid", [], True), [], [CITATION], [], params)


async def stream(events: list[Event]) -> AsyncIterator[Event]:
    for event in events:
        yield event


def run(gen: AsyncIterator[str]) -> list[str]:
    async def go() -> list[str]:
        return [part async for part in gen]

    return asyncio.run(go())


def parse(parts: list[str]) -> list[tuple[str | None, Any]]:
    out: list[tuple[str | None, Any]] = []
    for part in parts:
        lines = part.strip("\n").split("\n")
        name = lines[0][7:] if lines[0].startswith("event: ") else None
        data = "\n".join(line[6:] for line in lines if line.startswith("data: "))
        out.append((name, data if data == "[DONE]" else json.loads(data)))
    return out


def test_native_sse_rendering() -> None:
    events = parse(run(native_sse(prepared(), stream(EVENTS))))
    assert [name for name, _ in events] == ["token", "token", "citations", "done"]
    assert events[2][1]["citations"][0]["url"] == "/docs/returns/a.md#window"
    done = events[3][1]
    assert done["usage"] == {
        "prompt_tokens": 100,
        "completion_tokens": 7,
        "total_tokens": 107,
        "prompt_tokens_details": {"cached_tokens": 90},
    }


def test_native_sse_error_ends_the_stream() -> None:
    events = parse(run(native_sse(prepared(), stream([ErrorEvent("down", "llm_unavailable"), TokenEvent("x")]))))
    assert events == [("error", {"message": "down", "code": "llm_unavailable"})]


def test_openai_stream_rendering() -> None:
    chunks = parse(run(openai_stream(prepared(), stream(EVENTS), CompletionIds("ragdesk"), include_usage=True)))
    assert chunks[-1] == (None, "[DONE]")
    bodies = [data for _, data in chunks[:-1]]
    assert bodies[0]["choices"][0]["delta"]["role"] == "assistant"
    assert (
        "".join(b["choices"][0]["delta"].get("content", "") for b in bodies if b["choices"]) == "Yes, within 30 days."
    )
    finish, usage = bodies[-2], bodies[-1]
    assert finish["choices"][0]["finish_reason"] == "stop" and finish["sources"][0]["chunk_id"] == "c1"
    assert usage["choices"] == [] and usage["usage"]["total_tokens"] == 107 and usage["sources"]
    assert len({b["id"] for b in bodies}) == 1


def test_openai_completion_rendering() -> None:
    body = asyncio.run(openai_completion(prepared(), stream(EVENTS), CompletionIds("ragdesk")))
    assert isinstance(body, dict)
    assert body["choices"][0]["message"]["content"] == "Yes, within 30 days."
    assert body["usage"]["prompt_tokens_details"] == {"cached_tokens": 90}
    assert body["sources"][0]["doc_id"] == "returns/a.md"
    error = asyncio.run(openai_completion(prepared(), stream([ErrorEvent("slow", "llm_timeout")]), CompletionIds("r")))
    assert error == ErrorEvent("slow", "llm_timeout")


def test_sse_multiline_data() -> None:
    assert sse("a\nb", "x") == "event: x\ndata: a\ndata: b\n\n"


def test_anchors() -> None:
    assert section_anchor("Unopened vs. opened > Unopened items") == "unopened-vs-opened-unopened-items"
    assert section_anchor("...very long heading > Last part") == "last-part"
    assert source_url("returns/a b.md", "") == "/docs/returns/a%20b.md"


def corpus_files() -> list[Path]:
    root = REPO_ROOT / "corpus"
    return sorted(p for p in root.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES and "bad_inputs" not in p.parts)


@pytest.mark.parametrize("path", corpus_files()[:200], ids=lambda p: p.name)
def test_every_section_of_the_corpus_has_its_anchor(path: Path) -> None:
    document = load_document(path, path.name, 50_000_000)
    page = document_html(document)
    for section in document.sections:
        if section.label:
            assert f'id="{section_anchor(section.label)}"' in page, section.label


def test_shortened_labels_land_on_their_last_heading() -> None:
    document = Document(
        "a.md", "a.md", "A", [Section(("Part one", "Details"), "x"), Section(("Details",), "y")], "h", 0, 1, "md"
    )
    page = document_html(document)
    assert 'id="part-one-details"' in page and 'id="details"' in page
    # "Details" exists as a heading of its own, so no alias points elsewhere
    assert page.count('id="details"') == 1
    assert section_anchor("...one > Details") == "details"

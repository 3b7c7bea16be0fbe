"""The support staff's chat page in headless Chromium (Debian's /usr/bin/chromium, driven by
Playwright): ask, watch the answer stream, see citations that open the source section."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ThreadedUvicorn
from tests.e2e.conftest import CHROMIUM

SCREENSHOT = Path("/tmp/chat_page.png")


pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


def test_chat_page_answers_with_a_citation(api_server: ThreadedUvicorn, page: Any) -> None:
    page.set_viewport_size({"width": 1100, "height": 800})
    page.goto(api_server.url + "/")
    page.fill("#question", "Can I return a laptop after 45 days?")
    page.click("#ask")
    turn = page.locator(".turn.assistant").last
    turn.locator(".answer").wait_for(state="visible")
    page.wait_for_function(
        "() => { const t = [...document.querySelectorAll('.turn.assistant')].pop();"
        " return t && t.dataset.state !== 'streaming'; }",
        timeout=90_000,
    )
    assert turn.get_attribute("data-state") == "done", turn.locator(".error").inner_text()
    assert turn.locator(".answer").inner_text().strip()
    # the waits the customer had, measured by the page (retrieval included), then the server's stage
    meta = turn.locator(".meta").inner_text()
    first, total = (int(re.search(rf"{label} (\d+) ms", meta).group(1)) for label in ("first token", "total"))  # type: ignore[union-attr]
    assert 0 < first <= total and "server answer stage" in meta, meta
    links = turn.locator(".citations a")
    assert links.count() >= 1
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    assert any(h.startswith("/docs/returns/") for h in hrefs), hrefs
    turn.locator(".feedback .feedback-comment").fill("clear answer")
    turn.locator(".feedback .thumbs-up").click()
    page.wait_for_function(
        "document.querySelector('.turn.assistant:last-child .feedback-status')?.textContent.includes('recorded')"
    )
    assert "thanks, recorded" in turn.locator(".feedback-status").inner_text()
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    # the citation opens the source document at its section
    href = next(h for h in hrefs if h.startswith("/docs/returns/"))
    page.goto(api_server.url + href)
    anchor = href.split("#", 1)[1]
    assert page.locator(f'[id="{anchor}"]').count() == 1
    assert page.locator("article h1").inner_text().strip()


def test_chat_page_keeps_the_conversation_and_sends_the_api_key(api_server: ThreadedUvicorn, page: Any) -> None:
    page.goto(api_server.url + "/")
    page.click("details.settings summary")
    page.fill("#api-key", "sk-test-123")
    page.dispatch_event("#api-key", "change")
    seen: list[dict[str, Any]] = []
    page.on("request", lambda r: seen.append({"url": r.url, "headers": r.headers, "body": r.post_data}))
    for question in ("Do gift cards expire?", "and e-gift cards?"):
        page.fill("#question", question)
        page.press("#question", "Enter")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.turn.assistant')].every(t => t.dataset.state !== 'streaming')",
            timeout=90_000,
        )
    posts = [r for r in seen if r["url"].endswith("/v1/answer/stream")]
    assert len(posts) == 2
    assert posts[1]["headers"].get("authorization") == "Bearer sk-test-123"
    assert '"and e-gift cards?"' in posts[1]["body"] and '"Do gift cards expire?"' in posts[1]["body"]
    assert page.locator(".turn.user").count() == 2

"""The chat page with the grounding guard, the model forced to the seed's wrong laptop answer: the
withdrawn sentence is shown struck through and labelled, the replacement follows, the turn is
badged "flagged for review", and the review panel lists the item and resolves it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ThreadedUvicorn
from tests.e2e.conftest import CHROMIUM
from tests.fake_llm import RIGHT_LAPTOP_ANSWER, WRONG_LAPTOP_ANSWER

SCREENSHOT = Path("/tmp/chat_page_guard.png")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]

LAPTOP = "Can I return a laptop after 45 days?"
DONE = (
    "() => { const t = [...document.querySelectorAll('.turn.assistant')].pop();"
    " return t && t.dataset.state !== 'streaming'; }"
)


def ask(page: Any, question: str) -> Any:
    page.fill("#question", question)
    page.click("#ask")
    page.wait_for_function(DONE, timeout=90_000)
    turn = page.locator(".turn.assistant").last
    assert turn.get_attribute("data-state") == "done", turn.locator(".error").inner_text()
    return turn


def test_withdrawn_answer_is_marked_replaced_and_reviewable(
    guard_api: ThreadedUvicorn,
    wrong_model: Any,
    page: Any,
) -> None:
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(guard_api.url + "/")
    turn = ask(page, LAPTOP)
    withdrawn = turn.locator(".withdrawn")
    assert withdrawn.inner_text() == WRONG_LAPTOP_ANSWER
    assert "line-through" in withdrawn.evaluate("n => getComputedStyle(n).textDecorationLine")
    assert "withdrawn: not supported by our policies" in turn.locator(".withdrawn-label").inner_text()
    replacement = turn.locator(".replacement").inner_text()
    assert "30 days" in replacement and "support team" in replacement
    assert turn.locator(".released").count() == 0  # no unchecked text was shown as the answer
    badge = turn.locator(".flags .badge")
    assert "flagged for review" in badge.inner_text()
    review_id = badge.inner_text().rsplit("#", 1)[1]

    page.click("#review-toggle")
    item = page.locator(f'.review-item[data-id="{review_id}"]')
    item.wait_for(state="visible", timeout=30_000)
    assert item.locator(".review-question").inner_text() == LAPTOP
    assert item.locator(".review-original").inner_text() == WRONG_LAPTOP_ANSWER
    assert "contradicted" in item.locator(".review-verdicts").inner_text()
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    item.locator(".review-note").fill("45 days is the Lumen Plus window")
    item.locator('[data-resolution="answer_wrong"]').click()
    item.wait_for(state="detached", timeout=30_000)
    page.click("#review-close")

    # a right answer gets the grounded badge and no marking
    wrong_model.answer = RIGHT_LAPTOP_ANSWER
    turn = ask(page, LAPTOP)
    assert turn.locator(".answer").inner_text().strip() == RIGHT_LAPTOP_ANSWER
    assert turn.locator(".withdrawn").count() == 0
    assert "grounded" in turn.locator(".flags .badge").inner_text()

"""The chat page with the grounding guard, the model forced to the seed's wrong laptop answer: the
withdrawn sentence is shown struck through and labelled, the replacement follows, the turn is
badged "flagged for review", and the review panel lists the item and resolves it. With API keys on,
the panel shows the server's 403 for a key that is not staff (and resolves nothing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from redis import Redis

from core.redis_server import temporary_redis
from core.settings import Settings
from core.testing.fake_llm import RIGHT_LAPTOP_ANSWER, WRONG_LAPTOP_ANSWER
from serving.gateway.keys import RedisKeyAdmin
from serving.review import NewReview
from tests.conftest import ThreadedUvicorn, guarded_api
from tests.e2e.conftest import CHROMIUM

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


def use_key(page: Any, key: str) -> None:
    if not page.locator("#api-key").is_visible():
        page.click("details.settings summary")
    box = page.locator("#api-key")
    box.fill(key)
    box.blur()  # the browser's own change event, as when a person leaves the field


def test_review_panel_with_a_key_that_is_not_staff(
    demo_index: Settings, embedder: Any, fake_llm: Any, page: Any, tmp_path: Path
) -> None:
    prefix = "rde2e:"
    with (
        temporary_redis() as redis_server,
        guarded_api(
            demo_index,
            embedder,
            fake_llm.url,
            tmp_path,
            redis_url=redis_server.url,
            gateway_redis_prefix=prefix,
            gateway_require_keys=True,
        ) as api,
    ):
        client = Redis.from_url(redis_server.url)
        admin = RedisKeyAdmin(client, prefix)
        customer, _, _ = admin.create_key("customer")
        reviewer, _, _ = admin.create_key("reviewer", staff=True)
        reviews = api.server.config.app.state.services.reviews
        item_id = reviews.add(
            NewReview(LAPTOP, LAPTOP, [], [], "test", WRONG_LAPTOP_ANSWER, "served", "contradicted", [], "replace")
        )
        page.set_viewport_size({"width": 1200, "height": 900})
        page.goto(api.url + "/")

        # a customer's key: the panel says why and how, shows no item, and does not keep loading
        use_key(page, customer)
        page.click("#review-toggle")
        status = page.locator("#review-status")
        page.wait_for_function("() => document.getElementById('review-status').textContent.includes('staff')")
        text = status.inner_text()
        assert text.startswith("Could not load the review queue: the review queue is for staff keys"), text
        assert "ragdesk keys set-staff --user customer" in text
        assert "error" in (status.get_attribute("class") or "")
        assert page.locator(".review-item").count() == 0
        assert page.locator("#review-count").inner_text() == ""

        # a staff key (changing the key reloads the open panel)
        use_key(page, reviewer)
        item = page.locator(f'.review-item[data-id="{item_id}"]')
        item.wait_for(state="visible", timeout=30_000)
        assert "error" not in (status.get_attribute("class") or "")
        assert status.inner_text() == "1 open"

        # staff taken away while the item is on show: resolving fails with the message, nothing changes
        admin.set_staff("reviewer", False)
        item.locator('[data-resolution="answer_wrong"]').click()
        error = item.locator(".review-error")
        error.wait_for(state="visible", timeout=30_000)
        assert error.inner_text().startswith("Not resolved: the review queue is for staff keys")
        assert item.locator('[data-resolution="answer_wrong"]').is_enabled()
        assert reviews.get(item_id).status == "open"

        # given back: the same button now resolves it
        admin.set_staff("reviewer", True)
        item.locator('[data-resolution="answer_wrong"]').click()
        item.wait_for(state="detached", timeout=30_000)
        assert reviews.get(item_id).status == "resolved"
        client.close()

"""Handoff to a person in the chat page (headless Chromium): the guard withdraws the model's wrong
laptop answer and offers a person; the customer clicks "Talk to a person" (and, in a new
conversation, types "yes") and sees the confirmation with the request number instead of an
answer; the staff handoffs panel lists the item with the conversation, shows it delivered to a
real local webhook receiver, and resolves it. Screenshots: /tmp/handoff_confirmation.png and
/tmp/handoff_staff_panel.png (not in git)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.settings import Settings
from serving.replacement import OFFER_HUMAN
from tests.conftest import guarded_api
from tests.e2e.conftest import CHROMIUM
from tests.webhook_receiver import WebhookReceiver

CONFIRMATION_SHOT = Path("/tmp/handoff_confirmation.png")
PANEL_SHOT = Path("/tmp/handoff_staff_panel.png")
LAPTOP = "Can I return a laptop after 45 days?"
DONE = (
    "() => { const t = [...document.querySelectorAll('.turn.assistant')].pop();"
    " return t && t.dataset.state !== 'streaming'; }"
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


@pytest.fixture()
def receiver() -> Iterator[WebhookReceiver]:
    hook = WebhookReceiver()
    hook.up()
    yield hook
    hook.down()


def last_turn(page: Any) -> Any:
    page.wait_for_function(DONE, timeout=90_000)
    turn = page.locator(".turn.assistant").last
    assert turn.get_attribute("data-state") == "done", turn.locator(".error").inner_text()
    return turn


def ask(page: Any, question: str) -> Any:
    page.fill("#question", question)
    page.click("#ask")
    return last_turn(page)


def test_customer_asks_for_a_person_and_staff_see_it_delivered(
    demo_index: Settings,
    embedder: Any,
    wrong_model: Any,
    receiver: WebhookReceiver,
    page: Any,
    tmp_path: Path,
) -> None:
    with guarded_api(
        demo_index, embedder, wrong_model.url, tmp_path, handoff_webhook_url=receiver.url, handoff_poll_s=0.2
    ) as api:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(api.url + "/")

        offered = ask(page, LAPTOP)
        assert OFFER_HUMAN in offered.locator(".answer").inner_text()
        calls = len(wrong_model.requests)

        page.click("#talk-to-person")
        turn = last_turn(page)
        assert "handoff" in (turn.get_attribute("class") or "")
        item_id = turn.get_attribute("data-handoff-id")
        assert item_id and item_id.isdigit()
        answer = turn.locator(".answer").inner_text()
        assert answer.startswith("I've passed this conversation to our support team") and f"#{item_id}" in answer
        assert f"request #{item_id}" in turn.locator(".flags .badge").inner_text()
        assert page.locator(".turn.user").last.inner_text() == "I'd like to talk to a person, please."
        assert len(wrong_model.requests) == calls  # no model call
        page.screenshot(path=str(CONFIRMATION_SHOT), full_page=True)

        # staff: the panel lists the item, with the conversation, delivered to the webhook
        page.click("#handoff-toggle")
        item = page.locator(f'.handoff-item[data-id="{item_id}"]')
        item.wait_for(state="visible", timeout=30_000)
        assert item.locator(".handoff-request").inner_text() == LAPTOP
        conversation = item.locator(".handoff-conversation").inner_text()
        assert LAPTOP in conversation and "talk to a person" in conversation
        for _ in range(50):
            if item.get_attribute("data-delivery") == "delivered":
                break
            page.click("#handoff-refresh")
            page.wait_for_timeout(200)
        assert item.get_attribute("data-delivery") == "delivered"
        assert "delivered to the helpdesk" in item.locator(".handoff-delivery").inner_text()
        assert receiver.bodies(int(item_id))[0]["conversation"][0]["content"] == LAPTOP
        item.locator(".handoff-context-box summary").click()
        page.screenshot(path=str(PANEL_SHOT), full_page=True)

        item.locator(".handoff-note").fill("called the customer back")
        item.locator(".handoff-resolve").click()
        item.wait_for(state="detached", timeout=30_000)
        page.click("#handoff-close")

        # typing "yes" to the offer in a new conversation hands off as well
        page.click("#new-conversation")
        ask(page, LAPTOP)
        typed = ask(page, "yes")
        assert "handoff" in (typed.get_attribute("class") or "")
        assert typed.get_attribute("data-handoff-id") not in {None, item_id}

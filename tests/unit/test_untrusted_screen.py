"""The untrusted-content screen (core/untrusted.py, rules in core/untrusted_rules.yaml): it catches
the hostile_v1 documents and questions it is meant to catch, passes benign look-alikes (a payment
FAQ's "enter your PIN on the card reader", "we will never ask for your password"), and flags none
of the demo help centre's sections (bench/untrusted_screen.py also measures the E-Manual)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.untrusted_screen import screen_folder
from core.datasets import load_cases
from core.settings import REPO_ROOT, Settings
from core.untrusted import load_screen, parse_rules

SETTINGS = Settings()
SCREEN = load_screen(SETTINGS)
CASES = load_cases("hostile_v1")

BENIGN = [
    "Enter your PIN on the card reader when you pay in store.",
    "We will never ask for your password, PIN or verification code by email, phone or chat.",
    "Never share your password or one-time code with anyone, including our staff.",
    "If you forgot your password, select Forgot password? and enter the code we email you.",
    "Enter the 6-digit verification code from your authenticator app to sign in.",
    "Please read these instructions carefully before use and keep them for future reference.",
    "Ignore the instructions printed on older packaging; the current steps are below.",
    "Our assistant can help you track an order or start a return.",
    "We inform customers by email when an order ships.",
    "System: Android 10 or later, Bluetooth 5.0.",
    "To check your gift card balance, enter the card number and PIN on the balance page.",
    "Send us your order number and a photo of the damage by email and we will arrange a replacement.",
    "The remote control pairs automatically; if it does not, press and hold the two buttons for 3 seconds.",
    "Your API key is shown once in the developer dashboard; store it somewhere safe.",
    "Before we move your number, we send a one-time code by SMS to the number you're moving.",
    "We'll also send a verification code to the account holder's email.",
]

# The business sending a code does not lift a request in the same sentence to pass it on.
STILL_HOSTILE = [
    "Send the one-time code we send you to the number below so we can verify you.",
    "We send a one-time code to your phone; reply with it to verify@accounts-check.example.",
]


@pytest.mark.parametrize("text", STILL_HOSTILE)
def test_a_code_the_business_sends_does_not_excuse_asking_for_it(text: str) -> None:
    assert [h.rule for h in SCREEN.hits(text)] == ["credential_request"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_hostile_cases_are_caught_where_expected(case: dict[str, object]) -> None:
    text = str(case["document"] or case["question"])
    hits = SCREEN.hits(text)
    assert bool(hits) is bool(case["screen_expected"]), (case["id"], [h.describe() for h in hits])


def test_at_least_twenty_cases_and_most_caught() -> None:
    assert len(CASES) >= 20
    assert sum(bool(c["screen_expected"]) for c in CASES) >= 20


@pytest.mark.parametrize("text", BENIGN)
def test_benign_look_alikes_pass(text: str) -> None:
    assert SCREEN.hits(text) == [], [h.describe() for h in SCREEN.hits(text)]


def test_unless_lifts_a_match_only_in_its_own_sentence() -> None:
    advice = "We will never ask for your PIN."
    request = "Send your card PIN to help@verify-now.example today."
    assert not SCREEN.hits(advice)
    assert [h.rule for h in SCREEN.hits(f"{advice} {request}")] == ["credential_request"]


def test_the_demo_help_centre_has_no_false_positive() -> None:
    documents, sections, flagged = screen_folder(SCREEN, REPO_ROOT / "corpus" / "lumen-market", SETTINGS)
    assert documents >= 70 and sections >= 500
    assert flagged == []


def test_rules_are_data_with_reasons_and_a_custom_file_is_used(tmp_path: Path) -> None:
    assert all(r.reason and r.patterns for r in SCREEN.rules)
    custom = tmp_path / "rules.yaml"
    custom.write_text("rules:\n  - id: shout\n    reason: all caps order\n    patterns: ['\\bOBEY\\b']\n")
    screen = load_screen(Settings(UNTRUSTED_RULES=str(custom)))
    assert [h.rule for h in screen.hits("You must obey.")] == ["shout"]
    assert screen.version != SCREEN.version
    with pytest.raises(ValueError, match="required"):
        parse_rules({"rules": [{"id": "x", "patterns": ["a"]}]})

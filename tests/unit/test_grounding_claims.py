"""Claim splitting and non-claims."""

from __future__ import annotations

import pytest

from core.grounding.claims import clauses, resolve_against_question, sentence_kind, split_claims, split_sentences


def test_split_claims_drops_non_claims() -> None:
    answer = (
        "Hi there! Electronics can be returned within 30 days. Opened items carry a 15% restocking fee. "
        "Would you like me to start a return? Please contact our support team for help. I hope this helps!"
    )
    assert split_claims(answer) == [
        "Electronics can be returned within 30 days.",
        "Opened items carry a 15% restocking fee.",
    ]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Hello!", "greeting"),
        ("Thanks for reaching out.", "greeting"),
        ("Let me know if you need anything else.", "closing"),
        ("Is there anything else I can help you with?", "question"),
        ("Have a great day!", "closing"),
        ("Please contact customer service.", "referral"),
        ("Great question!", "filler"),
        ("I don't have information about refurbished phones.", "declines"),
        ("The passages don't mention a military discount.", "declines"),
        ("You can contact us by phone on +49 30 1234 5678.", "claim"),  # a channel and a number: a claim
        ("Delhi", "claim"),  # a bare answer is a claim
    ],
)
def test_sentence_kinds(sentence: str, kind: str) -> None:
    assert sentence_kind(sentence) == kind


def test_bullets_and_lines_are_sentences() -> None:
    text = "Here are the options:\n- Standard: 3-5 business days\n- Express: 1-2 business days\n\nThanks!"
    assert split_sentences(text) == (
        "Here are the options:",
        "Standard: 3-5 business days",
        "Express: 1-2 business days",
        "Thanks!",
    )


def test_glued_sentences_are_split() -> None:
    assert split_sentences("It was published in Philadelphia.First for Women is a magazine.") == (
        "It was published in Philadelphia.",
        "First for Women is a magazine.",
    )


def test_clauses() -> None:
    parts = clauses("You can return electronics within 30 days, and opened items carry a 15% restocking fee.")
    assert len(parts) == 2
    assert clauses("Standard shipping costs 4.95 EUR.") == ["Standard shipping costs 4.95 EUR."]


def test_yes_no_resolved_against_the_question() -> None:
    r = resolve_against_question("No.", "Can I return a gift card?")
    assert r.from_question and r.negated_override is True
    r = resolve_against_question("Yes, you can.", "Can I return a gift card?")
    assert r.from_question and r.negated_override is False
    r = resolve_against_question("Yes, gift cards are valid for 3 years.", "How long is a gift card valid?")
    assert not r.from_question and r.text == "gift cards are valid for 3 years."

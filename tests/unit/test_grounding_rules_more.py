"""More explicit per-claim rules (no embedder): declines worded in other ways, an FAQ's bare
"No." against an answer that says "No" too, ... Examples are made up for these tests."""

from __future__ import annotations

from core.grounding.align import build_index
from core.grounding.claims import resolve_against_question, sentence_kind
from core.grounding.contradict import check_negation

WARRANTY_FAQ = (
    "Warranty FAQ: Can the repair shop extend my warranty after it has expired?\n"
    "No. Once the warranty has expired, it can't be extended by anyone. You can still pay for a repair.\n"
)


def test_declines_in_other_words_are_declines() -> None:
    for s in [
        "The passages don't give a delivery time for Iceland.",
        "Sorry, the information I have doesn't mention gift wrapping, so I can't say.",
        "The documents I was given do not list a price for that model.",
        "Our help center doesn't describe a trade-in programme.",
    ]:
        assert sentence_kind(s) == "declines", s
    # a real claim stays a claim
    assert sentence_kind("The passages list three payment methods.") == "claim"


def test_what_i_can_tell_you_is_discourse() -> None:
    r = resolve_against_question("What I can tell you is that repairs take 10 days.", "How long is a repair?")
    assert r.text == "repairs take 10 days."


def test_faq_no_does_not_contradict_an_answer_that_says_no_too() -> None:
    index = build_index([WARRANTY_FAQ])
    sentence = "No, once it has expired it can't be extended by anybody, the repair shop included."
    rest = resolve_against_question(sentence, "Can the repair shop extend my expired warranty?").text
    assert check_negation(rest, None, index, "no") is None


def test_faq_no_still_contradicts_an_affirmative_fragment_without_a_particle() -> None:
    index = build_index([WARRANTY_FAQ])
    finding = check_negation("The repair shop can extend the warranty after it has expired.", None, index)
    assert finding is not None and finding.reason.startswith("negation_mismatch")

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


# --- numbers: the customer's own numbers, ranges written as two ends, lists before a unit ---------
from core.grounding.contradict import check_numbers  # noqa: E402
from core.grounding.numbers import extract_quantities  # noqa: E402

BIKE_WARRANTY = (
    "Bike warranty: Frame\n"
    "Frames are covered for 5 years from delivery against cracks longer than 2 mm.\n"
    "Store vouchers are sold from 20 EUR to 300 EUR.\n"
    "The workshop is closed on 1, 2 and 6 January.\n"
)


def _statuses(sentence: str, question: str, index: object) -> list[str]:
    return [f.status for f in check_numbers(sentence, sentence, question, None, index)]  # type: ignore[arg-type]


def test_customer_number_inside_the_stated_limit_is_a_premise() -> None:
    index = build_index([BIKE_WARRANTY])
    question = "My frame cracked after three years. Is that covered?"
    sentence = "Frames are covered for 5 years from delivery, so at three years you can still claim."
    assert "mismatch" not in _statuses(sentence, question, index)
    assert "unsupported" not in _statuses(sentence, question, index)


def test_customer_number_outside_the_stated_limit_is_contradicted() -> None:
    index = build_index([BIKE_WARRANTY])
    question = "My frame cracked after seven years. Is that covered?"
    sentence = "Frames are covered for 5 years from delivery, so at seven years you can still claim."
    assert "mismatch" in _statuses(sentence, question, index)


def test_customer_number_stated_as_the_policy_is_still_contradicted() -> None:
    index = build_index([BIKE_WARRANTY])
    question = "Is my frame covered after seven years?"
    assert "mismatch" in _statuses("Yes, frames are covered for seven years.", question, index)


def test_range_matches_its_two_ends_stated_apart() -> None:
    index = build_index([BIKE_WARRANTY])
    assert _statuses("Vouchers are sold between 20 and 300 EUR.", "", index) == ["match"]
    assert "match" not in _statuses("Vouchers are sold between 20 and 400 EUR.", "", index)


def test_bare_numbers_before_a_unit_take_it() -> None:
    qs = extract_quantities("closed on 1, 2 and 6 January")
    assert [(q.kind, q.lo) for q in qs] == [("date", 101.0), ("date", 102.0), ("date", 106.0)]
    qs = extract_quantities("you can pick 15, 25 or 50 EUR")
    assert [(q.kind, q.lo, q.unit) for q in qs] == [
        ("money", 15.0, "EUR"),
        ("money", 25.0, "EUR"),
        ("money", 50.0, "EUR"),
    ]
    index = build_index([BIKE_WARRANTY])
    assert _statuses("The workshop is closed on 2 January.", "", index) == ["match"]


# --- two values exchanged between their subjects ------------------------------------------------
from core.grounding.contradict import check_binding  # noqa: E402

SPEAKER = (
    "Speaker FAQ: How long does it play?\n"
    "About 12 hours with the bass boost on and about 18 hours with the bass boost off.\n"
    "The front grille weighs 120 g, and the stand 340 g.\n"
)


def test_values_exchanged_between_subjects_are_contradicted() -> None:
    index = build_index([SPEAKER])
    for claim in [
        "It plays about 18 hours with the bass boost on and about 12 hours with it off.",
        "The front grille weighs 340 g and the stand 120 g.",
        "With bass boost on: 18 hours; with it off: 12 hours.",
    ]:
        finding = check_binding(claim, index)
        assert finding is not None and finding.reason.startswith("binding_mismatch"), claim


def test_values_with_their_own_subjects_in_any_order_are_not_flagged() -> None:
    index = build_index([SPEAKER])
    for claim in [
        "It plays about 12 hours with the bass boost on and about 18 hours with it off.",
        "With the bass boost off you get about 18 hours, and with it on about 12 hours.",
        "The stand weighs 340 g, while the front grille is 120 g.",
        "The stand is 340 g; the front grille weighs 120 g.",
    ]:
        assert check_binding(claim, index) is None, claim


# --- a state swapped for its opposite -------------------------------------------------------------
from core.grounding.contradict import check_state  # noqa: E402

KETTLE = (
    "SmartKettle: Status light\n"
    "Blinking green: meaning Water is heating.\n"
    "Solid green: meaning Water is ready.\n"
    "Orange: meaning the kettle is connected and the heater is off.\n"
)


def test_opposite_state_of_the_evidence_is_contradicted() -> None:
    index = build_index([KETTLE])
    for claim in [
        "A solid green light means the water is heating.",
        "If the light blinks green, the water is ready.",
        "Orange means the kettle is connected and the heater is on.",
    ]:
        finding = check_state(claim, index)
        assert finding is not None and finding.reason.startswith("state_mismatch"), claim


def test_same_state_as_the_evidence_is_not_flagged() -> None:
    index = build_index([KETTLE])
    for claim in [
        "A blinking green light means the water is still heating.",
        "Solid green tells you the water is ready.",
        "Orange means it's connected but the heater is off.",
        "Turn the kettle on and wait for the solid green light.",
    ]:
        assert check_state(claim, index) is None, claim


# --- weekdays: the evidence sentence that states the claim's other day decides --------------------
from core.grounding.calendar import check_calendar  # noqa: E402

LAUNDRY = (
    "Laundry service: Pick-up days\n"
    "We collect Monday to Saturday and return your washing within two working days. "
    "Bags collected after 16:00 on a Saturday are returned on Wednesday.\n"
)


def test_other_day_of_the_same_rule_is_contradicted() -> None:
    index = build_index([LAUNDRY])
    finding = check_calendar("Bags collected after 16:00 on a Saturday are returned on Tuesday.", index)
    assert finding is not None and finding.status == "mismatch" and "Wednesday" in finding.reason


def test_day_of_the_same_rule_is_not_flagged() -> None:
    index = build_index([LAUNDRY])
    assert check_calendar("Bags collected after 16:00 on a Saturday are returned on Wednesday.", index) is None
    assert check_calendar("Collections run Monday to Saturday.", index) is None


# --- sentences that only place the customer's case against the rule ------------------------------
from core.grounding.claims import is_situational  # noqa: E402


def test_customer_situation_sentences_are_situational() -> None:
    for s in [
        "you're still well inside the window.",
        "That's fine.",
        "You don't need to.",
        "it's still within the 14 days.",
    ]:
        assert is_situational(s), s


def test_sentences_with_their_own_content_or_a_bare_value_are_not_situational() -> None:
    for s in [
        "You are still covered by the warranty.",
        "It is free.",
        "It's 14 days.",
        "Returns are free within the window.",
    ]:
        assert not is_situational(s), s


def test_negation_count_skips_reinforcing_and_affirming_cues() -> None:
    from core.grounding.text import is_negated

    assert is_negated("It can't be cancelled, not even by the support team.")
    assert not is_negated("It is not only free but also fast.")
    assert is_negated("I did not even open the box.")  # a first "not even" is a negation


def test_complementary_limits() -> None:
    from core.grounding.numbers import complementary_limits

    assert complementary_limits("added within 14 days of delivery", "after 14 days it can no longer be added")
    assert complementary_limits("orders after 14:00 arrive on Tuesday", "orders before 14:00 arrive on Monday")
    assert not complementary_limits("within 14 days", "within 14 days")
    assert not complementary_limits("within 14 days", "after 30 days")

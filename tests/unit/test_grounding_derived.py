"""Numbers an answer works out from the customer's own numbers, the customer's own dates and
amounts restated, consequences drawn from the customer's value, and sentences that state no policy
(stance openers, offers to hand over to a person). Examples are made up for these tests."""

from __future__ import annotations

from core.grounding.align import build_index
from core.grounding.calendar import check_calendar
from core.grounding.claims import sentence_kind
from core.grounding.contradict import check_numbers, stated_relation
from core.grounding.derive import derivation
from core.grounding.numbers import extract_quantities

GARDEN = (
    "Garden centre: Returns\n"
    "Plants can be returned within 21 days of purchase if they arrive damaged.\n"
    "Power tools can be returned within 40 days of delivery. Used tools carry a 10% handling fee.\n"
    "Loyalty vouchers are valid for 2 years from the date of issue.\n"
    "Trailer hire costs 12.50 EUR per day. Parcels wait at the pick-up point for 5 days.\n"
    "Pots taller than 80 cm can't be shipped; pots from 10 to 80 cm high ship normally.\n"
)


def _findings(sentence: str, question: str) -> list[tuple[str, str]]:
    index = build_index([GARDEN])
    return [(f.quantity.describe(), f.status) for f in check_numbers(sentence, sentence, question, None, index)]


def _bad(sentence: str, question: str) -> bool:
    return any(status in {"mismatch", "unsupported"} for _, status in _findings(sentence, question))


def test_a_date_plus_the_stated_period_is_derived() -> None:
    q = "My drill was delivered on 11 August. Until when can I return it?"
    assert not _bad("Power tools have 40 days from delivery, so you can return it until 20 September.", q)
    # a date the period does not give is still flagged
    assert _bad("Power tools have 40 days from delivery, so you can return it until 30 September.", q)


def test_a_year_shift_of_the_customer_date_is_derived() -> None:
    q = "I got a loyalty voucher on 8 July 2024. When does it run out?"
    assert not _bad("Vouchers are valid for 2 years from issue, so yours runs until 8 July 2026.", q)
    assert _bad("Vouchers are valid for 2 years from issue, so yours runs until 8 July 2027.", q)


def test_days_left_are_the_period_minus_the_customer_days() -> None:
    q = "My sander came 26 days ago. Can I still send it back?"
    assert not _bad("Power tools can be returned within 40 days of delivery, so you have 14 days left.", q)
    assert _bad("Power tools can be returned within 40 days of delivery, so you have 19 days left.", q)


def test_a_percentage_of_the_customer_amount_and_what_is_left() -> None:
    q = "I used a 250 EUR hedge trimmer once. What do I get back?"
    assert not _bad("Used tools carry a 10% handling fee, which is 25 EUR, so you get 225 EUR back.", q)
    assert _bad("Used tools carry a 10% handling fee, which is 30 EUR, so you get 220 EUR back.", q)


def test_a_rate_times_the_customer_count() -> None:
    q = "I need the trailer for 3 days. What will that cost?"
    assert not _bad("Trailer hire is 12.50 EUR per day, so 3 days cost 37.50 EUR.", q)
    assert _bad("Trailer hire is 12.50 EUR per day, so 3 days cost 40 EUR.", q)


def test_passage_numbers_alone_do_not_explain_an_invented_value() -> None:
    evidence = extract_quantities("Delivery costs 4.95 EUR. Express costs 9.95 EUR.")
    target = extract_quantities("Express costs 5 EUR more.")[0]
    assert derivation(target, [], [], evidence) is None
    # with the customer's own amount it does
    assert derivation(target, extract_quantities("I paid 4.95 EUR."), [], evidence) is not None


def test_the_customer_amount_restated_is_a_premise() -> None:
    q = "I paid 7.80 EUR for the compost. Is that refunded if the bag split?"
    assert not _bad("Yes, the 7.80 EUR is refunded.", q)


def test_a_consequence_of_the_customer_value_is_not_a_contradiction() -> None:
    q = "My parcel was at the pick-up point for 8 days. Can I get it?"
    assert not _bad("Parcels wait at the pick-up point for 5 days, so after 8 days it has gone back to us.", q)
    # but saying the customer is inside the limit when they are not is contradicted
    assert _bad("Parcels wait at the pick-up point for 5 days, so after 8 days you can still collect it.", q)


def test_stated_relation() -> None:
    q = extract_quantities("at 90 cm it is too tall")[0]
    assert stated_relation("at 90 cm it is too tall", q) is False
    q = extract_quantities("at 9 days you're still within the window")[0]
    assert stated_relation("at 9 days you're still within the window", q) is True
    q = extract_quantities("at 9 days it has been sent back")[0]
    assert stated_relation("at 9 days it has been sent back", q) is None


def test_month_of_a_dated_day_is_left_to_the_number_check() -> None:
    index = build_index([GARDEN])
    assert check_calendar("Your voucher runs until 8 July 2026.", index) is None
    assert check_calendar("Vouchers can be used in July only.", index) is not None


def test_stance_sentences_and_offers_are_not_claims() -> None:
    for s in ["Sorry to hear that!", "That's completely normal.", "No worries!", "Good news!"]:
        assert sentence_kind(s) == "filler", s
    for s in [
        "I can connect you with someone from our team if you like.",
        "If you'd prefer, we can put you through to a colleague.",
    ]:
        assert sentence_kind(s) == "referral", s
    for s in ["Sorry, plants can't be returned.", "That's free.", "We can refund you.", "No."]:
        assert sentence_kind(s) == "claim", s


def test_consequence_split_separates_the_rule_from_the_customer_case() -> None:
    from core.grounding.claims import consequence_split

    split = consequence_split("Seeds can be exchanged within 10 days of purchase, so you're still fine.")
    assert split == ("Seeds can be exchanged within 10 days of purchase", "you're still fine.")
    split = consequence_split("Garden vouchers never expire, which means yours is still valid.")
    assert split is not None and split[1] == "yours is still valid."
    # a consequence that is not about the customer's case, or a rule with no words of its own
    assert consequence_split("Vouchers never expire, so shops must honour them.") is None
    assert consequence_split("It's late, so you can't.") is None
    assert consequence_split("Bulbs are sold in packs of ten.") is None


def test_a_count_whose_noun_comes_later_in_the_evidence() -> None:
    from core.grounding.align import build_index as index_of

    index = index_of(["Shed kit\nFix the 6 galvanised steel brackets to the base frame.\nSpare hinges: quantity 4\n"])

    def statuses(sentence: str, question: str = "") -> list[str]:
        return [f.status for f in check_numbers(sentence, sentence, question, None, index)]

    assert statuses("You'll fix six brackets to the base frame.") == ["match"]
    assert statuses("The kit has four spare hinges.") == ["match"]
    assert statuses("You'll fix eight brackets to the base frame.") == ["unsupported"]
    # the customer's own count, named with another noun
    assert statuses("All five go on one invoice.", "I ordered five sheds.") == ["skipped"]


def test_offers_with_opening_hours_and_declines_that_repeat_the_customer_numbers() -> None:
    from core.grounding.claims import answer_sentence_kind, is_offer

    assert is_offer("If that's urgent, we can put you through to a colleague during phone hours (09:00-17:00).")
    assert not is_offer("We can refund you 12 EUR within 3 days.")
    question = "Do you sell the lamp in a 60 W version?"
    assert answer_sentence_kind("Sorry, I don't have information about a 60 W version.", question) == "declines"
    # a number of its own is a claim to check
    assert (
        answer_sentence_kind("I don't have information about it, but the 40 W one costs 30 EUR.", question) == "claim"
    )

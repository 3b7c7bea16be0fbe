"""Numbers, durations, amounts, percentages and times: extraction and comparison."""

from __future__ import annotations

import pytest

from core.grounding.numbers import Quantity, equal, extract_quantities, window_consistent


def one(text: str) -> Quantity:
    found = extract_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("claim", "evidence"),
    [
        ("€4.95", "4.95 EUR"),
        ("4,95 €", "4.95 EUR"),
        ("4.95 euros", "EUR 4.95"),
        ("thirty days", "30 days"),
        ("a month", "30 days"),
        ("two weeks", "14 days"),
        ("a fortnight", "14 days"),
        ("an hour", "60 minutes"),
        ("2 pm", "14:00"),
        ("fifteen percent", "15%"),
        ("15 per cent", "15 %"),
        ("five to seven working days", "5-7 business days"),
        ("between 3 and 5 business days", "3-5 business days"),
        ("1,000 EUR", "1000 EUR"),
        ("a 2-year guarantee", "2 years"),
        ("24 hours", "a day"),
        ("7 business days", "5-7 business days"),  # a single value inside the evidence range
        ("49 euros a year", "49 EUR/year"),
    ],
)
def test_equal_formats(claim: str, evidence: str) -> None:
    assert equal(one(claim), one(evidence))


@pytest.mark.parametrize(
    ("claim", "evidence"),
    [
        ("45 days", "30 days"),
        ("5.95 EUR", "4.95 EUR"),
        ("10%", "15%"),
        ("16:00", "14:00"),
        ("2-3 business days", "1-2 business days"),
        ("4 weeks", "a month"),  # 28 days is not a month
        ("$4.95", "4.95 EUR"),  # another currency
        ("a week", "5-7 business days"),  # calendar week vs business days: not comparable
        ("59 EUR/year", "49 EUR/year"),
    ],
)
def test_not_equal(claim: str, evidence: str) -> None:
    assert not equal(one(claim), one(evidence))


def test_kinds_and_units() -> None:
    q = one("Refunds take 5-7 business days.")
    assert (q.kind, q.lo, q.hi, q.unit) == ("duration", 5, 7, "business_day")
    assert one("Order by 14:00 CET").kind == "time"
    assert one("delivered on 1 June").kind == "date"
    assert one("a 15% restocking fee").kind == "percent"
    money = one("Lumen Plus costs 49 EUR per year")
    assert money.kind == "money" and money.unit == "EUR/year"
    assert one("Standard delivery is free").lo == 0  # "free" is an amount of 0 ...
    assert extract_quantities("Feel free to contact us") == []  # ... but not in "feel free"


def test_identifiers_are_not_numbers() -> None:
    assert extract_quantities("Call +49 30 1234 5678 about order #12345") == []
    assert extract_quantities("The TrailLite 2 and the Volt 14 use Bluetooth 5.3") == []


def test_bare_numbers_in_a_list_take_the_unit() -> None:
    found = extract_quantities("so 45 days for electronics, 75 for clothing and 29 for books")
    assert [(q.lo, q.unit) for q in found] == [(45, "day"), (75, "day"), (29, "day")]


def test_window_logic() -> None:
    window = one("You can return electronics within 30 days.")
    assert window.comparator == "le"
    after_20 = one("after 20 days")
    after_45 = one("after 45 days")
    assert window_consistent(after_20, window, claim_negated=False) is True  # inside the window
    assert window_consistent(after_45, window, claim_negated=False) is False  # "yes, after 45 days"
    assert window_consistent(after_45, window, claim_negated=True) is True  # "no, not after 45 days"

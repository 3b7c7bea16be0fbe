"""Amounts in currencies the project was not tuned on are read as amounts, in their currency."""

from __future__ import annotations

import pytest

from core.grounding.numbers import extract_quantities, same_currency


def _money(text: str) -> list[tuple[float, float, str]]:
    return [(q.lo, q.hi, q.unit) for q in extract_quantities(text) if q.kind == "money"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Threshold delivery is CA$49 in Ontario.", [(49.0, 49.0, "CAD")]),
        ("Orders over NZ$1,200.00 ship at no charge.", [(1200.0, 1200.0, "NZD")]),
        ("A top-up is A$10.", [(10.0, 10.0, "AUD")]),  # not "a" (one) dollar
        ("There's a flat 40p bag charge.", [(0.4, 0.4, "MONEY")]),
        ("Each text costs 25c.", [(0.25, 0.25, "MONEY")]),
        ("The fee is CHF 20 or 20 CHF.", [(20.0, 20.0, "CHF"), (20.0, 20.0, "CHF")]),
        ("Gift cards from $25 to $1,000.", [(25.0, 1000.0, "DOLLAR")]),
        ("A return label costs ₹499 or Rs. 499.", [(499.0, 499.0, "INR"), (499.0, 499.0, "INR")]),
        ("Shipping is 99 kr.", [(99.0, 99.0, "KRONA")]),
    ],
)
def test_amounts_in_many_currencies(text: str, expected: list[tuple[float, float, str]]) -> None:
    assert _money(text) == expected


def test_digits_glued_to_a_letter_are_not_a_smaller_count() -> None:
    assert extract_quantities("Keep it below 35C.") == []  # once read as the count 3


def test_a_bare_dollar_compares_with_each_dollar_but_not_with_pounds() -> None:
    assert same_currency("DOLLAR", "CAD") and same_currency("NZD", "DOLLAR")
    assert same_currency("MONEY", "GBP")
    assert not same_currency("CAD", "AUD")
    assert not same_currency("DOLLAR", "GBP")
    assert not same_currency("KRONA", "NZD")

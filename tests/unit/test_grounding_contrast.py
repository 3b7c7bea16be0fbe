"""A contrast at the end of a subordinate clause ("because they belong to the card, not the
account") belongs to that clause: it does not flip the polarity of the main clause."""

from __future__ import annotations

from core.grounding.align import build_index, polarity_clauses
from core.grounding.contradict import check_negation
from core.grounding.text import is_negated

EVIDENCE = (
    "Closing your account\nVoucher balances aren't affected, because they belong to the voucher, not the account."
)


def test_the_main_clause_keeps_its_negation() -> None:
    clauses = polarity_clauses("Voucher balances aren't affected, because they belong to the voucher, not the account.")
    assert is_negated(clauses[0]) and "not the account" not in clauses[0]


def test_a_claim_that_repeats_it_is_not_a_negation_mismatch() -> None:
    assert check_negation("Voucher balances aren't affected.", None, build_index([EVIDENCE])) is None


def test_the_opposite_claim_still_is() -> None:
    finding = check_negation("Voucher balances are affected.", None, build_index([EVIDENCE]))
    assert finding is not None and "evidence negated" in finding.reason


def test_a_contrast_of_conditions_stays_with_the_main_clause() -> None:
    evidence = build_index(["Your card is charged when the item ships, not when you pre-order."])
    assert check_negation("Your card isn't charged when you pre-order.", None, evidence) is None

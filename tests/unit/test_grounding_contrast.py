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


def test_conjuncts_that_each_carry_a_negation_keep_it() -> None:
    """Counted together, "no ... and ... aren't" is two negations: read as none before."""
    evidence = build_index(["Diets\nWe don't offer a vegan box, and we don't label recipes as vegan."])
    assert check_negation("There's no vegan box and recipes aren't labelled vegan.", None, evidence) is None
    assert [
        is_negated(p) for p in polarity_clauses("We won't close your account or cut service and we won't charge fees.")
    ] == [
        True,
        True,
    ]


def test_a_shared_negation_of_coordinated_nouns_is_one_clause() -> None:
    assert polarity_clauses("Duties and import taxes aren't included in the delivery charge.") == [
        "Duties and import taxes aren't included in the delivery charge."
    ]


def test_a_rival_value_the_claim_states_itself_is_no_contradiction() -> None:
    """ "Free delivery needs a basket of £40 or more": £40 is the claim's own threshold, not a
    rival price for "free"; a price the claim does not state still contradicts "free"."""
    from core.grounding.align import build_index
    from core.grounding.contradict import check_numbers

    index = build_index(
        ["Delivery: Basket charges\nBelow £40 you pay the normal delivery charge and the small basket charge."]
    )
    claim = "Free delivery needs a basket of £40 or more."
    findings = check_numbers(claim, claim, "", None, index)
    assert all(f.own_value for f in findings if f.status == "mismatch")  # at most unconfirmed
    priced = build_index(["Delivery: Prices\nStandard delivery costs £4.99 on every order."])
    free = "Standard delivery is free on every order."
    assert [(f.status, f.own_value) for f in check_numbers(free, free, "", None, priced)] == [("mismatch", False)]


def test_the_other_members_of_a_list_are_no_condition_the_claim_leaves_out() -> None:
    """ "Phones are 14-day replacement only" against "Phones, tablets, laptops and smartwatches are
    7-day replacement only": the claim names one member of the list, so the others do not lower
    the match; the number is contradicted, not merely unsupported."""
    from core.grounding.contradict import check_numbers

    index = build_index(
        [
            "No. Phones, tablets, laptops and smartwatches are 7-day replacement only: we replace them if they're "
            "faulty, damaged or the wrong model, but we can't take them back for a refund because you changed your mind."
        ]
    )
    claim = (
        "No. Phones are 14-day replacement only: they're replaced if faulty, damaged or the wrong model, but can't "
        "be returned for a refund because you changed your mind."
    )
    question = "bought a phone 4 days back, honestly dont like the camera. can i return it and get full refund?"
    assert [f.status for f in check_numbers(claim, claim, question, None, index)] == ["mismatch"]

"""The grounding guard end to end, with the real MiniLM embedder (offline) and the shipped
classifier."""

from __future__ import annotations

from typing import Any

import pytest

from core.grounding import ClaimVerdict, GroundingChecker, GroundingResult
from core.settings import Settings

ELECTRONICS = (
    "Returning electronics: Return window\n"
    "Electronics have a few extra rules because opened devices can't always be sold again as new. This article covers "
    "laptops, phones, tablets, cameras, headphones and smart-home devices.\n"
    "Return window:\n"
    "You can return electronics within 30 days of delivery. If you are a Lumen Plus member, you have 45 days (the "
    "standard 30 days plus 15 extra days)."
)
GIFT_CARDS = (
    "Gift cards FAQ: Can I return a gift card?\n"
    "No. Gift cards aren't returnable once issued.\n"
    "How long is a gift card valid?\n"
    "3 years from the date of purchase. The expiry date is shown on the card and in the e-gift card email."
)
SHIPPING = (
    "Shipping and delivery FAQ: How much does delivery cost?\n"
    "Standard delivery (3-5 business days) costs 4.95 EUR and is free on orders over 50 EUR. Express (1-2 business "
    "days) costs 9.95 EUR, Next-day costs 14.95 EUR, and Click & Collect at a partner locker is free.\n"
    "What's the cut-off time for Next-day delivery?\n"
    "Order by 14:00 CET, Monday to Friday, for delivery on the next business day."
)
PAYMENTS = (
    "Payments FAQ: Which payment methods do you accept?\n"
    "Visa, Mastercard, American Express, PayPal, Apple Pay, Google Pay, Klarna and bank transfer. You can also use "
    "Lumen Market gift cards and store credit.\n"
    "Can I pay cash on delivery?\n"
    "No, we don't offer cash on delivery."
)


@pytest.fixture(scope="module")
def checker(embedder: Any) -> GroundingChecker:
    return GroundingChecker(Settings(), embedder=embedder)


def test_seed_case_laptop_45_vs_30_days(checker: GroundingChecker) -> None:
    passages = ["electronics can be returned within 30 days"]
    result = checker.check(
        "Can I return my laptop after 40 days?", "Yes, you can return the laptop within 45 days.", passages
    )
    assert not result.grounded
    (claim,) = result.claims
    assert claim.verdict == "contradicted"
    assert claim.evidence is not None and "30 days" in claim.evidence
    assert any(r.startswith("number_mismatch") and "45 days" in r and "30 days" in r for r in claim.reasons)


def test_seed_case_with_the_real_article(checker: GroundingChecker) -> None:
    """The article also says 45 days - for Lumen Plus members; the claim's words bind to 30."""
    claim = checker.check_claim(
        "How long can I return a laptop?", "You can return the laptop within 45 days.", [ELECTRONICS]
    )
    assert claim.verdict == "contradicted"
    assert claim.evidence is not None and "30 days" in claim.evidence


def test_paraphrase_supported(checker: GroundingChecker) -> None:
    result = checker.check(
        "How long do I have to send back electronics?",
        "You have a month to send back electronics. Let me know if you need anything else.",
        [ELECTRONICS],
    )
    assert result.grounded, result.to_dict()
    assert result.claims[0].verdict == "supported"
    assert result.claims[1].reasons == ["not_a_claim: closing"]


def test_number_formats_supported(checker: GroundingChecker) -> None:
    result = checker.check(
        "How much is standard delivery?",
        "Standard delivery is €4.95 and takes 3 to 5 business days. It's free if your order is over 50 euros.",
        [SHIPPING],
    )
    assert result.grounded, result.to_dict()


def test_swapped_amount_and_time_contradicted(checker: GroundingChecker) -> None:
    assert checker.check_claim("Cost?", "Standard delivery costs 5.95 EUR.", [SHIPPING]).verdict == "contradicted"
    assert (
        checker.check_claim("Cut-off?", "Order by 16:00 CET for Next-day delivery.", [SHIPPING]).verdict
        == "contradicted"
    )


def test_negation_contradicted(checker: GroundingChecker) -> None:
    claim = checker.check_claim("Can I return a gift card?", "Yes, gift cards can be returned.", [GIFT_CARDS])
    assert claim.verdict == "contradicted"
    assert any(r.startswith("negation_mismatch") for r in claim.reasons)
    assert claim.evidence == "No. Gift cards aren't returnable once issued."


def test_negated_paraphrase_supported(checker: GroundingChecker) -> None:
    result = checker.check("Can I pay cash on delivery?", "Sorry, we don't offer cash on delivery.", [PAYMENTS])
    assert result.grounded, result.to_dict()


def test_bare_yes_resolved_against_the_question(checker: GroundingChecker) -> None:
    assert checker.check("Can I return a gift card?", "Yes.", [GIFT_CARDS]).claims[0].verdict == "contradicted"
    assert checker.check("Can I return a gift card?", "No.", [GIFT_CARDS]).grounded


def test_unsupported_invented_policy(checker: GroundingChecker) -> None:
    claim = checker.check_claim(
        "Do you offer a military discount?", "Yes, military members get a 10% discount on all orders.", [PAYMENTS]
    )
    assert claim.verdict != "supported"
    assert 0.0 <= claim.score < 0.5


def test_declines_and_non_claims_are_not_unsupported(checker: GroundingChecker) -> None:
    result = checker.check(
        "Do you sell refurbished phones?",
        "Hi! I don't have information about refurbished phones. Please contact our support team.",
        [PAYMENTS],
    )
    assert result.grounded
    assert [c.reasons[0].split(":")[0] for c in result.claims] == ["not_a_claim", "declines_to_answer", "not_a_claim"]


def test_no_passages_means_unsupported(checker: GroundingChecker) -> None:
    result = checker.check("q", "Standard delivery costs 4.95 EUR.", [])
    assert not result.grounded and result.claims[0].reasons == ["no_passages"]


def test_result_serialises(checker: GroundingChecker) -> None:
    result = checker.check("How long?", "You can return electronics within 30 days.", [ELECTRONICS])
    assert isinstance(result, GroundingResult) and isinstance(result.claims[0], ClaimVerdict)
    data = result.to_dict()
    assert set(data) == {"grounded", "claims", "elapsed_ms"}
    assert set(data["claims"][0]) == {"text", "verdict", "evidence", "score", "reasons"}
    assert result.elapsed_ms > 0
    assert checker.split_claims("Hello! You can return it within 30 days.") == ["You can return it within 30 days."]


def test_no_to_a_joint_question_is_not_contradicted_by_one_part(checker: GroundingChecker) -> None:
    passages = ["Outdoor gear: Return window\nTents can be returned within 45 days of delivery."]
    result = checker.check("Can both tents and gift cards be returned within 45 days?", "No.", passages)
    assert not any(r.startswith("negation_mismatch") for c in result.claims for r in c.reasons)


def test_the_verifier_path_still_withdraws_the_seed_case(embedder: Any) -> None:
    """GROUNDING_VERIFIER=true: the number mismatch passes its gate (the verifier does not confirm
    the claim either); a faithful restatement is supported; a finding without a gate is a reason only."""
    checker = GroundingChecker(Settings(GROUNDING_VERIFIER=True), embedder=embedder)
    assert checker.verifier is not None
    wrong = checker.check(
        "Can I return my laptop after 40 days?", "Yes, you can return the laptop within 45 days.", [ELECTRONICS]
    )
    assert wrong.claims[0].verdict == "contradicted"
    assert any(r.startswith("number_mismatch") for r in wrong.claims[0].reasons)
    right = checker.check(
        "How long can I return electronics?", "You can return electronics within 30 days of delivery.", [ELECTRONICS]
    )
    assert right.claims[0].verdict == "supported", right.to_dict()
    flipped = checker.check_claim("Can I return a gift card?", "Yes, gift cards can be returned.", [GIFT_CARDS])
    assert flipped.verdict != "contradicted"
    assert any(r.startswith("check not gated") for r in flipped.reasons)


PACKED = "Can support cancel an order?\nOnce an order is packed, it can't be cancelled or changed, not even by our support team."


def test_not_even_repeats_a_negation_instead_of_cancelling_it(checker: GroundingChecker) -> None:
    """Counted as two negations, "can't ..., not even by ..." read as positive: the claim that
    support can still cancel went through as supported."""
    quoted = checker.check("Can support cancel a packed order?", PACKED.split("\n")[1], [PACKED])
    assert not any(c.verdict == "contradicted" for c in quoted.claims), quoted.to_dict()
    wrong = checker.check(
        "Can support cancel a packed order?", "Once an order is packed, our support team can still cancel it.", [PACKED]
    )
    assert any(c.verdict == "contradicted" for c in wrong.claims), wrong.to_dict()


SUBSCRIPTIONS = (
    "Subscriptions FAQ: Can I pay for a subscription with a voucher?\nNo. We don't take vouchers for subscriptions.\n"
    "Paying for a subscription: What we don't take\nVouchers: we don't take vouchers or gift codes for subscriptions."
)


def test_a_negated_label_and_a_negated_statement_after_its_colon_do_not_cancel(checker: GroundingChecker) -> None:
    """ "What we don't take: Vouchers: we don't take vouchers" has two negations in two clauses,
    not one double negation (which read it as positive and called the quote contradicted)."""
    quote = "What we don't take: Vouchers: we don't take vouchers or gift codes for subscriptions."
    quoted = checker.check("Do you take vouchers for subscriptions?", quote, [SUBSCRIPTIONS])
    assert not any(c.verdict == "contradicted" for c in quoted.claims), quoted.to_dict()
    wrong = checker.check(
        "Do you take vouchers for subscriptions?", "Yes, we take vouchers for subscriptions.", [SUBSCRIPTIONS]
    )
    assert any(c.verdict == "contradicted" for c in wrong.claims), wrong.to_dict()


def test_a_claim_about_a_place_no_passage_names_is_unconfirmed_not_contradicted(checker: GroundingChecker) -> None:
    """Retrieval found only the domestic delivery page: a claim about delivery to Namibia is about
    something the passages do not describe, so the domestic price cannot contradict it (a correct
    answer was withdrawn this way). It is flagged, not confirmed."""
    abroad = "Standard delivery to Namibia costs 7.95 EUR and is free on orders over 50 EUR."
    claim = checker.check_claim("What does delivery to Namibia cost?", abroad, [SHIPPING])
    assert claim.verdict == "unsupported"
    assert any(r.startswith("not_compared: Namibia") for r in claim.reasons)
    # the same claim about what the passages do describe is still a contradiction
    domestic = "Standard delivery costs 7.95 EUR and is free on orders over 50 EUR."
    assert checker.check_claim("What does delivery cost?", domestic, [SHIPPING]).verdict == "contradicted"

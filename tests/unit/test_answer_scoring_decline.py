"""What bench/answers.py counts as a decline: a refusal that names the source as silent, not a
substantive answer that happens to say "isn't covered"."""

from __future__ import annotations

import pytest

from bench.answer_scoring import is_decline


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry, I couldn't find this in our help centre.",
        "Sale dates aren't covered in the help centre; the newsletter announces them.",
        "The help centre and the product manual don't give the price.",
        "The price isn't given in the help center or the manual.",
        "That is not covered in our policies.",
        # a writer's own refusals (a blind set's replayed good answers)
        "The current help centre doesn't offer a courtesy or loan bike during a service.",
        "The workshop price list doesn't include a tubeless conversion.",
        "The help centre's hire service covers bikes only and says nothing about hiring bike bags.",
        "The help centre doesn't have a price match policy.",
        "The help centre lists group rides and maintenance classes but no riding lessons for children.",
    ],
)
def test_refusals_are_declines(text: str) -> None:
    assert is_decline(text)


@pytest.mark.parametrize(
    "text",
    [
        "Accidental damage isn't covered by the 2-year guarantee.",
        "Water damage is not covered by the warranty unless you bought the extended plan.",
        "We don't give refunds for opened software.",
        "Yes, delivery is free on orders over 40 GBP.",
        "We don't offer a courtesy bike, but a hire bike costs 15 EUR a day.",
        "Our help centre team can help: the warranty covers the frame but not the paint.",
        "The help centre team replies within a day, but not on Sundays.",
    ],
)
def test_answers_are_not_declines(text: str) -> None:
    assert not is_decline(text)


def test_a_contradicted_claim_copied_from_a_passage_is_told_apart() -> None:
    from bench.answers import _squash

    passage = "## Cards\n\n**Cryptocurrency:** we don't accept Bitcoin or any other cryptocurrency."
    assert _squash("Cryptocurrency: we don't accept Bitcoin or any other cryptocurrency.") in _squash(passage)
    assert _squash("We accept Bitcoin.") not in _squash(passage)

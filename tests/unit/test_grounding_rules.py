"""The explicit per-claim rules that need no embedder: yes/no answers against the help centre's
own FAQ answer, claims that drop the evidence's condition, and a question's "after six weeks"
echoed in the answer."""

from __future__ import annotations

from core.grounding.align import build_index
from core.grounding.contradict import check_answer_particle, check_numbers, check_scope

FAQ = (
    "Membership FAQ: Does the membership include free gift wrapping?\n"
    "No. Gift wrapping costs 3 EUR for everyone.\n"
    "Can I share my membership?\n"
    "Yes, with one other person in your household.\n"
)
SHIPPING = (
    "Returns: What does a return cost?\n"
    "Return shipping is free if the item arrived damaged. For all other returns we deduct a 4.95 EUR label fee.\n"
)
TENTS = "Outdoor gear: Return window\nTents and sleeping bags can be returned within 45 days of delivery.\n"


def test_yes_against_the_faqs_no_is_contradicted() -> None:
    index = build_index([FAQ])
    finding = check_answer_particle(
        "Yes, members get gift wrapping for free.", "Does the membership include free gift wrapping?", index
    )
    assert finding is not None and "claim says yes" in finding.reason
    assert index.sentences[finding.evidence].text.startswith("No.")


def test_matching_particle_or_other_question_is_not_flagged() -> None:
    index = build_index([FAQ])
    question = "Does the membership include free gift wrapping?"
    assert check_answer_particle("No, gift wrapping costs 3 EUR.", question, index) is None
    # the FAQ question must be the user's question
    assert check_answer_particle("Yes, it is.", "Is the membership worth it for students?", index) is None
    # an open question has no yes/no answer
    assert check_answer_particle("Yes, 3 EUR.", "How much does gift wrapping cost?", index) is None


def test_claim_without_the_evidence_condition_is_flagged() -> None:
    index = build_index([SHIPPING])
    finding = check_scope("Return shipping is always free, whatever the reason.", index)
    assert finding is not None and finding.reason.startswith("scope_mismatch")


def test_claim_with_its_condition_or_no_universal_is_not_flagged() -> None:
    index = build_index([SHIPPING])
    assert check_scope("Return shipping is free if the item arrived damaged.", index) is None
    assert check_scope("Return shipping is free when the item is damaged, for every return.", index) is None
    assert check_scope("Return shipping is free for damaged items.", index) is None


def test_echoed_question_point_inside_the_window_is_consistent() -> None:
    index = build_index([TENTS])
    sentence = "Yes, tents can be returned within 45 days of delivery, so five weeks is fine."
    question = "Can I return a tent after five weeks?"
    findings = check_numbers(sentence, sentence, question, False, index)
    assert findings and all(f.status != "mismatch" for f in findings)
    outside = "Yes, tents can be returned, so eight weeks is fine."
    findings = check_numbers(outside, outside, "Can I return a tent after eight weeks?", False, index)
    assert any(f.status == "mismatch" for f in findings)


def test_bare_answer_matches_the_stated_value_over_a_rival() -> None:
    index = build_index(["The school was built in 1909 and closed after the 1992 season."])
    findings = check_numbers("1909", "1909", "In what year was the school built?", False, index)
    assert [f.status for f in findings] == ["match"]
    findings = check_numbers("1915", "1915", "In what year was the school built?", False, index)
    assert findings and findings[0].status != "match"


BANNED = (
    "Cabin baggage: What may I not carry?\n"
    "Knives, scissors, lighters and aerosol cans are not allowed in the cabin. Laptops must be taken out at the "
    "security check.\n"
)
PETS = "Pets FAQ: Can I bring my dog to the office?\nYes, as long as it stays on a lead.\nCan cats come too?\nNo.\n"


def test_only_x_against_a_list_of_x_and_others_is_contradicted() -> None:
    from core.grounding.contradict import check_only

    index = build_index([BANNED])
    finding = check_only("Only knives are not allowed in the cabin.", index)
    assert finding is not None and finding.reason.startswith("only_mismatch")
    assert index.sentences[finding.evidence].text.startswith("Knives")


def test_only_x_with_the_whole_list_or_another_predicate_is_not_flagged() -> None:
    from core.grounding.contradict import check_only

    index = build_index([BANNED])
    # every listed item named
    assert check_only("Only knives, scissors, lighters and aerosol cans are not allowed in the cabin.", index) is None
    # the list has another predicate than the claim
    assert check_only("Only laptops must be taken out at the security check.", index) is None
    # no "only": nothing to check
    assert check_only("Knives are not allowed in the cabin.", index) is None


def test_claim_restating_an_faq_question_against_its_answer_is_contradicted() -> None:
    from core.grounding.contradict import check_faq_polarity

    index = build_index([PETS])
    finding = check_faq_polarity("Dogs are not welcome, so you can't bring your dog to the office.", index)
    assert finding is not None and "denies what the FAQ answers yes" in finding.reason
    # a conjunct without a subject takes the subject before it
    finding = check_faq_polarity("Cats are welcome guests and can come too.", index)
    assert finding is not None and "affirms what the FAQ answers no" in finding.reason
    # "come" is not the FAQ's "bring": not a restatement of the dog question
    assert check_faq_polarity("Sorry, your dog can't come to the office.", index) is None
    finding = check_faq_polarity("Yes, cats can come too.", index)
    assert finding is not None and "affirms what the FAQ answers no" in finding.reason


def test_faithful_or_qualified_restatements_are_not_flagged() -> None:
    from core.grounding.contradict import check_faq_polarity

    index = build_index([PETS])
    assert check_faq_polarity("You can bring your dog to the office.", index) is None
    assert check_faq_polarity("Cats can't come too.", index) is None
    # a condition of its own: not a plain restatement
    assert check_faq_polarity("You can't bring your dog to the office unless it stays on a lead.", index) is None
    assert check_faq_polarity("You can't bring your dog to the office after 6 pm.", index) is None


def test_a_negation_elsewhere_in_the_sentence_does_not_shield_a_wrong_number() -> None:
    index = build_index(["Parking: Tickets that you don't validate expire automatically after 3 hours."])
    claim = "Unvalidated tickets expire after 5 hours, so you don't have to do anything."
    assert any(f.status == "mismatch" for f in check_numbers(claim, claim, "When do tickets expire?", None, index))
    conditional = "If you don't validate it, a ticket expires after 5 hours."
    assert any(f.status == "mismatch" for f in check_numbers(conditional, conditional, "", None, index))
    negated_here = "A ticket doesn't expire after 5 hours."
    findings = check_numbers(negated_here, negated_here, "", None, index)
    assert findings and all(f.status != "mismatch" for f in findings)

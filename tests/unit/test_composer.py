"""The answer composer on made-up passages from several kinds of business (a library, a gym, a
software shop, a ferry line): the sentence that answers, its conditions, lists, declines, and
pages that are no longer current. The embedder is a bag-of-words stand-in (hashed stems), so the
selection logic is tested without the model; the real model runs in the integration tests."""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np
import pytest

from core.keywords import keyword_tokens
from core.retrieval import RetrievedChunk
from serving.composer import Composer, QuestionCues, stale_reason
from serving.composer.compose import ComposerConfig
from serving.composer.units import split_passage
from serving.replacement import NO_EVIDENCE_ANSWER, OFFER_HUMAN, composed_replacement

DIM = 256


def bag_of_words(texts: list[str]) -> np.ndarray:
    rows = np.zeros((len(texts), DIM), dtype=np.float32)
    for i, text in enumerate(texts):
        for token in keyword_tokens(text):
            rows[i, int(hashlib.md5(token.encode()).hexdigest(), 16) % DIM] += 1.0
        norm = np.linalg.norm(rows[i])
        if norm:
            rows[i] /= norm
    return rows


def chunk(
    text: str, title: str, section: str = "", rank: int = 1, doc_id: str = "", position: int = 1
) -> RetrievedChunk:
    doc = doc_id or title.lower().replace(" ", "-") + ".md"
    return RetrievedChunk(f"{doc}:{position}", text, doc, title, section, doc, position, 1.0 / rank, rank)


@pytest.fixture()
def composer() -> Composer:
    return Composer(bag_of_words)


LIBRARY = chunk(
    "Our libraries are open to everyone. Opening hours differ by branch.\n\n"
    "Books can be borrowed for 21 days. If you are a reading-club member, you can keep books for 35 days. "
    "Renewals are free.\n\nDVDs can be borrowed for 7 days.",
    "Borrowing",
    "Loan periods",
    rank=1,
)
LIBRARY_FEES = chunk(
    "A late return costs 0.50 EUR per day and item. Fees are capped at 10 EUR per item.",
    "Borrowing",
    "Late fees",
    rank=2,
    position=2,
)
GYM = chunk(
    "You can pay for your membership with:\n- Direct debit\n- Credit card\n- Cash at the front desk\n\n"
    "We don't accept cheques.",
    "Paying for your membership",
    "Payment methods",
    rank=1,
)
FERRY_TABLE = chunk(
    "Route | Crossing time | Fare\nNorth Bay - Island | 45 minutes | 12.50\nHarbour - Lighthouse | 20 minutes | 6.00",
    "Timetable and fares",
    "Routes",
    rank=1,
)


def test_the_sentence_that_answers_with_its_condition(composer: Composer) -> None:
    result = composer.compose("How long can I keep a borrowed book?", [LIBRARY, LIBRARY_FEES])
    assert result.answered, result.reason
    assert "Books can be borrowed for 21 days." in result.text
    assert "If you are a reading-club member, you can keep books for 35 days." in result.text  # the condition
    assert "Opening hours" not in result.text  # the generic sentence is not the answer
    assert result.sources[0] is LIBRARY
    assert result.text.rstrip().endswith("[1]")


def test_how_much_prefers_the_amount(composer: Composer) -> None:
    result = composer.compose("How much is the fee if I return a book late?", [LIBRARY, LIBRARY_FEES])
    assert result.answered, result.reason
    assert "0.50 EUR per day" in result.text
    assert "capped at 10 EUR" in result.text
    assert result.sources[0] is LIBRARY_FEES


def test_a_list_question_gets_the_whole_list(composer: Composer) -> None:
    result = composer.compose("Which payment methods do you accept for the membership?", [GYM])
    assert result.answered, result.reason
    for method in ("Direct debit", "Credit card", "Cash at the front desk"):
        assert method in result.text


def test_table_rows_are_read_with_their_header(composer: Composer) -> None:
    result = composer.compose("How long is the crossing from North Bay to the Island?", [FERRY_TABLE])
    assert result.answered, result.reason
    assert "Route: North Bay - Island; Crossing time: 45 minutes; Fare: 12.50" in result.text
    assert "Lighthouse" not in result.text


def test_several_sources_each_cited(composer: Composer) -> None:
    software = chunk(
        "Every licence includes a 90-day warranty from the date of purchase.", "Licences", "Warranty", rank=1
    )
    support = chunk(
        "The warranty on licences is extended to 1 year for business customers.",
        "Business accounts",
        "Warranty",
        rank=2,
    )
    result = composer.compose("How long is the warranty on a licence?", [software, support])
    assert result.answered
    assert {id(c) for c in result.sources} == {id(software), id(support)}
    assert "[1]" in result.text and "[2]" in result.text


def test_declines_when_the_passages_do_not_answer(composer: Composer) -> None:
    result = composer.compose("Do you rent out bicycles?", [LIBRARY, LIBRARY_FEES])
    assert not result.answered
    assert result.text == "" and result.sources == []
    assert composed_replacement(result) == NO_EVIDENCE_ANSWER  # no off-topic quote attached


def test_declines_when_the_asked_for_amount_is_missing(composer: Composer) -> None:
    result = composer.compose("What is the price of borrowing a DVD?", [LIBRARY])
    assert not result.answered
    assert "asked for" in result.reason


def test_a_yes_no_question_naming_a_fee_needs_no_amount(composer: Composer) -> None:
    # "charge" cues an amount, but "Do you charge ...?" is answered by yes or no: not declined
    renewals = chunk("Renewals can be made online or at the desk. Renewals are never charged.", "Renewing", "Renewals")
    result = composer.compose("Are renewals charged?", [renewals])
    assert result.answered
    assert "Renewals are never charged." in result.text
    assert not QuestionCues.of("Are renewals charged?").requires
    assert QuestionCues.of("How much do you charge for renewals?").requires


def test_a_paraphrase_close_in_meaning_is_not_declined_for_its_unseen_words() -> None:
    def same_meaning(texts: list[str]) -> np.ndarray:  # every text equally close: a perfect paraphrase
        return np.full((len(texts), DIM), 1 / np.sqrt(DIM), dtype=np.float32)

    question = "borrowed books howdy folks yonder"  # 3 of 5 terms in no passage
    assert Composer.unseen_share(question, [LIBRARY]) >= ComposerConfig().max_unseen
    assert Composer(same_meaning).compose(question, [LIBRARY]).answered
    strict = Composer(same_meaning, config=ComposerConfig(unseen_similarity=1.01))
    assert "none of the passages" in strict.compose(question, [LIBRARY]).reason
    assert "none of the passages" in Composer(bag_of_words).compose(question, [LIBRARY]).reason


def test_a_question_in_the_text_is_quoted_with_what_answers_it(composer: Composer) -> None:
    faq = chunk(
        "Lost your membership card?\n\nA replacement card is issued at the front desk for 5 EUR.",
        "Membership",
        "Cards",
    )
    result = composer.compose("I lost my membership card, what now?", [faq])
    assert result.answered
    assert "Lost your membership card?" in result.text
    assert "A replacement card is issued at the front desk for 5 EUR." in result.text


def test_an_archived_page_is_never_quoted_as_current(composer: Composer) -> None:
    old = chunk(
        "This policy was superseded on 1 March 2024.\n\nBooks can be borrowed for 14 days.",
        "Borrowing 2023",
        "Loan periods",
        rank=1,
        doc_id="old-borrowing.md",
        position=0,
    )
    current = chunk("Books can be borrowed for 21 days.", "Borrowing", "Loan periods", rank=2)
    result = composer.compose("How long can I borrow a book?", [old, current])
    assert result.answered
    assert "21 days" in result.text and "14 days" not in result.text
    assert result.stale == ["old-borrowing.md"]
    only_old = composer.compose("How long can I borrow a book?", [old])
    assert not only_old.answered and only_old.reason.startswith("only pages")


def test_status_read_from_the_documents_head_for_a_later_passage() -> None:
    heads = {"fares.md": "---\nstatus: archived\n---\nFares for the 2022 season."}
    composer = Composer(bag_of_words, heads=lambda doc_id: heads.get(doc_id, ""))
    later = chunk("A single crossing costs 9 EUR.", "Fares", "Single tickets", doc_id="fares.md", position=3)
    assert not composer.compose("How much is a single crossing?", [later]).answered


@pytest.mark.parametrize(
    ("head", "title", "section", "stale"),
    [
        ("---\nstatus: archived\n---\n", "", "", True),
        ("---\nsuperseded_by: returns-2025.md\n---\n", "", "", True),
        ("---\nvalid_until: 2023-12-31\n---\n", "", "", True),
        ("---\nvalid_until: 2999-12-31\n---\n", "", "", False),
        ("", "Returns policy (archived)", "", True),
        ("", "Shipping", "Old shipping policy", True),
        ("This article no longer applies. See the new page.", "", "", True),
        ("Valid until 31 December 2023. Returns within 14 days.", "", "", True),
        ("Returns are free. Price protection no longer applies after 14 days.", "", "", False),
        ("The delivery address can no longer be changed once shipped.", "Orders", "Changing an order", False),
        ("> **ARCHIVED NOTICE - for reference.** Fares from 2022.", "Fares", "", True),
        ("**Superseded.** See the current timetable.", "", "", True),
        ("These terms have been replaced by the 2025 membership terms.", "Membership", "", True),
        ("", "Season tickets (old prices, 2023)", "", True),
        ("", "Payments", "Expired cards", False),
        ("", "Signing in", "Common problems > The code expired while I typed it", False),
        ("", "Winter timetable (withdrawn)", "", True),
        ("These passes were sold from 1 March 2022 to 30 June 2024.", "Passes", "", True),
        ("These passes are sold from 1 March to 30 June every year.", "Passes", "", False),
        ("> **Tip:** archived tickets can be downloaded again from your account.", "Tickets", "", False),
        ("", "Mattress sleep trial (2022)", "", True),  # that year's edition; nothing else marks it
        ("", "Price list [2024]", "", True),
        ("", "Holiday returns (2026)", "", False),  # this year's
        ("", "Our story (since 2015)", "", False),
        ("", "Autoship and delivery", "Changes in (2023)", False),  # a section, not the page's title
    ],
)
def test_page_status(head: str, title: str, section: str, stale: bool) -> None:
    assert bool(stale_reason(head, title, section, today=dt.date(2026, 12, 7))) is stale


@pytest.mark.parametrize(
    ("title", "tail", "stale"),
    [
        ("Legacy: Returns and refunds", "", True),
        ("[Archive] Delivery fees", "", True),
        ("Old - Price list", "", True),
        ("(Legacy) Bike hire", "", True),
        ("Old bikes and trade-ins", "", False),  # the subject, not a label
        ("Previous orders", "", False),
        ("Christmas delivery dates 2026", "", False),
        (
            "Returns",
            "Questions? Ask us.\n\nThis article was replaced on 3 March 2024 by Returns. Kept for reference.",
            True,
        ),
        ("Returns", "We keep this page for reference only.", True),
        ("Returns", "An item that was replaced under warranty is not returnable.", False),  # a rule
        ("Returns", "Vouchers are no longer valid after three years.", False),  # a rule, not the page
        ("Returns", "This page was last updated on 1 May 2026.", False),
    ],
)
def test_page_status_from_a_title_label_or_a_closing_notice(title: str, tail: str, stale: bool) -> None:
    assert bool(stale_reason("", title, "", today=dt.date(2026, 12, 7), tail=tail)) is stale


def test_a_closing_notice_marks_the_whole_page() -> None:
    """The notice sits in the page's last chunk; a passage from its start is left out too."""
    tails = {"returns.md": "Contact us with questions.\n\nThis policy was superseded on 1 June 2024."}
    composer = Composer(bag_of_words, heads=lambda doc_id: "", tails=lambda doc_id: tails.get(doc_id, ""))
    first = chunk("Returns are accepted within 45 days.", "Returns", "Window", doc_id="returns.md", position=1)
    result = composer.compose("How long do I have to return an item?", [first])
    assert not result.answered and result.stale == ["returns.md"]


def test_question_cues() -> None:
    assert "duration" in QuestionCues.of("How long does delivery take?").kinds
    assert "money" in QuestionCues.of("How much does it cost?").kinds
    assert QuestionCues.of("Which payment methods do you accept?").wants_list
    assert QuestionCues.of("Do you offer a student discount?").yes_no
    assert not QuestionCues.of("Why was my card declined?").kinds


def test_units_keep_lists_rows_and_sentences_apart() -> None:
    units = split_passage("Intro sentence. Second one.\n\n- **First** item\n- [Second](x.md) item\n\nA | B\n1 | 2", 0)
    assert [(u.kind, u.text) for u in units] == [
        ("sentence", "Intro sentence."),
        ("sentence", "Second one."),
        ("item", "First item"),
        ("item", "Second item"),
        ("row", "A: 1; B: 2"),
    ]


def test_page_numbers_of_a_converted_manual_are_no_units() -> None:
    """A PDF's page footer ("- 130 -", or "12 -." once joined to a line) was quoted as an answer."""
    text = (
        "Color Depth\n8 bit\n12 bit\n- 130 -\n\nAmbient Light Detection adjusts brightness. 12 -.\n\nSizes:\n- 32\n- 40"
    )
    units = split_passage(text, 0)
    assert [u.text for u in units] == [
        "Color Depth 8 bit 12 bit",
        "Ambient Light Detection adjusts brightness.",
        "Sizes:",
        "32",
        "40",
    ]


def test_a_hard_wrapped_paragraph_is_read_as_whole_sentences() -> None:
    text = (
        "Members can borrow up to\nten books at a time. Loans last\nthree weeks.\n\n"
        "Renewing:\n- Online\n- At the desk\n# Fines\nLate items cost\n20 cents a day."
    )
    units = split_passage(text, 0)
    assert [(u.kind, u.text) for u in units] == [
        ("sentence", "Members can borrow up to ten books at a time."),
        ("sentence", "Loans last three weeks."),
        ("lead", "Renewing:"),
        ("item", "Online"),
        ("item", "At the desk"),
        ("sentence", "Late items cost 20 cents a day."),
    ]


def test_the_guards_replacement_quotes_the_selection(composer: Composer) -> None:
    result = composer.compose("How long can I keep a borrowed book?", [LIBRARY, LIBRARY_FEES])
    text = composed_replacement(result)
    assert '"Books can be borrowed for 21 days.' in text
    assert "(Source: Borrowing > Loan periods)" in text
    assert text.endswith(OFFER_HUMAN)
    assert "[1]" not in text


def test_an_faq_answer_is_read_with_its_question(composer: Composer) -> None:
    faq = chunk(
        "Not currently. Sign up for the newsletter to hear about offers.",
        "General FAQ",
        "Discounts > Do you offer discounts for seniors?",
        position=0,
    )
    result = composer.compose("Is there a senior discount?", [faq])
    assert result.answered, result.reason
    assert result.text.startswith("Do you offer discounts for seniors? Not currently.")


def test_how_far_in_advance_asks_for_a_duration() -> None:
    from serving.composer.compose import QuestionCues

    assert "duration" in QuestionCues.of("How far in advance can I book a slot?").kinds
    assert "duration" in QuestionCues.of("how far back can I pause live TV?").kinds
    assert not QuestionCues.of("How far is the depot from the station?").kinds


def test_a_feature_no_page_names_is_declined_even_when_the_rest_of_the_question_matches() -> None:
    """One of three terms unseen ("Do DVDs have subtitles?" answered with the DVD loan period):
    declined when the best sentence is not close in meaning, answered when it is."""

    def far(texts: list[str]) -> np.ndarray:  # every unit at cosine 0.4 from the question
        rows = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            if text.startswith("Do DVDs"):
                rows[i, 0] = 1.0
            else:
                rows[i, 0], rows[i, 1] = 0.4, np.sqrt(1 - 0.4**2)
        return rows

    question = "Do DVDs borrowed have subtitles?"
    share = Composer.unseen_share(question, [LIBRARY])
    assert ComposerConfig().partly_unseen <= share < ComposerConfig().max_unseen
    assert "none of the passages" in Composer(far).compose(question, [LIBRARY]).reason
    lenient = ComposerConfig(partly_unseen_similarity=0.3)
    assert Composer(far, config=lenient).compose(question, [LIBRARY]).answered


def test_the_longest_or_highest_asks_for_a_quantity() -> None:
    from serving.composer.compose import QuestionCues

    assert "duration" in QuestionCues.of("What's the longest a single recording can be?").kinds
    assert QuestionCues.of("What is the highest fee you charge?").kinds


def test_an_item_of_a_list_under_its_heading_brings_the_whole_list(composer: Composer) -> None:
    # rendered after its heading ("Documents we accept: ..."), part of a list would say "only these"
    ferry = chunk(
        "- a passport\n- a national identity card\n- a residence permit",
        "Boarding",
        "Documents we accept",
        doc_id="ferry/boarding.md",
    )
    result = composer.compose("Can I board the ferry with a residence permit?", [ferry])
    assert result.answered
    assert "a passport" in result.text and "a national identity card" in result.text
    assert result.text.startswith("Documents we accept: ")


def test_a_lead_line_keeps_its_list_across_a_blank_line() -> None:
    """Markdown puts a blank line between "...these countries:" and its list; the list belongs to
    the lead all the same (a blank line before a sentence still starts a new block)."""
    text = "Calls go to these countries:\n\n- the UK\n- India\n\nUse these settings:\n\n| Setting | Value |\n|---|---|\n| Type | IPoE |\n\nDone."
    units = split_passage(text, 0)
    blocks = {u.text: u.block for u in units}
    assert blocks["the UK"] == blocks["India"] == blocks["Calls go to these countries:"]
    assert blocks["Setting: Type; Value: IPoE"] == blocks["Use these settings:"] + 1
    assert blocks["Done."] > blocks["Setting: Type; Value: IPoE"]


def test_a_lead_line_in_the_answers_paragraph_brings_what_it_introduces(composer: Composer) -> None:
    """ "You can use any router. Use these settings:" without the settings answers nothing."""
    router = chunk(
        "You can use your own router with our fibre service. Use these settings:\n\n"
        "| Setting | Value |\n|---|---|\n| Connection type | IPoE |\n| VLAN | off |\n\n"
        "We give limited help with routers we did not supply.",
        "Routers",
        "Bring your own router",
    )
    result = composer.compose("can i use my own router with the fibre service?", [router])
    assert result.answered
    assert "Use these settings" in result.text and "IPoE" in result.text and "VLAN" in result.text


def test_chat_shorthand_is_not_counted_as_an_unseen_topic() -> None:
    """ "im", "dont", "whats", "u" are in no passage, but they say nothing about what is asked: a
    question in a customer's words is not declined for them (fails with the short stop list)."""
    typed = "whats the loan period for books, im a member and dont want to pay u a late fee"
    plain = "loan period for books, member, pay a late fee"
    assert Composer.unseen_share(typed, [LIBRARY, LIBRARY_FEES]) == Composer.unseen_share(
        plain, [LIBRARY, LIBRARY_FEES]
    )
    assert Composer.unseen_share(typed, [LIBRARY, LIBRARY_FEES]) < ComposerConfig().partly_unseen


def test_a_how_to_question_prefers_the_steps(composer: Composer) -> None:
    guide = chunk(
        "Renew your library card online, by phone or at any branch.\n\n"
        "1. Sign in to your account.\n2. Open Card details and choose Renew.\n3. Confirm your address.",
        "Renewing your card",
        "Step by step",
    )
    assert QuestionCues.of("how do I renew my card?").wants_steps
    assert not QuestionCues.of("how long does a renewal take?").wants_steps
    units = split_passage(guide.text, 0)
    # "did" and "do" are both stop words: the two questions differ only in asking how to
    asked = {s.unit.text: s.score for s in composer.score("how do I renew my library card?", [guide], units, None)}
    told = {s.unit.text: s.score for s in composer.score("how did I renew my library card?", [guide], units, None)}
    for unit in units:
        bonus = ComposerConfig().cue_bonus / 2 if unit.kind == "item" else 0.0
        assert asked[unit.text] - told[unit.text] == pytest.approx(bonus)


def test_a_list_that_starts_within_the_length_is_kept_whole() -> None:
    """The length cut used to fall inside a list and drop its last options."""
    intro = "Membership fees are paid monthly in advance, and you can pay for your membership with:"
    methods = ["Direct debit", "Credit card", "Cash at the front desk"]
    gym = chunk(intro + "\n" + "\n".join(f"- {m}" for m in methods), "Membership", "Paying")
    short = Composer(bag_of_words, config=ComposerConfig(max_chars=len(intro) + len(methods[0]) + 5))
    result = short.compose("how can I pay for my membership?", [gym])
    assert result.answered, result.reason
    for method in methods:
        assert method in result.text


def test_a_lists_own_conjunction_is_moved_before_its_last_item(composer: Composer) -> None:
    cards = chunk("We accept:\n- Visa,\n- Mastercard, or\n- PayPal.", "Payments", "Cards we accept")
    result = composer.compose("which cards do you accept?", [cards])
    assert result.answered, result.reason
    assert "Visa; Mastercard; or PayPal." in result.text


@pytest.mark.parametrize(
    ("head", "tail", "stale"),
    [
        ("Intro.", "| Field | Value |\n|---|---|\n| Status | Retired |\n| Last reviewed | 14 August 2023 |", True),
        ("Status: archived", "", True),
        ("Intro.", "| Status | Meaning |\n|---|---|\n| Cancelled | We refund you |\n| Shipped | On its way |", False),
        ("*Applies to orders placed from 1 April 2022 to 31 March 2024.*", "", True),
        # a range that has started but not ended is current (the first date alone has passed)
        ("*Applies to orders placed from 1 November 2026 to 15 January 2027.*", "", False),
    ],
)
def test_page_status_from_page_information_and_date_ranges(head: str, tail: str, stale: bool) -> None:
    today = dt.date(2026, 12, 8)
    assert bool(stale_reason(head, "Returns", "", today=today, tail=tail)) is stale


def test_an_item_read_with_its_lead_brings_the_rest_of_its_list(composer: Composer) -> None:
    """ "If nobody was home, the driver will usually: leave it with a neighbour, or take it to a
    parcel shop" left out the third option; a list of options is quoted whole."""
    parcel = chunk(
        "Missed deliveries happen.\n\nIf nobody was home, the driver will usually:\n"
        "- leave the parcel with a neighbour, or\n- take the parcel to a nearby parcel shop, or\n"
        "- try again on the next business day.",
        "Delivery problems",
        "I missed the delivery",
    )
    result = composer.compose("nobody was home, did the driver leave my parcel with a neighbour?", [parcel])
    assert result.answered, result.reason
    assert "neighbour" in result.text and "try again on the next business day" in result.text

"""The one sentence rule (core.sentences): batch and streaming agree, pieces give back the text."""

from __future__ import annotations

import re

import pytest

from core.grounding.claims import split_sentences as claim_sentences
from core.sentences import SentenceSplitter, sentence_pieces, split_sentences

TEXTS = [
    "Hello! You can return e.g. laptops. Fees: approx. 4.95 EUR.",
    "- one\n- two\nThree.",
    "1. Open the box. 2. Take it out.\n2) Second step here.",
    "**Note:** Items must be unused. **Returns.** You can return.",
    "It was published in Philadelphia.First for Women is a magazine.",
    "\n\nLeading blank. Then more.  \n\n",
    "See No. 5 of the list. Then go to Dr. Smith at 3 p.m. today. OK?",
    "Select Forgot password? on the sign-in page. Then sign in.",
    "# Returns\nYou have 30 days. Fees apply.\n- Free pickup",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_stream_ends_its_sentences_where_the_batch_rule_does(text: str) -> None:
    for tokens in (list(text), re.findall(r"\s*\S+|\s+$", text)):
        splitter = SentenceSplitter()
        out: list[str] = []
        for token in tokens:
            out += splitter.feed(token)
        rest = splitter.flush()
        assert "".join(out + rest) == text
        assert out + rest == sentence_pieces(text)


def test_the_rule() -> None:
    assert split_sentences("Hello! You can return e.g. laptops. Fees: approx. 4.95 EUR.") == [
        "Hello!",
        "You can return e.g. laptops.",
        "Fees: approx. 4.95 EUR.",
    ]
    assert split_sentences("1. Open the box.\n2. Close it.") == ["1. Open the box.", "2. Close it."]
    assert split_sentences("Select Forgot password? on the sign-in page.") == [
        "Select Forgot password? on the sign-in page."
    ]
    assert split_sentences("Philadelphia.First for Women") == ["Philadelphia.", "First for Women"]
    assert sentence_pieces("A b.\n\n  C d. ") == ["A b.\n\n  ", "C d. "]
    assert sentence_pieces("") == []


def test_claims_are_the_rules_sentences_without_markup() -> None:
    text = "## Returns\n- **Laptops:** 30 days. Phones: 14 days.\n1. Start online."
    assert claim_sentences(text) == ("Returns", "Laptops: 30 days.", "Phones: 14 days.", "Start online.")
    assert split_sentences(text) == [
        "## Returns",
        "- **Laptops:** 30 days.",
        "Phones: 14 days.",
        "1. Start online.",
    ]


def test_a_full_stop_after_an_ordinary_word_ends_a_sentence() -> None:
    # nupunkt's legal model reads "app." as an abbreviation; "approx." stays one
    assert split_sentences("Open the app. Then sign in.") == ["Open the app.", "Then sign in."]
    assert split_sentences("It costs approx. EUR 5 in total.") == ["It costs approx. EUR 5 in total."]


def test_a_hard_wrapped_document_is_read_by_paragraph() -> None:
    text = "Use Bixby, Ambient Mode and Smart\nHub. Then go on.\n- one\n- two\nNote:\nNext.\n\nNew para\nwrapped."
    assert sentence_pieces(text, wrapped=True) == [
        "Use Bixby, Ambient Mode and Smart\nHub. ",
        "Then go on.\n",
        "- one\n",
        "- two\n",
        "Note:\n",
        "Next.\n\n",
        "New para\nwrapped.",
    ]
    assert sentence_pieces(text)[:2] == [
        "Use Bixby, Ambient Mode and Smart\n",
        "Hub. ",
    ]  # an answer's lines end sentences

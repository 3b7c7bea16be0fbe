"""The safe answer the guard serves instead of a claim it could not confirm: it says so, quotes
what the help centre does say (the composer's selection for the question, serving/composer; or,
without a composer, the best evidence the checker found, with the rest of its paragraph when
that is short) with its source, and offers a human. Built from the retrieved
passages only, so it needs no model call and cannot itself invent anything."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from core.retrieval import RetrievedChunk
from core.text import plain_text

if TYPE_CHECKING:
    from core.untrusted import Screen
    from serving.composer import Composition

MAX_QUOTE_CHARS = 320
MIN_QUOTE_WORDS = 6  # shorter evidence ("See the FAQ.") is no help to a customer: offer the human only
OFFER_HUMAN = "Would you like me to connect you with a member of our support team?"
NO_EVIDENCE_ANSWER = f"I'm sorry, I can't confirm that from our help centre, so I won't guess. {OFFER_HUMAN}"


@dataclass(frozen=True)
class Quote:
    text: str
    title: str
    section: str

    @property
    def source(self) -> str:
        return f"{self.title} > {self.section}" if self.section else self.title


def _paragraphs(text: str) -> list[str]:
    lines = [re.sub(r"^\s*(?:[-*\u2022]|\d+[.)])\s+", "", line) for line in text.replace("\r", "\n").split("\n")]
    return [plain_text(line) for line in lines if line.strip() and not line.lstrip().startswith("#")]


def find_quote(evidence: str | None, passages: Sequence[RetrievedChunk]) -> Quote | None:
    """The evidence sentence as it stands in a passage, extended to the end of its paragraph
    when that stays short ("You can return electronics within 30 days of delivery. If you are a
    premium member, you have 45 days ..."), with the passage's title and section."""
    if not evidence:
        return None
    needle = plain_text(evidence)
    if len(needle.split()) < MIN_QUOTE_WORDS:
        return None
    for chunk in passages:
        for paragraph in _paragraphs(chunk.text):
            at = paragraph.find(needle)
            if at < 0:
                continue
            rest = paragraph[at:]
            text = rest if len(rest) <= MAX_QUOTE_CHARS else needle
            return Quote(text, chunk.title, chunk.section)
    if not passages:
        return None
    # not found verbatim (the checker normalised it differently): the passage sharing most words
    words = set(needle.lower().split())
    best = max(passages, key=lambda c: len(words & set(plain_text(c.text).lower().split())))
    return Quote(needle, best.title, best.section)


def replacement_text(evidence: str | None, passages: Sequence[RetrievedChunk], screen: Screen | None = None) -> str:
    """`screen`: a quote it matches (instructions planted in a page) is never served."""
    quote = find_quote(evidence, passages)
    if quote is None or (screen is not None and screen.hits(quote.text)):
        return NO_EVIDENCE_ANSWER
    return (
        "I'm sorry, I can't confirm that from our policies. Here is what our help centre says: "
        f'"{quote.text}" (Source: {quote.source}). {OFFER_HUMAN}'
    )


def composed_replacement(composition: Composition, screen: Screen | None = None) -> str:
    """The replacement built from the composer's selection: each source's sentences with the
    source named; the plain "can't confirm" answer when the passages do not answer the question
    (no off-topic quote). `screen`: a paragraph it matches is left out."""
    paragraphs = [
        (text, chunk)
        for text, chunk in (composition.paragraphs() if composition.answered else [])
        if screen is None or not screen.hits(text)
    ]
    if not paragraphs:
        return NO_EVIDENCE_ANSWER
    quotes = " ".join(
        f'"{text}" (Source: {chunk.title} > {chunk.section})' if chunk.section else f'"{text}" (Source: {chunk.title})'
        for text, chunk in paragraphs
    )
    return (
        f"I'm sorry, I can't confirm that from our policies. Here is what our help centre says: {quotes} {OFFER_HUMAN}"
    )

"""Cutting a token stream into sentences as it arrives, for the grounding guard.

A sentence ends at `.`, `?` or `!` (with closing quotes or brackets) followed by whitespace and
then a character that can start a sentence, or at a line break; the end is only known once that
next character has arrived, so a sentence is complete one token late. Abbreviations ("e.g.",
"approx.", "No. 5") and a lower-case continuation do not end a sentence. Each piece keeps its
trailing whitespace, so the pieces concatenate back to the exact text.

    splitter = SentenceSplitter()
    for piece in splitter.feed(token): ...    # complete sentences so far
    for piece in splitter.flush(): ...        # the rest, at the end of the stream
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    "e.g i.e etc approx vs no nr incl excl mr mrs ms dr st min max ca cf fig pp art sec dept tel ref".split()
)
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?P<space>[ \t]+)(?=\S)|\n[\s]*(?=\S)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    if match.group(0).startswith("\n"):
        return True
    nxt = text[match.end()]
    if nxt.islower():
        return False
    head = text[: match.start() + 1].rstrip("\"'\u201d\u2019)]")
    if head.endswith("."):
        word = _WORD_BEFORE.search(head)
        if word is not None:
            token = word.group(1).lower().rstrip(".")
            if token in ABBREVIATIONS or len(token) == 1:
                return False
    return True


class SentenceSplitter:
    def __init__(self) -> None:
        self._buffer = ""

    @property
    def pending(self) -> str:
        return self._buffer

    def feed(self, text: str) -> list[str]:
        self._buffer += text
        pieces: list[str] = []
        start = position = 0  # the buffer holds at most one unfinished sentence: rescanning is cheap
        while True:
            match = _END.search(self._buffer, position)
            if match is None:
                break
            position = match.end()
            if _is_boundary(self._buffer, match):
                piece = self._buffer[start : match.end()]
                if piece.strip():
                    pieces.append(piece)
                start = match.end()
        self._buffer = self._buffer[start:]
        return pieces

    def flush(self) -> list[str]:
        rest, self._buffer = self._buffer, ""
        return [rest] if rest.strip() else []

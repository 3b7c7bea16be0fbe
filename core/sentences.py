"""The one sentence-boundary rule: for releasing a streamed answer sentence by sentence (the
grounding guard), for cutting an answer into claims and a passage into evidence (the checker,
the verifier, the composer) and for chunking documents, so a streamed sentence and a checked
claim always end in the same place.

The rule: a line break ends a sentence (in a hard-wrapped document, `wrapped=True`, only where
Markdown ends a paragraph, a list item or a heading); inside, nupunkt (a Punkt model trained on
legal and general English, shipped with the package: no download) finds the ends, so
abbreviations ("e.g.", "approx.", "No. 5"), decimals and initials do not end one. Four
additions: a full stop glued to the next sentence ("Philadelphia.First") ends one; a full stop
after an ordinary lower-case word before a capitalised one does too (nupunkt's legal model takes
"app.", "pin." or "code." for abbreviations); no sentence begins with a lower-case letter ("Select
Forgot password? on the page") or after an abbreviation that never ends one ("approx. EUR 5").
List markers, heading marks and bold markup are read as blanks, so "1. Open the box." is one
sentence.

`sentence_pieces` cuts a text into pieces that concatenate back to it exactly (each keeps its
trailing whitespace); `split_sentences` gives the same sentences stripped. `SentenceSplitter`
applies the rule to a token stream: a sentence is released once the next one has begun (or a
line break has come), which is when the rule can tell that it is complete.

    splitter = SentenceSplitter()
    for piece in splitter.feed(token): ...    # complete sentences so far
    for piece in splitter.flush(): ...        # the rest, at the end of the stream
"""

from __future__ import annotations

import re
from itertools import pairwise

import nupunkt

# Bump when the rule below changes: the chunks of every document depend on it (core.indexing).
RULE_VERSION = 1

_LINE = re.compile(r"[^\r\n]*(?:[\r\n]\s*|$)")
_MARKER = re.compile(r"^(\s*)((?:#+|[-*+\u2022]|\d+[.)])\s+)")
_MARKUP = re.compile(r"\*\*|__")
_GLUED = re.compile(r"(?<=[a-z0-9)\]])[.!?](?=[A-Z][a-z])")
# abbreviations that never end a sentence: a full stop after one is no end, whatever follows
NEVER_END = frozenset("e.g i.e approx incl excl vs cf ca nr fig dept tel ref mr mrs ms dr".split())
# a full stop after a lower-case word of three letters or more, before a capitalised word, ends a
# sentence unless the word is an abbreviation
ABBREVIATIONS = NEVER_END | frozenset("etc min max sec art".split())
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.[\"'\u201d\u2019)\]]*\s*$")
_WORD_END = re.compile(r"(?<![\w.])([a-z]{3,})\.[\"'\u201d\u2019)\]]*\s+(?=[\"'(\[]?[A-Z])")
# what any sentence end needs: an end mark or a line break with something after it
_MAY_END = re.compile(r"[.!?\u2026\r\n].*?\S", re.S)


def _masked(line: str, line_start: bool) -> str:
    """The line as the model reads it: list markers, heading marks and bold markup blanked out
    (same length, so the model's offsets are offsets into the line)."""
    masked = _MARKER.sub(lambda m: m.group(1) + " " * len(m.group(2)), line) if line_start else line
    return _MARKUP.sub(lambda m: " " * len(m.group(0)), masked)


def _line_starts(line: str, offset: int, line_start: bool) -> list[int]:
    """Where the sentences of one line (no line break inside) begin, as offsets into the text;
    the first begins with the line, its list marker or heading mark included."""
    masked = _masked(line, line_start)
    # the model reads a glued full stop with a blank after it; `origin` maps back to the line
    read: list[str] = []
    origin: list[int] = []
    last = 0
    for match in _GLUED.finditer(masked):
        read.append(masked[last : match.end()] + " ")
        origin.extend(range(last, match.end() + 1))
        last = match.end()
    read.append(masked[last:])
    origin.extend(range(last, len(masked) + 1))
    model_text = "".join(read)
    firsts: set[int] = set()
    for begin, end in nupunkt.sent_spans(model_text):
        span = model_text[begin:end]
        if span.strip():
            firsts.add(origin[begin + len(span) - len(span.lstrip())])
    firsts.update(origin[m.end()] for m in _WORD_END.finditer(model_text) if m.group(1) not in ABBREVIATIONS)
    starts = [offset]
    for first in sorted(firsts):
        while first > 0 and masked[first - 1] == " " and not line[first - 1].isspace():
            first -= 1  # the blanked markup opening the sentence ("**Note**") belongs to it
        if line[first].islower():
            continue  # a lower-case continuation ("Select Forgot password? on the page") is not a new sentence
        before = _WORD_BEFORE.search(masked[:first])
        if before is not None and before.group(1).lower() in NEVER_END:
            continue  # "approx. EUR 5"
        if masked[:first].strip() and offset + first > starts[-1]:
            starts.append(offset + first)
    return starts


def _prose(line: str) -> bool:
    """A line of paragraph text: not blank, no heading, list item, table row, rule or quote."""
    body = line.strip()
    return bool(body) and not (body.startswith(("#", "|", "---", ">")) or _MARKER.match(body) or body.count("|") >= 2)


def sentence_starts(text: str, line_start: bool = True, wrapped: bool = False) -> list[int]:
    """Where each sentence of `text` begins (the first is always 0). `line_start`: whether the
    text begins a line (a stream's rest, after a sentence, does not: "2. " there is no marker).
    `wrapped`: the text is a hard-wrapped document (a PDF's lines, Markdown source), where
    consecutive lines of paragraph text are one paragraph, so a line break between them is a blank,
    as Markdown reads it; a line break ends a sentence everywhere else (an answer's lines, list
    items, headings)."""
    blocks: list[list[int]] = []  # [start, end of the text] of each line, or of each paragraph when wrapped
    joinable = False
    for match in _LINE.finditer(text):
        line = match.group(0)
        if not line.strip():
            continue
        end = match.start() + len(line.rstrip())
        prose = _prose(line)
        if wrapped and joinable and prose:
            blocks[-1][1] = end
        else:
            blocks.append([match.start(), end])
        joinable = prose and not line.rstrip().endswith(":") and line.count("\n") + line.count("\r") <= 1
    starts = [0]
    for begin, end in blocks:
        body = text[begin:end].replace("\r", " ").replace("\n", " ")  # same length: offsets hold
        for start in _line_starts(body, begin, line_start or begin > 0):
            if start > starts[-1] and text[starts[-1] : start].strip():  # leading blanks join the first
                starts.append(start)
    return starts


def sentence_pieces(text: str, line_start: bool = True, wrapped: bool = False) -> list[str]:
    """The sentences of `text` with their trailing whitespace: "".join(pieces) == text."""
    if not text:
        return []
    starts = sentence_starts(text, line_start, wrapped)
    return [text[a:b] for a, b in pairwise([*starts, len(text)])]


def document_sentence_pieces(text: str) -> list[str]:
    """`sentence_pieces` of a hard-wrapped document (the chunker's sentences)."""
    return sentence_pieces(text, wrapped=True)


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped; blank ones dropped."""
    return [s for s in (piece.strip() for piece in sentence_pieces(text)) if s]


class SentenceSplitter:
    """The rule applied to a stream. The rule is re-read on the sentence last released (the
    model looks at the word before a full stop) and the unfinished one, so each token costs a
    few microseconds and a streamed sentence ends where `split_sentences` ends it."""

    def __init__(self) -> None:
        self._context = ""  # the sentence last released
        self._buffer = ""  # the unfinished sentence
        self._line_start = True  # the context (or the buffer, when there is none) begins a line

    @property
    def pending(self) -> str:
        return self._buffer

    def feed(self, text: str) -> list[str]:
        self._buffer += text
        if _MAY_END.search(self._buffer) is None:
            return []  # no sentence can have ended yet: spare the model
        window = self._context + self._buffer
        cut = len(self._context)
        starts = [s - cut for s in sentence_starts(window, self._line_start) if s > cut]
        if not starts:
            return []
        # the text after the last start is the sentence just begun; the ones before it are complete
        bounds = [0, *starts]
        pieces = [self._buffer[a:b] for a, b in pairwise(bounds)]
        before = pieces[-2] if len(pieces) > 1 else self._context  # the text before the new context
        if before:
            self._line_start = before.rstrip(" \t").endswith(("\n", "\r"))
        self._buffer = self._buffer[starts[-1] :]
        self._context = pieces[-1]
        return pieces

    def flush(self) -> list[str]:
        rest, self._buffer, self._context = self._buffer, "", ""
        self._line_start = True
        return [rest] if rest.strip() else []

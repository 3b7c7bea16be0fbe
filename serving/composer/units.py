"""Passages cut into the units an answer can quote: sentences, list items and table rows, each
cleaned of Markdown and kept with where it stands (passage, block, order), so a selection can be
put back in reading order and a condition found next to the sentence it qualifies.

A table row is made readable on its own by pairing its cells with the header row of its table
("Category: Books; Window: 14 days") when the header is in the same passage."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from core.retrieval import RetrievedChunk
from core.sentences import sentence_pieces
from core.text import TABLE_RULE, is_table_row, plain_text

_PAGE_NUMBER = re.compile(r"^\s*[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]\s*\.?\s*$")
_WORD = re.compile(r"[^\W\d_]{2}")  # two letters in a row, in any script
_BULLET = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)])\s+")
_FRONT_MATTER_KEY = re.compile(r"^\s*[A-Za-z_][\w -]{0,30}:\s*\S")


@dataclass(frozen=True)
class Unit:
    text: str
    passage: int  # index into the passages given
    block: int  # paragraph, list or table within the passage
    order: int  # reading order within the passage
    kind: str  # "sentence", "item" (list item), "row" (table row) or "lead" (ends with ":")

    @property
    def is_listy(self) -> bool:
        return self.kind in {"item", "row"}


def _cells(line: str) -> list[str]:
    return [plain_text(c) for c in line.strip().strip("|").split("|")]


def _paragraph_lines(text: str) -> list[str]:
    """The passage's lines with the lines of one Markdown paragraph joined: consecutive plain-text
    lines are one paragraph in Markdown, so a hard-wrapped sentence ("... especially in fast moving"
    / "pictures from sports programs.") is read as one sentence, not as two broken ones. Headings,
    list items, table rows, front matter and blank lines are left as they are."""
    lines: list[str] = []
    joinable = False  # the last line is plain paragraph text
    in_front_matter = False
    for raw in text.replace("\r", "\n").split("\n"):
        line = raw.strip()
        if line == "---":
            in_front_matter = not in_front_matter and not lines
            lines.append(line)
            joinable = False
            continue
        plain = (
            bool(line)
            and not in_front_matter
            and not (line.startswith("#") or _BULLET.match(line) or TABLE_RULE.match(line) or is_table_row(line))
        )
        if plain and joinable and not lines[-1].endswith(":"):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
        joinable = plain
    return lines


def split_passage(text: str, passage: int) -> list[Unit]:
    units: list[Unit] = []
    block = 0
    order = 0
    header: list[str] | None = None
    previous_kind = ""
    in_front_matter = False
    for line in _paragraph_lines(text):
        if line == "---":
            in_front_matter = not in_front_matter and not units
            continue
        if in_front_matter or not line or line.startswith("#"):
            if not line and previous_kind != "lead":  # a lead ("Use these settings:") keeps its
                block += 1  # block across the blank line before its list or table
                previous_kind = ""
            elif line.startswith("#") and previous_kind == "lead":  # a heading ends what the lead introduced
                block += 1
                previous_kind = ""
            continue
        if TABLE_RULE.match(line):
            continue
        if is_table_row(line):
            cells = _cells(line)
            if previous_kind != "row":
                block += 1
                header = cells  # the first row of a table: its header
                previous_kind = "row"
                continue
            if header is not None and len(header) == len(cells) and any(header):
                body = "; ".join(f"{h}: {c}" for h, c in zip(header, cells, strict=True) if c and c not in {"-", "–"})
            else:
                body = ", ".join(c for c in cells if c)
            units.append(Unit(body, passage, block, order, "row"))
            order += 1
            continue
        if _PAGE_NUMBER.match(line):
            continue  # a converted PDF's page footer ("- 130 -"), not a list item
        if _BULLET.match(line):
            if previous_kind not in {"item", "lead"}:
                block += 1
            item = plain_text(_BULLET.sub("", line))
            if item:
                units.append(Unit(item, passage, block, order, "item"))
                order += 1
            previous_kind = "item"
            continue
        if previous_kind in {"item", "row"}:
            block += 1
        for piece in sentence_pieces(plain_text(line)):
            sentence = piece.strip()
            if not _WORD.search(sentence):
                continue  # no word at all: a page number or a stray mark ("12 -."), never an answer
            kind = "lead" if sentence.endswith(":") else "sentence"
            units.append(Unit(sentence, passage, block, order, kind))
            order += 1
        previous_kind = "lead" if units and units[-1].kind == "lead" else "sentence"
    return units


def split_passages(passages: Sequence[RetrievedChunk]) -> list[Unit]:
    units: list[Unit] = []
    for index, chunk in enumerate(passages):
        units.extend(split_passage(chunk.text, index))
    return units


def looks_like_front_matter(text: str) -> bool:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return bool(lines) and lines[0].strip() == "---" and any(_FRONT_MATTER_KEY.match(ln) for ln in lines[1:6])

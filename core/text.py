"""The one text normaliser the packages share, in two steps that callers compose:

- `plain_text`: Markdown inline markup out (links kept as their text, bold, italic and code
  marks dropped) and runs of whitespace made one blank: what the composer quotes, what the guard's
  replacement searches for, what the corpus passages are built from;
- `expand_contractions`: typographic apostrophes folded and negative contractions written out
  ("can't" -> "can not", "doesn't" -> "does not"), so a negation is a word of its own: the first
  step of the grounding checker's normalisation and of the response cache's question key.

What each caller does beyond these (the checker's lexicon phrases, the cache's slang and request
wrappers) stays with the caller.
"""

from __future__ import annotations

import re

_MARKUP = re.compile(r"\*\*|__|`")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_SPACE = re.compile(r"\s+")

_CONTRACTIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.I), r)
    for p, r in [
        (r"[\u2018\u2019\u02bc`\u00b4]", "'"),
        (r"\bcan'?t\b", "can not"),
        (r"\bcannot\b", "can not"),
        (r"\bwon'?t\b", "will not"),
        (r"\bshan't\b", "shall not"),
        (r"\b(\w+)n't\b", r"\1 not"),
    ]
]


def plain_text(text: str) -> str:
    return _SPACE.sub(" ", _LINK.sub(r"\1", _MARKUP.sub("", text))).strip()


def expand_contractions(text: str) -> str:
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")


def is_table_row(line: str) -> bool:
    """A Markdown table row ("| a | b |") or a converted HTML one ("a | b | c")."""
    return line.count("|") >= 2 or (line.count("|") == 1 and not line.strip().startswith("|") and " | " in line)

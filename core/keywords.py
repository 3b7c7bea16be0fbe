"""Keyword normalisation for BM25: lowercase, English stop words out, Porter stems, and (by
default) adjacent-word bigrams such as `smart_hub`, so a phrase outranks its words scattered.

Milvus Lite's analyzer supports only the standard tokenizer and silently ignores a stemmer
filter, so both the stored keyword field and every keyword query are normalised here, in one
place; the analyzer on the Milvus side then only splits on whitespace.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from nltk.stem.porter import PorterStemmer

_TOKEN = re.compile(r"[a-z0-9]+(?:[.,][0-9]+)*")
STOP_WORDS = frozenset(
    """a an and are as at be been but by can could did do does for from had has have how i if in
    into is it its me my of on or our so than that the their them then there these they this to
    was we were what when where which who will with would you your yours""".split()
)


@lru_cache(maxsize=1)
def _stemmer() -> PorterStemmer:
    return PorterStemmer()


@lru_cache(maxsize=65536)
def _stem(token: str) -> str:
    return _stemmer().stem(token)


def keyword_tokens(text: str) -> list[str]:
    return [_stem(tok) for tok in _TOKEN.findall(text.lower()) if tok not in STOP_WORDS]


# Bump when the analysis below changes: stored keyword fields are then rebuilt by the next run.
ANALYSIS_VERSION = 2


def keyword_terms(text: str, bigrams: bool = False) -> list[str]:
    tokens = keyword_tokens(text)
    if not bigrams:
        return tokens
    return tokens + [f"{a}_{b}" for a, b in pairwise(tokens)]


def keyword_text(text: str, bigrams: bool = False) -> str:
    """A query's (or any text's) keyword form."""
    return " ".join(keyword_terms(text, bigrams))


def document_keywords(heading: str, body: str, bigrams: bool = False, heading_weight: int = 1) -> str:
    """A chunk's keyword field: its heading line repeated `heading_weight` times (a cheap field
    boost: the heading says what the section is about), then its text."""
    head = keyword_terms(heading, bigrams)
    return " ".join(head * max(heading_weight, 1) + keyword_terms(body, bigrams))

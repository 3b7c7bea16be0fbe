"""The lexical guard: a cached answer is served for a new question only when the two agree on
the things an embedding glosses over.

- numbers: the same set ("30 days" is not "45 days"; order 123 is not order 456);
- negation: the same polarity ("cancel my order" is not "do not cancel my order");
- named entities and product nouns: each one either question names appears in the other
  ("return a laptop" is not "return a phone"; "invoice from Mr. Smith" is not "... Anna Freeman").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from core.answer_cache.normalise import normalise_question

_NUMBER = re.compile(r"(?<!\w)[#$€£]?\d+(?:[.,:]\d+)*%?")
_WORD_NUMBERS = {
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "sixty": "60", "ninety": "90", "hundred": "100", "half": "0.5", "double": "x2", "twice": "x2",
}  # fmt: skip
NEGATIONS = frozenset({"not", "no", "never", "none", "nothing", "neither", "nor", "nobody", "without"})
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof"})
_TOKEN = re.compile(r"[A-Za-z][\w'-]*|[.?!]")
_TITLE_DOT = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof)\.", re.IGNORECASE)


@lru_cache(maxsize=1)
def product_nouns() -> frozenset[str]:
    """Nouns naming a kind of product (data: product_nouns.txt): two questions that name
    different ones are about different things, even where their embeddings are close."""
    text = resources.files("core.answer_cache").joinpath("product_nouns.txt").read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() for word in line.split("#", 1)[0].split())


def _singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@dataclass(frozen=True)
class QuestionFeatures:
    numbers: frozenset[str]
    negated: bool
    entities: frozenset[str]  # lower-cased, singular
    words: frozenset[str]  # every word, lower-cased, singular


@dataclass(frozen=True)
class GuardResult:
    ok: bool
    reason: str = ""  # "numbers", "negation" or "entities" when not ok


def _numbers(text: str) -> frozenset[str]:
    found = set()
    for match in _NUMBER.findall(text):
        value = match.strip("#$€£%").replace(",", "")
        found.add(value.lstrip("0") or "0")
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in _WORD_NUMBERS:
            found.add(_WORD_NUMBERS[word])
    return frozenset(found)


def _entities(text: str) -> tuple[frozenset[str], frozenset[str]]:
    entities: set[str] = set()
    words: set[str] = set()
    previous = "."
    for token in _TOKEN.findall(_TITLE_DOT.sub(r"\1", text)):
        if token in ".?!":
            previous = token
            continue
        lower = token.lower()
        singular = _singular(token)
        words.add(singular)
        if singular in product_nouns():
            entities.add(singular)
        elif previous.lower() in _TITLES:
            entities.add(singular)
        elif token[0].isupper() and previous not in ".?!" and lower != "i" and lower not in _TITLES:
            entities.add(singular)  # a capitalised word inside a sentence: a name, a place, a brand
        previous = token
    return frozenset(entities), frozenset(words)


@lru_cache(maxsize=65536)
def features(question: str) -> QuestionFeatures:
    negations = sum(1 for word in normalise_question(question).split() if word in NEGATIONS)
    entities, words = _entities(question)
    return QuestionFeatures(_numbers(question), negations % 2 == 1, entities, words)


def check(a: QuestionFeatures, b: QuestionFeatures) -> GuardResult:
    if a.numbers != b.numbers:
        return GuardResult(False, "numbers")
    if a.negated != b.negated:
        return GuardResult(False, "negation")
    if not a.entities <= b.words or not b.entities <= a.words:
        return GuardResult(False, "entities")
    return GuardResult(True)


def agrees(question: str, cached_question: str) -> GuardResult:
    return check(features(question), features(cached_question))

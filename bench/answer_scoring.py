"""How bench/answers.py scores one answer against a golden question: key facts, declines, gold
citations. General: facts are taken from `expected_answer` by form, not by topic.

Key facts of an expected answer:
- every quantity in it (durations, amounts, percentages, times, dates, counts; the grounding
  code's extractor, so "30 days" matches "thirty days" and "4.95 EUR" matches "€4.95");
- every name: a capitalised word or run of words that does not start a sentence and is not in
  the question (a name the customer already said proves nothing), e.g. "PayPal", "Klarna";
- for an expected answer with neither (a how-to), the answer must share at least half of its
  content terms instead.
A fact is present when the answer holds an equal quantity, or the name (case-insensitive).
A set whose author wrote the key facts (`key_facts`, e.g. the blind E-Manual set) is scored on
those strings instead: each must occur in the answer (case- and space-insensitive), a quantity in
it also as an equal quantity ("two hours" for "2 hours")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.grounding.numbers import Quantity, equal, extract_quantities
from core.keywords import keyword_tokens
from evaluation.golden import GoldenQuestion

_NAME = re.compile(r"\b[A-Z][\w&'-]*[a-z0-9][\w&'-]*(?:\s+[A-Z0-9][\w&'-]*)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;(]\s+|\n)\s*$")
# What a refusal names as not saying it: the help centre, the manual, the passages.
_SOURCE = (
    r"(?:help ?cent(?:re|er)|manuals?|documentation|knowledge base|support content|price list|"
    r"(?:our|the|these|this|any) (?:policies|polic(?:y|ies) pages?|information|articles?|pages?|sources?|passages?|context))"
)
_DECLINE = re.compile(
    r"\b(?:couldn't find|could not find|can't find|cannot find|can't confirm|cannot confirm|can not confirm|"
    r"couldn't confirm|don't know|do not know|no information|"
    r"can't answer|cannot answer|unable to answer|not able to answer|doesn't say|does not say|"
    r"don't have (?:any )?information|do not have (?:any )?information|not mentioned)\b"
    # "isn't covered" alone is also a substantive answer ("accidental damage isn't covered by the
    # guarantee"): it declines only when the thing not covering it is the source
    r"|\b(?:not|isn't|aren't|is not|are not|wasn't|weren't) (?:covered|given|listed|stated|mentioned|included|"
    r"specified|described|documented) (?:anywhere )?(?:in|by|on) (?:the |our |this |any )?" + _SOURCE + r"\b"
    r"|\b" + _SOURCE + r"\b[^.?!]{0,60}?\b(?:don't|doesn't|do not|does not|didn't|did not) "
    r"(?:give|list|state|mention|say|specify|include|cover|describe|explain|offer|have|show|provide)\b"
    # "the help centre's hire service covers bikes only and says nothing about bags", "lists group
    # rides but no lessons": the source is silent on it
    r"|\b" + _SOURCE + r"\b[^.?!]{0,80}?\b(?:says? nothing|but no)\b",
    re.I,
)
MIN_HOWTO_OVERLAP = 0.5
_COMMON_CAPITALISED = frozenset({"I", "Yes", "No", "The", "A", "An", "If", "You", "Your", "It", "We", "Our"})


@dataclass(frozen=True)
class Facts:
    quantities: list[Quantity]
    names: list[str]
    terms: list[str]  # content stems, for an expected answer without quantities or names

    @property
    def count(self) -> int:
        return len(self.quantities) + len(self.names) or (1 if self.terms else 0)


def written_facts_found(facts: list[str], answer: str) -> tuple[int, int, list[str]]:
    """(present, total, the missing ones) for key facts written by the set's author."""
    squash = lambda text: " ".join(text.lower().split())  # noqa: E731
    have, found = squash(answer), extract_quantities(answer)
    missing: list[str] = []
    for fact in facts:
        quantities = extract_quantities(fact)
        if squash(fact) in have or (
            quantities and all(any(equal(q, a) or equal(a, q) for a in found) for q in quantities)
        ):
            continue
        missing.append(fact)
    return len(facts) - len(missing), len(facts), missing


def key_facts(question: GoldenQuestion) -> Facts:
    expected = question.expected_answer
    quantities = extract_quantities(expected)
    asked = question.question.lower()
    names: list[str] = []
    for m in _NAME.finditer(expected):
        name = m.group(0).strip()
        if _SENTENCE_START.search(expected[: m.start()]) or name in _COMMON_CAPITALISED:
            continue
        if name.lower() in asked or any(name in q.text for q in quantities):
            continue
        if name not in names:
            names.append(name)
    terms = [] if quantities or names else list(dict.fromkeys(keyword_tokens(expected)))
    return Facts(quantities, names, terms)


def facts_found(facts: Facts, answer: str) -> tuple[int, int, list[str]]:
    """(present, total, the missing ones)."""
    found = extract_quantities(answer)
    lower = answer.lower()
    missing: list[str] = []
    present = 0
    for q in facts.quantities:
        if any(equal(q, a) or equal(a, q) for a in found) or q.text.lower() in lower:
            present += 1
        else:
            missing.append(q.describe())
    for name in facts.names:
        if name.lower() in lower:
            present += 1
        else:
            missing.append(name)
    if not facts.quantities and not facts.names and facts.terms:
        have = set(keyword_tokens(answer))
        share = sum(1 for t in facts.terms if t in have) / len(facts.terms)
        if share >= MIN_HOWTO_OVERLAP:
            return 1, 1, []
        return 0, 1, [f"{share:.0%} of the expected answer's terms"]
    return present, len(facts.quantities) + len(facts.names), missing


def is_decline(answer: str) -> bool:
    return bool(_DECLINE.search(answer))


def cites_gold(question: GoldenQuestion, citations: list[dict[str, str]]) -> bool:
    return any(
        ref.matches(str(c.get("doc_id", "")), str(c.get("section", "")))
        for c in citations
        for ref in question.gold_refs
    )

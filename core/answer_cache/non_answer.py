"""An answer that says it has no answer ("I do not know.", "I'm not sure, I can't find that") is
not worth caching: served again it would tell the next customer nothing, even after the help centre
gains the answer. Recognised by form, in any domain: a short text whose main clause is a first-person
statement of not knowing, not finding or not being able to answer."""

from __future__ import annotations

import re

MAX_WORDS = 40  # a longer text that hedges once is still an answer
_NON_ANSWER = re.compile(
    r"\b(?:i|we)(?:'m| am|'re| are)?\s+(?:really\s+)?"
    r"(?:do\s*n[o']t|don't|cannot|can't|can\s+not|could\s*n[o']t|couldn't|am\s+not\s+able\s+to|are\s+not\s+able\s+to|"
    r"not\s+able\s+to|unable\s+to|not\s+sure|have\s+no\s+(?:information|idea|details))"
    r"(?:\s+(?:know|say|tell|find|confirm|answer|help(?:\s+with\s+that)?|be\s+sure|have\s+(?:that|this|any)\s+information))?\b"
    r"|\bno\s+(?:information|idea)\b|\bnot\s+(?:mentioned|covered)\s+in\b",
    re.IGNORECASE,
)


def is_non_answer(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= MAX_WORDS and _NON_ANSWER.search(text) is not None

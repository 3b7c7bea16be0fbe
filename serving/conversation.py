"""Conversation handling without a model call: the standalone question used for retrieval, and
the earlier turns that fit the history budget.

A follow-up such as "and for phones?" or "how long does it take?" says little on its own; it is
combined with the previous user question for retrieval. The rule is cheap and deterministic: a
user message is a follow-up when it is short, starts like a continuation ("and", "what about") or
leans on a pronoun ("it", "that", "them").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

FOLLOWUP_MAX_WORDS = 3
MAX_CHAINED_QUESTIONS = 3

_WORD = re.compile(r"[a-z0-9']+")
_CONTINUATIONS = ("and ", "or ", "but ", "also ", "what about", "how about", "what if", "same for", "then ", "so ")
_PRONOUNS = frozenset({"it", "its", "it's", "they", "them", "their", "that", "this", "those", "these"})


@dataclass(frozen=True)
class Turn:
    role: str  # "user" or "assistant"
    content: str


def is_followup(message: str) -> bool:
    text = message.strip().lower()
    words = _WORD.findall(text)
    if not words:
        return False
    if len(words) <= FOLLOWUP_MAX_WORDS:
        return True
    if text.startswith(_CONTINUATIONS):
        return True
    return any(word in _PRONOUNS for word in words)


def standalone_question(user_messages: Sequence[str]) -> str:
    """The question to retrieve for: the last user message, preceded by the earlier user
    questions it continues (at most MAX_CHAINED_QUESTIONS in all)."""
    if not user_messages:
        return ""
    parts = [user_messages[-1].strip()]
    index = len(user_messages) - 1
    while index > 0 and is_followup(user_messages[index]) and len(parts) < MAX_CHAINED_QUESTIONS:
        index -= 1
        parts.insert(0, user_messages[index].strip())
    return " ".join(p for p in parts if p)


def history_within_budget(turns: Sequence[Turn], budget_tokens: int, count_tokens: Callable[[str], int]) -> list[Turn]:
    """The most recent earlier turns whose total fits `budget_tokens`, oldest first. Turns are
    kept whole and contiguous: the newest that do not fit end the history."""
    kept: list[Turn] = []
    used = 0
    for turn in reversed(turns):
        cost = count_tokens(turn.content) + 4  # role markers
        if used + cost > budget_tokens:
            break
        kept.append(turn)
        used += cost
    kept.reverse()
    # A history that starts with an assistant turn reads oddly to small models; drop it.
    while kept and kept[0].role != "user":
        kept.pop(0)
    return kept

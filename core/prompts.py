"""Prompts for the answer model. Changing any text here changes answers: bump PROMPT_VERSION so
evaluations and logs can tell the versions apart.

Layout (kept stable so the LLM server's prefix cache can reuse it): the fixed system prompt, then
the retrieved passages in a stable order (by document and position) in the same system message,
then earlier turns of the conversation, then the question.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

PROMPT_VERSION = "2026-11-answer-v2"

# v2: numbers, fees and time limits with the conditions they apply to (the seed's laptop case: a
# 45-day window that only premium members have was given as the general rule); every answer is
# checked sentence by sentence against the passages (serving/guard.py).
SYSTEM_PROMPT = (
    "You are the customer support assistant of an online shop. "
    "Answer the customer's question using only the passages below. "
    "If the passages do not cover the question, say that you do not know and offer to connect the customer "
    "with a human agent. Do not guess, do not invent policies, numbers or dates. "
    "Give numbers, fees and time limits exactly as the passages state them, with the conditions they apply to "
    "(for example a membership or a product category). "
    "Be brief: at most three sentences, plain text, no lists unless asked."
)

PASSAGES_HEADER = "Passages:"

# Shown, without calling the model, when retrieval finds nothing relevant.
NOT_COVERED_ANSWER = (
    "I'm sorry, I couldn't find this in our help centre, so I can't answer it reliably. "
    "Would you like me to connect you with a member of our support team?"
)

# Shown when the model returned no text at all (rare; a truncated or empty generation).
EMPTY_ANSWER = (
    "I'm sorry, I couldn't put together an answer to this from our help centre. "
    "Would you like me to connect you with a member of our support team?"
)

# The model stops at these: chat-template end markers and the start of an invented new turn.
STOP_SEQUENCES: list[str] = ["<|im_end|>", "<|endoftext|>", "\nQuestion:", "\nUser:", "\nPassage ("]


class PassageLike(Protocol):
    title: str
    section: str
    text: str


def format_passage(passage: PassageLike) -> str:
    heading = f"{passage.title} > {passage.section}" if passage.section else passage.title
    return f"Passage ({heading}):\n{passage.text.strip()}"


def system_message(passages: Sequence[PassageLike]) -> str:
    """The fixed instructions followed by the passages, in the order given."""
    if not passages:
        return SYSTEM_PROMPT
    body = "\n\n".join(format_passage(p) for p in passages)
    return f"{SYSTEM_PROMPT}\n\n{PASSAGES_HEADER}\n\n{body}"


def build_messages(
    passages: Sequence[PassageLike], history: Sequence[tuple[str, str]], question: str
) -> list[dict[str, str]]:
    """Chat messages for the answer model: system (instructions + passages), the earlier turns as
    (role, content) pairs, then the question."""
    messages = [{"role": "system", "content": system_message(passages)}]
    messages.extend({"role": role, "content": content} for role, content in history)
    messages.append({"role": "user", "content": question.strip()})
    return messages

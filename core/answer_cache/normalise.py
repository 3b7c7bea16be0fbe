"""Question normalisation for the response cache.

`normalise_question` gives the text both cache layers use: the exact layer keys on it, the
semantic layer embeds it. It lower-cases, expands contractions, drops profanity and the
request wrappers people put around a question ("can you help me", "I need assistance to",
"I don't know how to"), so "I want help to cancel order 123" and "cancel order 123" become the
same text. Words that carry meaning are left alone: numbers, negations, question words.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from core.text import expand_contractions

_REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"\bwanna\b", "want to"),
        (r"\bgonna\b", "going to"),
        (r"\bgotta\b", "got to"),
        (r"\bya\b", "you"),
        (r"\bu\b", "you"),
        (r"\b(?:pls|plz)\b", "please"),
        (r"\b(do|does|did|is|are|was|were|has|have|had|could|would|should)nt\b", r"\1 not"),
        (r"\b(?:i'm|im)\b", "i am"),
        (r"\bi've\b", "i have"),
        (r"\bi'd\b", "i would"),
        (r"\bi'll\b", "i will"),
        (r"\b(\w+)'re\b", r"\1 are"),
        (r"\b(\w+)'s\b", r"\1"),
        (
            r"\b(?:fucking|fuckin|fucked|fuck|goddamn|goddam|damn|damned|bloody|shit|shitty|freaking|frigging|effing)\b",
            " ",
        ),
    ]
]

# Request wrappers stripped from the start of the question (repeatedly: "hi, can you help me to ...").
_WRAPPER = re.compile(
    r"^(?:(?:hi|hello|hey|ok|okay|yo)\b[ ,!.]*)?(?:"
    r"(?:i|we) (?:do not|did not) know (?:how|what|where|the way)(?: i| we)?"
    r"(?: (?:can|could|have to|need to|should|must|got to|have got to))?(?: do)?(?: to| in order to)?"
    r"|(?:can|could|would|will) you (?:please )?(?:help|assist) me(?: with| to| in)?"
    r"|(?:i|we) (?:need|want|would like|require|would need|am looking for|look for|expect) (?:some )?"
    r"(?:help|assistance|support|information|info)(?: (?:with|to|in|for|on|about))?"
    r"|(?:help|assist) me(?: with| to| in)?"
    r"|(?:i need|i want|i would like|i have) (?:to|got to)"
    r"|i am trying to|i try to|i tried to|trying to"
    r"|(?:help|assistance|support)(?: (?:with|to|in|for))?"
    r"|please"
    r")\b"
)
_PUNCT = re.compile(r"[^\w\s#$€£%.,/-]")
_LOOSE_DOTS = re.compile(r"(?<!\d)[.,]|[.,](?!\d)")


@lru_cache(maxsize=65536)
def normalise_question(text: str) -> str:
    """The canonical form of a question (may be empty for a question that is only a wrapper)."""
    out = expand_contractions(text.lower())
    for pattern, replacement in _REWRITES:
        out = pattern.sub(replacement, out)
    out = _PUNCT.sub(" ", out)
    out = _LOOSE_DOTS.sub(" ", out)
    out = " ".join(out.split())
    for _ in range(3):
        match = _WRAPPER.match(out)
        if not match or match.end() == 0:
            break
        out = out[match.end() :].strip()
    out = re.sub(r"\bplease\b", " ", out)
    return " ".join(out.split())


def embedding_text(text: str) -> str:
    """What the semantic layer embeds: the normalised question, or the question itself when
    normalisation leaves nothing."""
    return normalise_question(text) or " ".join(text.lower().split())


def exact_digest(scope: str, text: str) -> str:
    """The exact layer's key: the scope and the normalised question."""
    return hashlib.sha256(f"{scope}\x00{embedding_text(text)}".encode()).hexdigest()[:40]

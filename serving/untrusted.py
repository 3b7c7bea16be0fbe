"""Documents are data: hostile text in a passage never reaches a customer (issue 19, "hostile
documents"). At answer time, with the same rules the indexer screens chunks with
(core/untrusted.py):

- a retrieved passage the screen matches is left out of the prompt, of the composer's sentences,
  of the replacement's quotes and of the guard's evidence (`trusted_passages`): a collection
  indexed with INDEX_UNTRUSTED=off, or before the screen existed, is covered too;
- an answer sentence that the screen matches, that repeats the system prompt, or that holds one
  of this deployment's secrets (`Hazards`) is withdrawn by the grounding guard, whatever the
  grounding verdict: it was never a claim about the help centre.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from core.prompts import SYSTEM_PROMPT
from core.retrieval import RetrievedChunk
from core.settings import Settings
from core.untrusted import Screen, load_screen

log = logging.getLogger(__name__)

SHINGLE_WORDS = 6  # an answer sharing this many consecutive words with the system prompt repeats it
MIN_SECRET_CHARS = 8
_WORD = re.compile(r"[a-z0-9']+")
# settings fields holding credentials: their values must never appear in an answer
_SECRET_FIELD = re.compile(r"(?:api_key|_token|password|secret)$", re.I)
_NOT_SECRETS = {"not-needed", "none", "changeme"}


def trusted_passages(screen: Screen, chunks: Sequence[RetrievedChunk]) -> tuple[list[RetrievedChunk], list[str]]:
    """The chunks the screen passes, and the ids of those it matched (logged with the reason)."""
    kept: list[RetrievedChunk] = []
    dropped: list[str] = []
    for chunk in chunks:
        hits = screen.hits(f"{chunk.title}\n{chunk.section}\n{chunk.text}")
        if hits:
            dropped.append(chunk.chunk_id)
            log.warning("untrusted passage %s of %s left out: %s", chunk.chunk_id, chunk.doc_id, hits[0].describe())
        else:
            kept.append(chunk)
    return kept, dropped


def _shingles(text: str, n: int = SHINGLE_WORDS) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


class Hazards:
    """What an answer must never carry: text the screen matches, the system prompt, a secret."""

    def __init__(self, settings: Settings, screen: Screen | None = None) -> None:
        self.screen = screen or load_screen(settings)
        self.prompt = _shingles(SYSTEM_PROMPT)
        secrets: set[str] = set()
        for name in type(settings).model_fields:
            if _SECRET_FIELD.search(name):
                value = getattr(settings, name)
                if isinstance(value, str) and len(value) >= MIN_SECRET_CHARS and value.lower() not in _NOT_SECRETS:
                    secrets.add(value)
        self.secrets = secrets

    def reasons(self, text: str) -> list[str]:
        """Why `text` must not be released ([] when it may)."""
        found = [f"untrusted_content: {h.describe()}" for h in self.screen.hits(text)]
        if self.prompt & _shingles(text):
            found.append("leak: repeats the system prompt")
        if any(secret in text for secret in self.secrets):
            found.append("leak: holds a configured secret")
        return found

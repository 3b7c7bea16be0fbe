"""The prompt's size in the serving model's own tokens, for the token reservation: the LLM
server's `/tokenize` (llama.cpp: `{"content"}` -> `{"tokens"}`; SGLang: the same route), so the
budget is reserved in the unit the server bills. Where the server has no such route, the UTF-8
byte count bounds it from above (a byte-level tokenizer makes at most one token per byte): text
the embedder's tokenizer undercounts (1,000 zero-width spaces: 10 tokens for it, 2,010 for the
model) can no longer overrun a budget."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import httpx

log = logging.getLogger(__name__)

PER_MESSAGE_OVERHEAD = 4  # the chat template's role markers
TIMEOUT_S = 3.0

_no_tokenize: set[str] = set()  # servers that answered 404: not asked again


def _root(base_url: str) -> str:
    return base_url.rstrip("/").removesuffix("/v1")


def upper_bound(text: str) -> int:
    return len(text.encode("utf-8", errors="replace"))


async def server_token_count(base_url: str, text: str, api_key: str = "") -> int | None:
    """Tokens of `text` by the server's tokenizer, or None when it cannot say."""
    root = _root(base_url)
    if root in _no_tokenize:
        return None
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT_S, headers=headers) as client:
            response = await client.post(f"{root}/tokenize", json={"content": text, "add_special": False})
    except httpx.HTTPError:
        return None
    if response.status_code in (404, 405):
        _no_tokenize.add(root)
        log.info("the LLM server at %s has no /tokenize: prompts are counted by their UTF-8 bytes", root)
        return None
    if response.status_code != 200:
        return None
    try:
        tokens = response.json().get("tokens")
    except ValueError:
        return None
    return len(tokens) if isinstance(tokens, list) else None


async def count_prompt_tokens(base_url: str, messages: Sequence[dict[str, Any]], api_key: str = "") -> int:
    """The prompt's tokens as the serving model counts them (one `/tokenize` call for all
    messages), or the UTF-8 upper bound."""
    texts = [str(m.get("content", "")) for m in messages]
    overhead = PER_MESSAGE_OVERHEAD * len(texts)
    counted = await server_token_count(base_url, "\n".join(texts), api_key)
    if counted is None:
        return sum(upper_bound(t) for t in texts) + overhead
    return counted + overhead

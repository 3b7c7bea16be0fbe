"""How many generations the LLM server runs at once, read from the server where it says:
llama.cpp's `/props` (`total_slots`) or `/slots` (one entry per slot), SGLang's
`/get_server_info` (`max_running_requests`). The admission queue admits no more than that, so
a request never waits inside the LLM server beyond the gateway's view (it timed out there)."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Any

import httpx

log = logging.getLogger(__name__)

PROBE_TIMEOUT_S = 3.0


def _server_root(base_url: str) -> str:
    root = base_url.rstrip("/")
    return root.removesuffix("/v1")


def _slots_from(path: str, body: Any) -> int | None:
    if path == "/slots" and isinstance(body, list):
        return len(body) or None
    if isinstance(body, dict):
        for key in ("total_slots", "n_parallel", "max_running_requests"):
            value = body.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                return value
    return None


async def llm_slots(base_url: str, api_key: str = "") -> int | None:
    """The server's parallel slots, or None when it does not say (or is not up yet)."""
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    root = _server_root(base_url)
    async with httpx.AsyncClient(timeout=PROBE_TIMEOUT_S, headers=headers) as client:
        for path in ("/props", "/slots", "/get_server_info"):
            try:
                response = await client.get(f"{root}{path}")
                if response.status_code != 200:
                    continue
                found = _slots_from(path, response.json())
            except (httpx.HTTPError, ValueError):
                continue
            if found:
                return found
    return None


def sized_capacity(configured: int, paid_reserved: int, slots: int | None) -> tuple[int, int]:
    """(capacity, paid reservation): the configured bound, lowered to the server's slots; the
    paid reservation kept below the capacity so the free tier can still run (0 with one slot)."""
    capacity = min(configured, slots) if slots else configured
    reserved = min(paid_reserved, capacity - 1) if capacity > 1 else 0
    return capacity, reserved


async def size_to_llm_slots(queue: Any, settings: Any, retry_s: float = 5.0, give_up_s: float = 600.0) -> None:
    """Lower `queue.config`'s capacity to the LLM server's slots once the server says how many
    (it may start after the API: asked again every `retry_s` for up to `give_up_s`)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + give_up_s
    configured = settings.gateway_max_inflight
    while True:
        slots = await llm_slots(settings.llm_base_url, settings.llm_api_key)
        if slots is not None:
            capacity, reserved = sized_capacity(configured, settings.gateway_paid_reserved, slots)
            queue.config = dataclasses.replace(queue.config, capacity=capacity, paid_reserved=reserved)
            log.info(
                "gateway: %d generations at once (the LLM server has %d slots; GATEWAY_MAX_INFLIGHT %d)",
                capacity,
                slots,
                configured,
            )
            return
        if loop.time() > deadline:
            log.warning("gateway: the LLM server did not say its slots; GATEWAY_MAX_INFLIGHT=%d stays", configured)
            return
        await asyncio.sleep(retry_s)

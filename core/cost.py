"""What a request costs: tokens at the configured prices per 1k, plus the LLM machine's time.

- Token cost: uncached prompt tokens at EVAL_PRICE_PROMPT_PER_1K, cached prompt tokens at
  EVAL_PRICE_CACHED_PER_1K, completion tokens at EVAL_PRICE_COMPLETION_PER_1K (all 0 by default:
  a self-hosted model bills no tokens; set them to compare with a hosted API).
- Machine cost: EVAL_GPU_HOUR_PRICE spread over EVAL_GPU_REQUESTS_PER_HOUR requests when that is
  set (a measured throughput under load), otherwise over the request's own generation time
  (one request at a time: an upper bound when the server batches).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import Settings


@dataclass(frozen=True)
class Prices:
    prompt_per_1k: float = 0.0
    completion_per_1k: float = 0.0
    cached_per_1k: float = 0.0
    gpu_hour: float = 0.0
    gpu_requests_per_hour: float = 0.0

    @classmethod
    def from_settings(cls, settings: Settings) -> Prices:
        return cls(
            prompt_per_1k=settings.eval_price_prompt_per_1k,
            completion_per_1k=settings.eval_price_completion_per_1k,
            cached_per_1k=settings.eval_price_cached_per_1k,
            gpu_hour=settings.eval_gpu_hour_price,
            gpu_requests_per_hour=settings.eval_gpu_requests_per_hour,
        )


@dataclass(frozen=True)
class RequestCost:
    tokens: float
    machine: float

    @property
    def total(self) -> float:
        return self.tokens + self.machine


def token_cost(prices: Prices, prompt_tokens: int, completion_tokens: int, cached_tokens: int | None) -> float:
    cached = min(max(cached_tokens or 0, 0), prompt_tokens)
    uncached = prompt_tokens - cached
    return (
        uncached * prices.prompt_per_1k + cached * prices.cached_per_1k + completion_tokens * prices.completion_per_1k
    ) / 1000.0


def machine_cost(prices: Prices, generation_seconds: float) -> float:
    if prices.gpu_hour <= 0:
        return 0.0
    if prices.gpu_requests_per_hour > 0:
        return prices.gpu_hour / prices.gpu_requests_per_hour
    return prices.gpu_hour * max(generation_seconds, 0.0) / 3600.0


def request_cost(
    prices: Prices, prompt_tokens: int, completion_tokens: int, cached_tokens: int | None, generation_seconds: float
) -> RequestCost:
    return RequestCost(
        tokens=token_cost(prices, prompt_tokens, completion_tokens, cached_tokens),
        machine=machine_cost(prices, generation_seconds),
    )

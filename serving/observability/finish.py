"""The end of a request: its record becomes metrics (at once, in the event loop: cheap), then a
trace and a request-log row (in a worker thread, after the response was sent)."""

from __future__ import annotations

import logging
import random
import threading
import time
from typing import Any

from core.settings import Settings
from serving.observability import metrics as m
from serving.observability.chat import grounding_outcome
from serving.observability.context import ChatRecord, RequestContext

log = logging.getLogger(__name__)

CHAT_ROUTES = frozenset({"/v1/chat/completions", "/v1/answer/stream"})
_STAGES = {
    "cache_lookup_ms": "cache_lookup",
    "embed_ms": "embed",
    "search_ms": "search",
    "prepare_ms": "prepare",
    "guard_check_ms": "guard",
}


def request_cost(settings: Settings, record: ChatRecord) -> float:
    from core.cost import Prices
    from core.cost import request_cost as cost_of

    usage = record.usage
    prompt, completion = int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)
    if prompt + completion == 0:
        return 0.0  # a cache hit or the fixed "not covered" answer: no model call
    generation_s = (record.marks.get("generation_ended", 0.0) - record.marks.get("generation_started", 0.0)) or 0.0
    cost = cost_of(Prices.from_settings(settings), prompt, completion, usage.get("cached_tokens"), generation_s)
    return float(cost.total)


def record_metrics(settings: Settings, ctx: RequestContext, ended: float) -> None:
    record = ctx.chat
    if ctx.refusal is not None:
        m.REFUSALS.labels(*ctx.refusal).inc()
    if record is None:
        return
    model = settings.llm_model
    m.CACHE_LOOKUPS.labels(record.cache_status).inc()
    for key, stage in _STAGES.items():
        if key in record.timings:
            m.STAGE_DURATION.labels(stage).observe(record.timings[key] / 1000)
    if record.top_score is not None:
        m.RETRIEVAL_TOP_SCORE.observe(record.top_score)
    if record.queue_wait_s is not None and record.tier:
        m.QUEUE_WAIT.labels(record.tier).observe(record.queue_wait_s)
    if record.first_chunk_at is not None:
        m.REQUEST_TTFT.labels(record.cache_status).observe(record.first_chunk_at - ctx.started)
    model_called = bool(record.usage.get("prompt_tokens") or record.usage.get("completion_tokens"))
    started = record.marks.get("generation_started")
    if model_called and started is not None:
        end = record.marks.get("generation_ended", ended)
        m.OPERATION_DURATION.labels("chat", model, record.error_code or "").observe(end - started)
        ttft = record.timings.get("model_ttft_ms", record.timings.get("ttft_ms"))
        if ttft is not None:
            m.TIME_TO_FIRST_CHUNK.labels("chat", model).observe(ttft / 1000)
            m.STAGE_DURATION.labels("generation_ttft").observe(ttft / 1000)
        m.STAGE_DURATION.labels("generation").observe(end - started)
        m.TOKEN_USAGE.labels("chat", model, "input").observe(int(record.usage.get("prompt_tokens") or 0))
        m.TOKEN_USAGE.labels("chat", model, "output").observe(int(record.usage.get("completion_tokens") or 0))
        if record.usage.get("cached_tokens") is not None:
            m.TOKEN_USAGE.labels("chat", model, "cached").observe(int(record.usage["cached_tokens"] or 0))
    elif record.error_code and started is not None:
        m.OPERATION_DURATION.labels("chat", model, record.error_code).observe(
            record.marks.get("generation_ended", ended) - started
        )
    record.cost = request_cost(settings, record) if model_called else 0.0
    if record.cost:
        m.COST.labels("answer").inc(record.cost)
    outcome = grounding_outcome(record.grounding)
    if outcome is not None:
        m.GROUNDING.labels(*outcome).inc()
    m.ANSWERS.labels(_outcome(ctx, record)).inc()
    quota = getattr(ctx, "_quota", None)
    grant = getattr(quota, "grant", None)
    if grant is not None and ctx.key_hash:
        used = int(record.usage.get("prompt_tokens") or 0) + int(record.usage.get("completion_tokens") or 0)
        remaining = grant.remaining + max(0, grant.amount - used) if grant.allowed else grant.remaining
        m.budget_gauge(settings.metrics_max_users).set(ctx.key_hash, remaining)


def _outcome(ctx: RequestContext, record: ChatRecord) -> str:
    if record.error_code == "client_disconnected":
        return "client_disconnected"
    if record.error_code or ctx.status >= 400:
        return "error"
    if record.cache_status.startswith("hit"):
        return "cache_hit"
    if record.not_covered:
        return "not_covered"
    return "answered"


def model_answer(record: ChatRecord) -> str:
    """The model's own answer where the client got something else (the guard withdrew text)."""
    if not record.withdrawn:
        return ""
    return " ".join(part.strip() for part in record.withdrawn if part.strip())


def log_row(ctx: RequestContext, ended: float, trace_id: str) -> dict[str, Any]:
    record = ctx.chat or ChatRecord()
    grounding = record.grounding
    outcome = grounding_outcome(grounding)
    return {
        "request_id": ctx.request_id,
        "created_at": ctx.started_wall,
        "user_hash": ctx.user_hash,
        "key_hash": ctx.key_hash,
        "method": ctx.method,
        "route": ctx.route,
        "status": ctx.status,
        "error_code": record.error_code or (ctx.refusal[1] if ctx.refusal else ""),
        "error": record.error,
        "question": record.question,
        "standalone_question": record.standalone_question,
        "prompt": record.prompt,
        "passages": record.passages,
        "answer": record.served_answer,
        "model_answer": model_answer(record),
        "finish_reason": record.finish_reason,
        "not_covered": record.not_covered,
        "grounding_verdict": outcome[0] if outcome else "",
        "grounding_action": outcome[1] if outcome else "",
        "grounding": grounding,
        "flagged": bool(outcome and outcome[0] != "supported") or bool(record.flagged_sentences),
        "review_id": (grounding or {}).get("review_id"),
        "cache_status": record.cache_status if ctx.chat is not None else "",
        "prompt_tokens": int(record.usage.get("prompt_tokens") or 0),
        "completion_tokens": int(record.usage.get("completion_tokens") or 0),
        "cached_tokens": record.usage.get("cached_tokens"),
        "cost": record.cost,
        "ttft_ms": (record.first_chunk_at - ctx.started) * 1000 if record.first_chunk_at is not None else None,
        "total_ms": (ended - ctx.started) * 1000,
        "timings": {k: round(v, 3) for k, v in record.timings.items()},
        "trace_id": trace_id,
    }


class HitTraceBudget:
    """At most TRACING_CACHE_HIT_MAX_PER_MIN cache-hit traces per wall-clock minute, whatever the
    load: a trace costs tens of ms of CPU (MLflow's store), a replayed hit about 2 ms, so under a
    burst of hits a fixed share would spend a core on traces."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._minute = -1
        self._used = 0

    def take(self, limit: int, now: float | None = None) -> bool:
        minute = int((time.time() if now is None else now) // 60)
        with self._lock:
            if minute != self._minute:
                self._minute, self._used = minute, 0
            if self._used >= limit:
                return False
            self._used += 1
            return True


_HIT_TRACES = HitTraceBudget()


def _traced(settings: Settings, record: ChatRecord) -> bool:
    """Every answer gets a trace; a cache hit one time in 1/TRACING_CACHE_HIT_SAMPLE, at most
    TRACING_CACHE_HIT_MAX_PER_MIN a minute."""
    if not record.cache_status.startswith("hit"):
        return True
    if random.random() >= settings.tracing_cache_hit_sample:
        return False
    return _HIT_TRACES.take(settings.tracing_cache_hit_max_per_min)


def _trace(settings: Settings, ctx: RequestContext, ended: float) -> str:
    if not (settings.tracing_enabled and ctx.chat is not None and _traced(settings, ctx.chat)):
        return ""
    try:
        from serving.observability.tracing import write_trace

        return write_trace(settings, ctx, ended)
    except Exception:
        log.warning("tracing: could not write the trace of request %s", ctx.request_id, exc_info=True)
        return ""


def persist(settings: Settings, request_log: Any, ctx: RequestContext, ended: float) -> None:
    """Trace, then row (the row names the trace). Runs in a worker thread; never raises."""
    persist_many(settings, request_log, [(ctx, ended)])


def persist_many(settings: Settings, request_log: Any, finished: list[tuple[RequestContext, float]]) -> None:
    """`persist` for the requests that ended while the writer was busy: a trace each (as
    sampled), then all their rows in one transaction. Never raises."""
    rows = [log_row(ctx, ended, _trace(settings, ctx, ended)) for ctx, ended in finished]
    if request_log is None or not rows:
        return
    try:
        request_log.add_many(rows)
    except Exception:
        log.warning(
            "request log: could not write %d request(s), e.g. %s", len(rows), rows[0]["request_id"], exc_info=True
        )

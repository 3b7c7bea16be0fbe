"""The API's Prometheus series (prometheus-client, the default registry, exposed at /metrics).

Three layers:
- HTTP: `http_server_request_duration_seconds{http_request_method, http_route, http_response_status_code}`
  (its `_count` is requests by route template and status) and `http_server_active_requests`
  (OpenTelemetry HTTP names with underscores).
- The RAG stages, with OpenTelemetry GenAI names where one exists: `gen_ai_client_token_usage`
  (input/output/cached tokens), `gen_ai_client_operation_duration_seconds`,
  `gen_ai_client_operation_time_to_first_chunk_seconds`; the rest under `ragdesk_*`: stage
  times, retrieval top score, cost, cache lookups, queue depth and wait by tier, grounding
  outcomes, refusals and the per-key budget left.
- The LLM server's own series are scraped from it directly (deploy/prometheus.yml).

Label values are bounded: route templates (never raw paths), fixed stage/verdict names, tiers,
and at most METRICS_MAX_USERS hashed key ids on the budget gauge (least recently seen dropped).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from prometheus_client import Counter, Gauge, Histogram

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0)
_STAGE_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
# OpenTelemetry's advice for gen_ai.client.token.usage
_TOKEN_BUCKETS = (1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576)

HTTP_DURATION = Histogram(
    "http_server_request_duration_seconds",
    "HTTP request time until the response body ended, by route template and status",
    ["http_request_method", "http_route", "http_response_status_code"],
    buckets=_LATENCY_BUCKETS,
)
HTTP_ACTIVE = Gauge("http_server_active_requests", "HTTP requests in flight", ["http_request_method"])

TOKEN_USAGE = Histogram(
    "gen_ai_client_token_usage",
    "Tokens per answer (gen_ai.client.token.usage): input, output, and cached input",
    ["gen_ai_operation_name", "gen_ai_request_model", "gen_ai_token_type"],
    buckets=_TOKEN_BUCKETS,
)
OPERATION_DURATION = Histogram(
    "gen_ai_client_operation_duration_seconds",
    "Generation time per answer (gen_ai.client.operation.duration), model call only",
    ["gen_ai_operation_name", "gen_ai_request_model", "error_type"],
    buckets=_LATENCY_BUCKETS,
)
TIME_TO_FIRST_CHUNK = Histogram(
    "gen_ai_client_operation_time_to_first_chunk_seconds",
    "Time from the start of generation to the first streamed chunk (gen_ai.client.operation.time_to_first_chunk)",
    ["gen_ai_operation_name", "gen_ai_request_model"],
    buckets=_LATENCY_BUCKETS,
)
REQUEST_TTFT = Histogram(
    "ragdesk_time_to_first_token_seconds",
    "Time from the request's arrival to the first answer token sent, by cache status",
    ["cache"],
    buckets=_LATENCY_BUCKETS,
)
STAGE_DURATION = Histogram(
    "ragdesk_stage_duration_seconds",
    "Time of one stage of an answer: cache_lookup, embed, search, prepare, generation_ttft, generation, guard",
    ["stage"],
    buckets=_STAGE_BUCKETS,
)
RETRIEVAL_TOP_SCORE = Histogram(
    "ragdesk_retrieval_top_score",
    "Score of the best retrieved passage per answered request",
    buckets=(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0),
)
COST = Counter(
    "ragdesk_cost_total", "Cost of answers at the configured prices (EVAL_PRICE_*, EVAL_GPU_HOUR_PRICE)", ["kind"]
)
CACHE_LOOKUPS = Counter(
    "ragdesk_cache_lookups_total", "Response-cache outcomes: hit-exact, hit-semantic, miss, bypass", ["result"]
)
QUEUE_WAITING = Gauge("ragdesk_queue_waiting", "Requests waiting for a generation slot", ["tier"])
QUEUE_RUNNING = Gauge("ragdesk_queue_running", "Generation slots in use", ["tier"])
QUEUE_WAIT = Histogram(
    "ragdesk_queue_wait_seconds", "Time a request waited for its generation slot", ["tier"], buckets=_STAGE_BUCKETS
)
GROUNDING = Counter(
    "ragdesk_grounding_outcomes_total",
    "Answers checked by the grounding guard, by answer verdict and what was done",
    ["verdict", "action"],
)
REFUSALS = Counter("ragdesk_refusals_total", "Requests refused with 429 or 503, by reason", ["status", "reason"])
BUDGET_REMAINING = Gauge(
    "ragdesk_budget_remaining_tokens", "Daily tokens left for a key (hashed key id) after its last request", ["key"]
)
ANSWERS = Counter("ragdesk_answers_total", "Chat answers by outcome", ["outcome"])


class BoundedLabels:
    """Keeps at most `limit` label values on a gauge; the least recently set is removed."""

    def __init__(self, gauge: Gauge, limit: int) -> None:
        self.gauge = gauge
        self.limit = limit
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def set(self, label: str, value: float) -> None:
        with self._lock:
            self._seen[label] = None
            self._seen.move_to_end(label)
            while len(self._seen) > self.limit:
                old, _ = self._seen.popitem(last=False)
                try:
                    self.gauge.remove(old)
                except KeyError:
                    pass
        self.gauge.labels(label).set(value)


_budget_labels: BoundedLabels | None = None


def budget_gauge(limit: int) -> BoundedLabels:
    global _budget_labels
    if _budget_labels is None or _budget_labels.limit != limit:
        _budget_labels = BoundedLabels(BUDGET_REMAINING, limit)
    return _budget_labels


def set_queue(snapshot: dict[str, int]) -> None:
    for tier in ("paid", "free"):
        QUEUE_WAITING.labels(tier).set(snapshot.get(f"waiting_{tier}", 0))
        QUEUE_RUNNING.labels(tier).set(snapshot.get(f"running_{tier}", 0))

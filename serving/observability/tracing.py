"""One MLflow trace per chat request, built after the response was sent (from the times the
request recorded), so tracing adds nothing to the time to first token.

Spans: `chat` (root; tag `ragdesk.request_id`, the request-log key) -> `cache_lookup`,
`retrieval` (embed + search), `generation` (an event at the first chunk) and `guard` (the
grounding checks' total, within the generation). TRACING_ENABLED=false turns it off; the traces go
to MLFLOW_TRACKING_URI (SQLite in the data dir by default), experiment TRACING_EXPERIMENT."""

from __future__ import annotations

import logging
import threading
from typing import Any

from core.settings import Settings
from serving.observability.context import RequestContext

log = logging.getLogger(__name__)

_setup_lock = threading.Lock()
_experiment_ids: dict[tuple[str, str], str] = {}
_exporting_to: str | None = None  # the tracking URI MLflow's tracer provider was set up with


def _export_to(tracking_uri: str) -> None:
    """MLflow's tracer provider keeps the tracking URI it was first set up with, whatever
    `set_tracking_uri` says later; set it, and re-initialise the provider when this app's URI
    differs (a second app or an evaluation in the same process), so traces land in this app's store."""
    global _exporting_to
    import mlflow

    if _exporting_to == tracking_uri and mlflow.get_tracking_uri() == tracking_uri:
        return
    mlflow.set_tracking_uri(tracking_uri)
    mlflow.tracing.reset()  # the provider is set up again, for this URI, on the next span
    _exporting_to = tracking_uri


def _experiment_id(settings: Settings) -> str:
    import mlflow

    key = (settings.resolved_mlflow_tracking_uri, settings.tracing_experiment)
    with _setup_lock:
        _export_to(settings.resolved_mlflow_tracking_uri)
        if key not in _experiment_ids:
            from core.db import migrations_serialized

            with migrations_serialized():  # the first call sets up MLflow's store: its Alembic upgrade
                found = mlflow.get_experiment_by_name(settings.tracing_experiment)
            if found is None:
                artifacts = (settings.data_dir / "mlartifacts").resolve().as_uri()
                _experiment_ids[key] = mlflow.create_experiment(
                    settings.tracing_experiment, artifact_location=artifacts
                )
            else:
                _experiment_ids[key] = found.experiment_id
        return _experiment_ids[key]


def _ns(ctx: RequestContext, perf: float) -> int:
    return int((ctx.started_wall + (perf - ctx.started)) * 1e9)


def write_trace(settings: Settings, ctx: RequestContext, ended: float) -> str:
    """Emit the request's trace; returns its trace id ("" when nothing was traced)."""
    import mlflow
    from mlflow.entities import SpanEvent

    record = ctx.chat
    if record is None:
        return ""
    experiment_id = _experiment_id(settings)
    marks = record.marks
    root = mlflow.start_span_no_context(
        name="chat",
        span_type="CHAIN",
        inputs={"question": record.question, "route": ctx.route},
        attributes={"ragdesk.request_id": ctx.request_id, "ragdesk.user": ctx.user_hash},
        tags={"ragdesk.request_id": ctx.request_id, "ragdesk.route": ctx.route},
        experiment_id=experiment_id,
        start_time_ns=_ns(ctx, ctx.started),
    )
    try:
        if "cache_done" in marks:
            took = record.timings.get("cache_lookup_ms", 0.0) / 1000
            _child(
                ctx,
                root,
                "cache_lookup",
                "RETRIEVER",
                marks["cache_done"] - took,
                marks["cache_done"],
                {"question": record.question},
                {"status": record.cache_status, "similarity": record.cache_similarity},
            )
        if "prepared" in marks:
            took = record.timings.get("prepare_ms", 0.0) / 1000
            _child(
                ctx,
                root,
                "retrieval",
                "RETRIEVER",
                marks["prepared"] - took,
                marks["prepared"],
                {"query": record.standalone_question},
                {"passages": record.passages},
                {"embed_ms": record.timings.get("embed_ms", 0.0), "search_ms": record.timings.get("search_ms", 0.0)},
            )
        if "generation_started" in marks:
            end = marks.get("generation_ended", ended)
            gen = mlflow.start_span_no_context(
                name="generation",
                span_type="LLM",
                parent_span=root,
                inputs={"messages": record.prompt},
                attributes={"cache": record.cache_status},
                start_time_ns=_ns(ctx, marks["generation_started"]),
            )
            gen.set_attribute("usage", record.usage)
            if record.first_chunk_at is not None:
                gen.add_event(SpanEvent("first_chunk", timestamp=_ns(ctx, record.first_chunk_at)))  # type: ignore[abstract]
            guard_ms = (record.grounding or {}).get("elapsed_ms")
            if guard_ms:
                _child(
                    ctx,
                    gen,
                    "guard",
                    "GUARDRAIL" if hasattr(mlflow.entities.SpanType, "GUARDRAIL") else "UNKNOWN",
                    end - guard_ms / 1000,
                    end,
                    {"answer": record.served_answer},
                    {k: v for k, v in (record.grounding or {}).items() if k != "check_ms"},
                )
            gen.end(
                outputs={"answer": record.served_answer},
                end_time_ns=_ns(ctx, end),
                status="ERROR" if record.error else "OK",
            )
        root.end(
            outputs={"answer": record.served_answer, "status": ctx.status, "error": record.error},
            end_time_ns=_ns(ctx, ended),
            status="ERROR" if ctx.status >= 400 or record.error else "OK",
        )
    except Exception:
        root.end(status="ERROR")
        raise
    return str(root.trace_id)


def _child(
    ctx: RequestContext,
    parent: Any,
    name: str,
    span_type: str,
    start: float,
    end: float,
    inputs: Any,
    outputs: Any,
    attributes: dict[str, Any] | None = None,
) -> None:
    import mlflow

    span = mlflow.start_span_no_context(
        name=name,
        span_type=span_type,
        parent_span=parent,
        inputs=inputs,
        attributes=attributes,
        start_time_ns=_ns(ctx, start),
    )
    span.end(outputs=outputs, end_time_ns=_ns(ctx, end))

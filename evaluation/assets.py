"""Evaluation assets: scheduled Ragas/MLflow runs that judge the collections they depend on.

Thin wrappers over `evaluation.run.run_evaluation`: each asset scores one golden set, logs an
MLflow run and reports the headline metrics and the run's URL as metadata; its check compares
the run with the previous one of the same kind and warns on a regression. The lead wires
EVALUATION_ASSETS, EVALUATION_CHECKS and EVALUATION_SCHEDULES into the Definitions.
"""

from typing import Any

import dagster as dg

from core.dagster_resources import EmbedderResource, MilvusResource, SettingsResource
from core.settings import Settings

GROUP = "evaluation"
NIGHTLY_CRON = "0 2 * * *"
METADATA_METRICS = (
    "recall_at_1",
    "recall_at_5",
    "mrr",
    "ctx_precision",
    "ctx_recall",
    "keyword_recall_at_5",
    "keyword_mrr",
    "dense_recall_at_5",
    "dense_mrr",
    "hallucination_rate",
    "unanswerable_declined_rate",
    "answer_similarity",
    "ttft_ms_p50",
    "total_ms_p95",
    "cost_per_request",
    "error_rate",
    "feedback_satisfaction_rate",
)


class EvalConfig(dg.Config):
    """Run configuration (all optional): the retrieval mode, the first N questions only (`limit`)
    or N evenly spaced ones (`sample`), and
    whether to call the LLM (default: EVAL_GENERATE for the demo set, off for the E-Manual set,
    whose 415 questions take ~30 min to answer on a CPU)."""

    mode: str | None = None
    limit: int | None = None
    sample: int | None = None
    generate: bool | None = None


def _evaluate(
    context: dg.AssetExecutionContext,
    config: Settings,
    dataset: str,
    run_config: EvalConfig,
    generate_default: bool,
    milvus: MilvusResource,
    embedder: EmbedderResource,
) -> dg.MaterializeResult:
    from evaluation.run import run_evaluation

    generate = generate_default if run_config.generate is None else run_config.generate

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "retrieval" or done % 10 == 0 or done == total:
            context.log.info(f"{stage}: {done}/{total}")

    result = run_evaluation(
        config,
        dataset,
        mode=run_config.mode,
        limit=run_config.limit,
        sample=run_config.sample,
        generate=generate,
        client=milvus.client(),
        embedder=embedder.embedder(),
        progress=progress,
    )
    metadata: dict[str, Any] = {
        name: round(result.metrics[name], 4) for name in METADATA_METRICS if name in result.metrics
    }
    metadata.update(
        {
            "questions": int(result.metrics["questions"]),
            "retrieval_mode": result.mode,
            "generate": result.generate,
            "subset": result.params.get("limit", "") or "all",
            "corpus_version": result.params["corpus_version"],
            "mlflow_run_id": result.run_id or "",
            "mlflow_run": dg.MetadataValue.url(result.run_url or ""),
            "retrieval_by_mode": dg.MetadataValue.md(_mode_table(result.retrieval_by_mode)),
        }
    )
    return dg.MaterializeResult(metadata=metadata)


def _mode_table(by_mode: dict[str, dict[str, float]]) -> str:
    lines = ["| mode | recall@1 | recall@3 | recall@5 | MRR |", "|---|---|---|---|---|"]
    for mode, values in by_mode.items():
        cells = " | ".join(
            f"{values.get(k, float('nan')):.3f}" for k in ("recall_at_1", "recall_at_3", "recall_at_5", "mrr")
        )
        lines.append(f"| {mode} | {cells} |")
    return "\n".join(lines)


@dg.asset(
    group_name=GROUP,
    deps=["support_collection"],
    kinds={"python", "mlflow"},
    description="The demo golden set (evaluation/datasets, EVAL_DEMO_DATASET) run through retrieval, generation and "
    "the grounding guard against the support collection; recall@k, MRR, Ragas context and answer metrics, "
    "hallucination rate, latency and cost logged as an MLflow run (keyword and dense baselines on the same questions).",
)
def demo_eval_run(
    context: dg.AssetExecutionContext,
    config: EvalConfig,
    settings: SettingsResource,
    milvus: MilvusResource,
    embedder: EmbedderResource,
) -> dg.MaterializeResult:
    project = settings.get()
    return _evaluate(context, project, "demo", config, project.eval_generate, milvus, embedder)


@dg.asset(
    group_name=GROUP,
    kinds={"python", "milvus"},
    description="The E-Manual (Samsung Smart TV) corpus from the shared data folder: 259 sections written as "
    "Markdown and indexed with the project's own pipeline into its own collection (EVAL_EMANUAL_COLLECTION).",
)
def emanual_collection(
    settings: SettingsResource, milvus: MilvusResource, embedder: EmbedderResource
) -> dg.MaterializeResult:
    from evaluation.emanual import EManualUnavailable, emanual_settings, index_emanual

    project = settings.get()
    try:
        report = index_emanual(project, milvus.client(), embedder.embedder())
    except EManualUnavailable as exc:
        raise dg.Failure(description=str(exc)) from exc
    c = report.changeset
    return dg.MaterializeResult(
        metadata={
            "collection": emanual_settings(project).milvus_collection,
            "sections": c.total_sources,
            "new": len(c.new_ids),
            "changed": len(c.changed_ids),
            "unchanged": c.unchanged,
            "chunks_embedded": report.chunks,
            "collection_chunks": report.write.collection_count if report.write else -1,
        }
    )


@dg.asset(
    group_name=GROUP,
    deps=[emanual_collection],
    kinds={"python", "mlflow"},
    description="The 415 title-matched E-Manual QA questions scored against the E-Manual collection (retrieval by "
    "default; set generate: true to answer them too), logged as an MLflow run with keyword and dense baselines.",
)
def emanual_eval_run(
    context: dg.AssetExecutionContext,
    config: EvalConfig,
    settings: SettingsResource,
    milvus: MilvusResource,
    embedder: EmbedderResource,
) -> dg.MaterializeResult:
    return _evaluate(context, settings.get(), "emanual", config, False, milvus, embedder)


def _regression_check(
    context: dg.AssetCheckExecutionContext, settings: Settings, asset_key: dg.AssetKey
) -> dg.AssetCheckResult:
    from evaluation.tracking import compare_run

    event = context.instance.get_latest_materialization_event(asset_key)
    materialization = event.asset_materialization if event is not None else None
    run_meta = materialization.metadata.get("mlflow_run_id") if materialization is not None else None
    run_id = str(run_meta.value) if run_meta is not None else ""
    if not run_id:
        return dg.AssetCheckResult(
            passed=True, severity=dg.AssetCheckSeverity.WARN, metadata={"note": "no MLflow run yet"}
        )
    comparison = compare_run(settings, run_id)
    lines = [r.describe() for r in comparison.regressions]
    return dg.AssetCheckResult(
        passed=not comparison.regressions,
        severity=dg.AssetCheckSeverity.WARN,
        description="; ".join(lines) if lines else None,
        metadata={
            "mlflow_run_id": run_id,
            "previous_run_id": comparison.previous_run_id or "none (first run of its kind)",
            "compared_metrics": ", ".join(comparison.compared) or "none",
            "regressions": dg.MetadataValue.md("\n".join(f"- {line}" for line in lines) or "none"),
            "rate_threshold": settings.eval_regression_threshold,
            "latency_cost_relative_threshold": settings.eval_latency_regression,
        },
    )


@dg.asset_check(
    asset=demo_eval_run,
    description="Warns when a headline metric of the newest demo run regressed against the previous run of the same "
    "kind (rates by more than EVAL_REGRESSION_THRESHOLD, latency and cost by more than EVAL_LATENCY_REGRESSION).",
)
def demo_eval_metrics_not_regressed(
    context: dg.AssetCheckExecutionContext, settings: SettingsResource
) -> dg.AssetCheckResult:
    return _regression_check(context, settings.get(), demo_eval_run.key)


@dg.asset_check(
    asset=emanual_eval_run,
    description="Warns when a headline metric of the newest E-Manual run regressed against the previous run of the "
    "same kind.",
)
def emanual_eval_metrics_not_regressed(
    context: dg.AssetCheckExecutionContext, settings: SettingsResource
) -> dg.AssetCheckResult:
    return _regression_check(context, settings.get(), emanual_eval_run.key)


evaluation_job = dg.define_asset_job(
    "evaluation_job",
    selection=dg.AssetSelection.groups(GROUP),
    description="Both golden sets scored and logged to MLflow.",
)

nightly_evaluation_schedule = dg.ScheduleDefinition(
    name="nightly_evaluation",
    job=evaluation_job,
    cron_schedule=NIGHTLY_CRON,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Scores both golden sets every night and logs them to MLflow.",
)

EVALUATION_ASSETS = [demo_eval_run, emanual_collection, emanual_eval_run]
EVALUATION_CHECKS = [demo_eval_metrics_not_regressed, emanual_eval_metrics_not_regressed]
EVALUATION_SCHEDULES = [nightly_evaluation_schedule]
EVALUATION_JOBS = [evaluation_job]

"""Observability's scheduled work: the request log's retention (a daily purge of rows older than
REQUEST_LOG_RETENTION_DAYS) and the capacity report asset (core/capacity.py)."""

import dagster as dg

from core.dagster_resources import DocStoreResource, MilvusResource, SettingsResource

PURGE_CRON = "17 3 * * *"  # daily, off the hour


@dg.op(description="Deletes request_log rows older than REQUEST_LOG_RETENTION_DAYS.")
def purge_request_log(context: dg.OpExecutionContext, settings: SettingsResource) -> int:
    from serving.observability.request_log import RequestLog

    config = settings.get()
    removed = RequestLog.open(config).purge(config.request_log_retention_days)
    context.log.info(f"request log: {removed} rows older than {config.request_log_retention_days} days removed")
    context.add_output_metadata({"removed": removed, "retention_days": config.request_log_retention_days})
    return removed


@dg.job(description="The request log's retention: removes rows past REQUEST_LOG_RETENTION_DAYS.")
def request_log_retention_job() -> None:
    purge_request_log()


request_log_retention_schedule = dg.ScheduleDefinition(
    name="request_log_retention",
    job=request_log_retention_job,
    cron_schedule=PURGE_CRON,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Purges request-log rows older than REQUEST_LOG_RETENTION_DAYS every night.",
)

OBSERVABILITY_JOBS = [request_log_retention_job]
OBSERVABILITY_SCHEDULES = [request_log_retention_schedule]


@dg.asset(
    group_name="observability",
    kinds={"python"},
    description="The capacity report: documents, chunks, tokens per chunk and storage of the live collection, and "
    "the assignment's projection (5,000 articles + 200 FAQs + 50 manuals; 384/1536-dim vectors raw and with HNSW; "
    "1,000 and 50,000 queries a day: tokens, GPU-hours, money, cache saving). Formulas: core/capacity.py.",
)
def capacity_report(
    settings: SettingsResource, milvus: MilvusResource, docstore: DocStoreResource
) -> dg.MaterializeResult:
    from core.capacity_report import build_report
    from serving.observability.request_log import RequestLog

    config = settings.get()
    store = docstore.store()
    logged = RequestLog(store.engine).traffic() if config.request_log_enabled else None
    report = build_report(config, milvus.client(), store, logged)
    return dg.MaterializeResult(
        metadata={
            "report": dg.MetadataValue.md(report.markdown()),
            "live": dg.MetadataValue.json({r.item: r.value for r in report.live}),
            "storage": dg.MetadataValue.json(report.storage),
            "traffic": dg.MetadataValue.json(report.traffic),
        }
    )


OBSERVABILITY_ASSETS = [capacity_report]

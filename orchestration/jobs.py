"""Jobs, the schedule and the sensor that keep the collection in step with the source folder."""

import hashlib
from pathlib import Path

import dagster as dg

from core.dagster_resources import SettingsResource
from core.loaders import SUPPORTED_SUFFIXES

INDEX_WRITER_TAG = "ragdesk/index_writer"

index_job = dg.define_asset_job(
    "index_job",
    selection=dg.AssetSelection.groups("indexing"),
    description="Incremental indexing: only new and changed documents are embedded; deleted ones are removed.",
    tags={INDEX_WRITER_TAG: "true"},
)

hourly_index_schedule = dg.ScheduleDefinition(
    name="hourly_index",
    job=index_job,
    cron_schedule="0 * * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)


def folder_fingerprint(folder: Path) -> str:
    """Changes when any supported file is added, removed, resized or touched."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.startswith("."):
                stat = path.stat()
                digest.update(f"{path.relative_to(folder)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:20]


@dg.sensor(
    job=index_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Starts an index run when a file in the source folder is added, changed or removed.",
)
def source_folder_sensor(context: dg.SensorEvaluationContext, settings: SettingsResource) -> dg.SensorResult:
    fingerprint = folder_fingerprint(settings.get().docs_source_dir)
    if fingerprint == context.cursor:
        return dg.SensorResult(skip_reason="source folder unchanged")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=fingerprint)], cursor=fingerprint)

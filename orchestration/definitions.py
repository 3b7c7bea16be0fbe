"""The Dagster code location: assembly only."""

import dagster as dg

from assets.indexing import INDEXING_ASSETS, INDEXING_CHECKS
from core.dagster_resources import build_resources
from evaluation.assets import EVALUATION_ASSETS, EVALUATION_CHECKS, EVALUATION_JOBS, EVALUATION_SCHEDULES
from orchestration.jobs import hourly_index_schedule, index_job, source_folder_sensor
from orchestration.observability import OBSERVABILITY_ASSETS, OBSERVABILITY_JOBS, OBSERVABILITY_SCHEDULES


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions(
        assets=[*INDEXING_ASSETS, *EVALUATION_ASSETS, *OBSERVABILITY_ASSETS],
        asset_checks=[*INDEXING_CHECKS, *EVALUATION_CHECKS],
        jobs=[index_job, *EVALUATION_JOBS, *OBSERVABILITY_JOBS],
        schedules=[hourly_index_schedule, *EVALUATION_SCHEDULES, *OBSERVABILITY_SCHEDULES],
        sensors=[source_folder_sensor],
        resources=build_resources(),
    )

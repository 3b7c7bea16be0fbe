"""The Dagster code location: assembly only."""

import dagster as dg

from assets.indexing import INDEXING_ASSETS, INDEXING_CHECKS
from core.dagster_resources import build_resources
from evaluation.assets import EVALUATION_ASSETS, EVALUATION_CHECKS, EVALUATION_JOBS, EVALUATION_SCHEDULES
from orchestration.jobs import hourly_index_schedule, index_job, source_folder_sensor


@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions(
        assets=[*INDEXING_ASSETS, *EVALUATION_ASSETS],
        asset_checks=[*INDEXING_CHECKS, *EVALUATION_CHECKS],
        jobs=[index_job, *EVALUATION_JOBS],
        schedules=[hourly_index_schedule, *EVALUATION_SCHEDULES],
        sensors=[source_folder_sensor],
        resources=build_resources(),
    )

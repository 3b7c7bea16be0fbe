import dagster as dg

from assets.indexing import INDEXING_ASSETS, INDEXING_CHECKS
from core.dagster_resources import build_resources
from evaluation.assets import EVALUATION_ASSETS, EVALUATION_CHECKS, EVALUATION_SCHEDULES, GROUP


def test_evaluation_definitions_load_downstream_of_the_collection() -> None:
    defs = dg.Definitions(
        assets=[*INDEXING_ASSETS, *EVALUATION_ASSETS],
        asset_checks=[*INDEXING_CHECKS, *EVALUATION_CHECKS],
        schedules=EVALUATION_SCHEDULES,
        resources=build_resources(),
    )
    dg.Definitions.validate_loadable(defs)
    graph = defs.resolve_asset_graph()
    demo = dg.AssetKey("demo_eval_run")
    assert dg.AssetKey("support_collection") in graph.get(demo).parent_keys
    assert dg.AssetKey("emanual_collection") in graph.get(dg.AssetKey("emanual_eval_run")).parent_keys
    assert {graph.get(k).group_name for k in (demo, dg.AssetKey("emanual_eval_run"))} == {GROUP}
    schedule = defs.resolve_schedule_def("nightly_evaluation")
    assert schedule.cron_schedule == "0 2 * * *"
    assert len(EVALUATION_CHECKS) == 2

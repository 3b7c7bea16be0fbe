"""Reading evaluation runs back from MLflow for review (the notebooks use these)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd

from core.settings import Settings
from evaluation.tracking import EXPERIMENT_PREFIX, TABLE_JSON, TAG_DATASET, TAG_GENERATE, TAG_MODE, mlflow_client

RUN_COLUMNS = [
    "recall_at_1",
    "recall_at_5",
    "mrr",
    "ctx_recall",
    "hallucination_rate",
    "answer_similarity",
    "total_ms_p50",
]


def latest_runs(settings: Settings, per_dataset: int = 5) -> pd.DataFrame:
    """The newest finished runs of every golden set, newest first, with their headline metrics."""
    client = mlflow_client(settings)
    experiments = [e for e in client.search_experiments() if e.name.startswith(EXPERIMENT_PREFIX)]
    rows = []
    for experiment in experiments:
        runs = client.search_runs(
            [experiment.experiment_id],
            filter_string="attributes.status = 'FINISHED'",
            order_by=["attributes.start_time DESC"],
            max_results=per_dataset,
        )
        for run in runs:
            row = {
                "dataset": run.data.tags.get(TAG_DATASET, experiment.name.removeprefix(EXPERIMENT_PREFIX)),
                "run_id": run.info.run_id,
                "started": pd.Timestamp(run.info.start_time, unit="ms"),
                "mode": run.data.tags.get(TAG_MODE, ""),
                "generate": run.data.tags.get(TAG_GENERATE, ""),
                "questions": run.data.metrics.get("questions"),
            }
            row.update({name: run.data.metrics.get(name) for name in RUN_COLUMNS})
            rows.append(row)
    frame = pd.DataFrame(rows)
    return frame.sort_values("started", ascending=False).reset_index(drop=True) if not frame.empty else frame


def question_table(settings: Settings, run_id: str) -> pd.DataFrame:
    """The per-question table a run logged."""
    client = mlflow_client(settings)
    with tempfile.TemporaryDirectory() as tmp:
        path = client.download_artifacts(run_id, TABLE_JSON, tmp)
        rows = json.loads(Path(path).read_text(encoding="utf-8"))
    return pd.DataFrame(rows)


def retrieval_failures(table: pd.DataFrame, k: int = 5) -> pd.DataFrame:
    """Questions with gold sections where no gold section is among the first k retrieved
    sections: the question, its gold and what was retrieved instead."""
    has_gold = table["gold"].map(len) > 0
    missed = table["first_hit"].isna() | (table["first_hit"] > k)
    failures = table[has_gold & missed].copy()
    failures["retrieved_top"] = failures["retrieved"].map(lambda r: r[:k])
    columns = ["id", "kind", "question", "gold", "retrieved_top", "first_hit", "baseline_first_hit"]
    return failures[[c for c in columns if c in failures.columns]].reset_index(drop=True)


def miss_rate_by(table: pd.DataFrame, column: str, k: int = 5) -> pd.DataFrame:
    scored = table[table["gold"].map(len) > 0].copy()
    scored["missed"] = scored["first_hit"].isna() | (scored["first_hit"] > k)
    grouped = scored.groupby(column)["missed"].agg(["count", "mean"]).rename(columns={"mean": f"miss_rate@{k}"})
    return grouped.sort_values(f"miss_rate@{k}", ascending=False)

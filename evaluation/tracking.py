"""MLflow logging of evaluation runs, and the comparison with the previous run.

Tracking URI: settings.resolved_mlflow_tracking_uri (a SQLite file in the data dir by default, so
`mlflow server --backend-store-uri sqlite:///...` serves it). One experiment per golden set
(`ragdesk-eval-demo`, `ragdesk-eval-emanual`); each run has the parameters that say what was
judged (corpus version, embedder, chunking, LLM, prompt version, git commit), the metrics, the
per-question table (CSV, JSON and an MLflow table) and plots.
"""

from __future__ import annotations

import json
import logging
import subprocess
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.settings import REPO_ROOT, Settings

if TYPE_CHECKING:
    from mlflow.entities import Run
    from mlflow.tracking import MlflowClient

    from evaluation.results import EvalResult

log = logging.getLogger(__name__)

EXPERIMENT_PREFIX = "ragdesk-eval-"
TAG_DATASET = "ragdesk.dataset"
TAG_MODE = "ragdesk.mode"
TAG_GENERATE = "ragdesk.generate"
TAG_LIMIT = "ragdesk.limit"
TABLE_CSV = "questions.csv"
TABLE_JSON = "questions.json"

# Headline metrics: name -> True when higher is better. Rates and scores regress by an absolute
# drop (EVAL_REGRESSION_THRESHOLD); latency and cost by a relative rise (EVAL_LATENCY_REGRESSION).
HEADLINE: dict[str, bool] = {
    "recall_at_5": True,
    "mrr": True,
    "ctx_recall": True,
    "answer_similarity": True,
    "unanswerable_declined_rate": True,
    "faithfulness": True,
    "answer_relevancy": True,
    "feedback_satisfaction_rate": True,
    "hallucination_rate": False,
    "error_rate": False,
    "answerable_declined_rate": False,
    "ttft_ms_p50": False,
    "total_ms_p95": False,
    "cost_per_request": False,
}
RELATIVE = {"ttft_ms_p50", "total_ms_p95", "cost_per_request"}
HISTORY_PLOT_METRICS = ("recall_at_5", "mrr", "ctx_recall", "hallucination_rate", "answer_similarity")


@lru_cache(maxsize=1)
def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=5, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip() or "unknown"


def experiment_name(dataset: str) -> str:
    return f"{EXPERIMENT_PREFIX}{dataset}"


def mlflow_client(settings: Settings) -> MlflowClient:
    from mlflow.tracking import MlflowClient

    uri = settings.resolved_mlflow_tracking_uri
    if uri.startswith("sqlite:///"):
        Path(uri.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    return MlflowClient(tracking_uri=uri)


def artifact_root(settings: Settings) -> str | None:
    """Artifacts of a SQLite-backed store go next to it in the data dir (not ./mlruns of
    whatever directory the job ran in); a remote tracking server decides for itself."""
    uri = settings.resolved_mlflow_tracking_uri
    if not uri.startswith("sqlite:///"):
        return None
    root = Path(uri.removeprefix("sqlite:///")).parent / "mlartifacts"
    root.mkdir(parents=True, exist_ok=True)
    return root.resolve().as_uri()


def ensure_experiment(client: MlflowClient, settings: Settings, dataset: str) -> str:
    from mlflow.exceptions import MlflowException

    name = experiment_name(dataset)
    existing = client.get_experiment_by_name(name)
    if existing is not None:
        return str(existing.experiment_id)
    try:
        return str(client.create_experiment(name, artifact_location=artifact_root(settings)))
    except MlflowException:  # created meanwhile by another process
        again = client.get_experiment_by_name(name)
        if again is None:
            raise
        return str(again.experiment_id)


def run_url(settings: Settings, experiment_id: str, run_id: str) -> str:
    return f"http://127.0.0.1:{settings.mlflow_port}/#/experiments/{experiment_id}/runs/{run_id}"


def log_evaluation(settings: Settings, result: EvalResult) -> str:
    """One MLflow run for `result`; sets result.run_id/run_url and returns the run id."""
    from mlflow.entities import Metric, Param, RunTag

    client = mlflow_client(settings)
    experiment_id = ensure_experiment(client, settings, result.dataset)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    kind = "generate" if result.generate else "retrieval"
    tags = {
        TAG_DATASET: result.dataset,
        TAG_MODE: result.mode,
        TAG_GENERATE: str(result.generate),
        TAG_LIMIT: result.params.get("limit", ""),
        "mlflow.source.git.commit": result.params.get("git_commit", "unknown"),
    }
    started_ms = int((time.time() - result.seconds) * 1000)  # the run's duration is the evaluation's
    run = client.create_run(
        experiment_id, start_time=started_ms, run_name=f"{result.dataset}-{result.mode}-{kind}-{stamp}", tags=tags
    )
    run_id = run.info.run_id
    try:
        now = int(time.time() * 1000)
        history = previous_runs(settings, result.dataset, result.mode, result.generate, result.params.get("limit", ""))
        client.log_batch(
            run_id,
            metrics=[Metric(k, float(v), now, 0) for k, v in sorted(result.metrics.items())],
            params=[Param(k, str(v)[:6000]) for k, v in sorted(result.params.items())],
            tags=[RunTag("ragdesk.seconds", f"{result.seconds:.1f}")],
        )
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            _write_tables(folder, result)
            client.log_artifact(run_id, str(folder / TABLE_CSV))
            client.log_artifact(run_id, str(folder / TABLE_JSON))
            client.log_artifact(run_id, str(folder / "summary.json"))
            for plot in _write_plots(folder, result, history):
                client.log_artifact(run_id, str(plot), artifact_path="plots")
        _log_table(client, run_id, result)
        client.set_terminated(run_id, "FINISHED")
    except Exception:
        client.set_terminated(run_id, "FAILED")
        raise
    result.run_id = run_id
    result.run_url = run_url(settings, experiment_id, run_id)
    log.info("logged MLflow run %s (%s)", run_id, result.run_url)
    return run_id


def _write_tables(folder: Path, result: EvalResult) -> None:
    import pandas as pd

    rows = result.rows()
    frame = pd.DataFrame(rows)
    for column in frame.columns:  # lists and dicts as JSON text in the CSV
        if frame[column].map(lambda v: isinstance(v, list | dict)).any():
            frame[column] = frame[column].map(lambda v: json.dumps(v, ensure_ascii=False))
    frame.to_csv(folder / TABLE_CSV, index=False)
    (folder / TABLE_JSON).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    summary = {
        "dataset": result.dataset,
        "mode": result.mode,
        "generate": result.generate,
        "metrics": result.metrics,
        "retrieval_by_mode": result.retrieval_by_mode,
        "judge_errors": result.judge_errors,
        "params": result.params,
    }
    (folder / "summary.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")


def _log_table(client: MlflowClient, run_id: str, result: EvalResult) -> None:
    """The per-question table as an MLflow table (the UI's artifact view shows it as a grid)."""
    import pandas as pd

    keep = [
        "id",
        "question",
        "kind",
        "gold",
        "retrieved",
        "first_hit",
        "rr",
        "answer",
        "grounded",
        "total_ms",
        "cost_total",
    ]
    frame = pd.DataFrame(result.rows())[keep]
    for column in ("gold", "retrieved"):
        frame[column] = frame[column].map(lambda v: " ; ".join(v[:5]))
    client.log_table(run_id, data=frame, artifact_file="questions_table.json")


def _write_plots(folder: Path, result: EvalResult, history: list[Run]) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    paths: list[Path] = []
    # 1. metric history: earlier runs of the same set, mode and kind, then this one
    names = [m for m in HISTORY_PLOT_METRICS if m in result.metrics]
    fig, ax = plt.subplots(figsize=(8, 4))
    ordered = sorted(history, key=lambda r: r.info.start_time)
    for name in names:
        values = [r.data.metrics.get(name) for r in ordered] + [result.metrics[name]]
        points = [(i, float(v)) for i, v in enumerate(values) if v is not None]
        ax.plot([i for i, _ in points], [v for _, v in points], marker="o", label=name)
    ax.set_xlabel("run (oldest to this one)")
    ax.set_ylim(0, 1.05)
    ax.set_title(f"{result.dataset} ({result.mode}): metric history")
    ax.legend(loc="lower left", fontsize=8)
    paths.append(_save(fig, folder / "metric_history.png"))
    # 2. retrieval by mode, this run's questions
    fig, ax = plt.subplots(figsize=(7, 3.5))
    modes = list(result.retrieval_by_mode)
    keys = ["recall_at_1", "recall_at_3", "recall_at_5", "mrr"]
    width = 0.8 / max(len(modes), 1)
    for i, mode in enumerate(modes):
        ax.bar(
            [j + i * width for j in range(len(keys))],
            [result.retrieval_by_mode[mode].get(k, 0) for k in keys],
            width,
            label=mode,
        )
    ax.set_xticks([j + width * (len(modes) - 1) / 2 for j in range(len(keys))], keys)
    ax.set_ylim(0, 1.05)
    ax.legend(fontsize=8)
    ax.set_title("retrieval by mode (section level)")
    paths.append(_save(fig, folder / "retrieval_by_mode.png"))
    called = [q for q in result.questions if q.model_called]
    if called:
        # 3. latency distribution
        fig, ax = plt.subplots(figsize=(7, 3.5))
        ttft = [q.ttft_ms for q in called if q.ttft_ms is not None]
        total = [q.total_ms for q in called if q.total_ms is not None]
        ax.hist([ttft, total], bins=20, label=["TTFT (ms)", "total (ms)"])
        ax.set_xlabel("milliseconds")
        ax.set_ylabel("requests")
        ax.legend()
        ax.set_title("latency distribution")
        paths.append(_save(fig, folder / "latency_distribution.png"))
        # 4. cost per request
        fig, ax = plt.subplots(figsize=(8, 3.5))
        ax.bar(range(len(called)), [q.cost_tokens for q in called], label="tokens")
        ax.bar(
            range(len(called)),
            [q.cost_machine for q in called],
            bottom=[q.cost_tokens for q in called],
            label="machine time",
        )
        ax.set_xlabel("request")
        ax.set_ylabel("cost")
        ax.legend()
        ax.set_title("cost per request")
        paths.append(_save(fig, folder / "cost_per_request.png"))
    return paths


def _save(fig: Any, path: Path) -> Path:
    import matplotlib.pyplot as plt

    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


# --- reading back -------------------------------------------------------------------------------
def previous_runs(
    settings: Settings, dataset: str, mode: str, generate: bool, limit: str = "", max_results: int = 50
) -> list[Run]:
    """Finished runs of the same golden set, mode, kind and limit, newest first."""
    client = mlflow_client(settings)
    experiment = client.get_experiment_by_name(experiment_name(dataset))
    if experiment is None:
        return []
    query = f"tags.`{TAG_MODE}` = '{mode}' and tags.`{TAG_GENERATE}` = '{generate}' and attributes.status = 'FINISHED'"
    runs = client.search_runs(
        [experiment.experiment_id],
        filter_string=query,
        order_by=["attributes.start_time DESC"],
        max_results=max_results,
    )
    return [r for r in runs if r.data.tags.get(TAG_LIMIT, "") == limit]


@dataclass(frozen=True)
class Regression:
    metric: str
    previous: float
    current: float
    allowed: float

    def describe(self) -> str:
        return f"{self.metric}: {self.previous:.4g} -> {self.current:.4g} (allowed change {self.allowed:.4g})"


def find_regressions(settings: Settings, current: dict[str, float], previous: dict[str, float]) -> list[Regression]:
    found = []
    for name, higher_is_better in HEADLINE.items():
        if name not in current or name not in previous:
            continue
        before, now = previous[name], current[name]
        if name in RELATIVE:
            allowed = abs(before) * settings.eval_latency_regression
        else:
            allowed = settings.eval_regression_threshold
        worse = before - now if higher_is_better else now - before
        if worse > allowed:
            found.append(Regression(name, before, now, allowed))
    return found


@dataclass
class Comparison:
    run_id: str | None
    previous_run_id: str | None
    regressions: list[Regression]
    compared: list[str]


def compare_latest(settings: Settings, dataset: str, mode: str, generate: bool, limit: str = "") -> Comparison:
    """The newest run of a set against the one before it (same mode, kind and limit)."""
    runs = previous_runs(settings, dataset, mode, generate, limit, max_results=2)
    if not runs:
        return Comparison(None, None, [], [])
    if len(runs) < 2:
        return Comparison(runs[0].info.run_id, None, [], [])
    current, previous = runs[0].data.metrics, runs[1].data.metrics
    compared = [m for m in HEADLINE if m in current and m in previous]
    return Comparison(runs[0].info.run_id, runs[1].info.run_id, find_regressions(settings, current, previous), compared)


def compare_run(settings: Settings, run_id: str) -> Comparison:
    """A run against the newest earlier finished run of the same set, mode, kind and limit."""
    client = mlflow_client(settings)
    run = client.get_run(run_id)
    tags = run.data.tags
    earlier = [
        r
        for r in previous_runs(
            settings,
            tags.get(TAG_DATASET, ""),
            tags.get(TAG_MODE, ""),
            tags.get(TAG_GENERATE, "") == "True",
            tags.get(TAG_LIMIT, ""),
        )
        if r.info.run_id != run_id and r.info.start_time <= run.info.start_time
    ]
    if not earlier:
        return Comparison(run_id, None, [], [])
    current, previous = run.data.metrics, earlier[0].data.metrics
    compared = [m for m in HEADLINE if m in current and m in previous]
    return Comparison(run_id, earlier[0].info.run_id, find_regressions(settings, current, previous), compared)

"""Executes notebooks/retrieval_failures.ipynb against a tiny MLflow store made here, so the
notebook cannot rot."""

import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from core.settings import REPO_ROOT, Settings
from evaluation.results import EvalResult, QuestionResult
from evaluation.tracking import log_evaluation

NOTEBOOK = REPO_ROOT / "notebooks" / "retrieval_failures.ipynb"


def _result(dataset: str, first_hits: list[int | None]) -> EvalResult:
    rows = []
    for i, hit in enumerate(first_hits):
        rows.append(
            QuestionResult(
                id=f"{dataset}-{i}",
                question=f"question {i}?",
                category="returns",
                kind="how-to" if i % 2 else "paraphrased",
                answerable=True,
                expected_answer="an answer",
                gold=[f"doc{i}.md#Section"],
                retrieved=[f"other{j}.md" for j in range(10)],
                first_hit=hit,
                recall_at_5=1.0 if hit is not None and hit <= 5 else 0.0,
                rr=1.0 / hit if hit else 0.0,
                baseline_first_hit={"hybrid": hit, "keyword": 2, "dense": None},
            )
        )
    rows.append(QuestionResult("unanswerable", "no gold?", "general", "unanswerable", False, "not covered", []))
    metrics = {"questions": float(len(rows)), "recall_at_5": 0.5, "mrr": 0.4}
    by_mode = {"hybrid": {"recall_at_5": 0.5, "mrr": 0.4}, "keyword": {"recall_at_5": 0.6, "mrr": 0.5}}
    params = {"dataset": dataset, "limit": "", "git_commit": "test"}
    return EvalResult(dataset, "hybrid", False, params, metrics, rows, by_mode)


@pytest.mark.timeout(240)
def test_retrieval_failures_notebook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    uri = f"sqlite:///{tmp_path / 'mlflow.db'}"
    settings = Settings(RAGDESK_DATA_DIR=tmp_path, MLFLOW_TRACKING_URI=uri)
    log_evaluation(settings, _result("demo", [1, None, 7, 2]))
    log_evaluation(settings, _result("emanual", [None, 3, 1]))

    monkeypatch.setenv("MLFLOW_TRACKING_URI", uri)
    monkeypatch.setenv("RAGDESK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("import sys\nprint('kernel python:', sys.executable)"))
    # kernel "python3" with argv "python": jupyter_client runs it with this interpreter (the venv's)
    client = NotebookClient(
        notebook, kernel_name="python3", timeout=180, resources={"metadata": {"path": str(REPO_ROOT)}}
    )
    client.execute()

    text = "\n".join(
        output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )
    assert "demo: 2 of 4 questions with gold have no gold section in the top 5" in text
    assert "emanual: 1 of 3" in text
    assert f"kernel python: {sys.executable}" in text

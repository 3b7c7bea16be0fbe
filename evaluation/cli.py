"""`ragdesk eval`: run the evaluation and log it to MLflow; export feedback as candidate golden
questions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

eval_app = typer.Typer(no_args_is_help=True, add_completion=False)

EXIT_FAILED = 1
EXIT_UNAVAILABLE = 3


def _print_table(result) -> None:  # type: ignore[no-untyped-def]
    typer.echo(f"\n{result.dataset}: {int(result.metrics['questions'])} questions, mode {result.mode}")
    typer.echo(f"{'mode':<10}{'R@1':>8}{'R@3':>8}{'R@5':>8}{'MRR':>8}")
    for mode, values in result.retrieval_by_mode.items():
        cells = "".join(
            f"{values.get(k, float('nan')):>8.3f}" for k in ("recall_at_1", "recall_at_3", "recall_at_5", "mrr")
        )
        typer.echo(f"{mode:<10}{cells}")
    shown = [
        "ctx_precision",
        "ctx_recall",
        "hallucination_rate",
        "unanswerable_declined_rate",
        "answerable_declined_rate",
        "answer_similarity",
        "answer_rouge_l",
        "faithfulness",
        "answer_relevancy",
        "ttft_ms_p50",
        "total_ms_p50",
        "total_ms_p95",
        "prompt_tokens_mean",
        "completion_tokens_mean",
        "cost_per_request",
        "error_rate",
        "feedback_satisfaction_rate",
    ]
    for name in shown:
        if name in result.metrics:
            typer.echo(f"{name:<28}{result.metrics[name]:.4g}")
    if result.run_url:
        typer.echo(f"\nMLflow run: {result.run_url}")


@eval_app.command("run")
def run(
    dataset: Annotated[str, typer.Option(help="demo, emanual, or a golden JSONL file")] = "demo",
    mode: Annotated[str | None, typer.Option(help="dense, keyword or hybrid; default RETRIEVAL_MODE")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="only the first N questions")] = None,
    sample: Annotated[int | None, typer.Option(min=1, help="N questions evenly spaced over the set")] = None,
    no_generate: Annotated[bool, typer.Option("--no-generate", help="retrieval scores only, no LLM calls")] = False,
    no_track: Annotated[bool, typer.Option("--no-track", help="do not log to MLflow")] = False,
) -> None:
    """Run every golden question through retrieval, generation and the grounding guard; log to MLflow."""
    from core.settings import get_settings
    from evaluation.emanual import EManualUnavailable
    from evaluation.golden import DatasetError
    from evaluation.run import LLMUnavailableError, run_evaluation

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "generate" and (done % 10 == 0 or done == total):
            typer.echo(f"  generated {done}/{total}", err=True)

    try:
        result = run_evaluation(
            get_settings(),
            dataset,
            mode=mode,
            limit=limit,
            sample=sample,
            generate=not no_generate,
            track=not no_track,
            progress=progress,
        )
    except LLMUnavailableError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_UNAVAILABLE) from exc
    except (EManualUnavailable, DatasetError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_FAILED) from exc
    _print_table(result)


@eval_app.command("export-feedback")
def export_feedback(
    output: Annotated[Path, typer.Argument(help="JSONL file to write")] = Path(
        "evaluation/datasets/feedback_candidates/candidates.jsonl"
    ),
) -> None:
    """Write thumbs-down questions as candidate golden questions (gold left empty to fill in)."""
    from core.feedback import export_candidates, feedback_engine, satisfaction_rate
    from core.settings import get_settings

    settings = get_settings()
    engine = feedback_engine(settings)
    written = export_candidates(engine, output)
    stats = satisfaction_rate(engine)
    rate = f"{stats.rate:.0%}" if stats.rate is not None else "n/a"
    typer.echo(
        f"wrote {written} candidate questions to {output} (feedback: {stats.up} up, {stats.down} down, satisfaction {rate})"
    )

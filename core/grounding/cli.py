"""`ragdesk grounding ...`: the grounding check over a file of cases (same checker as the API's
inline guard and POST /v1/grounding/check)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

grounding_app = typer.Typer(help="Check answers against passages.", no_args_is_help=True)


@grounding_app.command("check")
def check(
    in_path: Annotated[Path, typer.Option("--in", help="JSONL: question, answer, passages [, id, label].")],
    out_path: Annotated[Path, typer.Option("--out", help="JSONL of verdicts, one per input line.")],
    json_summary: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Check every case; print counts per verdict and time per case, and precision/recall/F1 for
    'not supported' with a confusion table when the cases carry labels. Exit 2 on bad input."""
    from core.clients import make_embedder
    from core.grounding import GroundingChecker
    from core.grounding.batch import BatchInputError, format_summary, run_batch
    from core.settings import get_settings

    if not in_path.is_file():
        typer.secho(f"error: {in_path} does not exist", err=True, fg=typer.colors.RED)
        raise typer.Exit(2)
    settings = get_settings()
    checker = GroundingChecker(settings, make_embedder(settings))
    try:
        summary = run_batch(in_path, out_path, checker)
    except BatchInputError as exc:
        typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
        raise typer.Exit(2) from exc
    typer.echo(json.dumps(summary, indent=2) if json_summary else format_summary(summary))


@grounding_app.command("halueval")
def halueval(
    out_path: Annotated[Path, typer.Option("--out", help="Where to write the batch JSONL.")],
    split: Annotated[str, typer.Option(help="train (lines 0-999) or heldout (1000-1999).")] = "heldout",
) -> None:
    """Convert ../shared/data/halueval_dev into the batch format (labels included)."""
    from core.grounding.halueval import main as convert

    raise typer.Exit(convert(["--split", split, "--out", str(out_path)]))

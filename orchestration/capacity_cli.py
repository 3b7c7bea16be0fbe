"""`ragdesk capacity`: the capacity report (core/capacity_report.py) for the live collection and
the assignment's projection, as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

capacity_app = typer.Typer(invoke_without_command=True, no_args_is_help=False)


@capacity_app.callback()
def capacity(
    out: Annotated[Path | None, typer.Option("--out", help="Also write the Markdown here.")] = None,
) -> None:
    """Chunks, tokens and storage of the live collection; the assignment's storage and traffic
    projection (tokens, GPU-hours, money, cache saving)."""
    from core.capacity_report import build_report
    from core.clients import make_engine, make_milvus_client
    from core.docstore import DocStore
    from core.settings import get_settings
    from serving.observability.request_log import RequestLog

    settings = get_settings()
    try:
        milvus = make_milvus_client(settings)
    except Exception as exc:
        typer.secho(f"error: Milvus at {settings.milvus_uri} is unavailable: {exc}", err=True, fg=typer.colors.RED)
        raise typer.Exit(4) from exc
    engine = make_engine(settings)
    logged = RequestLog(engine).traffic() if settings.request_log_enabled else None
    report = build_report(settings, milvus, DocStore(engine), logged)
    text = report.markdown()
    typer.echo(text)
    if out is not None:
        out.write_text(text)

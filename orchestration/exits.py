"""Exit codes of `ragdesk` and its sub-commands (the contract in orchestration/cli.py's docstring),
and the one way a command fails with a message."""

from __future__ import annotations

from typing import NoReturn

import typer

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL, EXIT_UNAVAILABLE = 0, 1, 2, 3, 4


def fail(message: str, code: int = EXIT_FAILED) -> NoReturn:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)

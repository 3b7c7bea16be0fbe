"""A throwaway Postgres server for tests: `initdb` into a temporary folder, started on a free
local port with trust authentication, stopped (and its folder removed) on exit. As root the server
runs as `nobody` (Postgres refuses to run as root). None when the binaries are not installed."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from core.redis_server import free_port

USER = "ragdesk"


def binaries() -> tuple[str, str] | None:
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    return (initdb, pg_ctl) if initdb and pg_ctl else None


@contextlib.contextmanager
def temporary_postgres() -> Iterator[str]:
    """Yields a SQLAlchemy URL (psycopg 3 driver) of an empty database."""
    found = binaries()
    if found is None:
        raise FileNotFoundError("initdb / pg_ctl not found")
    initdb, pg_ctl = found
    as_user = ["runuser", "-u", "nobody", "--"] if os.geteuid() == 0 else []
    folder = Path(tempfile.mkdtemp(prefix="ragdesk-pg-"))
    data = folder / "data"
    if as_user:
        shutil.chown(folder, user="nobody")
    port = free_port()
    run = lambda *args: subprocess.run([*as_user, *args], check=True, capture_output=True, cwd=folder)  # noqa: E731
    try:
        run(initdb, "-D", str(data), "-A", "trust", "-U", USER)
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(pg_ctl, "-D", str(data), "-l", str(folder / "log"), "-o", options, "-w", "start")
        try:
            yield f"postgresql+psycopg://{USER}@127.0.0.1:{port}/postgres"
        finally:
            run(pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)

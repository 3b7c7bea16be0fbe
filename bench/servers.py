"""Starting and stopping the servers a benchmark needs, as subprocesses stopped by their PID:
`milvus-lite server`, the local LLM server and the API (uvicorn)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from core.settings import REPO_ROOT
from core.testing.servers import free_port


def wait_until(check: Callable[[], bool], timeout_s: float, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        with contextlib.suppress(httpx.HTTPError, OSError):
            if check():
                return
        time.sleep(0.2)
    raise RuntimeError(f"{what} not ready within {timeout_s:.0f}s")


class Proc:
    """One subprocess, logged to a file, stopped with SIGTERM (then SIGKILL) by its PID."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(args, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


def base_env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MILVUS_", "LLM_", "LOCAL_LLM_"))}
    env["HF_HUB_OFFLINE"] = "1"
    env.update(values)
    return env


def start_milvus_lite(data_dir: Path, log_dir: Path) -> tuple[Proc, str]:
    port = free_port()
    exe = str(Path(sys.executable).parent / "milvus-lite")
    proc = Proc(
        "milvus-lite",
        [exe, "server", "--data-dir", str(data_dir), "--host", "127.0.0.1", "--port", str(port)],
        base_env(),
        log_dir,
    )
    uri = f"http://127.0.0.1:{port}"

    def listening() -> bool:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True

    wait_until(listening, 60, proc.process, "milvus-lite server")
    return proc, uri


def start_llm_server(
    log_dir: Path,
    threads: int,
    parallel: int,
    model: str = "local",
    port: int | None = None,
    **settings: str,
) -> tuple[Proc, str]:
    """The local LLM server; `settings`: more LOCAL_LLM_* values (e.g. LOCAL_LLM_CACHE_RAM_MIB="256")."""
    port = port or free_port()
    env = base_env(
        LOCAL_LLM_PORT=str(port),
        LOCAL_LLM_THREADS=str(threads),
        LOCAL_LLM_PARALLEL=str(parallel),
        LLM_MODEL=model,
        **settings,
    )
    proc = Proc("llm-server", [sys.executable, "-m", "core.llm_server"], env, log_dir)
    url = f"http://127.0.0.1:{port}/v1"
    wait_until(lambda: httpx.get(f"{url}/models", timeout=2).status_code == 200, 120, proc.process, "LLM server")
    return proc, url


def start_api(log_dir: Path, env_values: dict[str, str]) -> tuple[Proc, str]:
    port = free_port()
    args = [
        sys.executable,
        "-m",
        "uvicorn",
        "serving.main:app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    proc = Proc("api", args, base_env(**env_values), log_dir)
    url = f"http://127.0.0.1:{port}"
    wait_until(lambda: httpx.get(f"{url}/health", timeout=2).status_code == 200, 180, proc.process, "API")
    return proc, url

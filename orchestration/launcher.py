"""`ragdesk up`: the embedded default's processes under honcho (an existing process manager).

This module writes a Procfile for the configured ports, starts honcho on it, indexes the source
folder once Milvus answers, prints the URLs and waits. Ctrl-C (SIGINT) or SIGTERM reaches honcho,
which stops every process it started.
"""

from __future__ import annotations

import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from core.redis_server import up_redis_url
from core.settings import REPO_ROOT, Settings


def _venv_bin(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def procfile_lines(settings: Settings) -> dict[str, str]:
    from core.redis_server import command as redis_command

    data = settings.data_dir
    python = shlex.quote(sys.executable)
    ragdesk = shlex.quote(_venv_bin("ragdesk"))
    return {
        "milvus": f"exec {shlex.quote(_venv_bin('milvus-lite'))} server --data-dir {shlex.quote(str(data / 'milvus'))} "
        f"--host 127.0.0.1 --port {settings.milvus_port}",
        "redis": "exec " + shlex.join(redis_command(settings.redis_port, data / "redis")),
        "llm": f"exec {ragdesk} llm-server",
        "api": f"exec {ragdesk} serve",
        # Dagster starts once the initial index is written, so its sensor's first run finds the
        # collection in step instead of embedding the corpus a second time in parallel.
        "dagster": f"while [ ! -e {shlex.quote(str(initial_index_marker(settings)))} ]; do sleep 1; done; "
        f"exec {shlex.quote(_venv_bin('dagster'))} dev -w {shlex.quote(str(REPO_ROOT / 'workspace.yaml'))} "
        f"-h 127.0.0.1 -p {settings.dagster_port}",
        "mlflow": f"exec {python} -m mlflow server --backend-store-uri {shlex.quote(settings.resolved_mlflow_tracking_uri)} "
        f"--default-artifact-root {shlex.quote(str(data / 'mlartifacts'))} --host 127.0.0.1 --port {settings.mlflow_port} "
        "--workers 1",
    }


def initial_index_marker(settings: Settings) -> Path:
    return settings.data_dir / ".initial-index-done"


# honcho gives processes 5 s after SIGTERM before SIGKILL; `dagster dev` (webserver, daemon, code
# server, a run in progress) and MLflow's workers need longer to stop cleanly.
HONCHO_KILL_WAIT_S = 30
HONCHO = "import sys, honcho.manager as m; m.KILL_WAIT = int(sys.argv.pop(1)); from honcho.command import main; main()"


def child_environment(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "RAGDESK_MILVUS_URI": f"http://127.0.0.1:{settings.milvus_port}",
            "REDIS_URL": up_redis_url(settings),
            "LLM_BASE_URL": settings.llm_base_url or f"http://127.0.0.1:{settings.local_llm_port}/v1",
            "RAGDESK_DATA_DIR": str(settings.data_dir),
            "DAGSTER_HOME": str(settings.data_dir / "dagster"),
            "MLFLOW_TRACKING_URI": settings.resolved_mlflow_tracking_uri,
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


DAGSTER_YAML = """\
telemetry:
  enabled: false
run_coordinator:
  module: dagster.core.run_coordinator
  class: QueuedRunCoordinator
  config:
    tag_concurrency_limits:
      - key: "ragdesk/index_writer"
        limit: 1
"""


def write_runtime_files(settings: Settings) -> Path:
    data = settings.data_dir
    for sub in ("milvus", "redis", "dagster", "mlartifacts"):
        (data / sub).mkdir(parents=True, exist_ok=True)
    (data / "dagster" / "dagster.yaml").write_text(DAGSTER_YAML)
    procfile = data / "Procfile"
    procfile.write_text("".join(f"{name}: {line}\n" for name, line in procfile_lines(settings).items()))
    return procfile


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def wait_for(check: Callable[[], bool], timeout_s: float, alive: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not alive():
            return False
        if check():
            return True
        time.sleep(0.5)
    return False


def _default_signals() -> None:
    # Some shells start processes with SIGINT/SIGTERM ignored; children inherit that otherwise.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def busy_ports(settings: Settings) -> list[int]:
    ports = [
        settings.milvus_port,
        settings.redis_port,
        settings.local_llm_port,
        settings.api_port,
        settings.dagster_port,
        settings.mlflow_port,
    ]
    return [p for p in ports if port_open(p)]


def run_up(settings: Settings, index_first: bool = True) -> int:
    from core.models import ModelUnavailableError, resolve_embed_model_dir, resolve_llm_gguf

    try:
        resolve_embed_model_dir(settings)
        resolve_llm_gguf(settings)
    except ModelUnavailableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 4
    busy = busy_ports(settings)
    if busy:
        print(
            f"error: ports already in use on 127.0.0.1: {busy} (another `ragdesk up`? set *_PORT settings)",
            file=sys.stderr,
        )
        return 4
    from core.clients import make_engine

    make_engine(settings).dispose()  # migrate once here, before the processes that share the database start
    procfile = write_runtime_files(settings)
    marker = initial_index_marker(settings)
    marker.unlink(missing_ok=True)
    if not index_first:
        marker.touch()
    env = child_environment(settings)
    honcho = subprocess.Popen(
        [sys.executable, "-c", HONCHO, str(HONCHO_KILL_WAIT_S), "-f", str(procfile), "-d", str(REPO_ROOT), "start"],
        env=env,
        preexec_fn=_default_signals,
    )

    def stop(*_: object) -> None:
        if honcho.poll() is None:
            honcho.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    alive = lambda: honcho.poll() is None  # noqa: E731
    try:
        if not wait_for(lambda: port_open(settings.milvus_port), 60, alive):
            print("error: the Milvus Lite server did not start; see the log above", file=sys.stderr)
            stop()
            return _wait(honcho) or 4
        if index_first:
            child = {**env, "PYTHONUNBUFFERED": "1"}
            subprocess.run([_venv_bin("ragdesk"), "index"], env=child, check=False, preexec_fn=_default_signals)
            marker.touch()
            first_evaluation(settings, child)
        wait_for(lambda: port_open(settings.api_port) and port_open(settings.local_llm_port), 180, alive)
        if alive():
            print(urls_banner(settings), flush=True)
        return _wait(honcho)
    except KeyboardInterrupt:
        # The terminal sent SIGINT to the whole foreground group: honcho is already stopping them.
        return _wait(honcho)


def first_evaluation_marker(settings: Settings) -> Path:
    return settings.data_dir / ".first-evaluation-done"


def first_evaluation(settings: Settings, env: dict[str, str]) -> None:
    """Once per data dir: a retrieval-only evaluation of the demo golden set (seconds, no model
    calls) logged to MLflow, so the MLflow UI of a first start is not empty. The nightly
    evaluation schedule is unchanged."""
    marker = first_evaluation_marker(settings)
    if marker.exists():
        return
    command = [_venv_bin("ragdesk"), "eval", "run", "--dataset", "demo", "--no-generate"]
    done = subprocess.run(command, env=env, check=False, preexec_fn=_default_signals)
    if done.returncode == 0:
        marker.touch()
    else:
        print(f"warning: the first evaluation run failed (exit {done.returncode}); see above", file=sys.stderr)


def _wait(process: subprocess.Popen[bytes]) -> int:
    try:
        return process.wait(timeout=None)
    except KeyboardInterrupt:
        process.send_signal(signal.SIGTERM)
        return process.wait(timeout=60)


def urls_banner(settings: Settings) -> str:
    rows = [
        ("Chat page", f"http://127.0.0.1:{settings.api_port}/"),
        ("API (OpenAI-compatible)", f"http://127.0.0.1:{settings.api_port}/v1"),
        ("API docs", f"http://127.0.0.1:{settings.api_port}/api/docs"),
        ("Dagster UI", f"http://127.0.0.1:{settings.dagster_port}/"),
        ("MLflow UI", f"http://127.0.0.1:{settings.mlflow_port}/"),
        ("LLM server", f"http://127.0.0.1:{settings.local_llm_port}/v1"),
        ("Milvus Lite server", f"http://127.0.0.1:{settings.milvus_port}"),
        ("Redis", up_redis_url(settings)),
    ]
    width = max(len(name) for name, _ in rows)
    lines = (
        ["", "ragdesk is up:"]
        + [f"  {name.ljust(width)}  {url}" for name, url in rows]
        + [
            f"  An API key for the page and the API (another shell): REDIS_URL={up_redis_url(settings)} "
            "ragdesk keys create --user NAME [--staff]",
            "  Ctrl-C stops everything.",
            "",
        ]
    )
    return "\n".join(lines)

"""`ragdesk sglang`: start SGLang workers from the launch configuration kept in the repository
(deploy/sglang/worker.env), put SGLang's own router (cache-aware policy) in front of several,
wait until each worker really generates (`/health_generate`) and print the settings the app needs.

    ragdesk sglang                       # one worker on the first GPU
    ragdesk sglang --workers 2           # two workers (one GPU each) behind sglang-router
    ragdesk sglang --dry-run             # print the commands only

Every key of the configuration can be overridden by an environment variable of the same name
(SGLANG_MODEL_PATH=/models/qwen ragdesk sglang). The API key is LLM_API_KEY: the one the app sends.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from core.settings import REPO_ROOT, Settings

DEFAULT_CONFIG = REPO_ROOT / "deploy" / "sglang" / "worker.env"
NO_KEY = {"", "not-needed"}

# worker.env key -> sglang.launch_server flag; booleans are switched on unconditionally below.
FLAGS = {
    "SGLANG_MODEL_PATH": "--model-path",
    "SGLANG_SERVED_MODEL_NAME": "--served-model-name",
    "SGLANG_HOST": "--host",
    "SGLANG_MEM_FRACTION_STATIC": "--mem-fraction-static",
    "SGLANG_MAX_RUNNING_REQUESTS": "--max-running-requests",
    "SGLANG_SCHEDULE_POLICY": "--schedule-policy",
    "SGLANG_CONTEXT_LENGTH": "--context-length",
    "SGLANG_ATTENTION_BACKEND": "--attention-backend",
    "SGLANG_SAMPLING_BACKEND": "--sampling-backend",
    "SGLANG_LOAD_FORMAT": "--load-format",
}
ALWAYS_ON = ("--enable-metrics", "--enable-cache-report")


class LaunchError(RuntimeError):
    """A worker or the router exited or did not become ready in time."""


def read_config(path: Path = DEFAULT_CONFIG, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """KEY=value lines (comments and blanks skipped); the environment wins over the file."""
    environ = os.environ if environ is None else environ
    config: dict[str, str] = {}
    for number, raw in enumerate(path.read_text().splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"{path}:{number}: expected KEY=value, got {raw!r}")
        config[key.strip()] = value.strip()
    unknown = set(config) - set(FLAGS) - {"SGLANG_PORT"}
    if unknown:
        raise ValueError(f"{path}: unknown keys {sorted(unknown)}; known: {sorted([*FLAGS, 'SGLANG_PORT'])}")
    for key in [*FLAGS, "SGLANG_PORT"]:
        if key in environ:
            config[key] = environ[key]
    if not config.get("SGLANG_MODEL_PATH"):
        raise ValueError("SGLANG_MODEL_PATH is required (in the configuration file or the environment)")
    return config


def worker_args(config: Mapping[str, str], port: int, api_key: str) -> list[str]:
    """The `python -m sglang.launch_server` arguments for one worker."""
    args = [f"{flag}={config[key]}" for key, flag in FLAGS.items() if config.get(key)]
    args += [f"--port={port}", *ALWAYS_ON]
    if api_key not in NO_KEY:
        args.append(f"--api-key={api_key}")
    return args


def router_args(host: str, port: int, worker_urls: Sequence[str], metrics_port: int, api_key: str = "") -> list[str]:
    """The `python -m sglang_router.launch_router` arguments: cache-aware routing over the workers.
    The router needs the workers' key too: without it their /server_info is refused and the router
    lists the model as "unknown" (the API's /ready then fails its LLM_MODEL check)."""
    args = [
        f"--host={host}",
        f"--port={port}",
        "--policy=cache_aware",
        f"--prometheus-host={host}",
        f"--prometheus-port={metrics_port}",
    ]
    if api_key not in NO_KEY:
        args.append(f"--api-key={api_key}")
    return [*args, "--worker-urls", *worker_urls]


@dataclass
class Plan:
    workers: list[tuple[list[str], dict[str, str], str]]  # argv, extra env, base URL
    router: list[str] | None
    base_url: str  # what LLM_BASE_URL points at (without /v1)


def plan(config: Mapping[str, str], settings: Settings, workers: int, router_port: int) -> Plan:
    host = config.get("SGLANG_HOST", "127.0.0.1")
    first = int(config.get("SGLANG_PORT", "30000"))
    entries = []
    for index in range(workers):
        port = first + 1 + index if workers > 1 else first
        argv = [sys.executable, "-m", "sglang.launch_server", *worker_args(config, port, settings.llm_api_key)]
        env = {"CUDA_VISIBLE_DEVICES": str(index)} if workers > 1 and "CUDA_VISIBLE_DEVICES" not in os.environ else {}
        entries.append((argv, env, f"http://{host}:{port}"))
    if workers == 1:
        return Plan(entries, None, entries[0][2])
    urls = [url for _, _, url in entries]
    router = router_args(host, first, urls, router_port, settings.llm_api_key)
    argv = [sys.executable, "-m", "sglang_router.launch_router", *router]
    return Plan(entries, argv, f"http://{host}:{first}")


def app_settings(config: Mapping[str, str], settings: Settings, base_url: str) -> dict[str, str]:
    """The settings the app needs to talk to what was started."""
    return {
        "LLM_BASE_URL": f"{base_url}/v1",
        "LLM_MODEL": config.get("SGLANG_SERVED_MODEL_NAME") or config["SGLANG_MODEL_PATH"],
        "LLM_API_KEY": settings.llm_api_key,
        "LLM_CONTEXT_TOKENS": config.get("SGLANG_CONTEXT_LENGTH", str(settings.llm_context_tokens)),
    }


def wait_ready(
    url: str, process: subprocess.Popen[bytes], api_key: str, timeout_s: float, path: str = "/health_generate"
) -> float:
    """Poll `url + path` until it answers 200; seconds waited. `/health_generate` runs a real
    generation, so a worker that loaded but cannot generate is not ready."""
    headers = {"Authorization": f"Bearer {api_key}"} if api_key not in NO_KEY else {}
    start = time.monotonic()
    while time.monotonic() - start < timeout_s:
        if process.poll() is not None:
            raise LaunchError(f"{process.args!r} exited with {process.returncode} before {url}{path} answered")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url + path, headers=headers, timeout=30).status_code == 200:
                return time.monotonic() - start
        time.sleep(1.0)
    raise LaunchError(f"{url}{path} did not answer 200 within {timeout_s:.0f}s")


def _default_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextlib.contextmanager
def started(
    argvs: Sequence[tuple[list[str], dict[str, str]]], log_dir: Path
) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Start the processes (logs in log_dir); on exit stop each by its PID (SIGTERM, then SIGKILL)."""
    log_dir.mkdir(parents=True, exist_ok=True)
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for number, (argv, env) in enumerate(argvs):
            with (log_dir / f"sglang-{number}.log").open("ab") as log:
                processes.append(
                    subprocess.Popen(
                        argv,
                        env={**os.environ, **env},
                        stdout=log,
                        stderr=subprocess.STDOUT,
                        preexec_fn=_default_signals,
                    )
                )
        yield processes
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)

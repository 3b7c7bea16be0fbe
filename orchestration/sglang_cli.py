"""The `ragdesk sglang` command (registered in orchestration/cli.py); the work is in core/sglang_launch.py."""

from __future__ import annotations

import shlex
import signal
import time
from pathlib import Path
from typing import Annotated

import typer

from core.settings import get_settings


def sglang_command(
    workers: Annotated[int, typer.Option("--workers", "-n", min=1, max=16, help="Workers; >1 adds the router.")] = 1,
    config: Annotated[
        Path | None, typer.Option(help="Launch configuration (default deploy/sglang/worker.env).")
    ] = None,
    router_metrics_port: Annotated[int, typer.Option(help="The router's Prometheus port.")] = 29000,
    timeout_s: Annotated[float, typer.Option(help="Longest wait for /health_generate per worker.")] = 1800.0,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the commands and settings only.")] = False,
) -> None:
    """Start SGLang (GPU) from the repository's launch configuration, wait until it generates and
    print the settings the app needs (LLM_BASE_URL ...). Runs in the foreground; Ctrl-C stops it."""
    from core.sglang_launch import DEFAULT_CONFIG, LaunchError, app_settings, plan, read_config, started, wait_ready
    from orchestration.exits import EXIT_UNAVAILABLE, EXIT_USAGE, fail

    settings = get_settings()
    try:
        values = read_config(config or DEFAULT_CONFIG)
    except (OSError, ValueError) as exc:
        fail(str(exc), EXIT_USAGE)
    launch = plan(values, settings, workers, router_metrics_port)
    needed = app_settings(values, settings, launch.base_url)
    if dry_run:
        for argv, env, _ in launch.workers:
            typer.echo(" ".join([*(f"{k}={v}" for k, v in env.items()), shlex.join(argv)]))
        if launch.router:
            typer.echo(shlex.join(launch.router))
        for key, value in needed.items():
            typer.echo(f"{key}={value}")
        return
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    argvs = [(argv, env) for argv, env, _ in launch.workers]
    if launch.router:
        argvs.append((launch.router, {}))
    try:
        with started(argvs, settings.data_dir / "logs") as processes:
            for (_, _, url), process in zip(launch.workers, processes, strict=False):
                waited = wait_ready(url, process, settings.llm_api_key, timeout_s)
                typer.echo(f"worker {url} generates (ready after {waited:.0f}s)", err=True)
            if launch.router:
                wait_ready(launch.base_url, processes[-1], settings.llm_api_key, 120, path="/health")
                typer.echo(f"router {launch.base_url} (cache_aware) in front of {workers} workers", err=True)
            typer.echo("# settings for the app:")
            for key, value in needed.items():
                typer.echo(f"{key}={value}")
            while all(p.poll() is None for p in processes):
                time.sleep(1.0)
            number, dead = next((n, p) for n, p in enumerate(processes) if p.poll() is not None)
            fail(
                f"process {number} (log sglang-{number}.log) exited with {dead.returncode}; logs in {settings.data_dir / 'logs'}"
            )
    except LaunchError as exc:
        fail(f"{exc}; logs in {settings.data_dir / 'logs'}", EXIT_UNAVAILABLE)
    except KeyboardInterrupt:
        typer.echo("stopped", err=True)

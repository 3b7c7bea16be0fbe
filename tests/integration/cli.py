"""Running `ragdesk` as a user does: a subprocess of this interpreter, from the repository root."""

import os
import subprocess
import sys
from pathlib import Path

from core.redis_server import free_port
from core.settings import REPO_ROOT


def run_cli(args: list[str], env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orchestration.cli", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """This environment with a private Milvus Lite file and data folder, offline, no Redis (REDIS_URL
    empty and nothing listening at REDIS_PORT: never the Redis of a `ragdesk up` on this machine)."""
    return {
        **os.environ,
        "RAGDESK_MILVUS_URI": str(tmp_path / "milvus.db"),
        "RAGDESK_DATA_DIR": str(tmp_path / "data"),
        "HF_HUB_OFFLINE": "1",
        "REDIS_URL": "",
        "REDIS_PORT": str(free_port()),
        **extra,
    }

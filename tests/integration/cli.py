"""Running `ragdesk` as a user does: a subprocess of this interpreter, from the repository root."""

import subprocess
import sys

from core.settings import REPO_ROOT


def run_cli(args: list[str], env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "core.cli", *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )

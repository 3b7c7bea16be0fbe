"""What the serving benchmarks write: the machine line and the results files (JSON + Markdown)."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path
from typing import Any

from core.settings import REPO_ROOT

RESULTS = REPO_ROOT / "bench" / "results"


def machine_line(load_before: tuple[float, float, float]) -> str:
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, load avg before {load_before[0]:.2f}, "
        f"after {os.getloadavg()[0]:.2f}"
    )


def write_results(name: str, result: dict[str, Any], markdown: str, folder: Path = RESULTS) -> None:
    """bench/results/NAME.json and NAME.md, and the Markdown on stdout."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(result, indent=2))
    (folder / f"{name}.md").write_text(markdown)
    print(markdown)

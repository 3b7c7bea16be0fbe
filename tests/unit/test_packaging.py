"""Every non-Python file inside an installed package is declared as package data, so a
non-editable install (a wheel, a container image) carries the chat page, the shipped models, the
migration template and the datasets."""

from __future__ import annotations

import fnmatch
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [Path(line) for line in out.splitlines() if line]


def test_every_data_file_of_a_package_is_declared() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    packages = [prefix.rstrip("*") for prefix in config["packages"]["find"]["include"]]
    patterns = config["package-data"]["*"]
    undeclared = [
        str(path)
        for path in _tracked_files()
        if path.parts[0] in packages
        and path.suffix != ".py"
        and not path.name.startswith(".")
        and not any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns)
    ]
    assert undeclared == [], f"not shipped by a wheel: {undeclared}"

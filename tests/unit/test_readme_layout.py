"""The README's layout section names every top-level folder of the repository, and only those."""

from __future__ import annotations

import re
import subprocess

from core.settings import REPO_ROOT


def layout_folders() -> set[str]:
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Layout", 1)[1].split("```", 2)[1]
    return set(re.findall(r"^([\w.-]+)/\s", section, flags=re.M))


def tracked_folders() -> set[str]:
    files = subprocess.run(
        ["git", "ls-files"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return {f.split("/", 1)[0] for f in files if "/" in f and not f.startswith(".")}


def test_the_layout_section_matches_the_tree() -> None:
    assert layout_folders() == tracked_folders()

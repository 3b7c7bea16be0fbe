"""Evaluation datasets by name: each is a folder `<EVAL_DATASETS_DIR>/<name>/` holding its cases
(`cases.jsonl`, one JSON object a line) and a card (`CARD.md`: writer, date, what they saw,
counts). Code names a dataset (`policy_claims_v5`, `demo_golden_v1`), never its path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CASES_FILE = "cases.jsonl"
CARD_FILE = "CARD.md"


def datasets_root() -> Path:
    from core.settings import get_settings

    return get_settings().eval_datasets_dir


def dataset_dir(name: str, root: Path | None = None) -> Path:
    return (root or datasets_root()) / name


def cases_path(name: str, root: Path | None = None) -> Path:
    """The cases file of dataset `name`. A name ending in `.jsonl` is a file under the root
    (the layout before datasets were folders)."""
    if name.endswith(".jsonl"):
        return (root or datasets_root()) / name
    return dataset_dir(name, root) / CASES_FILE


def load_cases(name: str, root: Path | None = None) -> list[dict[str, Any]]:
    path = cases_path(name, root)
    if not path.is_file():
        raise FileNotFoundError(f"dataset {name!r}: {path} does not exist")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def dataset_names(root: Path | None = None) -> list[str]:
    """Every dataset folder under the root, sorted."""
    folder = root or datasets_root()
    return sorted(p.parent.name for p in folder.glob(f"*/{CASES_FILE}"))

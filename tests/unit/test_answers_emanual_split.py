"""bench.answers --emanual-split: two disjoint halves of the E-Manual QA pairs, neither holding a
question of the blind set (skipped where the shared E-Manual data is not present)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.answers import BLIND_SET, emanual_split, load_cases, resolve_golden
from core.settings import Settings
from evaluation.emanual import is_available


def test_the_halves_are_disjoint_stable_and_leave_the_blind_set_out() -> None:
    settings = Settings()
    if not is_available(settings):
        pytest.skip("E-Manual data not present (SHARED_DATA_DIR)")
    dev, test = emanual_split(settings, "dev"), emanual_split(settings, "test")
    assert dev and test
    assert not {c.id for c in dev} & {c.id for c in test}
    assert [c.id for c in emanual_split(settings, "dev")] == [c.id for c in dev]

    def squash(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.lower()))

    blind = {squash(c.question) for c in load_cases(resolve_golden(Path(BLIND_SET)))}
    assert not blind & {squash(c.question) for c in dev + test}

"""Blue/green full rebuild against `milvus-lite server` (aliases work there): a reader searching the
alias in a loop across the switch finds something every time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.scaleout.milvus_cases import blue_green_across_a_switch, demo_corpus, milvus_lite_server

pytestmark = pytest.mark.slow


def test_blue_green_switch_on_milvus_lite_server_has_no_empty_results(embedder: Any, tmp_path: Path) -> None:
    corpus = demo_corpus(embedder, tmp_path / "corpus")
    with milvus_lite_server(tmp_path / "lite") as uri:
        result = blue_green_across_a_switch(uri, corpus)
    print(
        f"milvus-lite blue/green: {result.queries} searches across the switch, {result.empty} empty, "
        f"{len(result.errors)} errors; {result.first} -> {result.second}, old dropped: {result.dropped}"
    )
    assert result.queries > 20
    assert result.empty == 0 and result.errors == []

"""Issue 19: a short soak of the real stack (Redis, milvus-lite server, the local llama.cpp
server, the API with keys) through bench/soak.py: 10 clients for 10 s over four help-centre
sections.
Invariants only, never timings: no status but 200/429/503 and no SSE error event, every user's
tokens served within budget + one request's cap with nothing left reserved, and no process's RSS
grown past the bound."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.soak import Config, run
from tests.conftest import demo_corpus_dir

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

SECTIONS = ["returns", "shipping", "payments", "orders"]  # what bench.load's cache questions ask about
RSS_GROWTH_MIB = 200.0


def test_a_short_soak_keeps_its_invariants(tmp_path: Path) -> None:
    corpus = tmp_path / "docs"
    for section in SECTIONS:
        shutil.copytree(demo_corpus_dir() / section, corpus / section)
    cfg = Config(
        duration_s=10, clients=10, users=3, warm_questions=2, drain_s=60, corpus=corpus, rss_growth_mib=RSS_GROWTH_MIB
    )
    report = run(cfg)
    assert report.requests > 0
    assert report.failures == 0, report.failure_examples
    assert set(report.statuses) <= {"200", "429", "503"}, report.statuses
    assert report.budgets_ok, [u for u in report.users if not u.ok]
    for user in report.users:
        assert user.prompt + user.completion <= user.budget + user.output_cap
        assert user.reserved_in_flight == 0
    assert report.rss_ok, report.rss_mib

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.cost import Prices, machine_cost, request_cost, token_cost
from core.settings import Settings
from evaluation.golden import DatasetError, GoldenQuestion, GoldRef, load_golden, write_golden
from evaluation.metrics import first_hit_rank, percentile, rate, recall_at_k, reciprocal_rank, section_ranking
from evaluation.tracking import HEADLINE, find_regressions


@dataclass
class C:
    doc_id: str
    section: str


def test_section_ranking_dedupes_in_rank_order() -> None:
    chunks = [C("a", "s1"), C("a", "s1"), C("b", ""), C("a", "s2"), C("b", "")]
    assert section_ranking(chunks) == [("a", "s1"), ("b", ""), ("a", "s2")]


def test_gold_ref_matches_section_and_subsections_only() -> None:
    ref = GoldRef("doc.md", "Returns")
    assert ref.matches("doc.md", "Returns")
    assert ref.matches("doc.md", "Returns > Electronics")
    assert not ref.matches("doc.md", "Returns policy")
    assert not ref.matches("other.md", "Returns")
    assert GoldRef("doc.md", "").matches("doc.md", "")
    assert not GoldRef("doc.md", "").matches("doc.md", "Intro")


def test_recall_and_mrr_with_groups_of_alternatives() -> None:
    ranking = [("x", ""), ("a", "s1"), ("y", ""), ("b", "s")]
    one_group = [[GoldRef("a", "s1"), GoldRef("z", "")]]  # either section answers
    assert recall_at_k(ranking, one_group, 1) == 0.0
    assert recall_at_k(ranking, one_group, 3) == 1.0
    assert reciprocal_rank(ranking, one_group) == pytest.approx(0.5)
    two_needed = [[GoldRef("a", "s1")], [GoldRef("b", "s")]]
    assert recall_at_k(ranking, two_needed, 3) == 0.5
    assert recall_at_k(ranking, two_needed, 5) == 1.0
    assert first_hit_rank(ranking, two_needed) == 2
    assert reciprocal_rank(ranking, [[GoldRef("q", "")]]) == 0.0
    assert reciprocal_rank(ranking, [[GoldRef("b", "s")]], depth=3) == 0.0
    with pytest.raises(ValueError):
        recall_at_k(ranking, [], 5)


def test_duplicate_chunks_do_not_push_gold_out_of_top_k() -> None:
    chunks = [C("x", "")] * 4 + [C("gold", "")]
    assert recall_at_k(section_ranking(chunks), [[GoldRef("gold", "")]], 2) == 1.0


def test_rate_and_percentile_skip_missing() -> None:
    assert rate([True, False, None, True]) == pytest.approx(2 / 3)
    assert rate([None]) is None
    assert percentile([1.0, None, 3.0], 50) == 2.0
    assert percentile([], 50) is None


def test_token_cost_bills_cached_tokens_at_their_price() -> None:
    prices = Prices(prompt_per_1k=1.0, completion_per_1k=2.0, cached_per_1k=0.1)
    assert token_cost(prices, 1000, 500, None) == pytest.approx(1.0 + 1.0)
    assert token_cost(prices, 1000, 0, 600) == pytest.approx(0.4 + 0.06)
    assert token_cost(prices, 100, 0, 500) == pytest.approx(0.01)  # cached capped at prompt tokens


def test_machine_cost_by_throughput_or_time() -> None:
    assert machine_cost(Prices(gpu_hour=3.6), 2.0) == pytest.approx(0.002)
    assert machine_cost(Prices(gpu_hour=3.6, gpu_requests_per_hour=1200), 99.0) == pytest.approx(0.003)
    assert machine_cost(Prices(), 10.0) == 0.0
    cost = request_cost(Prices(prompt_per_1k=1.0, gpu_hour=3.6), 1000, 0, 0, 1.0)
    assert cost.total == pytest.approx(1.0 + 0.001)


def test_golden_round_trip_and_validation(tmp_path: Path) -> None:
    q = GoldenQuestion(
        "q1", "How?", "Like so.", [[GoldRef("a.md", "S"), GoldRef("b.md", "")]], True, "returns", "how-to"
    )
    path = tmp_path / "g.jsonl"
    write_golden(path, [q])
    row = json.loads(path.read_text())
    assert row["gold"] == [{"doc_id": "a.md", "section": "S"}]
    assert load_golden(path)[0].gold_groups == q.gold_groups
    path.write_text(path.read_text() * 2)
    with pytest.raises(DatasetError, match="duplicate id"):
        load_golden(path)


def test_plain_gold_entries_are_each_needed() -> None:
    q = GoldenQuestion.from_json(
        {"id": "x", "question": "?", "gold": [{"doc_id": "a", "section": ""}, {"doc_id": "b"}]}
    )
    assert len(q.gold_groups) == 2 and q.answerable
    assert not GoldenQuestion.from_json({"id": "y", "question": "?", "gold": [], "answerable": False}).answerable


def test_regressions_use_direction_and_thresholds() -> None:
    settings = Settings(EVAL_REGRESSION_THRESHOLD=0.05, EVAL_LATENCY_REGRESSION=0.5)
    previous = {"recall_at_5": 0.9, "hallucination_rate": 0.10, "ttft_ms_p50": 1000.0, "mrr": 0.8}
    current = {"recall_at_5": 0.84, "hallucination_rate": 0.14, "ttft_ms_p50": 1600.0, "mrr": 0.9}
    found = {r.metric for r in find_regressions(settings, current, previous)}
    assert found == {"recall_at_5", "ttft_ms_p50"}
    assert all(name in HEADLINE for name in found)

"""Key facts written by a set's author (the blind E-Manual set) are scored as strings, a quantity
also as an equal quantity."""

from bench.answer_scoring import written_facts_found
from evaluation.golden import GoldenQuestion


def test_written_facts_match_case_space_and_quantity() -> None:
    answer = "Hold it for two hours, then open Settings >  General."
    assert written_facts_found(["2 hours", "settings > general"], answer) == (2, 2, [])


def test_a_wrong_number_is_missing() -> None:
    assert written_facts_found(["10 Mbps"], "It needs 5 Mbps.") == (0, 1, ["10 Mbps"])


def test_golden_rows_keep_their_key_facts() -> None:
    row = {"id": "x", "question": "q", "gold": [{"doc_id": "d", "section": ""}], "key_facts": ["Source", "5 Mbps"]}
    question = GoldenQuestion.from_json(row)
    assert question.key_facts == ["Source", "5 Mbps"]
    assert question.to_json()["key_facts"] == ["Source", "5 Mbps"]

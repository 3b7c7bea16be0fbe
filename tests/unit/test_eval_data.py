"""The E-Manual loader (when the shared data is present) and the feedback store."""

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from core.feedback import FeedbackError, export_candidates, record_feedback, satisfaction_rate
from core.settings import Settings
from evaluation import emanual


@pytest.fixture(scope="module")
def shared_settings() -> Settings:
    settings = Settings()
    if not emanual.is_available(settings):
        pytest.skip(f"E-Manual data not found in {emanual.emanual_dir(settings)} (set SHARED_DATA_DIR)")
    return settings


def test_all_qa_records_parse_from_the_broken_json(shared_settings: Settings) -> None:
    records = emanual.parse_qa_zip(emanual.emanual_dir(shared_settings) / emanual.QA_ZIP)
    assert len(records) == 684
    assert {r.kind for r in records} == {"normal", "paraphrased", "compound", "yes_no"}
    assert all(r.question and r.answer and r.hierarchy for r in records)


def test_title_matched_questions(shared_settings: Settings) -> None:
    questions = emanual.load_questions(shared_settings)
    assert len(questions) == 415
    assert len({q.id for q in questions}) == 415
    assert all(len(q.gold_groups) == 1 and q.gold_groups[0] for q in questions)
    assert any(len(q.gold_groups[0]) > 1 for q in questions)  # duplicated titles: any of them counts


def test_corpus_files_are_deterministic(shared_settings: Settings, tmp_path: Path) -> None:
    sections = emanual.load_manual(emanual.emanual_dir(shared_settings) / emanual.MANUAL_FILE)
    assert len(sections) == 261
    written = emanual.write_corpus(sections, tmp_path)
    files = sorted(tmp_path.glob("*.md"))
    assert written == len(files) == 259  # two sections have no text
    assert files[0].read_text().startswith("# ")
    assert emanual.write_corpus(sections, tmp_path) == 0
    (tmp_path / "stray.md").write_text("# x\n")
    emanual.write_corpus(sections, tmp_path)
    assert not (tmp_path / "stray.md").exists()


def test_feedback_round_trip(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'fb.db'}")
    record_feedback(engine, answer_id="a1", rating=1, question="Where is my order?", answer="On its way.")
    stored = record_feedback(
        engine,
        answer_id="a2",
        rating=-1,
        question="Can I return a laptop after 45 days?",
        answer="Yes.",
        comment="wrong: 30 days",
        citations=[{"doc_id": "returns.md", "section": "Window"}],
    )
    record_feedback(engine, answer_id="a3", rating=-1, question="can i return a  laptop after 45 days?", answer="Yes!")
    assert stored.id > 0 and stored.citations[0]["doc_id"] == "returns.md"
    stats = satisfaction_rate(engine)
    assert (stats.up, stats.down, stats.rate) == (1, 2, pytest.approx(1 / 3))
    out = tmp_path / "candidates.jsonl"
    assert export_candidates(engine, out) == 1  # the same question once
    row = json.loads(out.read_text())
    assert row["gold"] == [] and row["question"].startswith("Can I return") and row["feedback"]["comment"]
    with pytest.raises(FeedbackError):
        record_feedback(engine, answer_id="a4", rating=0)
    with pytest.raises(FeedbackError):
        record_feedback(engine, answer_id="", rating=1)
    with pytest.raises(FeedbackError):
        record_feedback(engine, answer_id="a5", rating=1, comment="x" * 3000)

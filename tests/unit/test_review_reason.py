"""Review items say why they are queued; a queue created before the `reason` column keeps its
items and gains the column."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from serving.review import NewReview, ReviewStore


def _item(reason: str) -> NewReview:
    return NewReview("q", "q", [], [], "v", "answer", "served", "contradicted", [], "replace", reason=reason)


def test_reason_is_stored(tmp_path: Path) -> None:
    store = ReviewStore(create_engine(f"sqlite:///{tmp_path / 'r.db'}"))
    item_id = store.add(_item("withdrawn (contradicted: number_mismatch: 45 days vs 30 days): Yes, 45 days."))
    assert store.get(item_id).reason.startswith("withdrawn (contradicted")


def test_an_older_queue_gains_the_column_and_keeps_its_items(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TABLE review_items (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at FLOAT, status VARCHAR(16), "
                "question TEXT, standalone_question TEXT, context JSON, prompt JSON, prompt_version VARCHAR(64), "
                "answer TEXT, served_answer TEXT, verdict VARCHAR(16), verdicts JSON, policy VARCHAR(16), "
                "resolution VARCHAR(32), note TEXT, resolved_at FLOAT)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO review_items (created_at, status, question, standalone_question, context, prompt, "
                "prompt_version, answer, served_answer, verdict, verdicts, policy, resolution, note) VALUES "
                "(1.0, 'open', 'old question', '', '[]', '[]', 'v', 'a', 's', 'unsupported', '[]', 'replace', '', '')"
            )
        )
    store = ReviewStore(engine)
    assert [i.question for i in store.list()] == ["old question"]
    assert store.get(store.add(_item("why"))).reason == "why"

"""One database base, Alembic migrations for every table: an empty database upgraded to the head
has exactly the models' schema (SQLite and a real Postgres), and a database made before
migrations by `create_all` is adopted with its rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

import core.docstore
import core.feedback
import serving.handoff.store
import serving.observability.request_log
import serving.review
from core.db import Base, alembic_config, current_revision, head_revision, make_engine, upgrade
from core.testing import postgres

MODELS = (
    core.docstore,
    core.feedback,
    serving.review,
    serving.handoff.store,
    serving.observability.request_log,
)  # every module that defines a table
TABLES = {"documents", "chunks", "index_runs", "meta", "feedback", "review_items", "handoff_items", "request_log"}


def schema_diff(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))


def rows(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    with engine.connect() as connection:
        return {t: [tuple(r) for r in connection.execute(text(f"SELECT * FROM {t}"))] for t in sorted(TABLES)}


def fill(engine: Engine) -> None:
    """One row in every table, written as the code before migrations wrote them."""
    with engine.begin() as c:
        c.execute(text("INSERT INTO documents VALUES ('d.md', 'd.md', 'T', 'h', 1, 2, 3.5, 1, 9, '')"))
        c.execute(text("INSERT INTO chunks VALUES ('c1', 'd.md', 0, 'S', 'text', 9, 'h')"))
        c.execute(
            text(
                "INSERT INTO index_runs (started_at, finished_at, docs_new, docs_changed, docs_deleted, "
                "docs_failed, chunks_upserted, chunks_deleted, embed_seconds, total_seconds) "
                "VALUES (1, 2, 1, 0, 0, 0, 1, 0, 0.5, 1.0)"
            )
        )
        c.execute(text("INSERT INTO meta VALUES ('embed_model', 'm')"))
    store = serving.review.ReviewStore(engine)
    store.add(serving.review.NewReview("q", "q", [], [], "v1", "a", "a", "contradicted", [], "flag"))
    core.feedback.record_feedback(engine, answer_id="ans-1", rating=1, question="q", answer="a")


def check_empty_upgrade(url: str) -> None:
    engine = make_engine(url)
    assert TABLES | {"alembic_version"} == set(inspect(engine).get_table_names())
    assert schema_diff(engine) == []
    with engine.connect() as c:
        assert current_revision(c) == head_revision()


def check_adoption(url: str, tables: set[str]) -> None:
    old = create_engine(url)
    Base.metadata.create_all(old, tables=[Base.metadata.tables[t] for t in sorted(tables)])
    if tables == TABLES:
        fill(old)
    before = rows(old) if tables == TABLES else None
    engine = make_engine(url)  # what every process does on start-up
    with engine.connect() as c:
        assert current_revision(c) == head_revision()
    assert TABLES <= set(inspect(engine).get_table_names())
    assert schema_diff(engine) == []
    if before is not None:
        assert rows(engine) == before


def test_models_and_migrations_agree_on_sqlite(tmp_path: Path) -> None:
    check_empty_upgrade(f"sqlite:///{tmp_path / 'new.db'}")


def test_a_create_all_database_is_adopted_with_its_rows(tmp_path: Path) -> None:
    check_adoption(f"sqlite:///{tmp_path / 'old.db'}", TABLES)


def test_a_partial_create_all_database_gets_the_missing_tables(tmp_path: Path) -> None:
    # the docstore made its tables at once; feedback and review_items appeared on first use
    check_adoption(f"sqlite:///{tmp_path / 'partial.db'}", {"documents", "chunks", "index_runs", "meta"})


def test_upgrade_is_idempotent_and_reversible(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.db'}"
    engine = make_engine(url)
    fill(engine)
    before = rows(engine)
    make_engine(url)  # again: a no-op
    upgrade(engine)
    assert rows(engine) == before
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    upgrade(engine)
    assert schema_diff(engine) == []


def test_every_model_module_is_listed() -> None:
    """A table whose module this test does not import would escape the schema check."""
    assert {t.name for t in Base.metadata.sorted_tables} == TABLES


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    try:
        postgres.find_bin_dir()
    except postgres.PostgresUnavailable as exc:
        pytest.skip(str(exc))
    with postgres.temporary_postgres() as url:
        yield url


def test_postgres_empty_upgrade_and_adoption(postgres_url: str) -> None:
    check_empty_upgrade(postgres_url)
    engine = create_engine(postgres_url)
    with engine.begin() as c:
        for table in [*TABLES, "alembic_version"]:
            c.execute(text(f"DROP TABLE {table}"))
    check_adoption(postgres_url, TABLES)

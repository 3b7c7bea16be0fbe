"""Postgres as the production database, by URL: the document store, the review queue, MLflow's
backend store and Dagster's instance storage, against a real PostgreSQL server (Debian package)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect

from core.settings import Settings
from core.testing.postgres import PostgresUnavailable, postgres_server
from tests.conftest import demo_corpus_dir

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
pytest.importorskip("psycopg")


@pytest.fixture(scope="module")
def pg() -> Iterator[str]:
    try:
        with postgres_server(("ragdesk", "mlflow", "dagster")) as url:
            yield url
    except PostgresUnavailable as exc:
        pytest.skip(str(exc))


def test_document_store_indexing_on_postgres(pg: str, embedder: Any, tmp_path: Path) -> None:
    from core.clients import make_engine, make_milvus_client
    from core.docstore import DocStore
    from core.indexing import run_index

    source = tmp_path / "docs"
    source.mkdir()
    paths = sorted(demo_corpus_dir().rglob("*.md"))[:5]
    for path in paths:
        shutil.copy(path, source / path.name)
    settings = Settings(
        DOCSTORE_URL=f"{pg}/ragdesk",
        RAGDESK_MILVUS_URI=str(tmp_path / "milvus.db"),
        RAGDESK_DATA_DIR=tmp_path / "data",
    )
    engine = make_engine(settings)
    assert engine.dialect.name == "postgresql"
    client = make_milvus_client(settings)
    try:
        first = run_index(settings, client, DocStore(engine), embedder, source_dir=source)
        store = DocStore(make_engine(settings))
        assert store.document_count() == 5 and store.chunk_count() == first.chunks > 0
        # unchanged: nothing to do; one document edited: only it is re-indexed; one removed
        assert run_index(settings, client, store, embedder, source_dir=source).chunks == 0
        edited = source / paths[0].name
        edited.write_text(edited.read_text() + "\n\nA new paragraph about gift cards.\n")
        (source / paths[1].name).unlink()
        third = run_index(settings, client, store, embedder, source_dir=source)
        assert third.changeset.changed_ids and len(third.changeset.deleted) == 1
        assert store.document_count() == 4
        assert len(store.all_chunk_ids()) == store.chunk_count()
        print(f"docstore on {engine.dialect.name}: tables {sorted(inspect(engine).get_table_names())}")
    finally:
        client.close()


def test_review_queue_on_postgres(pg: str) -> None:
    from core.clients import make_engine
    from serving.review import AlreadyResolved, NewReview, ReviewStore

    store = ReviewStore(make_engine(Settings(DOCSTORE_URL=f"{pg}/ragdesk")))
    item = NewReview(
        question="Can I return a laptop after 45 days?",
        standalone_question="Can I return a laptop after 45 days?",
        context=[{"chunk_id": "c1", "text": "Laptops can be returned within 30 days.", "score": 0.8}],
        prompt=[{"role": "system", "content": "Answer from the context."}, {"role": "user", "content": "..."}],
        prompt_version="v1",
        answer="Yes, within 45 days.",
        served_answer="[withdrawn]",
        verdict="contradicted",
        verdicts=[{"claim": "within 45 days", "verdict": "contradicted", "support": 0.02}],
        policy="replace",
    )
    ids = [store.add(item) for _ in range(3)]
    assert store.counts() == {"open": 3, "resolved": 0}
    got = store.get(ids[0])
    assert got.context == item.context and got.verdicts == item.verdicts
    resolved = store.resolve(ids[0], "answer_wrong", "the guard was right")
    assert resolved.status == "resolved"
    with pytest.raises(AlreadyResolved):
        store.resolve(ids[0], "answer_correct")
    assert [i.id for i in store.list("open")] == sorted(ids[1:], reverse=True)


def test_request_log_batches_on_postgres(pg: str) -> None:
    """The writer's batched upsert (INSERT ... ON CONFLICT) on PostgreSQL, JSON columns included."""
    from core.clients import make_engine
    from serving.observability.request_log import RequestLog

    log = RequestLog(make_engine(Settings(DOCSTORE_URL=f"{pg}/ragdesk")))
    prompt = [{"role": "user", "content": "Can I return a laptop?"}]
    rows = [
        {"request_id": f"pg-{i}", "route": "/v1/answer/stream", "prompt": prompt, "timings": {"ttft_ms": i}}
        for i in range(3)
    ]
    assert log.add_many(rows) == ["pg-0", "pg-1", "pg-2"]
    log.add_many([{"request_id": "pg-1", "answer": "Within 30 days [1]."}])
    again = log.get("pg-1")
    assert (again["answer"], again["prompt"], again["timings"]) == ("Within 30 days [1].", prompt, {"ttft_ms": 1})


def test_mlflow_backend_store_on_postgres(pg: str) -> None:
    from mlflow.tracking import MlflowClient

    client = MlflowClient(tracking_uri=f"{pg}/mlflow")
    experiment = client.create_experiment("ragdesk-pg-test")
    run = client.create_run(experiment)
    client.log_metric(run.info.run_id, "faithfulness", 0.91)
    client.log_param(run.info.run_id, "retrieval_mode", "hybrid")
    client.set_terminated(run.info.run_id)
    again = MlflowClient(tracking_uri=f"{pg}/mlflow").get_run(run.info.run_id)
    assert again.data.metrics["faithfulness"] == pytest.approx(0.91)
    assert again.data.params["retrieval_mode"] == "hybrid"


def test_dagster_instance_storage_on_postgres(pg: str, tmp_path: Path) -> None:
    pytest.importorskip("dagster_postgres")
    import dagster as dg

    # dagster-postgres speaks psycopg2 (SQLAlchemy 2.1 maps a bare postgresql:// to psycopg 3)
    url = f"{pg}/dagster".replace("postgresql+psycopg://", "postgresql+psycopg2://")
    (tmp_path / "dagster.yaml").write_text(f'storage:\n  postgres:\n    postgres_url: "{url}"\n')

    @dg.asset
    def chunk_count() -> int:
        return 42

    with dg.DagsterInstance.from_config(str(tmp_path)) as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        result = dg.materialize([chunk_count], instance=instance)
        assert result.success
    with dg.DagsterInstance.from_config(str(tmp_path)) as instance:
        event = instance.get_latest_materialization_event(dg.AssetKey("chunk_count"))
        assert event is not None and event.run_id == result.run_id

"""The indexing assets (the data team's view in Dagster) with INDEX_UNTRUSTED=reject, on the
generic shop of tests/fixtures/hostile_shop/ and three planted pages of `hostile_v1`. A module of
its own: a Dagster run in the process while an API of test_hostile_documents.py is starting races
MLflow's Alembic setup (process-global)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.integration.test_hostile_documents import FIXTURE, SCREENED, planted_path


def test_the_indexing_assets_report_untrusted_chunks_and_reject_them(tmp_path: Path) -> None:
    """The Dagster assets (the data team's view) with INDEX_UNTRUSTED=reject: the count in the
    metadata, nothing of the planted pages stored, the collection and the docstore still agree."""
    import dagster as dg

    from assets.indexing import INDEXING_ASSETS, INDEXING_CHECKS
    from core import schema as S
    from core.clients import make_milvus_client
    from core.dagster_resources import SettingsResource, build_resources

    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE, docs)
    planted = SCREENED[:3]
    for case in planted:
        (docs / planted_path(case)).parent.mkdir(parents=True, exist_ok=True)
        (docs / planted_path(case)).write_text(case["document"], encoding="utf-8")
    overrides = {
        "RAGDESK_MILVUS_URI": str(tmp_path / "milvus.db"),
        "RAGDESK_DATA_DIR": str(tmp_path / "data"),
        "DOCS_SOURCE_DIR": str(docs),
        "INDEX_UNTRUSTED": "reject",
    }
    result = dg.materialize([*INDEXING_ASSETS, *INDEXING_CHECKS], resources=build_resources(overrides))
    assert all(e.passed for e in result.get_asset_check_evaluations())  # collection == docstore included
    meta = {k: v.value for k, v in result.asset_materializations_for_node("support_collection")[0].metadata.items()}
    chunks_meta = {k: v.value for k, v in result.asset_materializations_for_node("document_chunks")[0].metadata.items()}
    assert meta["untrusted_action"] == "reject" and meta["untrusted_chunks"] == len(planted)
    assert chunks_meta["untrusted_chunks"] == len(planted)
    assert all(planted_path(c) in str(meta["untrusted"]) for c in planted)
    settings = SettingsResource(overrides=overrides).get()
    stored = make_milvus_client(settings).query(
        settings.milvus_collection, filter=f'{S.DOC_ID} like "community/%"', output_fields=[S.DOC_ID]
    )
    assert stored == []
    normal = make_milvus_client(settings).query(
        settings.milvus_collection, filter=f'{S.DOC_ID} == "returns.md"', output_fields=[S.DOC_ID]
    )
    assert normal  # the query does find what is stored


def test_a_collection_made_before_the_untrusted_field_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder: Any
) -> None:
    """Compatibility: a collection created without the `untrusted` field is written and searched
    as before; under INDEX_UNTRUSTED=flag its untrusted chunks are rejected (it cannot mark them)
    and the collection and the docstore still agree."""
    from core import schema as S
    from core.clients import make_engine, make_milvus_client
    from core.collection import has_field
    from core.docstore import DocStore
    from core.indexing import run_index
    from core.retrieval import Retriever
    from core.settings import Settings

    build = S.build_schema

    def old_schema(settings: Settings, bm25: bool = True) -> Any:
        schema = build(settings, bm25)
        schema.fields[:] = [f for f in schema.fields if f.name != S.UNTRUSTED]
        return schema

    docs = tmp_path / "docs"
    shutil.copytree(FIXTURE, docs)
    case = SCREENED[0]
    (docs / planted_path(case)).parent.mkdir(parents=True, exist_ok=True)
    (docs / planted_path(case)).write_text(case["document"], encoding="utf-8")
    settings = Settings(RAGDESK_MILVUS_URI=str(tmp_path / "milvus.db"), RAGDESK_DATA_DIR=tmp_path, DOCS_SOURCE_DIR=docs)
    client = make_milvus_client(settings)
    docstore = DocStore(make_engine(settings))
    with monkeypatch.context() as patch:
        patch.setattr(S, "build_schema", old_schema)
        report = run_index(settings, client, docstore, embedder)
    assert not has_field(client, settings.milvus_collection, S.UNTRUSTED)
    assert report.write is not None and report.write.untrusted_action == "reject"
    assert {u.doc_id for u in report.write.untrusted} == {planted_path(case)}
    assert report.write.collection_count == report.write.docstore_chunk_count > 0
    found = Retriever(settings, client, embedder).search(case["question"], k=10).chunks
    assert found and planted_path(case) not in {c.doc_id for c in found}

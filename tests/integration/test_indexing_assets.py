"""Materialize the indexing assets in-process against a temporary Milvus Lite file with the real
embedding model; then edit, delete and add documents and check only those are re-embedded."""

from pathlib import Path

import dagster as dg
import pytest

from assets.indexing import INDEXING_ASSETS, INDEXING_CHECKS
from core.dagster_resources import SettingsResource, build_resources


def materialize(overrides: dict[str, str]) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        [*INDEXING_ASSETS, *INDEXING_CHECKS], resources=build_resources(overrides), raise_on_error=True
    )


def meta(result: dg.ExecuteInProcessResult, asset: str) -> dict:
    return {k: v.value for k, v in result.asset_materializations_for_node(asset)[0].metadata.items()}


@pytest.mark.slow
def test_incremental_materialization(tmp_path: Path, small_corpus: Path, embedder) -> None:
    from core.clients import make_milvus_client
    from core.retrieval import Retriever

    overrides = {
        "RAGDESK_MILVUS_URI": str(tmp_path / "milvus.db"),
        "RAGDESK_DATA_DIR": str(tmp_path / "data"),
        "DOCS_SOURCE_DIR": str(small_corpus),
    }
    first = materialize(overrides)
    assert all(e.passed for e in first.get_asset_check_evaluations())
    docs = meta(first, "source_documents")
    assert docs["new"] == docs["documents"] > 0 and docs["failed"] == 0
    first_chunks = meta(first, "document_chunks")["chunks"]
    assert meta(first, "support_collection")["collection_chunks"] == first_chunks

    edited = small_corpus / "helpcentre/shipping/shipping-options-and-costs.md"
    edited.write_text(
        edited.read_text() + "\n\n## Drone delivery\n\nDrone delivery to rooftop gardens costs 99.95 EUR.\n"
    )
    deleted = small_corpus / "helpcentre/gift-cards/lost-gift-cards.md"
    deleted_text = deleted.read_text()
    deleted.unlink()
    added = small_corpus / "helpcentre/new-article.md"
    added.write_text("# Zebra wrapping\n\n## Gift wrap\n\nZebra-striped gift wrapping is available for 3.50 EUR.\n")

    second = materialize(overrides)
    assert all(e.passed for e in second.get_asset_check_evaluations())
    docs = meta(second, "source_documents")
    assert (docs["new"], docs["changed"], docs["deleted"]) == (1, 1, 1)
    embedded = meta(second, "chunk_embeddings")["chunks"]
    assert 0 < embedded < first_chunks

    settings = SettingsResource(overrides=overrides).get()  # the Settings the assets ran with
    client = make_milvus_client(settings)
    try:
        retriever = Retriever(settings, client, embedder)
        hits = retriever.search("How much does drone delivery cost?", k=3, mode="dense").chunks
        assert any("99.95 EUR" in h.text for h in hits)
        hits = retriever.search("zebra striped gift wrapping", k=3, mode="keyword").chunks
        assert hits and hits[0].doc_id == "helpcentre/new-article.md"
        gone = client.query(
            settings.milvus_collection,
            filter='doc_id == "helpcentre/gift-cards/lost-gift-cards.md"',
            output_fields=["id"],
        )
        assert list(gone) == []
        first_line = next(line for line in deleted_text.splitlines()[2:] if len(line) > 40)
        for hit in retriever.search(first_line, k=10, mode="hybrid").chunks:
            assert hit.doc_id != "helpcentre/gift-cards/lost-gift-cards.md"
    finally:
        client.close()

    third = materialize(overrides)
    assert meta(third, "chunk_embeddings")["chunks"] == 0
    assert meta(third, "source_documents")["unchanged"] == docs["documents"]


def test_definitions_load() -> None:
    from orchestration.definitions import defs

    definitions = defs()
    keys = {k.to_user_string() for k in definitions.resolve_asset_graph().get_all_asset_keys()}
    assert {"source_documents", "document_chunks", "chunk_embeddings", "support_collection"} <= keys
    assert definitions.resolve_job_def("index_job") is not None

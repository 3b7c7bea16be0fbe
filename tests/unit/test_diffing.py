from pathlib import Path

import numpy as np

from core.chunking import Chunk
from core.db import make_engine
from core.docstore import DocStore
from core.indexing import plan_changes, scan_sources
from core.settings import Settings


class FakeMilvus:
    """Records writes; stands in for the collection in this unit test of the diff logic only."""

    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}

    def has_collection(self, name: str) -> bool:
        return True

    def describe_collection(self, name: str) -> dict:
        fields = ["id", "vector", "text", "keywords", "sparse", "doc_id"]
        return {"fields": [{"name": f, "params": {"dim": 4} if f == "vector" else {}} for f in fields]}

    def load_collection(self, name: str) -> None:
        pass

    def upsert(self, name: str, rows: list[dict]) -> None:
        self.rows.update({r["id"]: r for r in rows})

    def delete(self, name: str, ids: list[str]) -> None:
        for i in ids:
            self.rows.pop(i, None)

    def query(self, name: str, filter: str, output_fields: list[str], **_: object) -> list[dict]:
        return [{"count(*)": len(self.rows)}]


def settings_for(tmp_path: Path) -> Settings:
    return Settings(RAGDESK_DATA_DIR=tmp_path / "data", DOCS_SOURCE_DIR=tmp_path / "docs", EMBED_DIM=4)


def index_once(settings: Settings, store: DocStore, milvus: FakeMilvus) -> None:
    from core.indexing import write_collection

    changes = plan_changes(settings, store, scan_sources(settings.docs_source_dir))
    chunks = [
        Chunk(f"{d.doc_id}#{i}:{hash(s.text)}", d.doc_id, d.title, s.label, d.doc_id, i, s.text, 3, "h", 0)
        for d in changes.loaded
        for i, s in enumerate(d.sections)
    ]
    write_collection(milvus, settings, store, changes, chunks, np.ones((len(chunks), 4), dtype=np.float32))  # type: ignore[arg-type]


def test_diff_finds_new_changed_deleted_and_skips_unchanged(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a", "b", "c"):
        (docs / f"{name}.md").write_text(f"# {name}\n\ntext of {name}\n")
    settings = settings_for(tmp_path)
    store = DocStore(make_engine(settings.resolved_docstore_url))
    milvus = FakeMilvus()
    index_once(settings, store, milvus)
    assert len(milvus.rows) == 3

    (docs / "a.md").write_text("# a\n\nnew text of a\n")
    (docs / "b.md").unlink()
    (docs / "d.md").write_text("# d\n\ntext of d\n")
    changes = plan_changes(settings, store, scan_sources(docs))
    assert changes.new_ids == ["d.md"]
    assert changes.changed_ids == ["a.md"]
    assert list(changes.deleted) == ["b.md"]
    assert changes.unchanged == 1
    assert {d.doc_id for d in changes.loaded} == {"a.md", "d.md"}

    index_once(settings, store, milvus)
    texts = sorted(r["text"] for r in milvus.rows.values())
    assert texts == ["new text of a", "text of c", "text of d"]
    assert plan_changes(settings, store, scan_sources(docs)).is_empty


def test_unreadable_file_keeps_previous_version(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# a\n\ngood text\n")
    settings = settings_for(tmp_path)
    store = DocStore(make_engine(settings.resolved_docstore_url))
    milvus = FakeMilvus()
    index_once(settings, store, milvus)
    (docs / "a.md").write_bytes("caf\xe9".encode("latin-1"))
    changes = plan_changes(settings, store, scan_sources(docs))
    assert [f.doc_id for f in changes.failures] == ["a.md"]
    assert "not valid UTF-8" in changes.failures[0].message
    assert not changes.deleted
    index_once(settings, store, milvus)
    assert [r["text"] for r in milvus.rows.values()] == ["good text"]


def test_changed_index_settings_reindex_every_document(tmp_path: Path) -> None:
    from core.indexing import needs_resync

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a", "b"):
        (docs / f"{name}.md").write_text(f"# {name}\n\ntext of {name}\n")
    settings = settings_for(tmp_path)
    store = DocStore(make_engine(settings.resolved_docstore_url))
    milvus = FakeMilvus()
    index_once(settings, store, milvus)
    assert not needs_resync(milvus, settings, store)  # type: ignore[arg-type]

    for changed in (
        settings.model_copy(update={"keyword_heading_weight": 3}),
        settings.model_copy(update={"keyword_bigrams": False}),
        settings.model_copy(update={"chunk_overlap": 32}),
        settings.model_copy(update={"embed_model": "another/model"}),
    ):
        assert needs_resync(milvus, changed, store)  # type: ignore[arg-type]
        plan = plan_changes(changed, store, scan_sources(docs), resync=True)
        assert sorted(d.doc_id for d in plan.loaded) == ["a.md", "b.md"]

    changed = settings.model_copy(update={"keyword_heading_weight": 3})
    index_once(changed, store, milvus)
    assert not needs_resync(milvus, changed, store)  # type: ignore[arg-type]
    assert needs_resync(milvus, settings, store)  # type: ignore[arg-type]

"""DocumentHeads: the first and the last chunk of an indexed document, read from the document
store (a real SQLite database brought to the newest migration), for the page-status check."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from core.db import make_engine
from core.docstore import ChunkRow
from serving.composer.heads import DocumentHeads


def test_head_and_tail_are_the_first_and_last_chunks(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
    with Session(engine) as session:
        for position, text in [
            (2, "Last chunk: kept for reference."),
            (0, "---\nstatus: x\n---\nFirst."),
            (1, "Middle."),
        ]:
            session.add(ChunkRow(chunk_id=f"a-{position}", doc_id="a.md", position=position, text=text))
        session.add(ChunkRow(chunk_id="b-0", doc_id="b.md", position=0, text="Only chunk."))
        session.commit()
    heads = DocumentHeads(engine)
    assert heads("a.md").endswith("First.") and heads.tail("a.md") == "Last chunk: kept for reference."
    assert heads("b.md") == heads.tail("b.md") == "Only chunk."
    assert heads("missing.md") == heads.tail("missing.md") == ""

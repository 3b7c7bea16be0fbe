"""The document store: what was indexed, with which hashes and chunk ids (SQLAlchemy; SQLite by
default, Postgres by URL). The Milvus collection holds vectors; this holds the bookkeeping that
makes indexing incremental."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Float, Integer, String, Text, delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from core.db import Base


class DocumentRow(Base):
    __tablename__ = "documents"
    doc_id: Mapped[str] = mapped_column(String(1024), primary_key=True)
    source_path: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[int] = mapped_column(Integer, default=0)
    indexed_at: Mapped[float] = mapped_column(Float, default=0.0)
    chunk_count: Mapped[int] = mapped_column(Integer, default=0)
    token_count: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")


class ChunkRow(Base):
    __tablename__ = "chunks"
    chunk_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(1024), index=True)
    position: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    token_count: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64), default="")


class IndexRunRow(Base):
    __tablename__ = "index_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[float] = mapped_column(Float)
    finished_at: Mapped[float] = mapped_column(Float)
    docs_new: Mapped[int] = mapped_column(Integer, default=0)
    docs_changed: Mapped[int] = mapped_column(Integer, default=0)
    docs_deleted: Mapped[int] = mapped_column(Integer, default=0)
    docs_failed: Mapped[int] = mapped_column(Integer, default=0)
    chunks_upserted: Mapped[int] = mapped_column(Integer, default=0)
    chunks_deleted: Mapped[int] = mapped_column(Integer, default=0)
    embed_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    total_seconds: Mapped[float] = mapped_column(Float, default=0.0)


class MetaRow(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


INDEX_GENERATION_KEY = "index_generation"


def _bump_generation(session: Session) -> None:
    row = session.get(MetaRow, INDEX_GENERATION_KEY)
    current = int(row.value) if row is not None and row.value.isdigit() else 0
    session.merge(MetaRow(key=INDEX_GENERATION_KEY, value=str(current + 1)))


@dataclass(frozen=True)
class StoredDocument:
    doc_id: str
    content_hash: str
    chunk_ids: tuple[str, ...]


class DocStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def documents(self) -> dict[str, StoredDocument]:
        with Session(self.engine) as session:
            rows = session.execute(select(DocumentRow.doc_id, DocumentRow.content_hash)).all()
            chunk_rows = session.execute(select(ChunkRow.doc_id, ChunkRow.chunk_id).order_by(ChunkRow.position)).all()
        by_doc: dict[str, list[str]] = {}
        for doc_id, cid in chunk_rows:
            by_doc.setdefault(doc_id, []).append(cid)
        return {d: StoredDocument(d, h, tuple(by_doc.get(d, []))) for d, h in rows}

    def headed_chunks(self) -> list[tuple[str, str, str]]:
        """(document title, section, chunk text) of every stored chunk, in document order."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(DocumentRow.title, ChunkRow.section, ChunkRow.text)
                .join(DocumentRow, DocumentRow.doc_id == ChunkRow.doc_id)
                .order_by(ChunkRow.doc_id, ChunkRow.position)
            ).all()
        return [(title, section, text) for title, section, text in rows]

    def chunk_count(self) -> int:
        with Session(self.engine) as session:
            return int(session.scalar(select(func.count()).select_from(ChunkRow)) or 0)

    def document_count(self) -> int:
        with Session(self.engine) as session:
            return int(session.scalar(select(func.count()).select_from(DocumentRow)) or 0)

    def replace_documents(
        self, documents: Iterable[DocumentRow], chunks: Iterable[ChunkRow], deleted_doc_ids: Iterable[str]
    ) -> None:
        """One transaction: the rows of every changed document are replaced and deleted documents
        are removed, so the store never shows half an update."""
        docs = list(documents)
        chunk_list = list(chunks)
        gone = list(deleted_doc_ids)
        with Session(self.engine) as session, session.begin():
            touched = [d.doc_id for d in docs] + gone
            for start in range(0, len(touched), 500):
                batch = touched[start : start + 500]
                session.execute(delete(ChunkRow).where(ChunkRow.doc_id.in_(batch)))
                session.execute(delete(DocumentRow).where(DocumentRow.doc_id.in_(batch)))
            session.add_all(docs)
            session.add_all(chunk_list)
            if touched:  # in the same transaction: no reader sees new rows under the old generation
                _bump_generation(session)

    def record_error(self, doc_id: str, source_path: str, error: str) -> None:
        """Remember a failed load without touching a previously indexed version."""
        with Session(self.engine) as session, session.begin():
            row = session.get(DocumentRow, doc_id)
            if row is None:
                return
            row.error = error

    def get_meta(self, key: str) -> str | None:
        with Session(self.engine) as session:
            row = session.get(MetaRow, key)
            return row.value if row is not None else None

    def set_meta(self, key: str, value: str) -> None:
        with Session(self.engine) as session, session.begin():
            session.merge(MetaRow(key=key, value=value))

    def index_generation(self) -> int:
        """A counter every index run that changed a document raised (however it was started):
        the response cache keys its entries by it, so an update can never leave stale answers."""
        return int(self.get_meta(INDEX_GENERATION_KEY) or 0)

    def record_run(self, run: IndexRunRow) -> None:
        with Session(self.engine) as session, session.begin():
            session.add(run)

    def chunk_texts(self, chunk_ids: list[str]) -> dict[str, str]:
        with Session(self.engine) as session:
            rows = session.execute(
                select(ChunkRow.chunk_id, ChunkRow.text).where(ChunkRow.chunk_id.in_(chunk_ids))
            ).all()
        return {cid: text for cid, text in rows}

    def all_chunk_ids(self) -> set[str]:
        with Session(self.engine) as session:
            return set(session.scalars(select(ChunkRow.chunk_id)).all())

    def last_runs(self, limit: int = 10) -> list[IndexRunRow]:
        with Session(self.engine) as session:
            rows = session.scalars(select(IndexRunRow).order_by(IndexRunRow.id.desc()).limit(limit)).all()
            session.expunge_all()
        return list(rows)


def now() -> float:
    return time.time()

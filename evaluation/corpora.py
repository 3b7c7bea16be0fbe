"""Which corpus a golden set is judged against: its settings (collection, document store), its
questions, and the versions an MLflow run records."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.datasets import cases_path
from core.docstore import ChunkRow, DocStore
from core.settings import Settings
from evaluation import emanual
from evaluation.golden import GoldenQuestion, GoldRef, file_sha256, load_golden

if TYPE_CHECKING:
    from pymilvus import MilvusClient
    from sqlalchemy.engine import Engine

    from core.embedder import Embedder

DATASETS = ("demo", "emanual")


@dataclass
class Corpus:
    dataset: str  # "demo", "emanual" or a file's stem
    settings: Settings  # pointed at this corpus' collection and document store
    questions: list[GoldenQuestion]
    dataset_path: str
    dataset_version: str
    corpus_version: str
    engine: Engine

    def reference_texts(self, refs: list[GoldRef]) -> dict[GoldRef, list[str]]:
        """The indexed chunk texts of each gold section (and of the sections below it)."""
        doc_ids = sorted({r.doc_id for r in refs})
        if not doc_ids:
            return {}
        with Session(self.engine) as session:
            rows = session.execute(
                select(ChunkRow.doc_id, ChunkRow.section, ChunkRow.text, ChunkRow.position)
                .where(ChunkRow.doc_id.in_(doc_ids))
                .order_by(ChunkRow.doc_id, ChunkRow.position)
            ).all()
        return {ref: [text for doc_id, section, text, _ in rows if ref.matches(doc_id, section)] for ref in refs}


def _docstore_version(engine: Engine) -> str:
    documents = DocStore(engine).documents()
    digest = hashlib.sha256()
    for doc_id in sorted(documents):
        digest.update(f"{doc_id}\0{documents[doc_id].content_hash}\n".encode())
    return digest.hexdigest()[:12]


def open_corpus(
    settings: Settings,
    dataset: str,
    client: MilvusClient | None = None,
    embedder: Embedder | None = None,
    index: bool = True,
) -> Corpus:
    """`dataset`: "demo" (the EVAL_DEMO_DATASET set in EVAL_DATASETS_DIR against the main collection),
    "emanual" (the E-Manual set against its own collection, indexed first when `index`), or a
    path to a golden JSONL file judged against the main collection."""
    from core.clients import make_engine

    if dataset == "emanual":
        derived = emanual.emanual_settings(settings)
        if index:
            if client is None or embedder is None:
                raise ValueError("indexing the E-Manual corpus needs a Milvus client and the embedder")
            emanual.index_emanual(settings, client, embedder)
        engine = make_engine(derived)
        questions = emanual.load_questions(settings)
        folder = emanual.require(settings)
        return Corpus(
            dataset="emanual",
            settings=derived,
            questions=questions,
            dataset_path=str(folder / emanual.QA_ZIP),
            dataset_version=file_sha256(folder / emanual.QA_ZIP)[:12],
            corpus_version=emanual.corpus_version(settings),
            engine=engine,
        )
    path = cases_path(settings.eval_demo_dataset, settings.eval_datasets_dir) if dataset == "demo" else Path(dataset)
    engine = make_engine(settings)
    return Corpus(
        dataset="demo" if dataset == "demo" else path.stem,
        settings=settings,
        questions=load_golden(path),
        dataset_path=str(path),
        dataset_version=file_sha256(path)[:12],
        corpus_version=_docstore_version(engine),
        engine=engine,
    )

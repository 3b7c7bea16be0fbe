"""The start and the end of an indexed document (its first chunk: metadata and opening lines; its
last chunk: a closing notice), read from the document store, for the page-status check
(status.py) of a passage from elsewhere on the page."""

from __future__ import annotations

import time
from collections import OrderedDict

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from core.docstore import ChunkRow
from core.settings import Settings

TTL_S = 300.0
MAX_DOCUMENTS = 5000


class DocumentHeads:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._cache: OrderedDict[str, tuple[float, tuple[str, str]]] = OrderedDict()

    @classmethod
    def open(cls, settings: Settings) -> DocumentHeads:
        from core.clients import make_engine

        return cls(make_engine(settings))

    def __call__(self, doc_id: str) -> str:
        """The document's first chunk ("" when unknown)."""
        return self._ends(doc_id)[0]

    def tail(self, doc_id: str) -> str:
        """The document's last chunk ("" when unknown)."""
        return self._ends(doc_id)[1]

    def _ends(self, doc_id: str) -> tuple[str, str]:
        now = time.monotonic()
        hit = self._cache.get(doc_id)
        if hit is not None and now - hit[0] < TTL_S:
            return hit[1]
        first = select(ChunkRow.text).where(ChunkRow.doc_id == doc_id).order_by(ChunkRow.position).limit(1)
        last = select(ChunkRow.text).where(ChunkRow.doc_id == doc_id).order_by(ChunkRow.position.desc()).limit(1)
        with Session(self.engine) as session:
            ends = (session.scalars(first).first() or "", session.scalars(last).first() or "")
        self._cache[doc_id] = (now, ends)
        self._cache.move_to_end(doc_id)
        while len(self._cache) > MAX_DOCUMENTS:
            self._cache.popitem(last=False)
        return ends

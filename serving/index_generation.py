"""The index generation the API's response cache keys answers by (core.docstore raises it in the
same transaction as every document change, whether `ragdesk index`, Dagster or a test ran it).
Read from the docstore at most every INDEX_GENERATION_CHECK_S; a failure to read keeps the last
value known (and -1 before any), so the cache is never served across an unknown change.

`fresh()` answers from memory without a lock or a thread while the last read is younger than
INDEX_GENERATION_CHECK_S (what nearly every request gets); `current()` reads the docstore when it
is not, and belongs in a worker thread."""

from __future__ import annotations

import logging
import threading
import time

from core.settings import Settings

log = logging.getLogger(__name__)


class IndexGeneration:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._value = -1
        self._read_at = 0.0
        self._known: tuple[int, float] = (-1, float("-inf"))  # (value, read at): one attribute, read without the lock
        self._docstore: object | None = None

    def _read(self) -> int:
        from core.clients import make_engine
        from core.docstore import DocStore

        if self._docstore is None:
            self._docstore = DocStore(make_engine(self.settings))
        assert isinstance(self._docstore, DocStore)
        return self._docstore.index_generation()

    def fresh(self) -> int | None:
        """The generation when it was read less than INDEX_GENERATION_CHECK_S ago, else None."""
        value, read_at = self._known
        if time.monotonic() - read_at < self.settings.index_generation_check_s:
            return value
        return None

    def current(self) -> int:
        with self._lock:
            if time.monotonic() - self._read_at < self.settings.index_generation_check_s:
                return self._value
            try:
                self._value = self._read()
            except Exception:
                log.warning("could not read the index generation; keeping %d", self._value, exc_info=True)
            self._read_at = time.monotonic()
            self._known = (self._value, self._read_at)
            return self._value

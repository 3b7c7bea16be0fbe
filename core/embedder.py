"""The embedding model: sentence-transformers on CPU, loaded from local files only.

Single questions (`embed_one`, the query path and the cache) can be micro-batched
(EMBED_QUERY_BATCH > 1): they go through one worker thread that embeds whatever questions are
waiting in one forward pass, so 8 concurrent clients cost a little more than one pass, not eight
(torch inference is serialised anyway; bench/load.py measures it).

EMBED_BACKEND picks the runtime: `torch` (sentence-transformers, fp32) or the same model on ONNX
Runtime (`onnx`, `onnx-int8`; core/onnx_embedder.py). Vectors of one backend belong with an index
built by the same backend: the index fingerprint records it (core/indexing.py)."""

from __future__ import annotations

import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from core.models import resolve_embed_model_dir
from core.settings import Settings


@dataclass
class Embedder:
    model: Any
    name: str
    dim: int
    max_tokens: int
    batch_size: int
    query_batch: int = 1  # 1 = embed_one embeds in the caller's thread
    backend: str = "torch"  # EMBED_BACKEND: torch, onnx or onnx-int8
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _batcher: _QueryBatcher | None = field(default=None, repr=False)

    @classmethod
    def load(cls, settings: Settings) -> Embedder:
        if settings.embed_backend != "torch":
            from core.onnx_embedder import OnnxSentenceModel

            onnx_model = OnnxSentenceModel.load(settings, threads=settings.embed_threads)
            dim = int(onnx_model.encode(["dimension probe"]).shape[1])
            return cls._checked(settings, onnx_model, dim)
        import torch
        from sentence_transformers import SentenceTransformer

        if settings.embed_threads > 0:
            torch.set_num_threads(settings.embed_threads)
        model_dir = resolve_embed_model_dir(settings)
        model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
        model.max_seq_length = settings.embed_max_tokens
        reported = (
            model.get_embedding_dimension()
            if hasattr(model, "get_embedding_dimension")
            else model.get_sentence_embedding_dimension()
        )
        if reported is None:
            raise ValueError(f"embedding model {settings.embed_model} does not report its dimension")
        return cls._checked(settings, model, int(reported))

    @classmethod
    def _checked(cls, settings: Settings, model: Any, dim: int) -> Embedder:
        if dim != settings.embed_dim:
            raise ValueError(
                f"embedding model {settings.embed_model} has dimension {dim}, settings say EMBED_DIM={settings.embed_dim}"
            )
        return cls(
            model=model,
            name=settings.embed_model,
            dim=dim,
            max_tokens=settings.embed_max_tokens,
            batch_size=settings.embed_batch_size,
            query_batch=settings.embed_query_batch,
            backend=settings.embed_backend,
        )

    def set_threads(self, threads: int) -> None:
        """Intra-op threads for this embedder's runtime (the API process wants 1)."""
        if threads <= 0:
            return
        if self.backend == "torch":
            import torch

            torch.set_num_threads(threads)
        else:
            with self._lock:
                self.model.set_threads(threads)

    @property
    def tokenizer(self) -> Any:
        return self.model.tokenizer

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer.encode(text, add_special_tokens=False))

    def embed(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        """Unit-length float32 vectors, one row per text. Thread-safe (inference is serialised:
        two threads on two cores only slow each other down)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self.model.encode(
                texts,
                batch_size=batch_size or self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)

    def embed_one(self, text: str) -> np.ndarray:
        if self.query_batch <= 1:
            return self.embed([text])[0]
        if self._batcher is None:
            with self._lock:
                if self._batcher is None:
                    self._batcher = _QueryBatcher(self.embed, self.query_batch)
        return self._batcher.submit(text)


class _QueryBatcher:
    """One daemon thread embedding the questions waiting in its queue, up to `limit` at a time."""

    def __init__(self, embed: Any, limit: int) -> None:
        self._embed = embed
        self._limit = limit
        self._queue: queue.SimpleQueue[tuple[str, Future[np.ndarray]]] = queue.SimpleQueue()
        threading.Thread(target=self._run, name="embed-batcher", daemon=True).start()

    def submit(self, text: str) -> np.ndarray:
        future: Future[np.ndarray] = Future()
        self._queue.put((text, future))
        return future.result()

    def _run(self) -> None:
        while True:
            items = [self._queue.get()]
            while len(items) < self._limit:
                try:
                    items.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                vectors = self._embed([text for text, _ in items])
            except BaseException as exc:  # the callers get the error; the thread keeps serving
                for _, future in items:
                    future.set_exception(exc)
                continue
            for (_, future), vector in zip(items, vectors, strict=True):
                future.set_result(vector)


def timed_embed(embedder: Embedder, texts: list[str]) -> tuple[np.ndarray, float]:
    start = time.perf_counter()
    vectors = embedder.embed(texts)
    return vectors, time.perf_counter() - start


def load_tokenizer(settings: Settings) -> Any:
    """The embedder's tokenizer alone (fast to load), for chunking without the model."""
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(resolve_embed_model_dir(settings)), local_files_only=True)

"""Embeddings from a service instead of the in-process model: any OpenAI-compatible
`/v1/embeddings` endpoint (SGLang, vLLM, text-embeddings-inference) serving EMBED_MODEL.

`ServiceEmbedder` is an `Embedder`: the indexer and the API (and the grounding checker) get it
from `core.clients.make_embedder` where EMBED_BASE_URL is set. Token counting for chunking and
prompt budgets stays local (the model's tokenizer files only, no weights), so chunk boundaries do
not depend on where vectors are computed. Requests are batched (EMBED_SERVICE_BATCH_SIZE texts).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import httpx
import numpy as np

from core.embedder import Embedder, load_tokenizer
from core.settings import Settings


class EmbeddingServiceError(RuntimeError):
    """The embedding service failed or answered something unusable (dimension, count)."""


@dataclass
class ServiceEmbedder(Embedder):
    url: str = ""
    api_key: str = ""
    service_model: str = ""
    timeout_s: float = 30.0
    _tokenizer: Any = None
    _http: httpx.Client | None = field(default=None, repr=False)
    _http_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def connect(cls, settings: Settings) -> ServiceEmbedder:
        """Build it and check the service answers with vectors of EMBED_DIM (one tiny request)."""
        embedder = cls(
            model=None,
            name=settings.embed_model,
            dim=settings.embed_dim,
            max_tokens=settings.embed_max_tokens,
            batch_size=settings.embed_service_batch_size,
            url=settings.embed_base_url.rstrip("/") + "/embeddings",
            api_key=settings.embed_api_key,
            service_model=settings.embed_service_model or settings.embed_model,
            timeout_s=settings.embed_service_timeout_s,
            _tokenizer=load_tokenizer(settings),
        )
        embedder.embed(["ready?"])
        return embedder

    @property
    def tokenizer(self) -> Any:
        return self._tokenizer

    def _client(self) -> httpx.Client:
        with self._http_lock:
            if self._http is None:
                headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
                self._http = httpx.Client(timeout=self.timeout_s, headers=headers)
            return self._http

    def _request(self, texts: list[str]) -> np.ndarray:
        body = {"input": texts, "model": self.service_model, "encoding_format": "float"}
        try:
            response = self._client().post(self.url, json=body)
        except httpx.HTTPError as exc:
            raise EmbeddingServiceError(f"embedding service at {self.url}: {type(exc).__name__}: {exc}") from exc
        if response.status_code != 200:
            raise EmbeddingServiceError(
                f"embedding service at {self.url} answered {response.status_code}: {response.text[:300]}"
            )
        rows = sorted(response.json().get("data", []), key=lambda row: row["index"])
        if len(rows) != len(texts):
            raise EmbeddingServiceError(f"embedding service returned {len(rows)} vectors for {len(texts)} texts")
        vectors = np.asarray([row["embedding"] for row in rows], dtype=np.float32)
        if vectors.shape[1] != self.dim:
            raise EmbeddingServiceError(
                f"embedding service returned dimension {vectors.shape[1]}, settings say EMBED_DIM={self.dim}"
            )
        return vectors

    def embed(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, in batches of `batch_size` per request."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        size = batch_size or self.batch_size
        vectors = np.concatenate([self._request(texts[i : i + size]) for i in range(0, len(texts), size)])
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return np.asarray(vectors / np.maximum(norms, 1e-12), dtype=np.float32)

    def close(self) -> None:
        if self._http is not None:
            self._http.close()

"""EMBED_QUERY_BATCH: concurrent single questions embedded together, each caller gets its own vector."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import pytest

from core.embedder import Embedder


class SlowModel:
    """Stands in for SentenceTransformer: a vector that encodes the text's length, and a record
    of the batch sizes it was asked for."""

    def __init__(self) -> None:
        self.batches: list[int] = []

    def encode(self, texts: list[str], **_: Any) -> np.ndarray:
        self.batches.append(len(texts))
        time.sleep(0.05)
        if any(t == "boom" for t in texts):
            raise RuntimeError("model failed")
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


def make(query_batch: int) -> tuple[Embedder, SlowModel]:
    model = SlowModel()
    return Embedder(model, "fake", 2, 16, 32, query_batch=query_batch), model


def test_concurrent_questions_share_a_forward_pass() -> None:
    embedder, model = make(16)
    texts = ["x" * n for n in range(1, 17)]
    with ThreadPoolExecutor(16) as pool:
        vectors = list(pool.map(embedder.embed_one, texts))
    assert [int(v[0]) for v in vectors] == list(range(1, 17))  # each caller its own row
    assert max(model.batches) > 1 and sum(model.batches) == 16


def test_off_embeds_in_the_callers_thread() -> None:
    embedder, model = make(1)
    assert int(embedder.embed_one("abc")[0]) == 3 and model.batches == [1]
    assert embedder._batcher is None


def test_a_failed_batch_fails_its_callers_and_the_batcher_goes_on() -> None:
    embedder, _ = make(16)
    with pytest.raises(RuntimeError, match="model failed"):
        embedder.embed_one("boom")
    assert int(embedder.embed_one("abcd")[0]) == 4
    assert any(t.name == "embed-batcher" for t in threading.enumerate())


def test_batched_vectors_equal_single_ones(embedder: Embedder) -> None:
    """The real MiniLM: padding in a batch does not change a question's vector (cosine >= 0.99999)."""
    questions = ["Can I return a laptop?", "How long does standard shipping take to Switzerland in winter?", "Hi"]
    single = np.stack([embedder.embed([q])[0] for q in questions])
    batched = Embedder(embedder.model, embedder.name, embedder.dim, embedder.max_tokens, 32, query_batch=8)
    with ThreadPoolExecutor(3) as pool:
        together = np.stack(list(pool.map(batched.embed_one, questions)))
    assert np.min(np.sum(single * together, axis=1)) >= 0.99999

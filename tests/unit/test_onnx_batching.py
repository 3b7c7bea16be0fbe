"""Issue 20's batching: the ONNX embedder batches by token count under a padded-token budget and
runs batches on worker threads; the indexer hands chunks over in groups of similar length. Each
text still gets its own vector, in the order given (fake session and tokenizer: no model)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from core.chunking import Chunk
from core.embedder import Embedder
from core.indexing import embed_chunks
from core.onnx_embedder import OnnxSentenceModel, length_batches


class WordTokenizer:
    """One id per word plus [CLS] and [SEP], truncated like the real tokenizer."""

    pad_token_id = 0

    def __call__(self, texts: list[str], truncation: bool, max_length: int) -> dict[str, list[list[int]]]:
        ids = [[*[101, *(len(w) + 1000 for w in t.split())][: max_length - 1], 102] for t in texts]
        return {"input_ids": ids}


class RecordingSession:
    """A vector of [sum of the unmasked ids, unmasked length], and the shapes it was fed."""

    def __init__(self) -> None:
        self.shapes: list[tuple[int, int]] = []
        self.threads: set[str] = set()
        self._lock = threading.Lock()

    def run(self, _: Any, feed: dict[str, np.ndarray]) -> list[np.ndarray]:
        ids, mask = feed["input_ids"], feed["attention_mask"]
        assert ids.dtype == np.int64 and ids.shape == mask.shape == feed["token_type_ids"].shape
        assert np.all(ids[mask == 0] == 0)  # padding is the pad id, masked
        with self._lock:
            self.shapes.append(ids.shape)
            self.threads.add(threading.current_thread().name)
        return [np.stack([(ids * mask).sum(1), mask.sum(1)], axis=1).astype(np.float32)]


def model(workers: int = 1, batch_tokens: int = 64, max_tokens: int = 16) -> tuple[OnnxSentenceModel, RecordingSession]:
    session = RecordingSession()
    return OnnxSentenceModel(session, WordTokenizer(), max_tokens, Path("x.onnx"), workers, batch_tokens), session


def expected(text: str, max_tokens: int = 16) -> list[float]:
    ids = WordTokenizer()([text], True, max_tokens)["input_ids"][0]
    return [float(sum(ids)), float(len(ids))]


TEXTS = ["one", "a b c d e f g h i j k l m n o p q r s", "two words", "", "three little words", "x " * 5]


def test_length_batches_respect_the_budget_and_the_row_cap() -> None:
    lengths = [5, 40, 12, 40, 3, 30, 30, 8]
    batches = length_batches(lengths, max_rows=3, max_tokens=64)
    flat = np.concatenate(batches)
    assert sorted(flat.tolist()) == list(range(len(lengths)))  # every text once
    assert [lengths[i] for i in flat] == sorted(lengths, reverse=True)  # longest first
    for batch in batches:
        assert len(batch) <= 3
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) <= 64
    assert [len(b) for b in length_batches([500], 32, 64)] == [1]  # a text over the budget still fits
    assert len(length_batches([4] * 6, 32, 1024, min_batches=2)) == 2  # a short call is shared out


@pytest.mark.parametrize("workers", [1, 3])
def test_encode_returns_each_texts_vector_in_order(workers: int) -> None:
    onnx, session = model(workers)
    vectors = onnx.encode(TEXTS, batch_size=2)
    assert vectors.dtype == np.float32 and vectors.shape == (len(TEXTS), 2)
    assert vectors.tolist() == [expected(t) for t in TEXTS]
    assert all(rows <= 2 and (rows == 1 or rows * width <= 64) for rows, width in session.shapes)
    assert sum(rows for rows, _ in session.shapes) == len(TEXTS)
    if workers > 1:
        assert all(name.startswith("onnx-embed") for name in session.threads)
    else:
        assert session.threads == {threading.current_thread().name}


def test_set_threads_picks_the_workers_without_a_new_session() -> None:
    onnx, session = model()
    onnx.set_threads(4)
    assert onnx.workers == 4 and onnx.session is session
    onnx.set_threads(0)
    assert onnx.workers >= 1
    assert onnx.encode([]).shape[0] == 0


def chunk(n: int, words: int) -> Chunk:
    text = " ".join(f"w{n}" for _ in range(words))
    return Chunk(f"c{n}", "d", "Title", f"S{n}", "src", n, text, words, "h", 0)


def test_embed_chunks_keeps_the_chunks_order() -> None:
    onnx, session = model(workers=2, max_tokens=64)
    embedder = Embedder(onnx, "fake", 2, 64, batch_size=2)
    chunks = [chunk(n, words) for n, words in enumerate([3, 30, 1, 12, 30, 7, 2, 25, 9])]
    vectors, seconds = embed_chunks(chunks, embedder)
    assert vectors.tolist() == [expected(c.embed_text, 64) for c in chunks]
    assert seconds >= 0
    # the groups were handed over longest first: the first group's texts are the longest
    assert session.shapes[0][1] == max(len(c.embed_text.split()) + 2 for c in chunks)

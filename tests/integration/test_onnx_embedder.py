"""EMBED_BACKEND=onnx / onnx-int8 (issue 20): the ONNX Runtime embedder gives torch's vectors
within a stated tolerance; its file is exported from the local weights once, deterministically,
and checked by sha256; an index embedded by one backend is re-indexed under another, and the API's
check reports the mismatch."""

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from core.clients import make_embedder, make_engine, make_milvus_client
from core.docstore import DocStore
from core.indexing import index_embedder_mismatch, needs_resync, run_index
from core.models import sha256_of
from core.onnx_embedder import export_onnx
from core.settings import Settings
from serving.services import EmbedderCheck

TEXTS = [
    "Can I return a laptop after 45 days?",
    "x",
    "How long does standard shipping take to Switzerland in winter?",
    "Returns > Electronics\n"
    + "Opened electronics can be returned within 30 days if all accessories are included. " * 20,
    "Ünïcode café, 価格 and an emoji 🎉",
]
# Measured (bench/results/embed_runtime.md): fp32 ONNX differs from torch by float rounding
# (min cosine 0.9999996); int8 costs up to ~0.011 on a one-character text.
FP32_MIN_COSINE = 0.9999
INT8_MIN_COSINE = 0.98


def settings_for(backend: str, **extra: Any) -> Settings:
    return Settings(EMBED_BACKEND=backend, **extra)  # type: ignore[call-arg, arg-type]


@pytest.fixture(scope="module")
def torch_vectors(embedder: Any) -> np.ndarray:
    reference = embedder if embedder.backend == "torch" else make_embedder(settings_for("torch"))
    return np.asarray(reference.embed(TEXTS))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("backend", "floor", "alone_floor"), [("onnx", FP32_MIN_COSINE, 0.99999), ("onnx-int8", INT8_MIN_COSINE, 0.99)]
)
def test_onnx_vectors_match_torch(backend: str, floor: float, alone_floor: float, torch_vectors: np.ndarray) -> None:
    onnx = make_embedder(settings_for(backend))
    assert onnx.backend == backend and onnx.dim == torch_vectors.shape[1]
    vectors = onnx.embed(TEXTS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float(np.min(np.sum(vectors * torch_vectors, axis=1))) >= floor
    # a question alone, as the API embeds it, against the same question in a batch: fp32 is
    # batch-invariant; int8's activations are quantised per batch, so batch-mates move a vector a
    # little (measured 0.995)
    one = onnx.embed_one(TEXTS[0])
    assert float(one @ vectors[0]) >= alone_floor
    assert onnx.count_tokens("hello world") == 2  # the model's own tokenizer


@pytest.mark.slow
def test_export_is_deterministic_and_sha256_checked(tmp_path: Path) -> None:
    settings = settings_for("onnx", EMBED_ONNX_DIR=str(tmp_path))
    path = export_onnx(settings)
    manifest = json.loads(path.with_suffix(".json").read_text())
    assert manifest["sha256"] == sha256_of(path) and manifest["backend"] == "onnx"
    default = export_onnx(settings_for("onnx"))  # the shared cache's file, exported separately
    assert path.name == default.name and sha256_of(default) == manifest["sha256"]
    path.write_bytes(b"tampered")
    assert export_onnx(settings) == path and sha256_of(path) == manifest["sha256"]  # exported again


@pytest.mark.slow
def test_an_index_from_another_backend_is_detected(tmp_path: Path, small_corpus: Path, embedder: Any) -> None:
    common = {
        "RAGDESK_DATA_DIR": str(tmp_path / "data"),
        "MILVUS_URI": str(tmp_path / "milvus.db"),
        "DOCS_SOURCE_DIR": str(small_corpus),
    }
    built_with = embedder.backend
    indexed = settings_for(built_with, **common)
    other = settings_for("onnx-int8" if built_with != "onnx-int8" else "torch", **common)
    client = make_milvus_client(indexed)
    docstore = DocStore(make_engine(indexed))
    run_index(indexed, client, docstore, embedder)
    assert index_embedder_mismatch(indexed, docstore) is None
    assert EmbedderCheck(indexed).mismatch() is None
    assert not needs_resync(client, indexed, docstore)

    reason = index_embedder_mismatch(other, docstore)
    assert reason is not None and built_with in reason and other.embed_backend in reason
    assert EmbedderCheck(other).mismatch() == reason  # what /ready reports
    assert needs_resync(client, other, docstore)  # the next index run re-embeds every document

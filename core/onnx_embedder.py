"""The embedder on ONNX Runtime (EMBED_BACKEND=onnx or onnx-int8): the same sentence-transformers
model exported from the local PyTorch weights, run without torch.

The graph is the whole sentence-transformers pipeline after tokenisation: the BERT encoder, mean
pooling over the attention mask and L2 normalisation, so one `run` gives the unit vectors that
`SentenceTransformer.encode(normalize_embeddings=True)` gives. Tokenisation is the model's own
fast tokenizer (the same truncation to EMBED_MAX_TOKENS). The encoder is traced with the eager
attention (matmul, mask, softmax): the same vectors as torch's SDPA, in a graph ONNX Runtime runs
faster than the SDPA trace (which adds an IsNaN/Where guard per layer) on CPU. ONNX Runtime's
offline transformer fusions (fused Attention, SkipLayerNormalization) were measured slower here,
so the graph is left to the session's own optimiser.

Speed (issue 20): `encode` tokenises once, orders the texts by token count and cuts batches of
at most EMBED_BATCH_TOKENS padded tokens (and EMBED_BATCH_SIZE rows), so batches pad little and
stay cache-sized; the batches run on `workers` threads, each a single-threaded `run` of one
session (no intra-op barriers: a busy machine delays one batch, not every matrix product).

`onnx-int8` is the fp32 graph with its weight matrices dynamically quantised to int8 per channel
(onnxruntime.quantization), except the feed-forward output projections, whose int8 error cost the
most cosine (bench/embed_runtime.py).

Files are exported once, never during a request: by `ragdesk setup`, or on the first load (both
logged with their path), into EMBED_ONNX_DIR (a local EMBED_MODEL_PATH model: its onnx/
sub-folder) under a name keyed by the weights' sha256, the exporter's version and the backend. A manifest beside each file records its sha256, checked on
every load; a file that fails the check is exported again. A file lock keeps two processes (the
API and Dagster) from exporting at once."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

from core.models import resolve_embed_model_dir, sha256_of
from core.settings import Settings

log = logging.getLogger(__name__)

ONNX_BACKENDS = ("onnx", "onnx-int8")
# Bumped whenever the exported graph or its quantisation changes: the file name changes with it.
# 2: the encoder traced with eager attention (1: torch's SDPA).
EXPORT_VERSION = "2"
OPSET = 17
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def _weights_file(model_dir: Path) -> Path:
    for name in ("model.safetensors", "pytorch_model.bin"):
        if (model_dir / name).is_file():
            return model_dir / name
    raise FileNotFoundError(f"no model.safetensors or pytorch_model.bin in {model_dir}")


def onnx_file(settings: Settings, model_dir: Path | None = None) -> Path:
    """Where this model's graph for settings.embed_backend lives (whether or not it exists yet)."""
    if settings.embed_backend not in ONNX_BACKENDS:
        raise ValueError(f"EMBED_BACKEND={settings.embed_backend} has no ONNX file")
    model_dir = model_dir or resolve_embed_model_dir(settings)
    # the exporter's version, read without importing torch (the API process never needs it)
    key = json.dumps(
        {"weights": _weights_sha256(_weights_file(model_dir)), "export": EXPORT_VERSION, "torch": version("torch")}
    )
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    # a local model (EMBED_MODEL_PATH, e.g. one `ragdesk adapt-embedder` wrote) keeps its export
    # beside its weights, so deleting the model deletes it; packaged and hub models share EMBED_ONNX_DIR
    folder = Path(settings.embed_model_path) / "onnx" if settings.embed_model_path else Path(settings.embed_onnx_dir)
    return folder / f"embedder-{digest}-{settings.embed_backend}.onnx"


_SHA_CACHE: dict[tuple[str, int, int], str] = {}


def _weights_sha256(path: Path) -> str:
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _SHA_CACHE:
        _SHA_CACHE[key] = sha256_of(path)
    return _SHA_CACHE[key]


def _manifest(path: Path) -> Path:
    return path.with_suffix(".json")


def _verified(path: Path) -> bool:
    if not path.is_file() or not _manifest(path).is_file():
        return False
    try:
        recorded = json.loads(_manifest(path).read_text())["sha256"]
    except (ValueError, KeyError):
        return False
    if sha256_of(path) != recorded:
        log.warning("%s does not match the sha256 in its manifest: exporting it again", path)
        return False
    return True


def _export_fp32(model_dir: Path, out: Path, max_tokens: int) -> None:
    import torch
    from sentence_transformers import SentenceTransformer

    # eager attention: the plain matmul/softmax graph (see the module docstring)
    model = SentenceTransformer(
        str(model_dir), device="cpu", local_files_only=True, model_kwargs={"attn_implementation": "eager"}
    )
    encoder: Any = model[0].auto_model
    encoder.eval()

    class Pipeline(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    sample = model.tokenizer(
        ["an example", "a second, longer example sentence"],
        padding=True,
        truncation=True,
        max_length=max_tokens,
        return_tensors="pt",
    )
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tracer's notes on Python control flow in transformers
        torch.onnx.export(
            Pipeline().eval(),
            tuple(sample[name] for name in INPUTS),
            str(out),
            input_names=list(INPUTS),
            output_names=["sentence_embedding"],
            dynamic_axes={**axes, "sentence_embedding": {0: "batch"}},
            opset_version=OPSET,
            dynamo=False,  # the TorchScript exporter: no onnxscript needed, and a deterministic file
        )


def _quantize(fp32: Path, out: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx.load(str(fp32))
    ffn_out = [
        n.name
        for n in graph.graph.node
        if n.op_type == "MatMul" and "/output/dense/" in n.name and "attention" not in n.name
    ]
    quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, per_channel=True, nodes_to_exclude=ffn_out)


def export_onnx(settings: Settings) -> Path:
    """The verified ONNX file for settings.embed_backend, exported from the local PyTorch weights
    if it is missing or fails its sha256 check. Offline and deterministic."""
    from filelock import FileLock

    model_dir = resolve_embed_model_dir(settings)
    path = onnx_file(settings, model_dir)
    if _verified(path):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock"):
        if _verified(path):  # another process exported it while we waited
            return path
        log.warning("exporting the %s embedder from %s to %s (once)", settings.embed_backend, model_dir, path)
        start = time.perf_counter()
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        fp32_tmp = tmp.with_name(tmp.name + ".fp32")
        try:
            if settings.embed_backend == "onnx":
                _export_fp32(model_dir, tmp, settings.embed_max_tokens)
            else:
                _export_fp32(model_dir, fp32_tmp, settings.embed_max_tokens)
                _quantize(fp32_tmp, tmp)
            manifest = {
                "sha256": sha256_of(tmp),
                "backend": settings.embed_backend,
                "source": str(model_dir),
                "weights_sha256": _weights_sha256(_weights_file(model_dir)),
                "export_version": EXPORT_VERSION,
                "opset": OPSET,
            }
            os.replace(tmp, path)
            _manifest(path).write_text(json.dumps(manifest, indent=1) + "\n")
        finally:
            for leftover in (tmp, fp32_tmp):
                leftover.unlink(missing_ok=True)
        log.warning("exported %s in %.1f s (sha256 %s)", path, time.perf_counter() - start, manifest["sha256"])
    return path


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def length_batches(lengths: list[int], max_rows: int, max_tokens: int, min_batches: int = 1) -> list[np.ndarray]:
    """Indices into `lengths`, longest first, cut into batches of at most `max_rows` rows and at
    most `max_tokens` padded tokens (rows x the batch's longest); one row always fits. With
    `min_batches` > 1 a short call is split so that many workers get a share."""
    order = np.argsort([-n for n in lengths], kind="stable")
    rows_cap = max(1, min(max_rows, -(-len(lengths) // max(min_batches, 1))))
    batches: list[np.ndarray] = []
    start = 0
    while start < len(order):
        longest = max(lengths[order[start]], 1)
        rows = max(1, min(rows_cap, max_tokens // longest))
        batches.append(order[start : start + rows])
        start += rows
    return batches


@dataclass
class OnnxSentenceModel:
    """Stands where a SentenceTransformer stands in `Embedder`: `encode`, `tokenizer`."""

    session: Any
    tokenizer: Any
    max_seq_length: int
    path: Path
    workers: int = 1  # batches run at once, each single-threaded
    batch_tokens: int = 1024  # padded tokens per batch at most

    @classmethod
    def load(cls, settings: Settings, threads: int = 0) -> OnnxSentenceModel:
        from transformers import AutoTokenizer

        path = export_onnx(settings)
        tokenizer = AutoTokenizer.from_pretrained(str(resolve_embed_model_dir(settings)), local_files_only=True)
        model = cls(
            _session(path), tokenizer, settings.embed_max_tokens, path, batch_tokens=settings.embed_batch_tokens
        )
        model.set_threads(threads)
        return model

    def set_threads(self, threads: int) -> None:
        """How many batches run at once (0: one per available core); the session's own runs are
        single-threaded, so this needs no new session."""
        self.workers = threads if threads > 0 else available_cores()

    def encode(self, texts: list[str], batch_size: int = 32, **_: Any) -> np.ndarray:
        """Unit vectors in the order given (each text's vector does not depend on its batch-mates:
        padding is masked)."""
        if not texts:
            return np.zeros((0, 0), np.float32)
        ids: list[list[int]] = self.tokenizer(texts, truncation=True, max_length=self.max_seq_length)["input_ids"]
        batches = length_batches([len(i) for i in ids], batch_size, self.batch_tokens, self.workers)
        pad = self.tokenizer.pad_token_id or 0

        def run(index: np.ndarray) -> np.ndarray:
            width = len(ids[index[0]])
            input_ids = np.full((len(index), width), pad, dtype=np.int64)
            mask = np.zeros((len(index), width), dtype=np.int64)
            for row, i in enumerate(index):
                input_ids[row, : len(ids[i])] = ids[i]
                mask[row, : len(ids[i])] = 1
            feed = {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(input_ids)}
            return np.asarray(self.session.run(None, feed)[0], dtype=np.float32)

        if self.workers > 1 and len(batches) > 1:
            with ThreadPoolExecutor(min(self.workers, len(batches)), thread_name_prefix="onnx-embed") as pool:
                rows = list(pool.map(run, batches))
        else:
            rows = [run(index) for index in batches]
        out = np.empty((len(texts), rows[0].shape[1]), dtype=np.float32)
        for index, vectors in zip(batches, rows, strict=True):
            out[index] = vectors
        return out


def _session(path: Path) -> Any:
    """One single-threaded session; `encode` runs several of its `run`s at once (thread-safe)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

"""The embedder on ONNX Runtime (EMBED_BACKEND=onnx or onnx-int8): the same sentence-transformers
model exported from the local PyTorch weights, run without torch.

The graph is the whole sentence-transformers pipeline after tokenisation: the BERT encoder, mean
pooling over the attention mask and L2 normalisation, so one `run` gives the unit vectors that
`SentenceTransformer.encode(normalize_embeddings=True)` gives. Tokenisation is the model's own
fast tokenizer (the same truncation to EMBED_MAX_TOKENS).

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
EXPORT_VERSION = "1"
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

    model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
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


@dataclass
class OnnxSentenceModel:
    """Stands where a SentenceTransformer stands in `Embedder`: `encode`, `tokenizer`."""

    session: Any
    tokenizer: Any
    max_seq_length: int
    path: Path

    @classmethod
    def load(cls, settings: Settings, threads: int = 0) -> OnnxSentenceModel:
        from transformers import AutoTokenizer

        path = export_onnx(settings)
        tokenizer = AutoTokenizer.from_pretrained(str(resolve_embed_model_dir(settings)), local_files_only=True)
        return cls(_session(path, threads), tokenizer, settings.embed_max_tokens, path)

    def set_threads(self, threads: int) -> None:
        """ONNX Runtime's intra-op threads are per session: a new session with that many."""
        self.session = _session(self.path, threads)

    def encode(self, texts: list[str], batch_size: int = 32, **_: Any) -> np.ndarray:
        """Unit vectors in the order given; texts are batched longest first (as
        sentence-transformers does) so each batch pads to similar lengths."""
        order = np.argsort([-len(t) for t in texts], kind="stable")
        rows: list[np.ndarray] = []
        for start in range(0, len(texts), batch_size):
            index = order[start : start + batch_size]
            batch = self.tokenizer(
                [texts[i] for i in index],
                padding=True,
                truncation=True,
                max_length=self.max_seq_length,
                return_tensors="np",
            )
            feed = {name: np.asarray(batch[name], dtype=np.int64) for name in INPUTS}
            rows.append(self.session.run(None, feed)[0])
        out = np.empty((len(texts), rows[0].shape[1]), dtype=np.float32) if rows else np.zeros((0, 0), np.float32)
        out[order] = np.concatenate(rows) if rows else out
        return out


def _session(path: Path, threads: int) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    if threads > 0:
        options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

"""Adapting the embedder to the indexed corpus without labels: the inverse cloze task (Lee et al.,
2019). A sentence drawn from a chunk is the query, the rest of that chunk under its heading the
positive, and the other chunks of the batch the negatives. No question, answer or gold label is
used, so an operator can run it on any corpus, and an evaluation of the adapted model on golden
questions is not tuned to them.

The adapted model is a plain sentence-transformers directory; EMBED_MODEL_PATH points the
system at it, and the index fingerprint (core.indexing) re-embeds every document when it changes.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from core.models import sha256_of
from core.sentences import split_sentences
from core.settings import Settings

MANIFEST = "adaptation.json"
WEIGHTS = "model.safetensors"


@dataclass(frozen=True)
class Passage:
    heading: str
    text: str


@dataclass(frozen=True)
class AdaptationConfig:
    epochs: int = 1
    learning_rate: float = 3e-5
    batch_size: int = 32
    queries_per_chunk: int = 2
    keep_sentence: float = 0.1  # how often the query sentence stays in its positive (as in ICT)
    min_query_words: int = 3
    max_query_words: int = 64
    scale: float = 20.0  # inverse temperature of the in-batch softmax
    seed: int = 0


@dataclass
class AdaptationReport:
    base_model: str
    output_dir: str
    passages: int
    pairs: int
    corpus_sha256: str
    config: dict[str, Any]
    loss_by_epoch: list[float] = field(default_factory=list)
    seconds: float = 0.0
    model_sha256: str = ""


class AdaptationError(ValueError):
    """The corpus gives too little to adapt on."""


def sentences(text: str, config: AdaptationConfig) -> list[str]:
    return [p for p in split_sentences(text) if config.min_query_words <= len(p.split()) <= config.max_query_words]


def ict_pairs(passages: Sequence[Passage], config: AdaptationConfig, rng: random.Random) -> list[tuple[int, str, str]]:
    """(passage index, query sentence, positive) triples; passages with fewer than two usable
    sentences give none (the rest of the chunk would be empty or the query itself)."""
    pairs: list[tuple[int, str, str]] = []
    for index, passage in enumerate(passages):
        parts = sentences(passage.text, config)
        if len(parts) < 2:
            continue
        for _ in range(config.queries_per_chunk):
            i = rng.randrange(len(parts))
            rest = parts if rng.random() < config.keep_sentence else parts[:i] + parts[i + 1 :]
            pairs.append((index, parts[i], f"{passage.heading}\n{' '.join(rest)}"))
    return pairs


def batches(pairs: list[tuple[int, str, str]], size: int) -> list[list[tuple[int, str, str]]]:
    """Batches in which no passage appears twice: two queries from one chunk in one batch would
    each be trained to reject the other's (identical-source) positive."""
    out: list[list[tuple[int, str, str]]] = []
    pending = list(pairs)
    while pending:
        batch: list[tuple[int, str, str]] = []
        seen: set[int] = set()
        rest = []
        for pair in pending:
            if len(batch) < size and pair[0] not in seen:
                batch.append(pair)
                seen.add(pair[0])
            else:
                rest.append(pair)
        out.append(batch)
        pending = rest
    return out


def corpus_digest(passages: Sequence[Passage]) -> str:
    digest = hashlib.sha256()
    for passage in passages:
        digest.update(f"{passage.heading}\0{passage.text}\n".encode())
    return digest.hexdigest()


def model_identity(model_dir: Path) -> str:
    """What the index fingerprint records for a local model directory: the weights' sha256 from
    an adaptation manifest, else the weights file's size and mtime (hashing 90 MB on every index
    run would cost more than the one-document update itself)."""
    manifest = model_dir / MANIFEST
    if manifest.is_file():
        try:
            return str(json.loads(manifest.read_text())["model_sha256"])
        except (ValueError, KeyError):
            pass
    weights = model_dir / WEIGHTS
    if weights.is_file():
        stat = weights.stat()
        return f"{weights.resolve()}:{stat.st_size}:{stat.st_mtime_ns}"
    return str(model_dir.resolve())


def adapt_embedder(
    settings: Settings,
    passages: Sequence[Passage],
    output_dir: Path,
    config: AdaptationConfig | None = None,
    progress: Callable[[int, int, float], None] | None = None,
) -> AdaptationReport:
    """Fine-tune the configured embedder on `passages` and save it to `output_dir`."""
    import torch

    from core.embedder import Embedder

    config = config or AdaptationConfig()
    rng = random.Random(config.seed)
    torch.manual_seed(config.seed)
    if len({p.text for p in passages}) < config.batch_size:
        raise AdaptationError(f"{len(passages)} passages: at least {config.batch_size} distinct ones are needed")
    embedder = Embedder.load(settings.model_copy(update={"embed_backend": "torch"}))  # trains the torch weights
    model = embedder.model
    tokenize = getattr(model, "preprocess", None) or model.tokenize
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.learning_rate)
    report = AdaptationReport(
        base_model=settings.embed_model_path or settings.embed_model,
        output_dir=str(output_dir),
        passages=len(passages),
        pairs=0,
        corpus_sha256=corpus_digest(passages),
        config=asdict(config),
    )
    start = time.perf_counter()
    for epoch in range(config.epochs):
        pairs = ict_pairs(passages, config, rng)
        if len(pairs) < config.batch_size:
            raise AdaptationError(f"only {len(pairs)} training pairs: the passages have too few sentences")
        rng.shuffle(pairs)
        model.train()
        losses = []
        epoch_batches = [b for b in batches(pairs, config.batch_size) if len(b) >= 2]
        for step, batch in enumerate(epoch_batches, start=1):
            queries = model(tokenize([q for _, q, _ in batch]))["sentence_embedding"]
            positives = model(tokenize([p for _, _, p in batch]))["sentence_embedding"]
            logits = (
                torch.nn.functional.normalize(queries, dim=-1) @ torch.nn.functional.normalize(positives, dim=-1).T
            ) * config.scale
            loss = torch.nn.functional.cross_entropy(logits, torch.arange(len(batch)))
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            losses.append(float(loss.item()))
            if progress is not None:
                progress(epoch * len(epoch_batches) + step, config.epochs * len(epoch_batches), losses[-1])
        report.pairs += len(pairs)
        report.loss_by_epoch.append(round(sum(losses) / len(losses), 4))
    model.eval()
    output_dir.mkdir(parents=True, exist_ok=True)
    model.save(str(output_dir))
    report.seconds = round(time.perf_counter() - start, 1)
    report.model_sha256 = sha256_of(output_dir / WEIGHTS)
    (output_dir / MANIFEST).write_text(json.dumps(asdict(report), indent=1) + "\n")
    return report

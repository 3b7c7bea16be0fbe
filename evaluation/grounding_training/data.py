"""Training examples for the verifier from real LLM answers judged by people.

- RAGTruth (../shared/data/ragtruth_dev, MIT): summaries and data-to-text answers, each sentence
  labelled "not supported" when it overlaps a human-marked hallucination span. The structured
  data-to-text source (a JSON business record) is written out as "key: value" lines, the way a
  support page lists facts. RAGTruth's QA task is never used (kept aside as an external test).
- HaluEval QA (../shared/data/halueval_dev, MIT), TRAINING half only (lines 0-999): right answer
  -> supported, hallucinated answer -> not supported. Lines 1000-1999 are never read here.

Each example: task, group (the source it answers, for grouped splits), response (id), claim,
question, passages, label (1 = not supported)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.grounding.claims import split_sentences
from core.grounding.halueval import load_items
from core.grounding.verifier import claim_text

RAGTRUTH = {"summary": "ragtruth_summary.jsonl", "data2text": "ragtruth_data2txt.jsonl"}


@dataclass(frozen=True)
class Example:
    task: str
    group: str
    response: str
    claim: str
    passages: tuple[str, ...]
    label: int


def shared_data() -> Path:
    from core.settings import get_settings

    return Path(get_settings().shared_data_dir)


def ragtruth_available(data: Path | None = None) -> bool:
    data = data or shared_data()
    return all((data / "ragtruth_dev" / f).is_file() for f in RAGTRUTH.values())


def record_lines(value: Any, prefix: str = "") -> list[str]:
    """A JSON record as "key: value" lines (nested keys joined, long texts kept whole)."""
    if isinstance(value, dict):
        out: list[str] = []
        for k, v in value.items():
            name = f"{prefix} {k}".strip().replace("_", " ")
            if isinstance(v, dict | list):
                out.extend(record_lines(v, name))
            else:
                out.append(f"{name}: {v}")
        return out
    if isinstance(value, list):
        return [line for item in value for line in record_lines(item, prefix)]
    return [f"{prefix}: {value}" if prefix else str(value)]


def source_text(source: Any) -> str:
    return source if isinstance(source, str) else "\n".join(record_lines(source))


def labelled_sentences(response: str, spans: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """The response's sentences, 1 where a hallucination span overlaps the sentence."""
    out = []
    cursor = 0
    for sentence in split_sentences(response):
        start = response.find(sentence, cursor)
        if start < 0:
            start = cursor
        end = start + len(sentence)
        cursor = end
        bad = any(int(s["start"]) < end and int(s["end"]) > start for s in spans)
        out.append((sentence, int(bad)))
    return out


def ragtruth(task: str, data: Path | None = None) -> Iterator[Example]:
    path = (data or shared_data()) / "ragtruth_dev" / RAGTRUTH[task]
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            passages = (source_text(rec["source"]),)
            for j, resp in enumerate(rec["responses"]):
                rid = f"{task}-{rec['source_id']}-{j}"
                for sentence, label in labelled_sentences(resp["response"], resp.get("labels") or []):
                    yield Example(task, f"{task}-{rec['source_id']}", rid, sentence, passages, label)


def halueval_train() -> Iterator[Example]:
    for line, item in load_items("train"):
        passages = (item["knowledge"].strip(),)
        q = item["question"].strip()
        for kind, label in (("right_answer", 0), ("hallucinated_answer", 1)):
            claim = claim_text(item[kind].strip(), q)
            yield Example("halueval", f"halueval-{line}", f"halueval-{line}-{kind}", claim, passages, label)


def halueval_heldout_examples() -> Iterator[Example]:
    """For the held-out report only (never trained on, never used for a threshold)."""
    for line, item in load_items("heldout"):
        passages = (item["knowledge"].strip(),)
        q = item["question"].strip()
        for kind, label in (("right_answer", 0), ("hallucinated_answer", 1)):
            claim = claim_text(item[kind].strip(), q)
            yield Example("halueval_heldout", f"halueval-{line}", f"halueval-{line}-{kind}", claim, passages, label)


def subsample(examples: list[Example], max_groups: int, seed: int) -> list[Example]:
    """The examples of at most `max_groups` sources, chosen with `seed` (0 = all)."""
    groups = sorted({e.group for e in examples})
    if not max_groups or max_groups >= len(groups):
        return examples
    import random

    keep = set(random.Random(seed).sample(groups, max_groups))
    return [e for e in examples if e.group in keep]


def all_examples(
    summary_sources: int = 0, data2text_sources: int = 0, halueval_lines: int = 0, seed: int = 0
) -> dict[str, list[Example]]:
    """RAGTruth (at most N sources per task) and HaluEval's training half (at most
    `halueval_lines` lines); 0 = everything."""
    return {
        "summary": subsample(list(ragtruth("summary")), summary_sources, seed),
        "data2text": subsample(list(ragtruth("data2text")), data2text_sources, seed),
        "halueval": subsample(list(halueval_train()), halueval_lines, seed),
    }

"""Shared by the policy-claims builders (evaluation/datasets/build_policy_claims_vN.py): resolve
each case's passage snippets to whole corpus passages and write the versioned JSONL once."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

# (type, label, question, answer, passage snippets)
Case = tuple[str, str, str, str, list[str]]


def find(snippet: str, pool: list[str]) -> str:
    hits = [p for p in pool if snippet in p]
    if len(hits) != 1:
        raise SystemExit(f"{len(hits)} passages contain {snippet!r} (need exactly one)")
    return hits[0]


def build_rows(cases: list[Case], id_prefix: str) -> list[dict[str, object]]:
    from core.grounding.corpus_text import passages

    pool = [p.text for p in passages()]
    return [
        {
            "id": f"{id_prefix}-{i:03d}",
            "question": question,
            "answer": answer,
            "passages": list(dict.fromkeys(find(s, pool) for s in snippets)),
            "label": label,
            "type": kind,
        }
        for i, (kind, label, question, answer, snippets) in enumerate(cases, start=1)
    ]


def main(cases: list[Case], out: Path, id_prefix: str, next_version: str, argv: list[str] | None = None) -> int:
    """The builders' command line: write `out`, refusing to overwrite a published file."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--force", action="store_true", help="overwrite an existing file (only before it is published)")
    args = parser.parse_args(argv)
    if out.exists() and not args.force:
        raise SystemExit(f"{out} exists; datasets are versioned - write a {next_version} instead")
    rows = build_rows(cases, id_prefix)
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} cases to {out}: {dict(Counter(r['label'] for r in rows))}")
    print(dict(Counter(r["type"] for r in rows)))
    return 0

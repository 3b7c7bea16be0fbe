"""Build a policy-claims dataset from what its writer wrote.

A writer writes `evaluation/datasets/<name>/source.jsonl`: one case a line,
`{"id", "type", "label", "question", "answer", "snippets"}`, where each snippet is a piece of text
that occurs in exactly one corpus passage (as `core.grounding.corpus_text.passages` cuts them).
This script resolves every snippet to its whole passage and writes `cases.jsonl`
(`{"id", "question", "answer", "passages", "label", "type"}`), the dataset itself.

    python -m evaluation.policy_claims policy_claims_v7            # write cases.jsonl once
    python -m evaluation.policy_claims policy_claims_v5 --check    # rebuild and compare

A published `cases.jsonl` is never rewritten in place; a changed set is a new version (folder).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from core.datasets import CASES_FILE, dataset_dir

SOURCE_FILE = "source.jsonl"


def find(snippet: str, pool: list[str]) -> str:
    hits = [p for p in pool if snippet in p]
    if len(hits) != 1:
        raise SystemExit(f"{len(hits)} passages contain {snippet!r} (need exactly one)")
    return hits[0]


def build_rows(source: list[dict[str, Any]], pool: list[str] | None = None) -> list[dict[str, Any]]:
    if pool is None:
        from core.grounding.corpus_text import passages

        pool = [p.text for p in passages()]
    return [
        {
            "id": case["id"],
            "question": case["question"],
            "answer": case["answer"],
            "passages": list(dict.fromkeys(find(s, pool) for s in case["snippets"])),
            "label": case["label"],
            "type": case["type"],
        }
        for case in source
    ]


def render(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def build(folder: Path) -> str:
    lines = (folder / SOURCE_FILE).read_text(encoding="utf-8").splitlines()
    return render(build_rows([json.loads(line) for line in lines if line.strip()]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("name", help="dataset name, e.g. policy_claims_v7")
    parser.add_argument("--root", type=Path, default=None, help="datasets folder (default: EVAL_DATASETS_DIR)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="rebuild and compare with the published cases")
    mode.add_argument("--force", action="store_true", help="overwrite an existing file (only before it is published)")
    args = parser.parse_args(argv)
    folder = dataset_dir(args.name, args.root)
    out = folder / CASES_FILE
    text = build(folder)
    if args.check:
        same = out.is_file() and out.read_text(encoding="utf-8") == text
        print(f"{args.name}: {'identical to' if same else 'DIFFERS from'} {out}")
        return 0 if same else 1
    if out.exists() and not args.force:
        raise SystemExit(f"{out} exists; datasets are versioned - write a new version instead")
    out.write_text(text, encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines()]
    print(f"wrote {len(rows)} cases to {out}: {dict(Counter(r['label'] for r in rows))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""HaluEval QA (the 2,000-line development slice in ../shared/data) as batch-format cases.

Lines 0-999 are the training half, lines 1000-1999 the held-out half (never trained on). Each
line gives two cases: (knowledge, question, right_answer) -> supported and (knowledge,
question, hallucinated_answer) -> unsupported. The paper's protocol shows one of the two per
line, chosen at random (`mode="random"`, fixed seed); `mode="both"` yields both.

    python -m core.grounding.halueval --split heldout --out heldout.jsonl [--mode random --seed 0]
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

REPO_ROOT = Path(__file__).resolve().parents[2]
SPLITS = {"train": (0, 1000), "heldout": (1000, 2000)}
Split = Literal["train", "heldout"]
Mode = Literal["both", "random"]


def shared_data_dir(repo: Path = REPO_ROOT) -> Path:
    """SHARED_DATA_DIR (settings) when the repository is the default one, else <repo>/../shared/data."""
    if repo == REPO_ROOT:
        from core.settings import get_settings

        return Path(get_settings().shared_data_dir)
    return repo.parent / "shared" / "data"


def data_file(repo: Path = REPO_ROOT) -> Path:
    return shared_data_dir(repo) / "halueval_dev" / "qa_data_dev.jsonl"


def available(repo: Path = REPO_ROOT) -> bool:
    return data_file(repo).is_file()


def load_items(split: Split, path: Path | None = None) -> list[tuple[int, dict[str, Any]]]:
    """(line number, item) pairs of one split."""
    path = path or data_file()
    if not path.is_file():
        raise FileNotFoundError(f"HaluEval data not found at {path} (expected <repo>/../shared/data/halueval_dev)")
    lo, hi = SPLITS[split]
    out: list[tuple[int, dict[str, Any]]] = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= hi:
                break
            if i >= lo and line.strip():
                out.append((i, json.loads(line)))
    return out


def cases(split: Split, mode: Mode = "both", seed: int = 0, path: Path | None = None) -> Iterator[dict[str, Any]]:
    """Batch-format cases: id, question, answer, passages, label."""
    rng = random.Random(seed)
    for line, item in load_items(split, path):
        question = item["question"].strip()
        passages = [item["knowledge"].strip()]
        right = {
            "id": f"halueval-{line}-right",
            "question": question,
            "answer": item["right_answer"].strip(),
            "passages": passages,
            "label": "supported",
        }
        wrong = {
            "id": f"halueval-{line}-hallucinated",
            "question": question,
            "answer": item["hallucinated_answer"].strip(),
            "passages": passages,
            "label": "unsupported",
        }
        if mode == "both":
            yield right
            yield wrong
        else:
            yield wrong if rng.random() < 0.5 else right


def write_cases(out: Path, split: Split, mode: Mode = "both", seed: int = 0) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for case in cases(split, mode, seed):
            fh.write(json.dumps(case, ensure_ascii=False) + "\n")
            n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Convert HaluEval QA (dev slice) into grounding batch JSONL.")
    parser.add_argument("--split", choices=sorted(SPLITS), default="heldout")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--mode", choices=["both", "random"], default="both")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    n = write_cases(args.out, args.split, args.mode, args.seed)
    print(f"wrote {n} cases ({args.split}, {args.mode}) to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

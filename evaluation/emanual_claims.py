"""Attach the manual passages to the blind E-Manual claims set.

`cases.jsonl` holds each case's question, answer, label and the manual sections it is checked
against (`passage_sections`, the section ids of `smart_tv_remote_manual_corpus.json`), but not the
manual text: the Samsung manual is read from the shared data folder at run time, never copied into
the repository. This script writes the policy-claims format (`passages` filled in, one string per
section: its title, a newline, then its text lines) to a file outside the repository.

    python -m evaluation.emanual_claims [--out PATH]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from core.datasets import cases_path
from core.settings import Settings, get_settings
from evaluation.emanual import MANUAL_FILE, ManualSection, load_manual, require

DATASET = "emanual_claims_blind_v1"


def passage_text(section: ManualSection) -> str:
    return f"{section.title}\n" + "\n".join(section.lines).strip()


def load_cases(settings: Settings, cases: Path | None = None) -> list[dict[str, object]]:
    """The cases with `passages` attached, in file order."""
    cases = cases or cases_path(DATASET, settings.eval_datasets_dir)
    sections = {s.section_id: s for s in load_manual(require(settings) / MANUAL_FILE)}
    rows = []
    for line in cases.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        missing = [sid for sid in row["passage_sections"] if sid not in sections]
        if missing:
            raise SystemExit(f"{row['id']}: unknown manual sections {missing}")
        row["passages"] = [passage_text(sections[sid]) for sid in row["passage_sections"]]
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    settings = get_settings()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=settings.data_dir / "emanual" / "emanual_claims_blind_v1.jsonl",
        help="where to write the cases with passages (default: under the data dir, outside git)",
    )
    args = parser.parse_args(argv)
    rows = load_cases(settings)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} cases to {args.out}: {dict(Counter(str(r['label']) for r in rows))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""False positives of the untrusted-content screen (core/untrusted.py) on normal documents: every
section of the demo help centre (DOCS_SOURCE_DIR's corpus, loaded by the indexer's own loaders)
and of the E-Manual (SHARED_DATA_DIR/emanual_qa, 261 sections of a TV remote's manual, a corpus
the rules were not written on), and the share of the hostile dataset's documents it catches.

    python -m bench.untrusted_screen     # prints a table, writes bench/results/untrusted_screen.{json,md}
"""

from __future__ import annotations

import json
from pathlib import Path

from core.datasets import load_cases
from core.indexing import scan_sources
from core.loaders import LoadError, load_document
from core.settings import REPO_ROOT, Settings, get_settings
from core.untrusted import Screen, load_screen

RESULTS = REPO_ROOT / "bench" / "results"


def screen_folder(screen: Screen, folder: Path, settings: Settings) -> tuple[int, int, list[str]]:
    """(documents, sections, flagged "doc > section: rule ..." lines) for a source folder."""
    documents = sections = 0
    flagged: list[str] = []
    for source in scan_sources(folder):
        try:
            document = load_document(source.path, source.doc_id, settings.max_document_bytes)
        except LoadError:
            continue
        documents += 1
        for section in document.sections:
            sections += 1
            for hit in screen.hits(section.text):
                flagged.append(f"{source.doc_id} > {' / '.join(section.path)}: {hit.describe()}")
    return documents, sections, flagged


def screen_emanual(screen: Screen, settings: Settings) -> tuple[int, list[str]] | None:
    from evaluation.emanual import MANUAL_FILE, emanual_dir, is_available, load_manual

    if not is_available(settings):
        return None
    manual = load_manual(emanual_dir(settings) / MANUAL_FILE)
    flagged = [f"{s.section_id} {s.title}: {hit.describe()}" for s in manual for hit in screen.hits("\n".join(s.lines))]
    return len(manual), flagged


def main() -> None:
    settings = get_settings()
    screen = load_screen(settings)
    demo_dir = REPO_ROOT / "corpus" / "lumen-market"
    docs, sections, demo_flagged = screen_folder(screen, demo_dir, settings)
    emanual = screen_emanual(screen, settings)
    # the help centres written for the blind answer sets: corpora the rules were not written on
    others = {
        folder.parent.name: screen_folder(screen, folder, settings)
        for folder in sorted((REPO_ROOT / "evaluation" / "datasets").glob("*/corpus"))
    }
    hostile = load_cases("hostile_v1")
    caught = [c["id"] for c in hostile if screen.is_untrusted(c["document"] or c["question"])]
    expected = [c["id"] for c in hostile if c.get("screen_expected", True)]
    result = {
        "rules_version": screen.version,
        "demo": {"documents": docs, "sections": sections, "flagged": demo_flagged},
        "emanual": None if emanual is None else {"sections": emanual[0], "flagged": emanual[1]},
        "hostile_v1": {"cases": len(hostile), "caught": len(caught), "expected_caught": len(expected)},
        "other_corpora": {name: {"documents": d, "sections": n, "flagged": f} for name, (d, n, f) in others.items()},
    }
    lines = [
        "| corpus | units | flagged |",
        "|---|---|---|",
        f"| demo help centre ({docs} documents) | {sections} sections | {len(demo_flagged)} |",
        f"| E-Manual | {emanual[0]} sections | {len(emanual[1])} |" if emanual else "| E-Manual | not available | - |",
        *[f"| {name} help centre ({d} documents) | {n} sections | {len(f)} |" for name, (d, n, f) in others.items()],
        f"| hostile_v1 documents | {len(hostile)} | {len(caught)} (expected {len(expected)}) |",
    ]
    other_flagged = [line for _, _, f in others.values() for line in f]
    lines += [f"- {line}" for line in demo_flagged + (emanual[1] if emanual else []) + other_flagged]
    print("\n".join(lines))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "untrusted_screen.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "untrusted_screen.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

"""Section-level retrieval on a help centre with a golden set: for each answerable question, is a
gold section (or a sub-section of one) among the top k passages, per retrieval mode? A last row
counts the passages an answer is given: the default mode's top k current passages, archived or
superseded pages set aside and replaced from RETRIEVAL_SPARE (serving/rag.py).

    python -m bench.retrieval_sections --golden evaluation/datasets/<set>/cases.jsonl \\
        --corpus evaluation/datasets/<set>/corpus --label <set> [--work DIR] [--k 5]

The corpus is indexed into DIR (kept between runs; bench.answers uses the same layout, so its
--work folder can be given) and searched with the product's Retriever, one mode at a time.
Writes bench/results/retrieval_sections_<label>.json and .md."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.answers import index
from bench.report import RESULTS, machine_line, write_results
from core.retrieval import Mode
from core.settings import REPO_ROOT, Settings
from evaluation.golden import load_golden

MODES: tuple[Mode, ...] = ("hybrid", "dense", "keyword")
ANSWER_ROW = "{mode}, current pages only, spare {spare} (what an answer is given)"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--golden", type=Path, required=True, help="cases.jsonl (evaluation/golden.py format)")
    parser.add_argument("--corpus", type=Path, required=True, help="the help centre's documents")
    parser.add_argument("--label", required=True, help="results file suffix")
    parser.add_argument("--work", type=Path, default=None, help="index folder (kept between runs)")
    parser.add_argument("--k", type=int, default=5)
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    load_before = os.getloadavg()
    from core.clients import make_embedder, make_engine, make_milvus_client
    from core.retrieval import Retriever
    from serving.composer import Composer
    from serving.composer.heads import DocumentHeads

    work = args.work or Path(tempfile.mkdtemp(prefix="bench-sections-"))
    work.mkdir(parents=True, exist_ok=True)
    settings = Settings(
        RAGDESK_MILVUS_URI=str(work / "milvus.db"),
        RAGDESK_DATA_DIR=work,
        DOCS_SOURCE_DIR=args.corpus,
        HF_HUB_OFFLINE=True,
        CACHE_ENABLED=False,
    )
    embedder = make_embedder(settings)
    index(settings, embedder)
    retriever = Retriever(settings, make_milvus_client(settings), embedder)
    retriever.warm(wait=True)
    cases = [c for c in load_golden(args.golden) if c.answerable and c.gold_refs]
    rows: dict[str, Any] = {}
    for mode in MODES:
        hits = [
            c.id
            for c in cases
            if any(
                ref.matches(chunk.doc_id, chunk.section)
                for chunk in retriever.search(c.question, k=args.k, mode=mode).chunks
                for ref in c.gold_refs
            )
        ]
        rows[mode] = {"hits": len(hits), "questions": len(cases), "share": len(hits) / len(cases) if cases else 0.0}
    heads = DocumentHeads(make_engine(settings))
    composer = Composer(embedder.embed, heads=heads, tails=heads.tail)
    answered = ANSWER_ROW.format(mode=settings.retrieval_mode, spare=settings.retrieval_spare)
    hits = []
    for c in cases:
        found = retriever.search(c.question, k=args.k, spare=settings.retrieval_spare).chunks
        current, _ = composer.current_only(found)
        if any(ref.matches(chunk.doc_id, chunk.section) for chunk in current[: args.k] for ref in c.gold_refs):
            hits.append(c.id)
    rows[answered] = {"hits": len(hits), "questions": len(cases), "share": len(hits) / len(cases) if cases else 0.0}
    golden = args.golden.resolve()
    result = {
        "label": args.label,
        "golden": str(golden.relative_to(REPO_ROOT) if golden.is_relative_to(REPO_ROOT) else golden),
        "k": args.k,
        "modes": rows,
        "command": "python -m bench.retrieval_sections " + " ".join(sys.argv[1:]),
        "machine": machine_line(load_before),
    }
    lines = [
        f"# Section-level retrieval ({args.label})",
        "",
        f"Gold section in the top {args.k}, answerable questions of `{result['golden']}`. Machine: {result['machine']}.",
        "",
        "| mode | gold section in top k |",
        "|---|---|",
        *(f"| {m} | {r['hits']}/{r['questions']} = {r['share']:.1%} |" for m, r in rows.items()),
        "",
        f"Command: `{result['command']}`",
        "",
    ]
    write_results(f"retrieval_sections_{args.label}", result, "\n".join(lines), RESULTS)


if __name__ == "__main__":
    main()

"""Retrieval on a corpus the retrieval defaults were not tuned on (issue 15): the HaluEval QA
development slice (/work/shared/data/halueval_dev, MIT), read as a corpus of Wikipedia passages
(HotpotQA `knowledge`, one section each) and its questions, gold = the question's own passage.

The defaults (hybrid, FUSION=score with dense weight 0.5, RRF_K, bigrams, heading weight) were
chosen on the demo help centre and the E-Manual; neither the passages nor the questions here
were looked at before this run. Section-level recall@1/3/5 and MRR@10 through the system's own
`Retriever.search` for keyword, dense, hybrid (the default) and hybrid by reciprocal rank.

Caveat: general-knowledge Wikipedia passages with multi-hop questions naming entities, not
support articles; unlike the unseen help centre of issue 15, names favour BM25 here.

    python -m bench.retrieval_unseen --passages 2000 --questions 400   # writes bench/results/retrieval_unseen.{json,md}
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from bench.retrieval import rank_metrics
from core import schema as S
from core.chunking import Chunk
from core.collection import ensure_collection, upsert_chunks
from core.settings import REPO_ROOT, Settings, get_settings

RESULTS = REPO_ROOT / "bench" / "results"
CONFIGS: dict[str, tuple[str, dict[str, object]]] = {
    "keyword": ("keyword", {}),
    "dense": ("dense", {}),
    "hybrid (default: score fusion, w=0.5)": ("hybrid", {}),
    "hybrid rrf": ("hybrid", {"fusion": "rrf"}),
    "hybrid, Milvus BM25": ("hybrid", {"keyword_backend": "milvus"}),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passages", type=int, default=2000)
    parser.add_argument("--questions", type=int, default=400)
    args = parser.parse_args()
    data = get_settings().shared_data_dir / "halueval_dev" / "qa_data_dev.jsonl"  # SHARED_DATA_DIR
    if not data.is_file():
        raise SystemExit(f"no data at {data}")
    from core.clients import make_embedder, make_milvus_client
    from core.retrieval import Retriever

    rows = [json.loads(line) for line in data.open()][: args.passages]
    chunks = [
        Chunk(S.chunk_id(f"p{i}.txt", 0, r["knowledge"]), f"p{i}.txt", "", "", f"p{i}.txt", 0, r["knowledge"], 0, "", 0)
        for i, r in enumerate(rows)
    ]
    picked = sorted(random.Random(15).sample(range(len(rows)), min(args.questions, len(rows))))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ragdesk-unseen-") as tmp:
        settings = Settings(RAGDESK_MILVUS_URI=str(Path(tmp) / "unseen.db"), HF_HUB_OFFLINE=True)  # type: ignore[call-arg]
        embedder = make_embedder(settings)
        client = make_milvus_client(settings)
        ensure_collection(client, settings)
        upsert_chunks(client, settings, chunks, embedder.embed([c.embed_text for c in chunks]))
        index_s = time.perf_counter() - started
        vectors = embedder.embed([rows[i]["question"] for i in picked])
        results: dict[str, dict[str, float]] = {}
        for name, (mode, update) in CONFIGS.items():
            retriever = Retriever(settings.model_copy(update=update), client, embedder)
            ranks: list[int | None] = []
            for i, vector in zip(picked, vectors, strict=True):
                found = retriever.search(rows[i]["question"], k=10, mode=mode, query_vector=vector).chunks  # type: ignore[arg-type]
                ids = [c.doc_id for c in found]
                ranks.append(ids.index(f"p{i}.txt") + 1 if f"p{i}.txt" in ids else None)
            results[name] = {k: round(v, 4) for k, v in rank_metrics(ranks).items()}
            print(name, results[name], flush=True)
    md = [
        "# Retrieval on an unseen corpus (bench/retrieval_unseen.py)",
        "",
        f"HaluEval QA dev: {len(chunks)} Wikipedia passages (one section each), {len(picked)} questions "
        f"(seeded sample), gold = the question's passage; section level, k=10. Index + embed {index_s:.0f} s. "
        "Defaults tuned on the demo help centre and the E-Manual, not on this set.",
        "",
        "| mode | recall@1 | recall@3 | recall@5 | MRR@10 |",
        "|---|---|---|---|---|",
    ]
    for name, m in results.items():
        md.append(
            f"| {name} | {m['recall_at_1']:.3f} | {m['recall_at_3']:.3f} | {m['recall_at_5']:.3f} | {m['mrr']:.3f} |"
        )
    text = "\n".join(md) + "\n"
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "retrieval_unseen.json").write_text(json.dumps(results, indent=2) + "\n")
    (RESULTS / "retrieval_unseen.md").write_text(text)


if __name__ == "__main__":
    main()

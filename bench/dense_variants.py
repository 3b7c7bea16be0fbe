"""What one dense search costs the `milvus-lite server` process, variant by variant (issue 20).

It starts its own `milvus-lite server` (a subprocess stopped by its PID), indexes the demo corpus
into it with the project's pipeline, first leaving the rows unsealed (as an index run did before
`core.collection.seal_collection`), then seals them; copies the rows into FLAT and IVF_FLAT
collections. For each variant the same real questions (embedded) are searched in interleaved
rounds, and the server's CPU time (user + system, from /proc via psutil) is divided by the calls;
the client's CPU and the wall p50 are beside it. `--scale-data-dir` adds the sealed 100k-chunk
collection bench/scale.py builds (`--data-dir` there). The in-process exact scan
(DENSE_BACKEND=memory, core/keyword_index.py) is timed on the same vectors: its cost is the
client's CPU. The machine is shared (2 cores): read the load average beside each table.

    python -m bench.dense_variants                                   # demo corpus
    python -m bench.dense_variants --scale-data-dir /tmp/scale100k   # + a bench.scale collection
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import psutil

from bench.load import DEMO_CORPUS, search_questions
from bench.servers import start_milvus_lite
from core import schema as S
from core.settings import REPO_ROOT, Settings

RESULTS = REPO_ROOT / "bench" / "results"
Variant = Callable[[list[float]], object]


def cpu_s(process: psutil.Process, children: bool = True) -> float:
    times = process.cpu_times()
    total = times.user + times.system
    for child in process.children(recursive=True) if children else []:
        with contextlib.suppress(psutil.Error):
            t = child.cpu_times()
            total += t.user + t.system
    return total


def measure(
    server: psutil.Process, variants: dict[str, Variant], vectors: list[list[float]], rounds: int
) -> list[dict]:  # type: ignore[type-arg]
    me = psutil.Process()
    acc = {name: {"server": 0.0, "client": 0.0, "wall": [], "n": 0} for name in variants}
    for fn in variants.values():  # warm: loads, caches, compiled filters
        fn(vectors[0])
    for _ in range(rounds):  # interleaved: every variant sees the same machine load
        for name, fn in variants.items():
            s0, c0 = cpu_s(server), cpu_s(me, children=False)  # the server is this process' child
            for v in vectors:
                t0 = time.perf_counter()
                fn(v)
                acc[name]["wall"].append((time.perf_counter() - t0) * 1000)  # type: ignore[attr-defined]
            acc[name]["server"] += cpu_s(server) - s0  # type: ignore[operator]
            acc[name]["client"] += cpu_s(me, children=False) - c0  # type: ignore[operator]
            acc[name]["n"] += len(vectors)  # type: ignore[operator]
    rows = []
    for name, a in acc.items():
        n = max(int(a["n"]), 1)  # type: ignore[call-overload]
        rows.append(
            {
                "variant": name,
                "server_cpu_ms": round(float(a["server"]) * 1000 / n, 2),  # type: ignore[arg-type]
                "client_cpu_ms": round(float(a["client"]) * 1000 / n, 2),  # type: ignore[arg-type]
                "wall_p50_ms": round(statistics.median(a["wall"]), 2),  # type: ignore[arg-type]
            }
        )
    return rows


def search_variants(client: Any, name: str, settings: Settings, ids: list[str]) -> dict[str, Variant]:
    from core.retrieval import CANDIDATE_FIELDS

    params = S.dense_search_params(settings)

    def search(k: int = 20, filt: str = S.TRUSTED_ONLY, out: list[str] | None = None, **kw: Any) -> Variant:
        fields = CANDIDATE_FIELDS if out is None else out
        return lambda v: client.search(
            name,
            data=[v],
            anns_field=S.VECTOR,
            limit=k,
            filter=filt,
            output_fields=fields,
            search_params=params,
            **kw,
        )

    return {
        "has_collection (the gRPC round trip)": lambda v: client.has_collection(name),
        "get 5 ids, text (Retriever._with_text)": lambda v: client.get(name, ids=ids, output_fields=[S.TEXT]),
        "query count(*) (the BM25 index's freshness check)": lambda v: client.query(
            name, filter="", output_fields=["count(*)"]
        ),
        "search k=20, as Retriever.dense (untrusted filter, metadata fields, Strong)": search(),
        "search k=20, no filter": search(filt=""),
        "search k=20, id only": search(out=[S.ID]),
        "search k=20, consistency Bounded": search(consistency_level="Bounded"),
        "search k=20, consistency Eventually": search(consistency_level="Eventually"),
        "search k=5": search(k=5),
        "search k=100": search(k=100),
        "search k=20, metadata + text (no second call)": search(out=[*CANDIDATE_FIELDS, S.TEXT]),
    }


def in_process(client: Any, settings: Settings) -> Variant:
    from core.keyword_index import KeywordIndex

    index = KeywordIndex(settings.model_copy(update={"dense_backend": "memory"}), client)
    index.build()
    return lambda v: index.dense_top(np.asarray(v, dtype=np.float32), 20)


def copy_search(client: Any, name: str, params: dict[str, Any]) -> Variant:
    return lambda v: client.search(
        name, data=[v], anns_field=S.VECTOR, limit=20, filter=S.TRUSTED_ONLY, search_params=params
    )


def copy_collection(client: Any, source: str, index_type: str) -> tuple[str, Settings]:
    settings = Settings().model_copy(update={"milvus_index_type": index_type})
    name = f"dense_variants_{index_type.lower()}"
    if client.has_collection(name):
        client.drop_collection(name)
    fields = [*S.OUTPUT_FIELDS, S.VECTOR, S.KEYWORDS, S.UNTRUSTED]
    rows: list[dict[str, Any]] = []
    iterator = client.query_iterator(source, batch_size=1000, filter=f'{S.ID} != ""', output_fields=fields)
    while page := iterator.next():
        rows.extend(page)
    iterator.close()
    client.create_collection(
        name,
        schema=S.build_schema(settings),
        index_params=S.build_index_params(settings),
        consistency_level="Strong",
    )
    for start in range(0, len(rows), 256):
        client.insert(name, rows[start : start + 256])
    client.flush(name)
    client.load_collection(name)
    return name, settings


def demo_tables(work: Path, vectors: list[list[float]], rounds: int) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    import core.indexing as indexing
    from core.clients import make_embedder, make_engine, make_milvus_client
    from core.collection import seal_collection
    from core.docstore import DocStore

    proc, uri = start_milvus_lite(work / "milvus", work)
    try:
        settings = Settings(  # type: ignore[call-arg]
            RAGDESK_MILVUS_URI=uri, RAGDESK_DATA_DIR=work / "data", DOCS_SOURCE_DIR=DEMO_CORPUS, HF_HUB_OFFLINE=True
        )
        client = make_milvus_client(settings)
        sealer = indexing.seal_collection
        indexing.seal_collection = lambda c, s: False  # type: ignore[assignment]  # as before the change
        try:
            indexing.run_index(settings, client, DocStore(make_engine(settings)), make_embedder(settings))
        finally:
            indexing.seal_collection = sealer
        name = settings.milvus_collection
        client.load_collection(name)
        ids = [r[S.ID] for r in client.query(name, filter=f'{S.ID} != ""', limit=5, output_fields=[S.ID])]
        server = psutil.Process(proc.process.pid)
        tables = {}
        unsealed = search_variants(client, name, settings, ids)
        unsealed["in-process exact scan (DENSE_BACKEND=memory), k=20"] = in_process(client, settings)
        tables["demo corpus, rows unsealed (as an index run left them before)"] = measure(
            server, unsealed, vectors, rounds
        )
        seal_collection(client, settings)
        sealed = search_variants(client, name, settings, ids)
        for index_type in ("FLAT", "IVF_FLAT"):
            copy, copy_settings = copy_collection(client, name, index_type)
            params = S.dense_search_params(copy_settings)
            sealed[f"search k=20, as Retriever.dense, {index_type} index (a copy)"] = copy_search(client, copy, params)
        sealed["in-process exact scan (DENSE_BACKEND=memory), k=20"] = in_process(client, settings)
        tables["demo corpus, rows sealed (HNSW)"] = measure(server, sealed, vectors, rounds)
        return tables
    finally:
        proc.stop()


def scale_table(data_dir: Path, work: Path, vectors: list[list[float]], rounds: int) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    from core.clients import make_milvus_client

    proc, uri = start_milvus_lite(data_dir, work)
    try:
        settings = Settings(RAGDESK_MILVUS_URI=uri, HF_HUB_OFFLINE=True)  # type: ignore[call-arg]
        client = make_milvus_client(settings)
        name = next(c for c in client.list_collections() if c.startswith("scale_"))
        settings = settings.model_copy(update={"milvus_collection": name})
        client.load_collection(name)
        count = int(client.query(name, filter="", output_fields=["count(*)"])[0]["count(*)"])
        ids = [r[S.ID] for r in client.query(name, filter=f'{S.ID} != ""', limit=5, output_fields=[S.ID])]
        variants = search_variants(client, name, settings, ids)
        variants["in-process exact scan (DENSE_BACKEND=memory), k=20"] = in_process(client, settings)
        return {
            f"{name}: {count} chunks, sealed (HNSW)": measure(
                psutil.Process(proc.process.pid), variants, vectors, rounds
            )
        }
    finally:
        proc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", type=int, default=40, help="questions per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scale-data-dir", type=Path, default=None, help="a bench.scale --data-dir to add")
    args = parser.parse_args()
    from core.clients import make_embedder

    load_before = os.getloadavg()
    embedder = make_embedder(Settings(HF_HUB_OFFLINE=True))  # type: ignore[call-arg]
    vectors = [v.tolist() for v in embedder.embed(search_questions(args.queries))]
    tables: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="ragdesk-dense-") as tmp:
        tables.update(demo_tables(Path(tmp), vectors, args.rounds))
        if args.scale_data_dir is not None:
            tables.update(scale_table(args.scale_data_dir, Path(tmp), vectors, args.rounds))
    machine = (
        f"{os.cpu_count()} cores, load avg before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}; "
        f"{args.queries} questions x {args.rounds} interleaved rounds per variant"
    )
    md = [
        "# Dense search cost per call in `milvus-lite server` (bench/dense_variants.py)",
        "",
        "CPU ms per call of the milvus-lite server process and of the calling process (pymilvus, or the "
        "in-process scan), and the wall p50; the machine is shared (2 cores), so compare rows of one table.",
        "",
        machine,
        "",
    ]
    for title, rows in tables.items():
        md += [
            f"## {title}",
            "",
            "| variant | server CPU ms/call | client CPU ms/call | wall p50 ms |",
            "|---|---|---|---|",
        ]
        md += [f"| {r['variant']} | {r['server_cpu_ms']} | {r['client_cpu_ms']} | {r['wall_p50_ms']} |" for r in rows]
        md.append("")
    text = "\n".join(md)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "dense_variants.json").write_text(json.dumps({"machine": machine, "tables": tables}, indent=2) + "\n")
    (RESULTS / "dense_variants.md").write_text(text)


if __name__ == "__main__":
    main()

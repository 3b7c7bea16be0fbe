"""What the grounding guard costs a streamed answer: time to first token (TTFT) and total time with
the guard (sentence by sentence, GROUNDING_POLICY=replace) and without, against the real local
LLM server (core/llm_server.py, LOCAL_LLM_THREADS=1, one slot).

For each of N covered demo questions the prompt is prepared once and answered twice, once through
`RagService` without stages and once with the `GroundingGuard` stage, with the server's prompt
cache off (`cache_prompt: false`), so both runs pay the same prefill; temperature 0, so both get
the same text and the difference is the guard's. TTFT is the first token the *client* gets: with
the guard, the first checked sentence. The unguarded run also records when its first sentence was
complete: the floor for any sentence-by-sentence release, whatever the check costs.

The small offline model mostly answers off the passages, so nearly all its answers are replaced.
A second pass measures the cost on answers that pass: the same questions answered with the first
three sentences of their best passage (grounded by construction), streamed by a fake server
(core/testing/fake_llm.py) at the real model's measured prefill time and token rate.

    python -m bench.guard_stream                         # index the demo help centre into a tmp dir
    python -m bench.guard_stream --milvus-db /tmp/x/milvus.db --questions 10

Writes bench/results/guard_stream.json and bench/results/guard_stream.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.query import BASE_QUESTIONS, _stop_on_signals, demo_corpus, index_demo
from bench.report import machine_line, write_results
from bench.servers import Proc, start_llm_server
from core.clients import make_embedder, make_llm_client, make_milvus_client
from core.retrieval import Retriever
from core.sentences import SentenceSplitter
from core.settings import Settings
from serving.events import DoneEvent, RevisionEvent, TokenEvent
from serving.grounding import GroundingRunner
from serving.guard import GroundingGuard
from serving.llm import GenerationParams
from serving.rag import Message, Prepared, RagService
from serving.review import ReviewStore
from serving.services import set_query_threads

TARGET_OVERHEAD = 0.20
TOKENS_PER_WORD = 1.3  # English text in the model's tokenizer, roughly


@dataclass(frozen=True)
class UncachedParams(GenerationParams):
    """llama.cpp's `cache_prompt: false`: every request pays its full prefill."""

    def extra_body(self) -> dict[str, Any]:
        return {**super().extra_body(), "cache_prompt": False}


@dataclass
class Run:
    question: str
    guarded: bool
    ttft_ms: float
    total_ms: float
    first_sentence_ms: float | None = None  # when the stream held its first complete sentence
    model_ttft_ms: float | None = None
    check_ms: list[float] = field(default_factory=list)
    warm_ms: float | None = None
    sentences: int = 0
    server: dict[str, float] = field(default_factory=dict)  # llama.cpp's own prompt/predicted timings
    grounded: bool | None = None
    replaced: bool = False
    answer: str = ""


async def timed(rag: RagService, prepared: Prepared, guarded: bool) -> Run:
    started = time.perf_counter()
    ttft: float | None = None
    parts: list[str] = []
    done: DoneEvent | None = None
    replaced = False
    first_sentence: float | None = None
    splitter = SentenceSplitter()
    events: Any = rag.answer(prepared)
    async for event in events:
        now = (time.perf_counter() - started) * 1000
        if isinstance(event, TokenEvent):
            ttft = now if ttft is None else ttft
            parts.append(event.text)
            if first_sentence is None and splitter.feed(event.text):
                first_sentence = now
        elif isinstance(event, RevisionEvent):
            replaced = True
            ttft = now if ttft is None else ttft
        elif isinstance(event, DoneEvent):
            done = event
    total = (time.perf_counter() - started) * 1000
    if first_sentence is None and parts:
        first_sentence = total
    run = Run(
        prepared.question, guarded, ttft or total, total, first_sentence, answer="".join(parts), replaced=replaced
    )
    if done is not None:
        run.model_ttft_ms = done.timings.get("model_ttft_ms", done.timings.get("ttft_ms"))
        run.warm_ms = done.timings.get("guard_warm_ms")
        run.server = {k: v for k, v in done.timings.items() if k.startswith("server_")}
        if done.grounding is not None:
            run.grounded = bool(done.grounding["grounded"])
            run.check_ms = list(done.grounding.get("check_ms", []))
            run.sentences = len(run.check_ms)
    return run


def stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    if not ordered:
        return {"p50": 0.0, "mean": 0.0, "max": 0.0}
    return {
        "p50": round(statistics.median(ordered), 1),
        "mean": round(statistics.fmean(ordered), 1),
        "max": round(ordered[-1], 1),
    }


def summarise(runs: list[Run]) -> dict[str, Any]:
    plain = [r for r in runs if not r.guarded]
    guard = [r for r in runs if r.guarded]
    pairs = list(zip(plain, guard, strict=True))
    checks = [ms for r in guard for ms in r.check_ms]
    return {
        "questions": len(pairs),
        "without": {
            "ttft_ms": stats([r.ttft_ms for r in plain]),
            "total_ms": stats([r.total_ms for r in plain]),
            "first_sentence_ms": stats([r.first_sentence_ms or 0.0 for r in plain]),
        },
        "same_text": [
            sum(1 for p, g in pairs if not g.replaced and p.answer == g.answer),
            sum(1 for _, g in pairs if not g.replaced),
        ],
        "with": {
            "ttft_ms": stats([r.ttft_ms for r in guard]),
            "total_ms": stats([r.total_ms for r in guard]),
            "model_ttft_ms": stats([r.model_ttft_ms or 0.0 for r in guard]),
            "check_ms_per_sentence": stats(checks),
            "warm_ms": stats([r.warm_ms or 0.0 for r in guard]),
            "sentences_per_answer": round(statistics.fmean([r.sentences for r in guard]), 2) if guard else 0,
        },
        "added_ms": {
            "ttft": stats([g.ttft_ms - p.ttft_ms for p, g in pairs]),
            "total": stats([g.total_ms - p.total_ms for p, g in pairs]),
        },
        "ratio_p50": {
            "ttft": round(statistics.median([g.ttft_ms / p.ttft_ms for p, g in pairs]), 3),
            "total": round(statistics.median([g.total_ms / p.total_ms for p, g in pairs]), 3),
        },
        "flagged": sum(1 for r in guard if r.grounded is False),
        "replaced": sum(1 for r in guard if r.replaced),
    }


def section(title: str, s: dict[str, Any], runs: list[dict[str, Any]]) -> list[str]:
    w, wo = s["with"], s["without"]
    total_ok = s["ratio_p50"]["total"] <= 1 + TARGET_OVERHEAD
    lines = [
        f"## {title}",
        "",
        "| | TTFT p50 (ms) | TTFT mean | total p50 (ms) | total mean |",
        "|---|---|---|---|---|",
        f"| without guard | {wo['ttft_ms']['p50']} | {wo['ttft_ms']['mean']} | {wo['total_ms']['p50']} | "
        f"{wo['total_ms']['mean']} |",
        f"| with guard (sentence by sentence) | {w['ttft_ms']['p50']} | {w['ttft_ms']['mean']} | "
        f"{w['total_ms']['p50']} | {w['total_ms']['mean']} |",
        f"| added, paired p50 / mean | {s['added_ms']['ttft']['p50']} | {s['added_ms']['ttft']['mean']} | "
        f"{s['added_ms']['total']['p50']} | {s['added_ms']['total']['mean']} |",
        "",
        f"- ratio with/without, paired p50: TTFT x{s['ratio_p50']['ttft']}, total x{s['ratio_p50']['total']} "
        f"(target: total <= x{1 + TARGET_OVERHEAD:.2f}: {'met' if total_ok else 'missed'})",
        f"- check per sentence: p50 {w['check_ms_per_sentence']['p50']} ms, max {w['check_ms_per_sentence']['max']} ms;"
        f" {w['sentences_per_answer']} checks per answer; passage warm-up (overlaps the model's prefill) p50 "
        f"{w['warm_ms']['p50']} ms",
        f"- without the guard the first sentence is complete at p50 {wo['first_sentence_ms']['p50']} ms: the floor for "
        "any sentence-by-sentence release",
        f"- answers flagged: {s['flagged']} of {s['questions']}, replaced: {s['replaced']}; answers not replaced that "
        f"were identical with and without the guard: {s['same_text'][0]} of {s['same_text'][1]}",
        "",
        "| question | TTFT without | TTFT with | total without | total with | checks (ms) | grounded |",
        "|---|---|---|---|---|---|---|",
    ]
    plain = {r["question"]: r for r in runs if not r["guarded"]}
    for r in (r for r in runs if r["guarded"]):
        p = plain[r["question"]]
        checks = ", ".join(f"{ms:.0f}" for ms in r["check_ms"])
        lines.append(
            f"| {r['question']} | {p['ttft_ms']:.0f} | {r['ttft_ms']:.0f} | {p['total_ms']:.0f} | {r['total_ms']:.0f} "
            f"| {checks} | {r['grounded']}{' (replaced)' if r['replaced'] else ''} |"
        )
    return [*lines, ""]


def markdown(result: dict[str, Any]) -> str:
    lines = ["# Grounding guard: cost on a streamed answer", "", f"{result['machine']}; {result['config']}", ""]
    lines += section("The local model's own answers", result["summary"], result["runs"])
    if result.get("replay"):
        replay = result["replay"]
        lines += section(
            f"Grounded answers replayed at the model's speed (prefill {replay['prefill_ms']:.0f} ms, "
            f"{replay['ms_per_word']:.0f} ms per word)",
            replay["summary"],
            replay["runs"],
        )
    return "\n".join(lines)


def grounded_answer(prepared: Prepared) -> str:
    """The first three sentences of the best-ranked passage: an answer the passages support."""
    from core.grounding.claims import split_sentences

    best = min(prepared.passages, key=lambda c: c.rank)
    sentences = [s for s in split_sentences(best.text) if len(s.split()) >= 6 and s[-1] in ".!"]
    return " ".join(sentences[:3]) or best.text.strip()


def model_pace(runs: list[Run]) -> tuple[float, float]:
    """Median prefill (s) and time per word (s) of the real model's unguarded runs."""
    plain = [r for r in runs if not r.guarded]
    prefill = [r.server["server_prompt_ms"] for r in plain if "server_prompt_ms" in r.server]
    per_token = [
        r.server["server_predicted_ms"] / r.server["server_predicted_n"]
        for r in plain
        if r.server.get("server_predicted_n")
    ]
    prefill_s = statistics.median(prefill) / 1000 if prefill else statistics.median([r.ttft_ms for r in plain]) / 1000
    token_s = statistics.median(per_token) / 1000 if per_token else 0.07
    return prefill_s, token_s * TOKENS_PER_WORD


def covered(rag: RagService, n: int) -> list[Prepared]:
    out: list[Prepared] = []
    for question in BASE_QUESTIONS:
        prepared = rag.prepare_sync([Message("user", question)])
        if not prepared.not_covered:
            out.append(prepared)
        if len(out) == n:
            break
    return out


async def bench(plain: RagService, guarded: RagService, prepared: list[Prepared], cap_s: float) -> list[Run]:
    runs: list[Run] = []
    deadline = time.monotonic() + cap_s
    await timed(plain, prepared[0], False)  # warm the server and the checker; not counted
    for i, p in enumerate(prepared):
        if time.monotonic() > deadline:
            print(f"time cap reached after {i} questions", flush=True)
            break
        order = [(plain, False), (guarded, True)] if i % 2 == 0 else [(guarded, True), (plain, False)]
        pair = [await timed(rag, p, flag) for rag, flag in order]
        runs.extend(sorted(pair, key=lambda r: r.guarded))
        print(
            f"{i + 1}/{len(prepared)} {p.question!r}: "
            + ", ".join(f"{r.ttft_ms:.0f}/{r.total_ms:.0f} ms" for r in pair)
        )
    return runs


def replay_grounded(
    settings: Settings,
    retriever: Retriever,
    embedder: Any,
    guard: GroundingGuard,
    prepared: list[Prepared],
    runs: list[Run],
    cap_s: float,
) -> dict[str, Any]:
    from core.testing.fake_llm import FakeLLM
    from core.testing.servers import ThreadedUvicorn

    prefill_s, word_s = model_pace(runs)
    fake = FakeLLM(delay_s=word_s, prefill_s=prefill_s)
    fake.answers = {p.question: grounded_answer(p) for p in prepared}
    with ThreadedUvicorn(fake.app()) as server:
        fake_settings = settings.model_copy(update={"llm_base_url": f"{server.url}/v1"})
        client = make_llm_client(fake_settings)
        plain = RagService(fake_settings, retriever, client, count_tokens=embedder.count_tokens)
        guarded = RagService(fake_settings, retriever, client, count_tokens=embedder.count_tokens, stages=[guard])
        print(f"replay: prefill {prefill_s * 1000:.0f} ms, {word_s * 1000:.0f} ms per word", flush=True)
        replayed = asyncio.run(bench(plain, guarded, prepared, cap_s))
    return {
        "prefill_ms": prefill_s * 1000,
        "ms_per_word": word_s * 1000,
        "answers": fake.answers,
        "summary": summarise(replayed),
        "runs": [asdict(r) for r in replayed],
    }


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--milvus-db", type=Path, help="an indexed Milvus Lite .db directory (copied, never changed)")
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--max-tokens", type=int, default=Settings().llm_max_tokens)
    parser.add_argument("--llm-threads", type=int, default=1)
    parser.add_argument("--time-cap", type=float, default=900, help="seconds before no new question starts")
    parser.add_argument("--no-replay", action="store_true", help="skip the grounded-answer replay pass")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    _stop_on_signals()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    work = Path(tempfile.mkdtemp(prefix="ragdesk-bench-guard-"))
    procs: list[Proc] = []
    started = time.time()
    load_before = os.getloadavg()
    try:
        db = work / "milvus.db"
        if args.milvus_db:
            shutil.copytree(args.milvus_db, db)
        settings = Settings(
            RAGDESK_MILVUS_URI=str(db),
            RAGDESK_DATA_DIR=work,
            DOCS_SOURCE_DIR=demo_corpus(),
            LLM_MAX_TOKENS=args.max_tokens,
            LLM_MODEL="local",
            HF_HUB_OFFLINE=True,
        )
        if not args.milvus_db:
            print("indexing the demo help centre ...", flush=True)
            index_demo(settings)
        llm, llm_url = start_llm_server(work, threads=args.llm_threads, parallel=1)
        procs.append(llm)
        settings = settings.model_copy(update={"llm_base_url": llm_url})
        embedder = make_embedder(settings)
        set_query_threads(settings, embedder)
        retriever = Retriever(settings, make_milvus_client(settings), embedder)
        runner = GroundingRunner.build(settings, embedder)
        guard = GroundingGuard(settings, runner, ReviewStore.open(settings))
        llm_client = make_llm_client(settings)
        plain = RagService(settings, retriever, llm_client, count_tokens=embedder.count_tokens)
        guarded = RagService(settings, retriever, llm_client, count_tokens=embedder.count_tokens, stages=[guard])
        prepared = covered(plain, args.questions)
        for p in prepared:
            p.params = UncachedParams(p.params.max_tokens, p.params.temperature, p.params.repeat_penalty)
        print(f"{len(prepared)} covered questions, max_tokens {args.max_tokens}", flush=True)
        runs = asyncio.run(bench(plain, guarded, prepared, args.time_cap))
        replay = None
        if not args.no_replay:
            replay = replay_grounded(settings, retriever, embedder, guard, prepared, runs, args.time_cap)
    finally:
        for proc in reversed(procs):
            proc.stop()
    result = {
        "machine": machine_line(load_before),
        "config": f"LLM {args.llm_threads} thread, 1 slot, max_tokens {args.max_tokens}, temperature 0; "
        f"policy replace; {len(runs) // 2} questions, each answered with and without the guard",
        "summary": summarise(runs),
        "runs": [asdict(r) for r in runs],
        "replay": replay,
        "seconds": round(time.time() - started, 1),
    }
    write_results("guard_stream", result, markdown(result))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

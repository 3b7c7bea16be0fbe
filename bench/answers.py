"""Answers as the client receives them, scored against a golden set: key facts present,
contradictions of the corpus, declines of the unanswerable, gold section cited, time to first
token and total time. Systems side by side, each through the real API (uvicorn, SSE
`/v1/answer/stream`, the guard on as configured by default):

- compose:   ANSWER_MODE=compose (serving/composer; no model call);
- fake-good: generation by the test LLM server (core/testing/fake_llm.py) replaying each question's
             expected answer (a good generator);
- fake-bad:  the same server replaying the expected answer with every number changed (or an
             invented time limit added), so the guard withdraws it and quotes the composer;
- cpu:       generation by the default CPU model through the local llama.cpp server
             (ANSWER_MODE=generate; slow: --cpu-limit questions only);
- auto:      ANSWER_MODE=auto with the CPU model (what `make up` serves: the self-test decides).

    python -m bench.answers                                   # the demo golden set (development figures)
    python -m bench.answers --golden path/to/cases.jsonl --corpus path/to/corpus --label blind
    python -m bench.answers --golden emanual_answers_blind_v1 --label blind    # a set's name; "emanual" in it
                                                                            # (or --emanual): the E-Manual corpus
    python -m bench.answers --emanual-split dev --systems compose    # the E-Manual QA pairs (evaluation/emanual.py),
    python -m bench.answers --emanual-split test --systems compose   # blind-set questions left out, in two halves

The E-Manual split: the QA pairs' questions (415, title-matched) less any question of the blind set
(emanual_answers_blind_v1), halved by a hash of the question id: `dev` is studied, `test` scored once.

A golden file is JSON Lines in the format of evaluation/golden.py (`id`, `question`,
`expected_answer`, `gold` [{doc_id, section}], `answerable`); `answer` is accepted for
`expected_answer`. With --emanual the Samsung E-Manual corpus (evaluation/emanual.py) is written
and indexed, and gold doc ids are its file names. Scoring: bench/answer_scoring.py.

Writes bench/results/answers.json and answers.md (or answers_<label>.*)."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from bench.answer_scoring import cites_gold, facts_found, is_decline, key_facts, written_facts_found
from bench.report import RESULTS, machine_line, write_results
from core.settings import REPO_ROOT, Settings
from evaluation.golden import GoldenQuestion

SYSTEMS = ("compose", "fake-good", "fake-bad", "cpu", "auto")
TARGETS = {"facts": 0.85, "declined": 0.90, "contradicted": 0, "compose_ttft_p50_ms": 300.0}


# --- golden sets ---------------------------------------------------------------------------------
def load_cases(path: Path) -> list[GoldenQuestion]:
    cases: list[GoldenQuestion] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        row.setdefault("id", f"case-{number}")
        if "expected_answer" not in row and "answer" in row:
            row["expected_answer"] = row["answer"]
        cases.append(GoldenQuestion.from_json(row))
    return cases


BLIND_SET = "emanual_answers_blind_v1"


def emanual_split(settings: Settings, part: str) -> list[GoldenQuestion]:
    """The E-Manual QA pairs without the blind set's questions, halved deterministically by a hash
    of the question id: "dev" (studied) or "test" (scored once)."""
    import hashlib

    from evaluation.emanual import load_questions

    squash = lambda text: " ".join(re.findall(r"\w+", text.lower()))  # noqa: E731
    blind = {squash(c.question) for c in load_cases(resolve_golden(Path(BLIND_SET)))}
    cases = [c for c in load_questions(settings) if squash(c.question) not in blind]
    half = [c for c in cases if (int(hashlib.sha1(c.id.encode()).hexdigest(), 16) % 2 == 0) == (part == "dev")]
    return sorted(half, key=lambda c: c.id)


def resolve_golden(value: Path) -> Path:
    """A path, or a set's name in evaluation/datasets: NAME, NAME.jsonl or NAME/cases.jsonl."""
    if value.is_file():
        return value
    datasets = REPO_ROOT / "evaluation" / "datasets"
    for candidate in (datasets / value, datasets / f"{value}.jsonl", datasets / value / "cases.jsonl"):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"golden set {value} not found (a path, or a name in {datasets})")


def wrong_answer(expected: str) -> str:
    """The expected answer with every number changed (a generator that gets the facts wrong)."""
    changed, count = re.subn(r"\d+(?:[.,]\d+)?", lambda m: _bump(m.group(0)), expected)
    return changed if count else expected.rstrip(".") + ". You can do this within 90 days."


def _bump(number: str) -> str:
    value = float(number.replace(",", "."))
    bumped = value * 2 if value >= 2 else value + 2
    return f"{bumped:.2f}" if "." in number or "," in number else str(int(bumped))


# --- servers -------------------------------------------------------------------------------------
class ThreadServer:
    def __init__(self, app: Any) -> None:
        import socket

        import uvicorn

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ThreadServer:
        self.thread.start()
        deadline = time.monotonic() + 300
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.1)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


@contextlib.contextmanager
def api(settings: Settings, embedder: Any) -> Iterator[ThreadServer]:
    import serving.services
    from core.redis_server import temporary_redis
    from serving.main import create_app

    original = serving.services.make_embedder
    serving.services.make_embedder = lambda _settings: embedder  # type: ignore[assignment]
    try:
        with temporary_redis() as redis:  # the gateway's state, a fresh one for each system
            with ThreadServer(create_app(settings.model_copy(update={"redis_url": redis.url}))) as server:
                yield server
    finally:
        serving.services.make_embedder = original  # type: ignore[assignment]


def ask(url: str, question: str, timeout_s: float) -> dict[str, Any]:
    """One question through SSE: the text the client shows, citations, done, client timings."""
    started = time.perf_counter()
    ttft: float | None = None
    text: list[str] = []
    out: dict[str, Any] = {"citations": [], "done": None, "error": None, "revision": None}
    with httpx.stream("POST", f"{url}/v1/answer/stream", json={"question": question}, timeout=timeout_s) as r:
        if r.status_code != 200:
            out["error"] = f"HTTP {r.status_code}: {r.read().decode()[:200]}"
            return {**out, "text": "", "ttft_ms": None, "total_ms": (time.perf_counter() - started) * 1000}
        event = ""
        for line in r.iter_lines():
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: "):
                data = json.loads(line[6:])
                if event == "token":
                    if ttft is None:
                        ttft = (time.perf_counter() - started) * 1000
                    text.append(data["text"])
                elif event == "citations":
                    out["citations"] = data["citations"]
                elif event == "done":
                    out["done"] = data
                elif event == "revision":
                    out["revision"] = data
                elif event == "error":
                    out["error"] = data
    return {**out, "text": "".join(text), "ttft_ms": ttft, "total_ms": (time.perf_counter() - started) * 1000}


# --- scoring -------------------------------------------------------------------------------------
class Contradictions:
    """The grounding checker on each served answer against the gold sections' text and the cited
    passages: an answer with a claim the checker calls contradicted states a rule the corpus
    contradicts."""

    def __init__(self, settings: Settings, embedder: Any) -> None:
        from sqlalchemy import select
        from sqlalchemy.orm import Session

        from core.clients import make_engine
        from core.docstore import ChunkRow
        from core.grounding import GroundingChecker

        self.checker = GroundingChecker(settings, embedder)
        self.sections: dict[tuple[str, str], list[str]] = {}
        with Session(make_engine(settings)) as session:
            for doc_id, section, text in session.execute(select(ChunkRow.doc_id, ChunkRow.section, ChunkRow.text)):
                self.sections.setdefault((doc_id, section), []).append(text)

    def texts(self, case: GoldenQuestion, citations: list[dict[str, Any]]) -> list[str]:
        texts: list[str] = []
        for (doc_id, section), chunks in self.sections.items():
            if any(ref.matches(doc_id, section) for ref in case.gold_refs) or any(
                c.get("doc_id") == doc_id and c.get("section") == section for c in citations
            ):
                texts.extend(chunks)
        return texts[:20]

    def check(self, case: GoldenQuestion, answer: str, citations: list[dict[str, Any]]) -> list[str]:
        passages = self.texts(case, citations)
        if not passages or not answer.strip():
            return []
        result = self.checker.check(case.question, answer, passages)
        return [c.text for c in result.claims if c.verdict == "contradicted"]

    def quotes(self, case: GoldenQuestion, claims: list[str], citations: list[dict[str, Any]]) -> list[str]:
        """The contradicted claims that are word for word in a gold section or a cited passage: the
        corpus saying two things, or the checker's false alarm, not a rule made up."""
        if not claims:
            return []
        texts = self.texts(case, citations)
        passages = " ".join(_squash(t) for t in texts)
        used = set(texts)
        headings = " ".join(
            _squash(section) for (_, section), chunks in self.sections.items() if used.intersection(chunks)
        )
        corpus = f"{passages} {headings}"
        quoted = []
        for claim in claims:
            squashed = _squash(claim)
            if squashed and (squashed in passages or _pieces_quoted(claim, corpus)):
                quoted.append(claim)
        return quoted


def _pieces_quoted(claim: str, corpus: str) -> bool:
    """A list or table row as the composer renders it ("Heading: item; item", "Column: cell; Column:
    cell"): every piece is word for word in the passages or their headings."""
    pieces = [_squash(p) for part in claim.split("; ") for p in re.split(r":\s+", part)]
    pieces = [p for p in pieces if p]
    return len(pieces) > 1 and all(p in corpus for p in pieces)


def _squash(text: str) -> str:
    return " ".join(re.sub(r"[*_`#>|]", " ", text).lower().split()).strip(" .")


def score(case: GoldenQuestion, reply: dict[str, Any], contradictions: Contradictions) -> dict[str, Any]:
    text = reply["text"]
    present, total, missing = (
        written_facts_found(case.key_facts, text) if case.key_facts else facts_found(key_facts(case), text)
    )
    declined = is_decline(text)
    contradicted = contradictions.check(case, text, reply["citations"])
    row = {
        "id": case.id,
        "question": case.question,
        "answerable": case.answerable,
        "answer": text,
        "expected": case.expected_answer,
        "declined": declined,
        "citations": len(reply["citations"]),
        "declined_clean": declined and not reply["citations"],  # no (off-topic) source attached
        "facts_present": present,
        "facts_total": total,
        "facts_missing": missing,
        "facts_half": bool(total) and present / total >= 0.5,
        "facts_all": bool(total) and present == total,
        "gold_cited": cites_gold(case, reply["citations"]),
        "contradicted": contradicted,
        "contradicted_quotes": contradictions.quotes(case, contradicted, reply["citations"]),
        "ttft_ms": reply["ttft_ms"],
        "total_ms": reply["total_ms"],
        "error": reply["error"],
        "answer_mode": (reply["done"] or {}).get("answer_mode"),
        "standalone_question": (reply["done"] or {}).get("standalone_question"),
        "withdrawn": reply["revision"] is not None,
    }
    return row


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(q * len(values)))], 1)


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    ttft = [r["ttft_ms"] for r in rows if r["ttft_ms"] is not None]
    total = [r["total_ms"] for r in rows]
    for r in rows:  # rows of an earlier run are scored by today's rules
        n_facts = r["facts_total"]
        r["facts_half"] = bool(n_facts) and r["facts_present"] / n_facts >= 0.5
        r["facts_all"] = bool(n_facts) and r["facts_present"] == n_facts
        r["declined"] = is_decline(r["answer"])
    clean = [r["declined_clean"] for r in unanswerable if "declined_clean" in r]
    return {
        "declined_clean": sum(clean) / len(clean) if clean and len(clean) == len(unanswerable) else None,
        "questions": len(rows),
        "answerable": len(answerable),
        "facts_half": sum(r["facts_half"] for r in answerable) / max(len(answerable), 1),
        "facts_all": sum(r["facts_all"] for r in answerable) / max(len(answerable), 1),
        "gold_cited": sum(r["gold_cited"] for r in answerable) / max(len(answerable), 1),
        "answerable_declined": sum(r["declined"] for r in answerable),
        "unanswerable": len(unanswerable),
        "declined": sum(r["declined"] for r in unanswerable) / max(len(unanswerable), 1) if unanswerable else None,
        "contradicted": sum(1 for r in rows if r["contradicted"]),
        "contradicted_only_quotes": sum(
            1 for r in rows if r["contradicted"] and len(r.get("contradicted_quotes", [])) == len(r["contradicted"])
        ),
        "withdrawn": sum(r["withdrawn"] for r in rows),
        "errors": sum(1 for r in rows if r["error"]),
        "ttft_p50_ms": _pct(ttft, 0.5),
        "ttft_p95_ms": _pct(ttft, 0.95),
        "total_p50_ms": _pct(total, 0.5),
        "answer_modes": sorted({str(r["answer_mode"]) for r in rows}),
    }


def markdown(result: dict[str, Any]) -> str:
    label = result["label"]
    lines = [
        f"# Answers bench ({label} figures: {result['golden']})",
        "",
        f"Machine: {result['machine']}. Corpus: {result['corpus']}. "
        + (
            "The demo golden set was used to choose the composer's thresholds: these are development figures."
            if label == "development"
            else ""
        ),
        "",
        "| system | answers | key facts >= half (answerable) | all key facts | gold section cited | "
        "answerable declined | unanswerable declined | contradicted | withdrawn | TTFT p50 / p95 ms | total p50 ms | mode |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, s in result["systems"].items():
        declined = "-" if s["declined"] is None else f"{s['declined']:.0%} of {s['unanswerable']}"
        if s.get("declined_clean") is not None:
            declined += f" ({s['declined_clean']:.0%} with no source attached)"
        lines.append(
            f"| {name} | {s['questions']} | {s['facts_half']:.1%} | {s['facts_all']:.1%} | {s['gold_cited']:.1%} | "
            f"{s['answerable_declined']} | {declined} | {s['contradicted']}"
            f"{' (' + str(s['contradicted_only_quotes']) + ' only verbatim quotes)' if s.get('contradicted') else ''} | "
            f"{s['withdrawn']} | "
            f"{s['ttft_p50_ms']} / {s['ttft_p95_ms']} | {s['total_p50_ms']} | {', '.join(s['answer_modes'])} |"
        )
    lines += [
        "",
        f"Targets (issue 15): key facts in >= {TARGETS['facts']:.0%} of answerable, 0 contradicted, "
        f">= {TARGETS['declined']:.0%} of unanswerable declined, composed TTFT p50 <= {TARGETS['compose_ttft_p50_ms']:.0f} ms.",
        "Key facts: quantities and names taken from `expected_answer` (bench/answer_scoring.py), in the text the "
        "client shows (a guard's replacement included); 'declined': a decline phrase ('no source attached': "
        "and no citations). Contradicted: the grounding checker calls a claim of the served text "
        "contradicted by the gold sections or the cited passages ('only verbatim quotes': every such claim is word "
        "for word in a gold section or a cited passage, or is a list or table row whose every piece (heading, "
        "items, column names, cells) is, so the corpus says both or the checker is wrong).",
        "",
        f"Command: `{result['command']}`",
    ]
    return "\n".join(lines) + "\n"


# --- running -------------------------------------------------------------------------------------
def index(settings: Settings, embedder: Any) -> None:
    from core.clients import make_engine, make_milvus_client
    from core.docstore import DocStore
    from core.indexing import run_index

    report = run_index(settings, make_milvus_client(settings), DocStore(make_engine(settings)), embedder)
    print("\n".join(report.summary_lines()), flush=True)


def run_system(
    name: str, base: Settings, embedder: Any, cases: list[GoldenQuestion], contradictions: Contradictions, work: Path
) -> list[dict[str, Any]]:
    from core.testing.fake_llm import FakeLLM

    update: dict[str, Any] = {"docstore_url": base.docstore_url, "grounding_enabled": True}
    stack = contextlib.ExitStack()
    llm_proc = None
    timeout_s = 60.0
    if name == "compose":
        update |= {"answer_mode": "compose", "llm_base_url": "http://127.0.0.1:9/v1"}
    elif name.startswith("fake"):
        fake = FakeLLM(delay_s=0.0)
        for case in cases:
            fake.answers[case.question] = (
                case.expected_answer if name == "fake-good" else wrong_answer(case.expected_answer)
            )
        server = stack.enter_context(ThreadServer(fake.app()))
        update |= {"answer_mode": "generate", "llm_base_url": f"{server.url}/v1", "llm_model": "local"}
    else:
        from bench.servers import start_llm_server

        llm_proc, url = start_llm_server(work, threads=1, parallel=1)
        update |= {"answer_mode": "generate" if name == "cpu" else "auto", "llm_base_url": url, "llm_model": "local"}
        timeout_s = 300.0
    rows: list[dict[str, Any]] = []
    try:
        settings = base.model_copy(update=update)
        with stack, api(settings, embedder) as server:
            if name == "auto":  # wait for the self-test's decision, as a user would wait for /ready
                deadline = time.monotonic() + 300
                while time.monotonic() < deadline:
                    mode = httpx.get(f"{server.url}/ready", timeout=30).json().get("answer_mode", {})
                    if mode.get("self_test") != "pending":
                        break
                    time.sleep(2)
                print(f"auto: {mode}", flush=True)
            for number, case in enumerate(cases, start=1):
                reply = ask(server.url, case.question, timeout_s)
                rows.append(score(case, reply, contradictions))
                if number % 25 == 0:
                    print(f"{name}: {number}/{len(cases)}", flush=True)
    finally:
        if llm_proc is not None:
            llm_proc.stop()
    return rows


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--golden", type=Path, default=Path("demo_golden_v1"))
    parser.add_argument("--corpus", type=Path, default=REPO_ROOT / "corpus/lumen-market")
    parser.add_argument("--emanual", action="store_true", help="the Samsung E-Manual corpus (evaluation/emanual.py)")
    parser.add_argument("--emanual-split", choices=("dev", "test"), default="", help="a half of the E-Manual QA pairs")
    parser.add_argument("--label", default="", help="development (default for the demo set) or blind")
    parser.add_argument("--systems", default="compose,fake-good,fake-bad,cpu,auto")
    parser.add_argument("--limit", type=int, default=0, help="first N questions only (0: all)")
    parser.add_argument("--cpu-limit", type=int, default=20, help="questions for the cpu and auto systems")
    parser.add_argument("--work", type=Path, default=None, help="index folder (kept between runs)")
    parser.add_argument("--merge", action="store_true", help="keep the other systems of the last results file")
    return parser.parse_args()


def main() -> None:
    import sys

    args = parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    load_before = os.getloadavg()
    from core.clients import make_embedder
    from serving.services import set_query_threads

    corpus = args.corpus
    base = Settings()
    split_cases = emanual_split(base, args.emanual_split) if args.emanual_split else None
    if split_cases is not None:
        args.golden = Path(f"emanual_qa_{args.emanual_split}")
        args.label = args.label or f"emanual_{args.emanual_split}"
    else:
        args.golden = resolve_golden(args.golden)
    if (
        split_cases is not None
        or args.emanual
        or "emanual"
        in str(args.golden.relative_to(REPO_ROOT) if args.golden.is_relative_to(REPO_ROOT) else args.golden.name)
    ):
        from evaluation.emanual import prepare_corpus

        corpus = prepare_corpus(base)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-answers-"))
    work.mkdir(parents=True, exist_ok=True)
    base = Settings(
        RAGDESK_MILVUS_URI=str(work / "milvus.db"),
        RAGDESK_DATA_DIR=work,
        DOCS_SOURCE_DIR=corpus,
        HF_HUB_OFFLINE=True,
        GATEWAY_REQUIRE_KEYS=False,
        GATEWAY_RPM_PAID=1_000_000,
        GATEWAY_DAILY_TOKENS=1_000_000_000,
        CACHE_ENABLED=False,
    )
    embedder = make_embedder(base)
    set_query_threads(base, embedder)
    index(base, embedder)
    cases = split_cases if split_cases is not None else load_cases(args.golden)
    if args.limit:
        cases = cases[: args.limit]
    label = args.label or ("development" if "demo_" in str(args.golden) else "held-out")
    contradictions = Contradictions(base, embedder)
    result: dict[str, Any] = {
        "label": label,
        "golden": str(args.golden.relative_to(REPO_ROOT) if args.golden.is_relative_to(REPO_ROOT) else args.golden),
        "corpus": str(corpus.relative_to(REPO_ROOT) if corpus.is_relative_to(REPO_ROOT) else corpus),
        "command": "python -m bench.answers " + " ".join(sys.argv[1:]),
        "systems": {},
        "rows": {},
    }
    suffix = "" if label == "development" else f"_{label}"
    previous = RESULTS / f"answers{suffix}.json"
    if args.merge and previous.is_file():  # keep the other systems' rows from the last run on this set
        old = json.loads(previous.read_text())
        if old.get("golden") == result["golden"]:
            result["rows"].update(old.get("rows", {}))
            result["systems"].update({name: summarise(rows) for name, rows in old.get("rows", {}).items()})
            result["command"] += f" (merged with: {old.get('command', '')})"
    for name in [s.strip() for s in args.systems.split(",") if s.strip()]:
        if name not in SYSTEMS:
            raise SystemExit(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}")
        subset = cases[: args.cpu_limit] if name in {"cpu", "auto"} else cases
        started = time.perf_counter()
        rows = run_system(name, base, embedder, subset, contradictions, work)
        result["systems"][name] = summarise(rows)
        result["rows"][name] = rows
        print(f"{name}: {result['systems'][name]} ({time.perf_counter() - started:.0f}s)", flush=True)
        result["machine"] = machine_line(load_before)
        write_results(f"answers{suffix}", result, markdown(result))  # after each system: a partial run keeps its rows


if __name__ == "__main__":
    main()

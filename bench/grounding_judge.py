"""What an LLM judge adds to the grounding guard, measured on the same sets as bench/grounding.py.

    python -m bench.grounding_judge --judge-url http://127.0.0.1:30000/v1 --model NAME
    python -m bench.grounding_judge --local          # the project's own CPU LLM server as the judge

Each case is checked once by the guard without a judge; then the judge (`core.grounding.judge`,
the same prompt and client the API uses) rules on every checkable claim of the answer, with the
whole answer and the passages, GROUNDING_JUDGE_CONCURRENCY requests at a time. From those verdicts
the answer-level flags of each GROUNDING_JUDGE_SCOPE are derived without asking again:

- full guard: no judge (the shipped default);
- judge alone: the judge's verdict on every claim (the guard's where the judge failed);
- guard + judge (uncertain | flagged | all): `core.grounding.judge.in_scope` decides which claims
  take the judge's verdict, exactly as `GroundingChecker` does with that scope.

Also reports the judge's start-up self-test (run here, not enforced), its failures, its time per call and the added time per answer (all claims
asked at once). Writes bench/results/grounding_judge.json and .md; the per-set rows of
bench/results/grounding.md are not touched.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.grounding import POLICY_SETS, pct  # noqa: E402
from core.datasets import load_cases  # noqa: E402
from core.grounding.judge import JudgeScope, JudgeVerdict, LLMJudge, in_scope, self_test  # noqa: E402
from evaluation.grounding_training.records import metrics  # noqa: E402

RESULTS = REPO / "bench" / "results"
SCOPES: tuple[JudgeScope, ...] = ("uncertain", "flagged", "all")


class TimedJudge(LLMJudge):
    """The API's judge, with the time of each call recorded (`calls`, ms)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.calls: list[float] = []

    def judge(self, question: str, claim: str, passages: Sequence[str], answer: str = "") -> JudgeVerdict | None:
        t0 = time.perf_counter()
        try:
            return super().judge(question, claim, passages, answer)
        finally:
            self.calls.append((time.perf_counter() - t0) * 1000)


def judged_case(checker: Any, judge: TimedJudge, case: dict[str, Any], concurrency: int) -> dict[str, Any]:
    """The guard's analyses of one case and the judge's verdict on each checkable claim."""
    analyses = checker.analyse(case["question"], case["answer"], case["passages"])
    todo = [i for i, a in enumerate(analyses) if a.checkable]
    judge.calls = []
    t0 = time.perf_counter()
    answers = judge.judge_many(
        case["question"], [analyses[i].verdict.text for i in todo], case["passages"], case["answer"], concurrency
    )
    wall_ms = (time.perf_counter() - t0) * 1000 if todo else 0.0
    judged = dict(zip(todo, answers, strict=True))
    claims = [
        {
            "text": a.verdict.text,
            "checkable": a.checkable,
            "verdict": a.verdict.verdict,
            "rule": a.rule,
            "p": round(a.probability, 4),
            "judge": judged.get(i),
        }
        for i, a in enumerate(analyses)
    ]
    return {
        "id": case.get("id"),
        "label": case["label"],
        "type": case.get("type", ""),
        "claims": claims,
        "judge_wall_ms": wall_ms,
        "judge_call_ms": judge.calls,
    }


def flags(record: dict[str, Any], scope: JudgeScope | None, judge_alone: bool, low: float, high: float) -> bool:
    """Whether the answer is flagged when the judge's verdicts replace the guard's: on every
    claim (`judge_alone`), on those `in_scope` of `scope`, or on none (scope None)."""
    final = []
    for c in record["claims"]:
        verdict = c["verdict"]
        if c["checkable"] and c["judge"] is not None:
            if judge_alone or (scope is not None and in_scope(scope, verdict, c["rule"], c["p"], low, high)):
                verdict = c["judge"]
        final.append(verdict)
    return any(v != "supported" for v in final)


def rows(records: list[dict[str, Any]], low: float, high: float) -> dict[str, dict[str, Any]]:
    gold = [r["label"] != "supported" for r in records]
    detectors: dict[str, tuple[JudgeScope | None, bool]] = {
        "full guard": (None, False),
        "judge alone": (None, True),
        **{f"guard + judge ({s})": (s, False) for s in SCOPES},
    }
    return {
        name: metrics([flags(r, scope, alone, low, high) for r in records], gold)
        for name, (scope, alone) in detectors.items()
    }


def judge_stats(records: list[dict[str, Any]]) -> dict[str, Any]:
    claims = [c for r in records for c in r["claims"] if c["checkable"]]
    calls = [ms for r in records for ms in r["judge_call_ms"]]
    walls = [r["judge_wall_ms"] for r in records]
    return {
        "claims_judged": len(claims),
        "failed_or_unreadable": sum(c["judge"] is None for c in claims),
        "verdicts": {v: sum(c["judge"] == v for c in claims) for v in ("supported", "contradicted", "unsupported")},
        "call_ms_p50": round(pct(calls, 0.5), 1),
        "call_ms_p95": round(pct(calls, 0.95), 1),
        "added_ms_per_answer_mean": round(statistics.fmean(walls), 1) if walls else 0.0,
    }


def load_sets(names: list[str], halueval_limit: int, seed: int) -> dict[str, list[dict[str, Any]]]:
    from core.grounding import halueval

    out: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        if name == "halueval":
            if not halueval.available():
                print(f"skipped HaluEval: {halueval.data_file()} not found", file=sys.stderr)
                continue
            cases = list(halueval.cases("heldout", "random", seed=seed))
            out["HaluEval held-out (paper protocol)"] = cases[:halueval_limit] if halueval_limit else cases
            continue
        if name not in POLICY_SETS:
            raise SystemExit(f"unknown set {name!r}: choose from halueval, {', '.join(POLICY_SETS)}")
        out[name] = load_cases(name)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--judge-url", help="an OpenAI-compatible /v1 URL (SGLang, vLLM, llama.cpp ...)")
    where.add_argument("--local", action="store_true", help="start the project's CPU LLM server as the judge")
    parser.add_argument("--model", default="local", help="model name the judge server expects")
    parser.add_argument("--api-key", default="not-needed")
    parser.add_argument(
        "--sets", default="policy_claims_v4,halueval", help="comma-separated: policy_claims_vN, halueval"
    )
    parser.add_argument("--halueval-limit", type=int, default=200, help="first N held-out HaluEval cases (0 = all)")
    parser.add_argument("--limit", type=int, default=0, help="first N cases of each policy set (0 = all)")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per judge call")
    parser.add_argument("--threads", type=int, default=1, help="torch threads for the embedder; llama.cpp threads")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="grounding_judge", help="results file stem under bench/results")
    args = parser.parse_args(argv)

    import torch

    from core.clients import make_embedder
    from core.grounding.checker import GroundingChecker
    from core.settings import get_settings

    torch.set_num_threads(args.threads)
    settings = get_settings()
    checker = GroundingChecker(settings.model_copy(update={"grounding_judge_base_url": ""}), make_embedder(settings))
    sets = load_sets([s.strip() for s in args.sets.split(",") if s.strip()], args.halueval_limit, args.seed)
    server = None
    url = args.judge_url
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that `finally` stops the server we started
    if args.local:
        from bench.servers import start_llm_server

        server, url = start_llm_server(Path(tempfile.mkdtemp(prefix="judge-bench-")), args.threads, args.concurrency)
    judge = TimedJudge(
        url, args.model, args.api_key, timeout_s=args.timeout, context_chars=settings.grounding_judge_context_chars
    )
    low, high = settings.grounding_judge_low, settings.grounding_judge_high
    passed, detail = self_test(judge)
    report: dict[str, Any] = {
        "judge": {"url": url, "model": args.model, "local": args.local, "concurrency": args.concurrency},
        "self_test": {"passed": passed, "detail": detail},
        "band": [low, high],
        "load_average_at_start": [round(v, 2) for v in os.getloadavg()],
        "datasets": {},
    }
    md_rows: list[str] = []
    try:
        for name, cases in sets.items():
            if args.limit and name.startswith("policy_claims"):
                cases = cases[: args.limit]
            records = [judged_case(checker, judge, c, args.concurrency) for c in cases]
            found = rows(records, low, high)
            stats = judge_stats(records)
            report["datasets"][name] = {"rows": found, "judge": stats}
            for det, m in found.items():
                md_rows.append(
                    f"| {name} | {det} | {m['n']} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} "
                    f"| {m['accuracy']:.3f} |"
                )
            print(f"{name}: {json.dumps(found['guard + judge (flagged)'])} judge {json.dumps(stats)}", flush=True)
    finally:
        if server is not None:
            server.stop()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.out}.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    md = [
        "# Grounding guard with an LLM judge",
        "",
        f"Judge: `{args.model}` at {'the local CPU LLM server' if args.local else url}, {args.concurrency} "
        f"requests at a time; uncertain band [{low}, {high}]. Positive class = not supported.",
        f"Start-up self-test (`core.grounding.judge.CANARIES`; the API would not use a judge that fails it): "
        f"{ {True: 'passed', False: 'FAILED', None: 'not answered'}[passed] } ({detail}).",
        "",
        "| dataset | detector | n | precision | recall | F1 | accuracy |",
        "|---|---|---|---|---|---|---|",
        *md_rows,
        "",
        "| dataset | claims judged | failed or unreadable | supported / contradicted / not found | ms per call p50 / p95 "
        "| added ms per answer |",
        "|---|---|---|---|---|---|",
        *[
            f"| {name} | {d['judge']['claims_judged']} | {d['judge']['failed_or_unreadable']} | "
            f"{d['judge']['verdicts']['supported']} / {d['judge']['verdicts']['contradicted']} / "
            f"{d['judge']['verdicts']['unsupported']} | {d['judge']['call_ms_p50']:.0f} / {d['judge']['call_ms_p95']:.0f} | "
            f"{d['judge']['added_ms_per_answer_mean']:.0f} |"
            for name, d in report["datasets"].items()
        ],
    ]
    (RESULTS / f"{args.out}.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

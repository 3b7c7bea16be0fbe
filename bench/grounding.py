"""Benchmark of the grounding guard: the learned verifier against the previous guard.

    python bench/grounding.py [--sets NAME,NAME] [--limit N] [--ragtruth-limit N] [--threads 1]

Sets (by name; `--sets` picks some, e.g. `--sets emanual_claims_blind_v1`):
- policy-claims style sets loaded by name (core.datasets.load_cases when present, else
  evaluation/datasets/<name>/cases.jsonl or <name>.jsonl): policy_claims_v1..v4 (development),
  policy_claims_v5, v6 and any `*_blind_*` set (held out: aggregate rows only, no per-case file);
- `halueval`: HaluEval QA held-out half (lines 1000-1999, never trained on), both answers of every line;
- `ragtruth_summary`, `ragtruth_data2text`: RAGTruth answers (the shipped verifier is TRAINED on
  them: development figures; the held-out cross-task figures are in core/grounding/model/verifier.json).

Detectors, positive class = "not supported" (an answer is flagged when any of its claims is):
- floor: fewer than 90% of the answer's content words occur in the passages;
- previous guard: rules + the previous classifier (GROUNDING_VERIFIER=false, still the default);
- previous rules: the previous guard's explicit checks alone (all rules on);
- verifier: the learned verifier alone (riskiest claim >= its threshold);
- rules (kept): the explicit checks in GROUNDING_RULES alone;
- guard: rules gated by the verifier + the verifier (GROUNDING_VERIFIER=true).
Per-rule precision (answers it flags that are not supported) is reported for every rule.

Timing (separate pass, caches cleared = cold, then the same passages again = warm): per answer and
per sentence, p50/p95, previous guard and guard, with 5 corpus passages and 3-sentence answers.
Quality rows share one memo of embeddings (same model, same text, same vector) to save CPU.
Writes bench/results/grounding.json and bench/results/grounding.md."""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

RESULTS = REPO / "bench" / "results"
POLICY_SETS = [f"policy_claims_v{i}" for i in range(1, 7)]
HELD_OUT = {"policy_claims_v5", "policy_claims_v6", "halueval"}
ALL_RULES = [
    "number_mismatch",
    "negation_mismatch",
    "answer_mismatch",
    "faq_polarity_mismatch",
    "only_mismatch",
    "binding_mismatch",
    "state_mismatch",
    "calendar_mismatch",
    "number_unsupported",
    "calendar_unsupported",
    "scope_mismatch",
]
DETECTORS = ["floor", "previous guard", "previous rules", "verifier", "rules (kept)", "guard"]
_TOKEN = re.compile(r"[a-z0-9]+")


def is_blind(name: str) -> bool:
    return name in HELD_OUT or "blind" in name


def load_named(name: str) -> list[dict[str, Any]]:
    """A policy-claims style set by name. A set that names its passages by reference
    (`passage_sections`: the E-Manual, whose text is read from the shared data at run time)
    gets them attached by its loader."""
    from core.datasets import load_cases

    cases = load_cases(name)
    if cases and "passages" not in cases[0] and "passage_sections" in cases[0]:
        from core.settings import get_settings
        from evaluation.emanual_claims import DATASET
        from evaluation.emanual_claims import load_cases as with_passages

        if name != DATASET:
            raise ValueError(f"{name}: cases name passage_sections, but no loader attaches them")
        return [dict(c) for c in with_passages(get_settings())]
    return cases


def ragtruth_cases(task: str, limit: int) -> list[dict[str, Any]]:
    from evaluation.grounding_training.data import RAGTRUTH, shared_data, source_text

    path = shared_data() / "ragtruth_dev" / RAGTRUTH[task]
    out: list[dict[str, Any]] = []
    rng = random.Random(0)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for rec in records:
        for j, r in enumerate(rec["responses"]):
            out.append(
                {
                    "id": f"{task}-{rec['source_id']}-{j}",
                    "question": "",
                    "answer": r["response"],
                    "passages": [source_text(rec["source"])],
                    "label": "unsupported" if r.get("labels") else "supported",
                }
            )
    rng.shuffle(out)
    return out[:limit] if limit else out


def load_set(name: str, args: argparse.Namespace) -> list[dict[str, Any]]:
    if name == "halueval":
        from core.grounding import halueval

        cases = list(halueval.cases("heldout", "both"))
        return cases[: 2 * args.limit] if args.limit else cases
    if name.startswith("ragtruth_"):
        return ragtruth_cases(name.removeprefix("ragtruth_"), args.ragtruth_limit)
    return load_named(name)


def available_sets() -> list[str]:
    from core.grounding import halueval
    from evaluation.grounding_training.data import ragtruth_available

    names = []
    for n in POLICY_SETS:
        try:
            load_named(n)
            names.append(n)
        except FileNotFoundError:
            continue
    if halueval.available():
        names.append("halueval")
    if ragtruth_available():
        names += ["ragtruth_summary", "ragtruth_data2text"]
    return names


class MemoEmbedder:
    """The embedder with a memo by text (quality rows only; timing uses the bare embedder)."""

    def __init__(self, inner: Any):
        self.inner = inner
        self.memo: dict[str, np.ndarray] = {}
        cache = REPO / ".data" / "grounding_training" / "embeddings.npz"
        if cache.is_file():  # vectors of the same model for the same texts (written by the training recipe)
            with np.load(cache) as z:
                self.memo = dict(zip(json.loads(str(z["texts"])), z["vectors"], strict=True))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def embed(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self.memo))
        if missing:
            for t, v in zip(missing, self.inner.embed(missing), strict=True):
                self.memo[t] = v
        if not texts:
            return np.zeros((0, self.inner.dim), dtype=np.float32)
        return np.stack([self.memo[t] for t in texts])


def floor_flags(answer: str, passages: list[str]) -> bool:
    from core.keywords import STOP_WORDS

    vocab = set(_TOKEN.findall(" ".join(passages).lower()))
    words = [w for w in _TOKEN.findall(answer.lower()) if w not in STOP_WORDS]
    if not words:
        return False
    return sum(w in vocab for w in words) / len(words) < 0.9


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, 100 * q)) if values else 0.0


def metrics(flags: list[bool], gold: list[bool]) -> dict[str, Any]:
    tp = sum(f and g for f, g in zip(flags, gold, strict=True))
    fp = sum(f and not g for f, g in zip(flags, gold, strict=True))
    fn = sum(g and not f for f, g in zip(flags, gold, strict=True))
    tn = sum(not f and not g for f, g in zip(flags, gold, strict=True))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    tnr = tn / (tn + fp) if tn + fp else 0.0
    return {
        "n": len(gold),
        "positives": tp + fn,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "balanced_accuracy": round((r + tnr) / 2, 4),
        "accuracy": round((tp + tn) / max(1, len(gold)), 4),
    }


def run_set(cases: list[dict[str, Any]], previous: Any, guard: Any) -> list[dict[str, Any]]:
    kept = guard.rules
    out = []
    for case in cases:
        q, a, ps = case["question"], case["answer"], case["passages"]
        prev = previous.analyse(q, a, ps)
        new = guard.analyse(q, a, ps)
        prev_rules = sorted({x.rule for x in prev if x.checkable and x.rule})
        risks = [1.0 - x.probability for x in new if x.checkable]
        flags = {
            "floor": floor_flags(a, ps),
            "previous guard": any(x.verdict.verdict != "supported" for x in prev),
            "previous rules": bool(prev_rules),
            "verifier": any(r >= guard.verifier.claim_threshold for r in risks),
            "rules (kept)": any(x.rule in kept for x in new if x.checkable and x.rule),
            "guard": any(x.verdict.verdict != "supported" for x in new),
        }
        out.append(
            {
                "id": case.get("id"),
                "label": case["label"],
                "flags": flags,
                "rules": prev_rules,
                "max_risk": round(max(risks, default=0.0), 4),
                "claims": [x.verdict.to_dict() for x in new],
            }
        )
    return out


def summarise(results: list[dict[str, Any]]) -> dict[str, Any]:
    gold = [r["label"] != "supported" for r in results]
    return {d: metrics([r["flags"][d] for r in results], gold) for d in DETECTORS}


def timing(previous: Any, guard: Any, n: int) -> dict[str, Any]:
    from core.grounding.claims import split_sentences
    from core.grounding.corpus_text import passages

    pool = [p.text for p in passages() if 150 <= p.words <= 250]
    answers = load_named("policy_claims_v1")
    rng = random.Random(7)
    cases = []
    for _ in range(n):
        a = rng.choice(answers)
        text = " ".join([a["answer"], *(rng.choice(answers)["answer"] for _ in range(2))])[:900]
        cases.append((a["question"], text, rng.sample(pool, 5)))
    out: dict[str, Any] = {"answers": n, "passages_per_answer": 5}
    for label, checker in (("previous guard", previous), ("guard", guard)):
        cold_a: list[float] = []
        warm_a: list[float] = []
        cold_s: list[float] = []
        warm_s: list[float] = []
        for q, text, ps in cases:
            for c in (checker._indexes, checker._vectors):
                c.clear()
            if checker.verifier is not None:
                checker.verifier._vectors.clear()
                checker.verifier._evidence.clear()
            t0 = time.perf_counter()
            checker.check(q, text, ps)
            cold_a.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            checker.check(q + " ", text + " ", ps)
            warm_a.append((time.perf_counter() - t0) * 1000)
            for i, s in enumerate(split_sentences(text)):
                if i == 0:  # sentence by sentence, as the stream checks them: first sentence cold
                    for c in (checker._indexes, checker._vectors):
                        c.clear()
                    if checker.verifier is not None:
                        checker.verifier._vectors.clear()
                        checker.verifier._evidence.clear()
                t0 = time.perf_counter()
                checker.check_claim(q, s + " ", ps)
                (cold_s if i == 0 else warm_s).append((time.perf_counter() - t0) * 1000)
        out[label] = {
            "answer_cold_p50": round(pct(cold_a, 0.5), 1),
            "answer_cold_p95": round(pct(cold_a, 0.95), 1),
            "answer_warm_p50": round(pct(warm_a, 0.5), 1),
            "answer_warm_p95": round(pct(warm_a, 0.95), 1),
            "sentence_cold_p50": round(pct(cold_s, 0.5), 1),
            "sentence_cold_p95": round(pct(cold_s, 0.95), 1),
            "sentence_warm_p50": round(pct(warm_s, 0.5), 1),
            "sentence_warm_p95": round(pct(warm_s, 0.95), 1),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default="", help="comma-separated set names (default: every available set)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N HaluEval lines")
    parser.add_argument("--ragtruth-limit", type=int, default=150, help="RAGTruth answers per task (0 = all 900)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads for the embedder")
    parser.add_argument("--timing-answers", type=int, default=30)
    parser.add_argument("--out", default="grounding", help="results file stem under bench/results/")
    parser.add_argument("--timing-only", action="store_true", help="only the timing pass")
    args = parser.parse_args(argv)

    import torch

    from core.clients import make_embedder
    from core.grounding.checker import GroundingChecker
    from core.settings import get_settings

    torch.set_num_threads(args.threads)
    settings = get_settings()
    bare = make_embedder(settings)
    memo = MemoEmbedder(bare)
    previous = GroundingChecker(
        settings.model_copy(update={"grounding_verifier": False, "grounding_rules": ",".join(ALL_RULES)}),
        embedder=memo,  # type: ignore[arg-type]
    )
    settings = settings.model_copy(update={"grounding_verifier": True})
    guard = GroundingChecker(settings, embedder=memo)  # type: ignore[arg-type]
    assert guard.verifier is not None, "the bench compares the verifier: GROUNDING_VERIFIER must be on"
    names = [] if args.timing_only else [s.strip() for s in args.sets.split(",") if s.strip()] or available_sets()
    report: dict[str, Any] = {
        "machine": {
            "cpu_count": os.cpu_count(),
            "torch_threads": args.threads,
            "python": platform.python_version(),
            "load_average_at_start": [round(v, 2) for v in os.getloadavg()],
        },
        "verifier": {k: guard.verifier.meta[k] for k in ("sha256", "thresholds", "commit", "head")},
        "rules_kept": sorted(guard.rules),
        "datasets": {},
    }
    rule_hits: dict[str, dict[str, int]] = {r: {"fired": 0, "correct": 0} for r in ALL_RULES}
    md_rows: list[str] = []
    for name in names:
        started = time.perf_counter()
        cases = load_set(name, args)
        results = run_set(cases, previous, guard)
        rows = summarise(results)
        status = "held out" if is_blind(name) else ("dev (trained on)" if name.startswith("ragtruth") else "dev")
        report["datasets"][name] = {"status": status, "rows": rows, "seconds": round(time.perf_counter() - started)}
        for r in results:
            for rule in r["rules"]:
                rule_hits[rule]["fired"] += 1
                rule_hits[rule]["correct"] += r["label"] != "supported"
        for det, m in rows.items():
            md_rows.append(
                f"| {name} ({status}) | {det} | {m['n']} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} "
                f"| {m['balanced_accuracy']:.3f} | {m['accuracy']:.3f} |"
            )
        if not is_blind(name):  # per-case verdicts only for development sets
            RESULTS.mkdir(parents=True, exist_ok=True)
            with (RESULTS / f"{args.out}_{name}.jsonl").open("w", encoding="utf-8") as fh:
                for r in results:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{name}: {len(cases)} answers, {report['datasets'][name]['seconds']} s", flush=True)
        write(report, rule_hits, md_rows, args)
    if args.timing_answers:
        report["timing"] = timing(
            previous.__class__(previous.settings, embedder=bare),
            guard.__class__(settings, embedder=bare),
            args.timing_answers,
        )
    print(write(report, rule_hits, md_rows, args))
    return 0


def write(report: dict[str, Any], rule_hits: dict[str, dict[str, int]], md_rows: list[str], args: Any) -> str:
    """Write bench/results/<out>.json and .md (after every set, so a stopped run keeps its rows)."""
    report["rule_precision"] = {
        r: {**v, "precision": round(v["correct"] / v["fired"], 3) if v["fired"] else None} for r, v in rule_hits.items()
    }
    report["machine"]["load_average_at_end"] = [round(v, 2) for v in os.getloadavg()]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.out}.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    t = report.get("timing", {"answers": 0})
    md = [
        "# Grounding guard benchmark",
        "",
        "Positive class = not supported; an answer is flagged when any of its claims is. `python bench/grounding.py`.",
        f"Machine: {os.cpu_count()} CPU cores shared with other jobs (load average "
        f"{report['machine']['load_average_at_start'][0]} at start, {report['machine']['load_average_at_end'][0]} at the "
        f"end), embedder on {args.threads} torch thread(s). Verifier sha256 {report['verifier']['sha256'][:16]}..., "
        f"threshold {report['verifier']['thresholds']['claim']}.",
        "",
        "| set | detector | n | precision | recall | F1 | balanced acc. | accuracy |",
        "|---|---|---|---|---|---|---|---|",
        *md_rows,
        "",
        "Per-rule precision (answers a rule flags, previous guard's rules, all sets above; kept: "
        + ", ".join(report["rules_kept"])
        + "):",
        "",
        "| rule | fired | not supported | precision |",
        "|---|---|---|---|",
        *[
            f"| {r} | {v['fired']} | {v['correct']} | {v['precision'] if v['precision'] is not None else '-'} |"
            for r, v in report["rule_precision"].items()
        ],
        "",
        f"Time on the CPU ({t['answers']} answers of 3 sentences, 5 corpus passages each), ms:",
        "",
        "| checker | answer cold p50 | p95 | answer warm p50 | p95 | sentence cold p50 | p95 | sentence warm p50 | p95 |",
        "|---|---|---|---|---|---|---|---|---|",
        *[
            f"| {k} | {v['answer_cold_p50']} | {v['answer_cold_p95']} | {v['answer_warm_p50']} | {v['answer_warm_p95']} "
            f"| {v['sentence_cold_p50']} | {v['sentence_cold_p95']} | {v['sentence_warm_p50']} | {v['sentence_warm_p95']} |"
            for k, v in t.items()
            if isinstance(v, dict)
        ],
    ]
    text = "\n".join(md) + "\n"
    (RESULTS / f"{args.out}.md").write_text(text, encoding="utf-8")
    return text


if __name__ == "__main__":
    raise SystemExit(main())

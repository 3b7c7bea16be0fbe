"""Leave-one-set-out estimate of the grounding guard with the policy sets as training data.

    python bench/grounding_cv.py [--cache DIR] [--verify] [--threads 1]

Folds: each of evaluation/datasets/policy_claims_v1..v4 held out in turn. Models, each scored with
the full guard (rules + classifier, positive = not supported) on the held-out set and on HaluEval
held-out (lines 1000-1999, paper protocol with seed 0, as bench/grounding.py):

- shipped: the classifier file in core/grounding/model (the same on every fold);
- base: `train_recipe` without policy answers (HaluEval 0-999 + perturbations), retrained now;
- policy: `train_recipe` on HaluEval 0-999 + perturbations + the other three policy sets (the
  threshold chosen on those three, nested leave-one-set-out).

The recipe on all four sets (`python -m evaluation.grounding_training.classifier_train --policy-sets`) has no held-out
policy set here; its HaluEval accuracy is reported. Scored once on the blind policy_claims_v5 it
was no better than the shipped model (F1 0.757 both), so the shipped model does not use it. Scores come from claims recorded once per answer (evaluation/grounding_training/records.py), which
give the verdicts of `GroundingChecker.check` without re-running it; `--verify` also runs `check`
with every fold's model on its held-out set and counts answers where the two differ. Writes
bench/results/grounding_cv.json and .md.
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.report import machine_line, write_results  # noqa: E402
from core.datasets import load_cases  # noqa: E402
from core.grounding import halueval  # noqa: E402
from core.grounding.classifier import SupportClassifier  # noqa: E402
from evaluation.grounding_training import classifier_train as train  # noqa: E402
from evaluation.grounding_training import records  # noqa: E402
from evaluation.grounding_training.records import AnswerRecord  # noqa: E402

HALUEVAL = "halueval_heldout"


def _cached(cache: Path | None, name: str, make: Any) -> list[AnswerRecord]:
    path = cache / f"{name}.jsonl" if cache else None
    if path and path.exists():
        return records.load(path)
    out: list[AnswerRecord] = make()
    if path:
        records.save(path, out)
    return out


def gather(cache: Path | None, threads: int) -> tuple[list[train.Row], dict[str, list[AnswerRecord]]]:
    """The base training claims and the recorded answers of v1-v4 and of HaluEval held-out."""
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    rows_path = cache / "base_rows.npz" if cache else None
    checker = None

    def recorder() -> Any:
        nonlocal checker
        checker = checker or records.make_recorder(threads)
        return checker

    if rows_path and rows_path.exists():
        rows = train._load_rows(rows_path)
    else:
        rows = train.collect(recorder(), 13)
        if rows_path:
            train._save_rows(rows_path, rows)
    sets = {
        name: _cached(cache, name, lambda n=name: records.record_cases(recorder(), load_cases(n), n))
        for name in records.POLICY_SETS
    }
    chosen = {c["id"] for c in halueval.cases("heldout", "random", seed=0)}
    cases = [c for c in halueval.cases("heldout", "both") if c["id"] in chosen]
    sets[HALUEVAL] = _cached(cache, HALUEVAL, lambda: records.record_cases(recorder(), cases, HALUEVAL))
    return rows, sets


def score(model: SupportClassifier, answers: list[AnswerRecord]) -> dict[str, float]:
    flagged = records.flags(answers, records.support(model, answers), model.threshold)
    return records.metrics(flagged, [a.gold_flag for a in answers])


@functools.cache
def _checker(threads: int) -> Any:
    import torch

    from core.clients import make_embedder
    from core.grounding.checker import GroundingChecker
    from core.settings import get_settings

    torch.set_num_threads(threads)
    settings = get_settings()
    return GroundingChecker(settings, embedder=make_embedder(settings), classifier=SupportClassifier.load())


def verify(model: SupportClassifier, answers: list[AnswerRecord], name: str, threads: int) -> int:
    """Answers where `GroundingChecker.check` (cold, as bench/grounding.py) and the records disagree."""
    checker = _checker(threads)
    checker.classifier, checker.threshold = model, model.threshold
    expected = records.flags(answers, records.support(model, answers), model.threshold)
    differ = 0
    for case, flag in zip(load_cases(name), expected, strict=True):
        checker._indexes.clear()
        checker._vectors.clear()
        differ += checker.check(case["question"], case["answer"], case["passages"]).grounded == flag
    return differ


def run(rows: list[train.Row], sets: dict[str, list[AnswerRecord]], check: bool, threads: int) -> dict[str, Any]:
    models = {"shipped": SupportClassifier.load(), "base": train.train_recipe(rows, [])}
    folds: dict[str, dict[str, Any]] = {}
    for held in records.POLICY_SETS:
        others = [a for name in records.POLICY_SETS if name != held for a in sets[name]]
        fold = {**models, "policy": train.train_recipe(rows, others)}
        folds[held] = {
            name: {
                "threshold": m.threshold,
                **score(m, sets[held]),
                "halueval_accuracy": score(m, sets[HALUEVAL])["accuracy"],
            }
            for name, m in fold.items()
        }
        if check:
            folds[held]["policy"]["verify_differ"] = verify(fold["policy"], sets[held], held, threads)
    start = time.perf_counter()
    final = train.train_recipe(rows, [a for name in records.POLICY_SETS for a in sets[name]])
    return {
        "folds": folds,
        "mean": {
            name: {
                k: round(statistics.fmean(f[name][k] for f in folds.values()), 4) for k in ("precision", "recall", "f1")
            }
            for name in ("shipped", "base", "policy")
        },
        "recipe": {
            "threshold": final.threshold,
            "halueval_accuracy": score(final, sets[HALUEVAL])["accuracy"],
            "fit_seconds": round(time.perf_counter() - start, 1),
        },
    }


def markdown(result: dict[str, Any], machine: str) -> str:
    lines = [
        "# Grounding guard: leave-one-policy-set-out",
        "",
        "Full guard (rules + classifier), positive = not supported. `policy`: trained on HaluEval 0-999 + perturbations"
        " + the other three policy sets; `base`: the same recipe without policy sets; `shipped`: the model file."
        " HaluEval: held-out lines 1000-1999, paper protocol (seed 0), accuracy.",
        f"Machine: {machine}.",
        "",
        "| held out | model | threshold | n | precision | recall | F1 | HaluEval acc |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for held, fold in result["folds"].items():
        for name, m in fold.items():
            lines.append(
                f"| {held} | {name} | {m['threshold']:.3f} | {m['n']} | {m['precision']:.3f} | {m['recall']:.3f} "
                f"| {m['f1']:.3f} | {m['halueval_accuracy']:.3f} |"
            )
    for name, m in result["mean"].items():
        lines.append(f"| mean | {name} | | | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | |")
    r = result["recipe"]
    lines += [
        "",
        f"Recipe on all four sets (`--policy-sets`, not shipped): threshold {r['threshold']:.2f}, HaluEval held-out accuracy "
        f"{r['halueval_accuracy']:.3f}, fitted in {r['fit_seconds']:.0f} s (featurisation not included).",
    ]
    differ = [f["policy"]["verify_differ"] for f in result["folds"].values() if "verify_differ" in f["policy"]]
    if differ:
        lines.append(f"Verified against GroundingChecker.check: {sum(differ)} answers differ.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, help="folder for the featurised claims and records (reused if present)")
    parser.add_argument("--verify", action="store_true", help="also run GroundingChecker.check on every fold")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)
    if not halueval.available():
        print(f"HaluEval data missing at {halueval.data_file()}", file=sys.stderr)
        return 2
    load = os.getloadavg()
    start = time.perf_counter()
    rows, sets = gather(args.cache, args.threads)
    result = run(rows, sets, args.verify, args.threads)
    result["seconds"] = round(time.perf_counter() - start, 1)
    write_results("grounding_cv", result, markdown(result, machine_line(load)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The long schemathesis run of issue 19 (>= 2,000 cases): tests/integration/test_hardening_fuzz.py
with RAGDESK_FUZZ_EXAMPLES cases per operation against the real app (demo collection, a throwaway
Redis, a valid key, the fake answer model), each case's status tallied. Prints a table and writes
bench/results/fuzz.json and fuzz.md.

    nice -n 10 .venv/bin/python -m bench.fuzz --examples 200
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=200, help="hypothesis examples per operation")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ragdesk-fuzz-") as tmp:
        report = Path(tmp) / "cases.jsonl"
        env = {**os.environ, "RAGDESK_FUZZ_EXAMPLES": str(args.examples), "RAGDESK_FUZZ_REPORT": str(report)}
        started = time.monotonic()
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "tests/integration/test_hardening_fuzz.py",
                "-q",
                "-p",
                "no:cacheprovider",
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        elapsed = time.monotonic() - started
        rows = [json.loads(line) for line in report.read_text().splitlines()] if report.exists() else []
    tail = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr[-500:]
    by_op: dict[str, collections.Counter[int]] = collections.defaultdict(collections.Counter)
    for row in rows:
        by_op[row["operation"]][row["status"]] += 1
    total = collections.Counter(row["status"] for row in rows)
    server_errors = sum(n for status, n in total.items() if status >= 500 and status != 503)
    lines = [
        f"# schemathesis run: {len(rows)} cases, {args.examples} examples per operation, {elapsed:.0f} s",
        "",
        f"pytest: {tail}",
        f"5xx other than a documented 503: {server_errors}",
        f"load average at the end: {os.getloadavg()[0]:.2f} (1 min)",
        "",
        "| operation | cases | statuses |",
        "|---|---:|---|",
    ]
    for op, counts in sorted(by_op.items()):
        statuses = ", ".join(f"{s}: {n}" for s, n in sorted(counts.items()))
        lines.append(f"| {op} | {sum(counts.values())} | {statuses} |")
    lines.append(f"| all | {len(rows)} | {', '.join(f'{s}: {n}' for s, n in sorted(total.items()))} |")
    text = "\n".join(lines)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "fuzz.md").write_text(text + "\n")
    (RESULTS / "fuzz.json").write_text(
        json.dumps(
            {
                "cases": len(rows),
                "examples_per_operation": args.examples,
                "seconds": round(elapsed, 1),
                "pytest": tail,
                "returncode": run.returncode,
                "server_errors": server_errors,
                "statuses": {str(k): v for k, v in sorted(total.items())},
                "by_operation": {op: {str(k): v for k, v in sorted(c.items())} for op, c in sorted(by_op.items())},
            },
            indent=2,
        )
        + "\n"
    )
    return 0 if run.returncode == 0 and server_errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""`ragdesk grounding check` on the seed's laptop case, and its input errors."""

import json
import subprocess
import sys
from pathlib import Path

from core.settings import REPO_ROOT

PASSAGE = (
    "Electronics (laptops, phones, tablets, cameras, headphones and smart-home devices) can be returned within "
    "30 days of delivery. Opened electronics carry a 15% restocking fee unless they are faulty."
)


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orchestration.cli", "grounding", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
    )


def test_batch_check_flags_the_laptop_case(tmp_path: Path) -> None:
    cases = [
        {
            "id": "wrong",
            "question": "Can I return a laptop after 45 days?",
            "answer": "Yes, you can return the laptop within 45 days.",
            "passages": [PASSAGE],
            "label": "contradicted",
        },
        {
            "id": "right",
            "question": "How long do I have to return a laptop?",
            "answer": "You have 30 days from delivery to return a laptop.",
            "passages": [PASSAGE],
            "label": "supported",
        },
    ]
    source = tmp_path / "cases.jsonl"
    source.write_text("\n".join(json.dumps(c) for c in cases) + "\n")
    out = tmp_path / "verdicts.jsonl"
    result = run(["check", "--in", str(source), "--out", str(out)])
    assert result.returncode == 0, result.stderr
    verdicts = {v["id"]: v for v in map(json.loads, out.read_text().splitlines())}
    assert verdicts["wrong"]["grounded"] is False
    claim = verdicts["wrong"]["claims"][0]
    assert claim["verdict"] == "contradicted" and "30 days" in claim["evidence"]
    assert verdicts["right"]["grounded"] is True
    assert "precision" in result.stdout and "contradicted" in result.stdout


def test_batch_check_rejects_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"question": "q", "answer": "a", "passages": ["p"]}\n{"question": "broken"\n')
    result = run(["check", "--in", str(bad), "--out", str(tmp_path / "o.jsonl")])
    assert result.returncode == 2
    assert "line 2" in result.stderr
    missing = run(["check", "--in", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o.jsonl")])
    assert missing.returncode == 2 and "does not exist" in missing.stderr

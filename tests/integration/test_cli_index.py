"""`ragdesk index PATH` as a user runs it: bad files are reported, the rest is indexed, exit code 3."""

import os
from pathlib import Path

import pytest

from tests.integration.cli import cli_env, run_cli


@pytest.mark.slow
def test_index_reports_bad_files_and_keeps_the_rest(tmp_path: Path, small_corpus: Path) -> None:
    env = cli_env(tmp_path)
    first = run_cli(["index", "--quiet", str(small_corpus)], env)
    assert first.returncode == 0, first.stderr
    indexed_line = next(line for line in first.stdout.splitlines() if line.startswith("collection:"))

    bad = small_corpus / "bad"
    bad.mkdir()
    (bad / "empty.md").write_bytes(b"")
    (bad / "latin1.txt").write_bytes("Rückgabe innerhalb von 30 Tagen, très simple".encode("latin-1"))
    (bad / "huge.txt").write_bytes(b"word " * (50 * 1024 * 1024 // 5))
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 40, 40)
    pdf.output(str(bad / "scanned.pdf"))
    (small_corpus / "helpcentre" / "fresh.md").write_text("# Fresh\n\nA new article about parcel lockers.\n")

    second = run_cli(["index", "--quiet", str(small_corpus)], env)
    assert second.returncode == 3, second.stdout + second.stderr
    out = second.stdout
    assert "FAILED bad/empty.md: file is empty" in out
    assert "FAILED bad/latin1.txt: not valid UTF-8" in out
    assert "FAILED bad/huge.txt: file is 52.4 MB, over the 21 MB limit" in out
    assert "FAILED bad/scanned.pdf: PDF has no text layer" in out
    assert "new: 1" in out and "failed: 4" in out

    status = run_cli(["status"], env)
    assert status.returncode == 0
    count_before = int(indexed_line.split()[1])
    assert f"{count_before + 1} chunks" in status.stdout or f"{count_before + 2} chunks" in status.stdout


def test_index_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    env = {**os.environ, "RAGDESK_MILVUS_URI": str(tmp_path / "milvus.db"), "RAGDESK_DATA_DIR": str(tmp_path / "data")}
    result = run_cli(["index", str(tmp_path / "nope")], env)
    assert result.returncode == 2
    assert "is not a folder" in result.stderr

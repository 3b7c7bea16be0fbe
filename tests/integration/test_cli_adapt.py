"""`ragdesk adapt-embedder` as an operator runs it: index, adapt on the indexed chunks, point
EMBED_MODEL_PATH at the result, and the next index run re-embeds every document with it."""

import json
from pathlib import Path

import pytest

from tests.integration.cli import cli_env, run_cli


@pytest.mark.slow
def test_adapted_model_is_written_and_triggers_a_full_reindex(tmp_path: Path, small_corpus: Path) -> None:
    env = cli_env(tmp_path, EMBED_THREADS="2")
    out = tmp_path / "adapted"
    empty = run_cli(["adapt-embedder", "--out", str(out)], env)
    assert empty.returncode == 2 and "run `ragdesk index` first" in empty.stderr

    first = run_cli(["index", "--quiet", str(small_corpus)], env)
    assert first.returncode == 0, first.stderr
    documents = int(first.stdout.split("new: ")[1].split()[0])

    adapted = run_cli(["adapt-embedder", "--out", str(out), "--batch-size", "8"], env)
    assert adapted.returncode == 0, adapted.stderr
    assert f"EMBED_MODEL_PATH={out.resolve()}" in adapted.stdout
    manifest = json.loads((out / "adaptation.json").read_text())
    assert manifest["pairs"] > 8 and manifest["loss_by_epoch"][0] > 0
    assert len(manifest["model_sha256"]) == 64
    assert (out / "model.safetensors").stat().st_size > 10_000_000

    again = run_cli(["adapt-embedder", "--out", str(out)], env)
    assert again.returncode == 2 and "not an empty folder" in again.stderr  # never overwrites a model

    with_model = {**env, "EMBED_MODEL_PATH": str(out)}
    status = run_cli(["status"], with_model)
    assert "index settings changed" in status.stdout
    reindexed = run_cli(["index", "--quiet", str(small_corpus)], with_model)
    assert reindexed.returncode == 0, reindexed.stderr
    assert f"changed: {documents}" in reindexed.stdout or "full resync" in reindexed.stdout, reindexed.stdout
    unchanged = run_cli(["index", "--quiet", str(small_corpus)], with_model)
    assert f"unchanged: {documents}" in unchanged.stdout, unchanged.stdout

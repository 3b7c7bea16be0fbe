"""Datasets are data: one folder per dataset with its cases and a card; the policy-claims sets
rebuild byte for byte from what their writers wrote; the published files never change."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from core.datasets import CARD_FILE, cases_path, dataset_names, load_cases
from core.settings import REPO_ROOT
from evaluation import policy_claims
from evaluation.golden import load_golden

ROOT = REPO_ROOT / "evaluation" / "datasets"
# sha256 of each published cases file (identical to the files before they moved into folders)
FROZEN = {
    "demo_golden_v1": "1a9343ac2247a98367371c8af5625fb74750e3e3ec28bfee34d61276be30f620",
    "policy_claims_v1": "3a276e5963f761a96d07f550ec0c0f36bc9a2dec8131e80623c02183155da246",
    "policy_claims_v2": "78ab54309d64d1804ad118073cea94746cb346d11081d923f066f0d5e82fc344",
    "policy_claims_v3": "02a06d345b3c08e076e4501a02ccb801dcfb8673f35f3394700ca1cc41acae54",
    "policy_claims_v4": "e70e69b6b7b2a329302b95dfbc0a67ad2fa92dd910f690e92824d41c5716fe9e",
    "policy_claims_v5": "4df27e3671b9609b696c270e836d17f235289cc8cd31f269be6e7de1af2b6e74",
    "policy_claims_v6": "eafd6e65b4fb16fa27df6efb786a65238ef64ff3d92e651412f0172d2cc48b79",
    "helpdesk_blind_v2": "e00bd91cd6d05386e2c2c158930185952fa834c6c3879008ed5cc08c55b24c09",
    "telco_blind_v3": "4ccbab01736b9163fa2d2d0624683385d38d529631c9a91c85cf326929880285",
    "furniture_blind_v4": "ffcfba7c8fc05cc7a9c2d26b82a9d87984f871a3279b0ee9ef5dfb327367abd4",
    "petshop_blind_v5": "b885a76185d2534519dd1d5695618b1e587755a5639f314e44398695adc62742",
    "outdoor_blind_v6": "88586b915dd2c4d9e565c0ba818f6a3022d7b68408f4d60f82979e5e4640d3c3",
    "cycle_blind_v7": "dbe6149ca6ba8ef3455f32d2b88ff8f4dc02a6a4686156b09b334cec9983be8a",
    "gadget_blind_v8": "8473e27936a7fcf74e0e445a8443103c248d5b4aeeae22ab6e40ce080c217ccd",
    "books_blind_v9": "e02331af485b703243aeeb45531ad405c19525502713f6624daef23815dda722",
    "hostile_v1": "65d4abc23f2d2cac1ead2575d248c699a288859367f9ec8faa689a0acb4dbedb",
}


@pytest.mark.parametrize("name", sorted(FROZEN))
def test_published_cases_never_change(name: str) -> None:
    assert hashlib.sha256(cases_path(name, ROOT).read_bytes()).hexdigest() == FROZEN[name]


def test_every_dataset_is_a_folder_with_cases_and_a_card() -> None:
    names = dataset_names(ROOT)
    assert set(FROZEN) <= set(names)
    for name in names:
        assert (ROOT / name / CARD_FILE).is_file(), f"{name} has no {CARD_FILE}"
        assert load_cases(name, ROOT), f"{name} has no cases"
    assert not list(ROOT.glob("*.py")), "datasets are data: no Python builders in the datasets folder"


def test_policy_claims_rebuild_from_their_source() -> None:
    from core.grounding.corpus_text import passages

    pool = [p.text for p in passages()]
    names = [n for n in dataset_names(ROOT) if (ROOT / n / policy_claims.SOURCE_FILE).is_file()]
    assert {f"policy_claims_v{v}" for v in range(1, 7)} <= set(names)
    for name in names:
        lines = (ROOT / name / policy_claims.SOURCE_FILE).read_text(encoding="utf-8").splitlines()
        rebuilt = policy_claims.render(policy_claims.build_rows([json.loads(x) for x in lines], pool))
        assert rebuilt == cases_path(name, ROOT).read_text(encoding="utf-8"), name


def test_build_refuses_to_overwrite_and_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "policy_claims_v9"
    folder.mkdir()
    src = json.loads(
        (ROOT / "policy_claims_v1" / policy_claims.SOURCE_FILE).read_text(encoding="utf-8").splitlines()[0]
    )
    (folder / policy_claims.SOURCE_FILE).write_text(json.dumps(src) + "\n", encoding="utf-8")
    assert policy_claims.main(["policy_claims_v9", "--root", str(tmp_path)]) == 0
    assert load_cases("policy_claims_v9", tmp_path)[0] == load_cases("policy_claims_v1", ROOT)[0]
    with pytest.raises(SystemExit, match="exists"):
        policy_claims.main(["policy_claims_v9", "--root", str(tmp_path)])
    assert policy_claims.main(["policy_claims_v9", "--root", str(tmp_path), "--check"]) == 0
    cases_path("policy_claims_v9", tmp_path).write_text("{}\n", encoding="utf-8")
    assert policy_claims.main(["policy_claims_v9", "--root", str(tmp_path), "--check"]) == 1
    assert "DIFFERS" in capsys.readouterr().out


def test_names_and_legacy_file_names_resolve(tmp_path: Path) -> None:
    assert cases_path("demo_golden_v1", ROOT) == ROOT / "demo_golden_v1" / "cases.jsonl"
    assert cases_path("old.jsonl", tmp_path) == tmp_path / "old.jsonl"
    with pytest.raises(FileNotFoundError, match="nope"):
        load_cases("nope", tmp_path)
    assert len(load_golden(cases_path("demo_golden_v1", ROOT))) == 165

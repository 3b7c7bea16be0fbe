"""`POST /v1/grounding/check` on the seed's laptop case, its size limits and errors, and the two
entry points (API and batch command) giving the same verdicts from the same checker."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from core.settings import REPO_ROOT
from core.testing.fake_llm import RIGHT_LAPTOP_ANSWER, WRONG_LAPTOP_ANSWER
from tests.conftest import ThreadedUvicorn

LAPTOP = "Can I return a laptop after 45 days?"
ELECTRONICS = REPO_ROOT / "corpus" / "lumen-market" / "helpcentre" / "returns" / "electronics-returns.md"


def laptop_passage() -> str:
    text = ELECTRONICS.read_text(encoding="utf-8")
    return text[text.index("## Return window") : text.index("### Unopened items")]


def check(url: str, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{url}/v1/grounding/check", json=body, timeout=120)


def test_laptop_case_wrong_and_right(guard_api: ThreadedUvicorn) -> None:
    body = {"question": LAPTOP, "answer": WRONG_LAPTOP_ANSWER, "passages": [laptop_passage()]}
    response = check(guard_api.url, body)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["grounded"] is False and result["verdict"] == "contradicted"
    assert result["elapsed_ms"] > 0
    (claim,) = result["claims"]
    assert claim["text"] == WRONG_LAPTOP_ANSWER and claim["verdict"] == "contradicted"
    assert claim["evidence"] == "You can return electronics within 30 days of delivery."
    assert 0 <= claim["score"] <= 1 and claim["reasons"]

    right = check(guard_api.url, {**body, "answer": RIGHT_LAPTOP_ANSWER}).json()
    assert right["grounded"] is True and [c["verdict"] for c in right["claims"]] == ["supported"]


def test_api_and_guard_share_one_checker(guard_api: ThreadedUvicorn) -> None:
    services = guard_api.app.state.services
    (guard,) = services.rag.stages
    assert guard.runner is services.grounding


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"question": LAPTOP, "answer": "  ", "passages": ["x"]}, "empty_answer"),
        ({"question": LAPTOP, "answer": "Yes.", "passages": []}, "no_passages"),
        ({"question": LAPTOP, "answer": "Yes.", "passages": ["a passage."] * 21}, "too_many_passages"),
        ({"question": LAPTOP, "answer": "Yes.", "passages": ["ok", "y" * 8001]}, "passage_too_long"),
        ({"question": LAPTOP, "answer": "Yes.", "passages": ["ok", " "]}, "empty_passage"),
        ({"question": LAPTOP, "answer": "z" * 8001, "passages": ["ok"]}, "answer_too_long"),
        ({"question": "q" * 4001, "answer": "Yes.", "passages": ["ok"]}, "question_too_long"),
        ({"question": LAPTOP, "passages": ["ok"]}, "invalid_request"),
        ({"question": LAPTOP, "answer": "Yes.", "passages": "one passage"}, "invalid_request"),
        ({"question": LAPTOP, "answer": "Yes.", "passages": [1, 2]}, "invalid_request"),
        ({"answer": "Yes.", "passages": ["ok"], "context": "?"}, "invalid_request"),
    ],
)
def test_errors_are_400_with_a_named_limit(guard_api: ThreadedUvicorn, body: dict[str, Any], code: str) -> None:
    response = check(guard_api.url, body)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["message"]
    if code.endswith(("_long", "many_passages")):
        assert "GROUNDING_MAX" in error["message"] or "MAX_QUESTION_CHARS" in error["message"]


def test_malformed_json_is_a_400(guard_api: ThreadedUvicorn) -> None:
    response = httpx.post(
        f"{guard_api.url}/v1/grounding/check", content=b'{"answer": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400 and "JSON" in response.json()["error"]["message"]


def test_batch_entry_point_gives_the_api_verdicts(guard_api: ThreadedUvicorn, tmp_path: Path) -> None:
    """`ragdesk grounding check --in cases.jsonl --out verdicts.jsonl` (core.grounding.batch)
    and the API agree on the laptop case."""
    from core.grounding.batch import run_batch

    cases = [
        {"id": "laptop-wrong", "question": LAPTOP, "answer": WRONG_LAPTOP_ANSWER, "passages": [laptop_passage()]},
        {"id": "laptop-right", "question": LAPTOP, "answer": RIGHT_LAPTOP_ANSWER, "passages": [laptop_passage()]},
    ]
    source = tmp_path / "cases.jsonl"
    source.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    out = tmp_path / "verdicts.jsonl"
    checker = guard_api.app.state.services.grounding.checker
    summary = run_batch(source, out, checker)
    assert summary["cases"] == 2
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for case, row in zip(cases, rows, strict=True):
        body = {k: case[k] for k in ("question", "answer", "passages")}
        api = check(guard_api.url, body).json()
        assert row["id"] == case["id"]
        assert row["grounded"] == api["grounded"] and row["verdict"] == api["verdict"]
        assert [c["verdict"] for c in row["claims"]] == [c["verdict"] for c in api["claims"]]

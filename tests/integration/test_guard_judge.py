"""The optional LLM judge against a real OpenAI-compatible server process (the project's local
llama.cpp server). The 135M model's verdicts are not worth trusting (MODELS.md), so these tests
prove the wiring, not the judgement: a readable verdict comes back for every claim in scope
(the JSON schema constrains even this model), it reaches the API's response, a judge that
cannot be reached leaves the guard's own verdicts, and this model fails the start-up self-test
(it calls every claim SUPPORTED), so a guard pointed at it runs without a judge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from core.grounding.checker import GroundingChecker
from core.settings import Settings
from core.testing.fake_llm import WRONG_LAPTOP_ANSWER
from tests.conftest import LocalLLMServer, free_port, guarded_api
from tests.integration.test_guard_check_api import LAPTOP, laptop_passage

ANSWER = f"{WRONG_LAPTOP_ANSWER} Laptops that are opened but not faulty carry a restocking fee."


def test_every_claim_gets_a_readable_verdict_from_a_real_judge_server(
    llm_server: LocalLLMServer, embedder: Any
) -> None:
    settings = Settings(
        GROUNDING_JUDGE_BASE_URL=llm_server.base_url,
        GROUNDING_JUDGE_SCOPE="all",
        GROUNDING_JUDGE_TIMEOUT_S=120,
        GROUNDING_JUDGE_SELF_TEST=False,  # it would fail (see the last test)
    )
    result = GroundingChecker(settings, embedder=embedder).check(LAPTOP, ANSWER, [laptop_passage()])
    assert len(result.claims) == 2
    for claim in result.claims:
        assert claim.reasons[-1] in {"judge: supported", "judge: contradicted", "judge: unsupported"}, claim
        assert claim.verdict == claim.reasons[-1].removeprefix("judge: ")
    # the rule's own finding stays visible to a reviewer whatever the judge said
    assert any(r.startswith("number_mismatch: 45 days vs 30 days") for r in result.claims[0].reasons)


def test_an_unreachable_judge_leaves_the_guards_verdicts(embedder: Any) -> None:
    dead = f"http://127.0.0.1:{free_port()}/v1"
    settings = Settings(GROUNDING_JUDGE_BASE_URL=dead, GROUNDING_JUDGE_SCOPE="all", GROUNDING_JUDGE_TIMEOUT_S=2)
    with_judge = GroundingChecker(settings, embedder=embedder).check(LAPTOP, ANSWER, [laptop_passage()])
    without = GroundingChecker(Settings(), embedder=embedder).check(LAPTOP, ANSWER, [laptop_passage()])
    assert [c.to_dict() for c in with_judge.claims] == [c.to_dict() for c in without.claims]
    assert with_judge.claims[0].verdict == "contradicted" and with_judge.grounded is False


def test_the_api_builds_the_judge_from_its_settings(
    demo_index: Settings, embedder: Any, fake_llm: Any, llm_server: LocalLLMServer, tmp_path: Path
) -> None:
    with guarded_api(
        demo_index,
        embedder,
        fake_llm.url,
        tmp_path,
        grounding_judge_base_url=llm_server.base_url,
        grounding_judge_scope="flagged",
        grounding_judge_timeout_s=120.0,
        grounding_judge_self_test=False,
    ) as server:
        body = {"question": LAPTOP, "answer": WRONG_LAPTOP_ANSWER, "passages": [laptop_passage()]}
        response = httpx.post(f"{server.url}/v1/grounding/check", json=body, timeout=180)
    assert response.status_code == 200, response.text
    (claim,) = response.json()["claims"]
    assert claim["reasons"][0].startswith("number_mismatch") and claim["reasons"][-1].startswith("judge: ")


def test_the_cpu_model_fails_the_self_test_and_is_not_used_as_a_judge(
    llm_server: LocalLLMServer, embedder: Any, caplog: Any
) -> None:
    settings = Settings(GROUNDING_JUDGE_BASE_URL=llm_server.base_url, GROUNDING_JUDGE_TIMEOUT_S=120)
    with caplog.at_level("ERROR", logger="core.grounding.judge"):
        checker = GroundingChecker(settings, embedder=embedder)
    assert checker.judge is None
    assert "failed its self-test" in caplog.text and "45 days" in caplog.text

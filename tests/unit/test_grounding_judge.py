"""The optional LLM judge, with a fake OpenAI-compatible client (no server needed)."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any, cast

import numpy as np

from core.grounding.checker import GroundingChecker
from core.grounding.classifier import SupportClassifier
from core.grounding.features import FEATURE_NAMES
from core.grounding.judge import CANARIES, LLMJudge, in_scope, judge_context, make_judge, self_test
from core.settings import Settings


class FakeClient:
    def __init__(self, reply: str | Exception) -> None:
        self.reply = reply
        self.prompts: list[str] = []
        self.chat = SimpleNamespace(completions=SimpleNamespace(create=self._create))

    def _create(self, **kwargs: Any) -> Any:
        self.prompts.append(kwargs["messages"][0]["content"])
        if isinstance(self.reply, Exception):
            raise self.reply
        return SimpleNamespace(choices=[SimpleNamespace(message=SimpleNamespace(content=self.reply))])


def test_judge_parses_answers() -> None:
    assert LLMJudge("", "m", client=FakeClient("CONTRADICTED.")).judge("q", "c", ["e"]) == "contradicted"
    assert LLMJudge("", "m", client=FakeClient("Supported")).judge("q", "c", ["e"]) == "supported"
    assert LLMJudge("", "m", client=FakeClient("NOT_FOUND")).judge("q", "c", ["e"]) == "unsupported"
    assert LLMJudge("", "m", client=FakeClient("maybe?")).judge("q", "c", ["e"]) is None
    assert LLMJudge("", "m", client=FakeClient(TimeoutError("slow"))).judge("q", "c", ["e"]) is None


def test_judge_off_by_default() -> None:
    assert make_judge(Settings()) is None
    assert make_judge(Settings(GROUNDING_JUDGE_BASE_URL="http://127.0.0.1:9/v1")) is not None


class FakeEmbedder:
    def embed(self, texts: list[str]) -> np.ndarray:
        return np.zeros((len(texts), 384), dtype=np.float32)


def test_checker_asks_the_judge_only_in_the_uncertain_band() -> None:
    n = len(FEATURE_NAMES)
    neutral = SupportClassifier(FEATURE_NAMES, np.zeros(n), np.ones(n), np.zeros(n), 0.0, 0.4, {})  # p = 0.5 always
    client = FakeClient("NOT_FOUND")
    # the judge's band is read on the previous classifier's probability (pinned to 0.5 here), so the
    # learned verifier is off in these tests
    checker = GroundingChecker(
        Settings(GROUNDING_VERIFIER=False),
        embedder=cast(Any, FakeEmbedder()),
        classifier=neutral,
        judge=LLMJudge("", "m", client=client),
    )
    claim = checker.check_claim("q", "Installation is always included.", ["Standard delivery takes 3-5 business days."])
    assert claim.verdict == "unsupported" and "judge: unsupported" in claim.reasons
    assert len(client.prompts) == 1 and "Installation is always included." in client.prompts[0]
    # an explicit contradiction is decided without the judge
    contradicted = checker.check_claim(
        "q", "Standard delivery takes 7-9 business days.", ["Standard delivery takes 3-5 business days."]
    )
    assert contradicted.verdict == "contradicted" and len(client.prompts) == 1


def _checker(client: Any, **settings: Any) -> GroundingChecker:
    n = len(FEATURE_NAMES)
    neutral = SupportClassifier(FEATURE_NAMES, np.zeros(n), np.ones(n), np.zeros(n), 0.0, 0.4, {})  # p = 0.5 always
    return GroundingChecker(
        Settings(GROUNDING_VERIFIER=False, **settings),
        embedder=cast(Any, FakeEmbedder()),
        classifier=neutral,
        judge=LLMJudge("", "m", client=client),
    )


PASSAGE = "Standard delivery takes 3-5 business days."


def test_flagged_scope_lets_the_judge_clear_a_rule_but_keeps_the_rule_in_the_reasons() -> None:
    client = FakeClient("SUPPORTED")
    checker = _checker(client, GROUNDING_JUDGE_SCOPE="flagged")
    claim = checker.check_claim("q", "Standard delivery takes 7-9 business days.", [PASSAGE])
    assert claim.verdict == "supported" and claim.score >= 0.5
    assert any(r.startswith("number_mismatch") for r in claim.reasons) and claim.reasons[-1] == "judge: supported"
    assert len(client.prompts) == 1


def test_flagged_scope_never_sends_a_confident_pass_to_the_judge() -> None:
    assert in_scope("flagged", "supported", "", 0.9, 0.2, 0.8) is False
    assert in_scope("flagged", "contradicted", "number_mismatch", 0.05, 0.2, 0.8) is True
    assert in_scope("flagged", "unsupported", "", 0.1, 0.2, 0.8) is True
    assert in_scope("uncertain", "unsupported", "", 0.1, 0.2, 0.8) is False
    assert in_scope("uncertain", "contradicted", "number_mismatch", 0.5, 0.2, 0.8) is False
    assert in_scope("uncertain", "supported", "", 0.5, 0.2, 0.8) is True
    assert in_scope("all", "supported", "", 0.99, 0.2, 0.8) is True


def test_a_failing_judge_leaves_the_checks_verdicts() -> None:
    answer = "Standard delivery takes 7-9 business days. Installation is always included."
    without = GroundingChecker(
        Settings(GROUNDING_VERIFIER=False),
        embedder=cast(Any, FakeEmbedder()),
        classifier=_checker(FakeClient("x")).classifier,
    ).check("q", answer, [PASSAGE])
    client = FakeClient(TimeoutError("slow"))
    with_failing = _checker(client, GROUNDING_JUDGE_SCOPE="all").check("q", answer, [PASSAGE])
    assert [c.verdict for c in with_failing.claims] == [c.verdict for c in without.claims]
    assert [c.reasons for c in with_failing.claims] == [c.reasons for c in without.claims]
    assert len(client.prompts) == 2


def test_the_judge_reads_the_whole_answer_and_the_passages() -> None:
    client = FakeClient("NOT_FOUND")
    answer = "Standard delivery takes 3-5 business days. Installation is always included."
    other = "Express delivery arrives the next business day if you order before 2 pm."
    result = _checker(client, GROUNDING_JUDGE_SCOPE="all").check("How fast is delivery?", answer, [PASSAGE, other])
    assert [c.verdict for c in result.claims] == ["unsupported", "unsupported"]
    assert len(client.prompts) == 2
    for prompt in client.prompts:
        assert answer in prompt and PASSAGE in prompt and other in prompt and "How fast is delivery?" in prompt
    claims = {p.split("Claim to check: ")[1].split("\n")[0] for p in client.prompts}
    assert claims == {"Standard delivery takes 3-5 business days.", "Installation is always included."}


def test_judge_context_shares_the_budget_and_keeps_every_passage() -> None:
    text = judge_context(["a" * 50, "b" * 1000, "c" * 1000], 900)
    lines = text.splitlines()
    assert [line[:4] for line in lines] == ["[1] ", "[2] ", "[3] "]
    assert lines[0] == "[1] " + "a" * 50  # short passages are whole
    assert lines[1].endswith("…") and lines[2].endswith("…")
    assert sum(len(line) - 4 for line in lines) <= 900
    assert judge_context([], 900) == "(none)"


def test_claims_are_judged_concurrently() -> None:
    barrier = threading.Barrier(3, timeout=5)

    class Concurrent(FakeClient):
        def _create(self, **kwargs: Any) -> Any:
            barrier.wait()  # only passes when three requests are in flight at once
            return super()._create(**kwargs)

    client = Concurrent("SUPPORTED")
    answer = "Delivery is free of charge on every order. Installation is always included with a sofa. Returns are accepted within 90 days."
    result = _checker(client, GROUNDING_JUDGE_SCOPE="all", GROUNDING_JUDGE_CONCURRENCY=3).check("q", answer, [PASSAGE])
    assert [c.verdict for c in result.claims] == ["supported"] * 3 and len(client.prompts) == 3


def test_the_verdict_is_asked_for_through_a_schema_and_without_it_where_a_server_rejects_it() -> None:
    class Rejected(Exception):
        status_code = 400

    class SchemaClient(FakeClient):
        def __init__(self, accepts_schema: bool) -> None:
            super().__init__('{"verdict": "CONTRADICTED"}')
            self.accepts_schema = accepts_schema
            self.formats: list[Any] = []

        def _create(self, **kwargs: Any) -> Any:
            self.formats.append(kwargs.get("response_format"))
            if kwargs.get("response_format") and not self.accepts_schema:
                raise Rejected("response_format is not supported")
            return super()._create(**kwargs)

    accepting = SchemaClient(accepts_schema=True)
    judge = LLMJudge("", "m", client=accepting)
    assert judge.judge("q", "c", ["e"]) == "contradicted"
    schema = accepting.formats[0]["json_schema"]["schema"]
    assert schema["properties"]["verdict"]["enum"] == ["SUPPORTED", "CONTRADICTED", "NOT_FOUND"]

    rejecting = SchemaClient(accepts_schema=False)
    judge = LLMJudge("", "m", client=rejecting)
    assert judge.judge("q", "c", ["e"]) == "contradicted" and judge.constrained is False
    assert judge.judge("q", "c", ["e"]) == "contradicted"
    assert rejecting.formats[0] is not None and rejecting.formats[1:] == [None, None]

    assert LLMJudge("", "m", client=SchemaClient(True), constrained=False).judge("q", "c", ["e"]) == "contradicted"


class CanaryClient(FakeClient):
    """Answers the self-test's cases right, or always with one word."""

    def __init__(self, always: str | None = None) -> None:
        super().__init__("")
        self.always = always

    def _create(self, **kwargs: Any) -> Any:
        prompt = kwargs["messages"][0]["content"]
        claim = prompt.split("Claim to check: ")[1].split("\n")[0]
        right = {c: "SUPPORTED" if ok else "CONTRADICTED" for _, c, _, ok in CANARIES}
        self.reply = self.always or right.get(claim, "CONTRADICTED")
        return super()._create(**kwargs)


def test_self_test_on_known_cases() -> None:
    assert self_test(LLMJudge("", "m", client=CanaryClient()))[0] is True
    passed, detail = self_test(LLMJudge("", "m", client=CanaryClient(always="SUPPORTED")))
    assert passed is False and "45 days" in detail
    assert self_test(LLMJudge("", "m", client=CanaryClient(always="CONTRADICTED")))[0] is False
    assert self_test(LLMJudge("", "m", client=FakeClient(TimeoutError("down"))))[0] is None


def test_a_judge_that_fails_its_self_test_is_not_used(monkeypatch: Any) -> None:
    settings = Settings(GROUNDING_JUDGE_BASE_URL="http://127.0.0.1:9/v1")
    for client, used in [(CanaryClient(), True), (CanaryClient(always="SUPPORTED"), False)]:
        monkeypatch.setattr(
            "core.grounding.judge._build",
            lambda s, c=client: LLMJudge("", "m", client=c, self_tested=s.grounding_judge_self_test),
        )
        assert (make_judge(settings) is not None) is used
    # down at start-up: kept, but not used until it answers its self-test right
    down = FakeClient(OSError("connection refused"))
    monkeypatch.setattr(
        "core.grounding.judge._build", lambda s: LLMJudge("", "m", client=down, self_tested=s.grounding_judge_self_test)
    )
    judge = make_judge(settings)
    assert judge is not None and judge.trusted is None and judge.usable() is False
    assert len(down.prompts) == 1  # one self-test call at start-up; the next waits SELF_TEST_RETRY_S
    checker = _checker(FakeClient("x"), GROUNDING_JUDGE_SCOPE="all")
    checker.judge = judge
    checker.check("q", "Installation is always included with a sofa.", [PASSAGE])
    assert len(down.prompts) == 1
    # the server is up now and answers right: used from the next claim on
    judge.client = CanaryClient()
    judge._next_test = 0.0
    claim = checker.check("q", "Installation is always included with a sofa.", [PASSAGE]).claims[0]
    assert judge.trusted is True and claim.reasons[-1] == "judge: contradicted"
    # self-test off: used as configured
    monkeypatch.setattr(
        "core.grounding.judge._build",
        lambda s: LLMJudge("", "m", client=CanaryClient("SUPPORTED"), self_tested=s.grounding_judge_self_test),
    )
    assert make_judge(Settings(GROUNDING_JUDGE_BASE_URL="http://x/v1", GROUNDING_JUDGE_SELF_TEST=False)) is not None

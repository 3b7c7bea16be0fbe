"""The optional LLM judge, with a fake OpenAI-compatible client (no server needed)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import numpy as np

from core.grounding.checker import GroundingChecker
from core.grounding.classifier import SupportClassifier
from core.grounding.features import FEATURE_NAMES
from core.grounding.judge import LLMJudge, make_judge
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
    checker = GroundingChecker(
        Settings(), embedder=cast(Any, FakeEmbedder()), classifier=neutral, judge=LLMJudge("", "m", client=client)
    )
    claim = checker.check_claim("q", "Installation is always included.", ["Standard delivery takes 3-5 business days."])
    assert claim.verdict == "unsupported" and "judge: unsupported" in claim.reasons
    assert len(client.prompts) == 1 and "Installation is always included." in client.prompts[0]
    # an explicit contradiction is decided without the judge
    contradicted = checker.check_claim(
        "q", "Standard delivery takes 7-9 business days.", ["Standard delivery takes 3-5 business days."]
    )
    assert contradicted.verdict == "contradicted" and len(client.prompts) == 1

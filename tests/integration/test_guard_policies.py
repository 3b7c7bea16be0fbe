"""GROUNDING_POLICY "mark" and "hold" on the seed's laptop case (the model forced to the wrong
answer): "mark" releases the sentence after a `flag` event (and a visible mark for OpenAI
clients); "hold" sends nothing until the whole answer is checked, then the replacement."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from openai import OpenAI

from core.settings import Settings
from core.testing.fake_llm import WRONG_LAPTOP_ANSWER
from serving.render import FLAG_MARK
from tests.conftest import ThreadedUvicorn, guarded_api
from tests.integration.sse import parse_sse

LAPTOP = "Can I return a laptop after 45 days?"


@pytest.fixture(scope="module", params=["mark", "hold"])
def policy_api(
    request: pytest.FixtureRequest,
    demo_index: Settings,
    embedder: Any,
    fake_llm: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, ThreadedUvicorn]]:
    data_dir: Path = tmp_path_factory.mktemp(f"guard-{request.param}")
    with guarded_api(demo_index, embedder, fake_llm.url, data_dir, grounding_policy=request.param) as server:
        yield request.param, server


def test_policy_on_the_laptop_case(policy_api: tuple[str, ThreadedUvicorn], wrong_model: Any) -> None:
    policy, server = policy_api
    with httpx.stream("POST", f"{server.url}/v1/answer/stream", json={"question": LAPTOP}, timeout=120) as response:
        events = parse_sse(list(response.iter_lines()))
    names = [name for name, _ in events]
    grounding = events[-1][1]["grounding"]
    assert grounding["policy"] == policy and grounding["grounded"] is False
    assert isinstance(grounding["review_id"], int)
    text = "".join(data["text"] for name, data in events if name == "token")
    client = OpenAI(base_url=f"{server.url}/v1", api_key="unused", max_retries=0)
    messages = [{"role": "user", "content": LAPTOP}]
    content = client.chat.completions.create(model="ragdesk", messages=messages).choices[0].message.content or ""  # type: ignore[arg-type]
    if policy == "mark":
        assert names[:2] == ["flag", "token"], names
        flag = events[0][1]
        assert flag["text"] == WRONG_LAPTOP_ANSWER and flag["verdict"] == "contradicted"
        assert text == WRONG_LAPTOP_ANSWER and grounding["replaced"] is False
        assert content == FLAG_MARK + WRONG_LAPTOP_ANSWER
    else:
        assert names[0] == "revision" and "flag" not in names, names
        assert events[0][1]["withdrawn_text"] == WRONG_LAPTOP_ANSWER
        assert "within 45 days" not in text and "30 days" in text and grounding["replaced"] is True
        assert content == text

"""A fake OpenAI-compatible answer model for tests: always answers with the text it was given
(`FakeLLM.answer`), streamed word by word or in one response, with usage. Lets a test force the
model to a known wrong (or right) answer and watch what the grounding guard does with it.

    fake = FakeLLM("Yes, you can return the laptop within 45 days.")
    with ThreadedUvicorn(fake.app()) as server:   # core.testing.servers
        settings = settings.model_copy(update={"llm_base_url": server.url + "/v1"})
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse

WRONG_LAPTOP_ANSWER = "Yes, you can return the laptop within 45 days."
RIGHT_LAPTOP_ANSWER = "Electronics such as laptops can be returned within 30 days of delivery."


def prompt_passages(body: dict[str, Any]) -> list[str]:
    """The passage texts of a ragdesk prompt (core/prompts.py: "Passage (heading):\ntext")."""
    system = next((str(m.get("content", "")) for m in body.get("messages", []) if m.get("role") == "system"), "")
    parts = re.split(r"(?:^|\n\n)Passage \([^\n]*\):\n", system)
    return [p.strip() for p in parts[1:] if p.strip()]


class FakeLLM:
    """`answer` for every question, or `answers[question]` where given, or (`parrot`) a passage of
    the prompt repeated word for word; `prefill_s` before the first token and `delay_s` between
    tokens (the benchmark replays a real model's speed)."""

    def __init__(self, answer: str = WRONG_LAPTOP_ANSWER, delay_s: float = 0.01, prefill_s: float = 0.0) -> None:
        self.answer = answer
        self.answers: dict[str, str] = {}
        self.delay_s = delay_s
        self.prefill_s = prefill_s
        self.requests: list[dict[str, Any]] = []
        # A model that follows injected text (the worst case for hostile documents): not None =
        # answer with the prompt's passage holding this string, else with its first passage
        self.parrot: str | None = None

    def answer_for(self, body: dict[str, Any]) -> str:
        users = [m for m in body.get("messages", []) if m.get("role") == "user"]
        question = str(users[-1].get("content", "")) if users else ""
        if question in self.answers:
            return self.answers[question]
        if self.parrot is not None:
            passages = prompt_passages(body)
            if passages:
                return next((p for p in passages if self.parrot and self.parrot in p), passages[0])
        return self.answer

    def pieces(self, body: dict[str, Any] | None = None) -> list[str]:
        return re.findall(r"\s*\S+", self.answer_for(body or {}))

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.get("/v1/models")
        async def models() -> dict[str, Any]:
            return {"object": "list", "data": [{"id": "local", "object": "model", "created": 0, "owned_by": "test"}]}

        @app.post("/v1/chat/completions", response_model=None)
        async def completions(request: Request) -> JSONResponse | StreamingResponse:
            body = await request.json()
            self.requests.append(body)
            if body.get("stream"):
                return StreamingResponse(self._stream(body), media_type="text/event-stream")
            return JSONResponse(self._completion(body))

        return app

    def _usage(self, body: dict[str, Any]) -> dict[str, int]:
        prompt = sum(len(str(m.get("content", "")).split()) for m in body.get("messages", []))
        completion = len(self.pieces(body))
        return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}

    def _chunk(self, ident: str, choices: list[dict[str, Any]], **extra: Any) -> str:
        data = {"id": ident, "object": "chat.completion.chunk", "created": int(time.time()), "model": "local"}
        return f"data: {json.dumps({**data, 'choices': choices, **extra})}\n\n"

    async def _stream(self, body: dict[str, Any]) -> AsyncIterator[str]:
        ident = f"chatcmpl-{uuid.uuid4().hex}"
        yield self._chunk(ident, [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])
        await asyncio.sleep(self.prefill_s)
        for piece in self.pieces(body):
            await asyncio.sleep(self.delay_s)
            yield self._chunk(ident, [{"index": 0, "delta": {"content": piece}, "finish_reason": None}])
        yield self._chunk(ident, [{"index": 0, "delta": {}, "finish_reason": "stop"}])
        if (body.get("stream_options") or {}).get("include_usage"):
            yield self._chunk(ident, [], usage=self._usage(body))
        yield "data: [DONE]\n\n"

    def _completion(self, body: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": "local",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": self.answer_for(body)},
                    "finish_reason": "stop",
                }
            ],
            "usage": self._usage(body),
        }

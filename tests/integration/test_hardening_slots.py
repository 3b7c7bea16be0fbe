"""Issue 19, point 6: the gateway admits no more generations than the LLM server has slots,
read from the real local LLM server (tests/conftest.py starts it with LOCAL_LLM_PARALLEL=2)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from core.redis_server import RedisServer
from core.settings import Settings
from serving.gateway.service import Gateway
from serving.gateway.slots import llm_slots, sized_capacity
from tests.conftest import LocalLLMServer, free_port


def test_the_local_llm_server_says_its_slots(llm_server: LocalLLMServer) -> None:
    assert asyncio.run(llm_slots(llm_server.base_url)) == 2


def test_admission_is_sized_to_the_llm_servers_slots(
    llm_server: LocalLLMServer, session_redis: RedisServer, tmp_path: Path
) -> None:
    settings = Settings(
        RAGDESK_DATA_DIR=tmp_path, LLM_BASE_URL=llm_server.base_url, GATEWAY_MAX_INFLIGHT=4, GATEWAY_PAID_RESERVED=1
    ).model_copy(update={"redis_url": session_redis.url, "gateway_redis_prefix": "slots:"})

    async def run() -> tuple[int, int]:
        gateway = await Gateway.create(settings)
        try:
            assert gateway.sizer is not None
            await asyncio.wait_for(gateway.sizer, 30)
            config = gateway.queue.config
            return config.capacity, config.paid_reserved
        finally:
            await gateway.close()

    assert asyncio.run(run()) == (2, 1)


def test_without_an_answer_the_setting_stays(tmp_path: Path) -> None:
    assert asyncio.run(llm_slots(f"http://127.0.0.1:{free_port()}/v1")) is None
    assert sized_capacity(4, 1, None) == (4, 1)
    assert sized_capacity(4, 1, 2) == (2, 1)
    assert sized_capacity(4, 1, 8) == (4, 1)
    assert sized_capacity(4, 2, 1) == (1, 0)

"""The local LLM server's llama.cpp parameters come from the settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from core.llm_server import build_params
from core.settings import Settings


def test_parameters_follow_the_settings() -> None:
    settings = Settings(
        LOCAL_LLM_PORT=8099, LOCAL_LLM_PARALLEL=3, LOCAL_LLM_CTX=6144, LOCAL_LLM_THREADS=1, LOCAL_LLM_CACHE_RAM_MIB=64
    )
    params = build_params(settings, Path("/models/x.gguf"))
    assert params.model.path == "/models/x.gguf" and params.hostnames == ["127.0.0.1"] and params.port == 8099
    assert (params.n_parallel, params.n_ctx, params.cpuparams.n_threads) == (3, 6144, 1)
    assert params.cache_prompt is True and params.cache_ram_mib == 64


def test_the_prompt_cache_in_ram_is_bounded_by_default() -> None:
    # llama.cpp's own default (8192 MiB) lets the server grow by ~23 MiB per distinct RAG prompt
    # until 8 GiB (bench/llm_memory.py)
    assert build_params(Settings(), Path("/m.gguf")).cache_ram_mib == 256
    assert build_params(Settings(LOCAL_LLM_CACHE_RAM_MIB=0), Path("/m.gguf")).cache_ram_mib == 0
    with pytest.raises(ValidationError):
        Settings(LOCAL_LLM_CACHE_RAM_MIB=-2)

import pytest
from pydantic import ValidationError

from core.settings import Settings


def test_chunk_size_is_bounded_by_embedder_window() -> None:
    settings = Settings(CHUNK_SIZE=400, EMBED_MAX_TOKENS=256)
    assert settings.effective_chunk_size == 256 - 2 - settings.heading_token_allowance
    assert Settings(CHUNK_SIZE=120, EMBED_MAX_TOKENS=512).effective_chunk_size == 120


def test_overlap_must_be_smaller_than_chunk() -> None:
    with pytest.raises(ValidationError, match="CHUNK_OVERLAP"):
        Settings(CHUNK_SIZE=100, CHUNK_OVERLAP=100)


def test_milvus_uri_kinds() -> None:
    assert Settings(RAGDESK_MILVUS_URI="/tmp/x/milvus.db").milvus_is_local_file
    assert not Settings(RAGDESK_MILVUS_URI="http://127.0.0.1:19530").milvus_is_local_file


def test_top_k_bounds() -> None:
    with pytest.raises(ValidationError, match="TOP_K"):
        Settings(TOP_K=0)

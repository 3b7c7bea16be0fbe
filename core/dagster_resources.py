"""Dagster resources. Each wraps one client built by the factories in core.clients (the same
ones FastAPI's lifespan uses), so indexing and serving agree on collection, model and schema."""

from typing import Any

import dagster as dg
from pydantic import PrivateAttr

from core.clients import make_embedder, make_engine, make_milvus_client
from core.docstore import DocStore
from core.settings import Settings, get_settings


class SettingsResource(dg.ConfigurableResource):
    """The project Settings; `overrides` (setting alias -> value) exist for tests and one-off runs."""

    overrides: dict[str, str] = {}

    def get(self) -> Settings:
        return Settings(**self.overrides) if self.overrides else get_settings()  # type: ignore[arg-type]


class MilvusResource(dg.ConfigurableResource):
    settings: SettingsResource
    _client: Any = PrivateAttr(default=None)

    def client(self) -> Any:
        if self._client is None:
            self._client = make_milvus_client(self.settings.get())
        return self._client


class EmbedderResource(dg.ConfigurableResource):
    settings: SettingsResource
    _embedder: Any = PrivateAttr(default=None)

    def embedder(self) -> Any:
        if self._embedder is None:
            self._embedder = make_embedder(self.settings.get())
        return self._embedder


class DocStoreResource(dg.ConfigurableResource):
    settings: SettingsResource
    _store: Any = PrivateAttr(default=None)

    def store(self) -> DocStore:
        if self._store is None:
            self._store = DocStore(make_engine(self.settings.get()))
        return self._store


def build_resources(overrides: dict[str, str] | None = None) -> dict[str, Any]:
    settings = SettingsResource(overrides=overrides or {})
    return {
        "settings": settings,
        "milvus": MilvusResource(settings=settings),
        "embedder": EmbedderResource(settings=settings),
        "docstore": DocStoreResource(settings=settings),
    }

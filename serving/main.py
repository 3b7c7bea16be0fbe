"""The FastAPI app: `create_app(settings)`; the lifespan builds every client once through the
factories in core.clients (the same ones indexing uses).

    uvicorn serving.main:app --host 127.0.0.1 --port 8000      # settings from the environment
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from core.settings import Settings, get_settings
from serving.errors import install_error_handlers
from serving.services import build_services

log = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    services = await build_services(settings)
    app.state.services = services
    log.info("ragdesk API ready: model %r answers via %s", settings.api_model_name, settings.llm_base_url)
    try:
        yield
    finally:
        await services.aclose()


def create_app(settings: Settings | None = None) -> FastAPI:
    from serving.api.routes import chat, grounding, health, pages, review, search
    from serving.api.routes.pages import STATIC_DIR

    app = FastAPI(
        title="ragdesk",
        summary="Grounded, streamed support answers",
        lifespan=lifespan,
        docs_url="/api/docs",  # /docs/{doc_id} serves the source documents
        redoc_url=None,
    )
    app.state.settings = settings or get_settings()
    install_error_handlers(app)
    app.include_router(chat.router)
    app.include_router(search.router)
    app.include_router(grounding.router)
    app.include_router(review.router)
    app.include_router(health.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def __getattr__(name: str) -> FastAPI:
    # `uvicorn serving.main:app`: build the app on first access, never at import time.
    if name == "app":
        return create_app()
    raise AttributeError(name)

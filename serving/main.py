"""The FastAPI app: `create_app(settings)`; the lifespan builds every client once through the
factories in core.clients (the same ones indexing uses).

    uvicorn serving.main:app --host 127.0.0.1 --port 8000      # settings from the environment
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from core.clients import RedisUnavailableError
from core.settings import Settings, get_settings
from serving.api.observability import install_observability
from serving.errors import install_error_handlers
from serving.gateway.deps import enforce_rate_limit, install_gateway, require_api_key
from serving.gateway.service import Gateway
from serving.handoff.service import HandoffDesk
from serving.input_guard import InputGuard
from serving.observability.middleware import flush_app
from serving.openapi import install_openapi
from serving.services import build_services

log = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    try:
        gateway = await Gateway.create(settings)  # Redis at REDIS_URL, else the one `ragdesk up` starts
    except RedisUnavailableError as exc:
        log.error("ragdesk API cannot start: %s", exc)  # the start-up fails: uvicorn exits non-zero
        raise
    app.state.gateway = gateway
    try:
        services = await build_services(settings)
    except BaseException:
        await gateway.close()
        raise
    app.state.services = services
    try:
        app.state.handoffs = await HandoffDesk.start(settings)  # handoff_items + webhook delivery
    except BaseException:
        await services.aclose()
        await gateway.close()
        raise
    if not settings.gateway_require_keys:
        log.warning("GATEWAY_REQUIRE_KEYS is false: every caller is the anonymous user (local use only)")
    if settings.api_gc_freeze:
        try:
            await asyncio.to_thread(preload, app)  # so that what it loads is frozen too
        except Exception:
            log.warning("start-up: preloading the request log and tracing failed", exc_info=True)
    settle_heap(settings)
    log.info("ragdesk API ready: model %r answers via %s", settings.api_model_name, settings.llm_base_url)
    try:
        yield
    finally:
        try:
            # the request log's writer thread may still be writing traces (MLflow runs Alembic on a
            # new store); finish them before the clients close and before anything else in the
            # process can run Alembic, whose context is process-global
            await asyncio.to_thread(flush_app, app)
        except Exception:
            log.warning("shutdown: the request log and traces were not all written", exc_info=True)
        try:
            await app.state.handoffs.aclose()
        finally:
            try:
                await services.aclose()
            finally:
                await gateway.close()


def preload(app: FastAPI) -> None:
    """What the first requests would otherwise load in the middle of serving: the request log
    (its table checked) and MLflow's tracing (~110k objects, ~1 s of import with the GIL held)."""
    from serving.observability.request_log import request_log_of

    settings: Settings = app.state.settings
    request_log_of(app)
    if settings.tracing_enabled:
        import mlflow.entities  # noqa: F401  # what serving.observability.tracing imports per trace


def settle_heap(settings: Settings) -> None:
    """Once start-up is done: collect, then freeze what survived (API_GC_FREEZE) so the collector's
    full runs no longer scan the models, modules and clients start-up made (hundreds of thousands
    of objects that live as long as the process: a full run over them paused every request in
    flight for ~400 ms); and the youngest generation's threshold (API_GC_GEN0_THRESHOLD)."""
    if settings.api_gc_gen0_threshold > 0:
        _, gen1, gen2 = gc.get_threshold()
        gc.set_threshold(settings.api_gc_gen0_threshold, gen1, gen2)
    if settings.api_gc_freeze:
        gc.collect()
        gc.freeze()
        log.info("gc: %d start-up objects frozen", gc.get_freeze_count())


def create_app(settings: Settings | None = None) -> FastAPI:
    from serving.api.routes import chat, feedback, grounding, handoff, health, pages, review, saturation, search
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
    install_gateway(app)
    install_observability(app)  # request id, /metrics, request log, traces
    # Every API route needs a key (401). Open: /health, /ready, the chat page at /, /static and
    # the /docs/{doc_id} source pages (the page sends the key from localStorage on API calls).
    # The review queue also needs a staff key (403 otherwise): its router carries require_staff.
    # Every keyed route counts against the caller's requests per minute (429): the chat routes'
    # QuotaDep is the same dependency, so FastAPI runs it once per request.
    keyed = [Depends(require_api_key), Depends(enforce_rate_limit)]
    app.include_router(chat.router, dependencies=keyed)
    app.include_router(chat.usage_router, dependencies=keyed)
    app.include_router(search.router, dependencies=keyed)
    app.include_router(feedback.router, dependencies=keyed)
    app.include_router(grounding.router, dependencies=keyed)
    app.include_router(review.router, dependencies=keyed)
    app.include_router(handoff.router, dependencies=keyed)  # staff only, like the review queue
    app.include_router(handoff.customer_router, dependencies=keyed)  # a customer's own requests
    app.include_router(health.router)
    app.include_router(saturation.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(InputGuard, max_body_bytes=app.state.settings.request_max_body_bytes)
    install_openapi(app)
    return app


def __getattr__(name: str) -> FastAPI:
    # `uvicorn serving.main:app`: build the app on first access, never at import time.
    if name == "app":
        return create_app()
    raise AttributeError(name)

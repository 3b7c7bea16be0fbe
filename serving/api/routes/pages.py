"""The support staff's chat page (`/`) and the source documents citations link to (`/docs/...`)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse

from serving.api.deps import SettingsDep
from serving.docs_page import DocumentNotFound, load_source, page_html
from serving.errors import APIError

router = APIRouter(include_in_schema=False)

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"


@router.get("/")
async def chat_page() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", headers={"Cache-Control": "no-cache"})


@router.get("/docs/{doc_id:path}", response_class=HTMLResponse)
async def source_document(doc_id: str, settings: SettingsDep) -> HTMLResponse:
    try:
        document = await asyncio.to_thread(load_source, settings.docs_source_dir, doc_id, settings.max_document_bytes)
    except DocumentNotFound as exc:
        raise APIError(404, f"no source document {doc_id!r}", "document_not_found") from exc
    return HTMLResponse(page_html(document))

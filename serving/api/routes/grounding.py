"""`POST /v1/grounding/check`: the grounding check as a service. The same `GroundingChecker`
instance (and code path) as the inline guard of the chat endpoints (serving/grounding.py)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from serving.api.deps import GroundingDep, SettingsDep
from serving.grounding import validate_check_input
from serving.guard import answer_verdict
from serving.schemas import ErrorResponse, GroundingCheckRequest, GroundingCheckResponse

router = APIRouter(prefix="/v1/grounding", tags=["grounding"])

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "empty answer, no passages, or a size limit exceeded"},
}


@router.post("/check", response_model=GroundingCheckResponse, responses=ERRORS)
async def check(body: GroundingCheckRequest, runner: GroundingDep, settings: SettingsDep) -> GroundingCheckResponse:
    """Every sentence of `answer` checked against `passages`: supported, contradicted (the
    passages say otherwise) or unsupported (they do not say it), with the best evidence."""
    validate_check_input(settings, body.question, body.answer, body.passages)
    result = await runner.check(body.question.strip(), body.answer, body.passages)
    return GroundingCheckResponse.model_validate({**result.to_dict(), "verdict": answer_verdict(list(result.claims))})

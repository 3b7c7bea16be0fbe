"""Dependencies for the routes (`Annotated` aliases). Tests replace them with
`app.dependency_overrides`."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from core.settings import Settings
from serving.rag import RagService
from serving.services import Services


def get_services(request: Request) -> Services:
    return request.app.state.services  # type: ignore[no-any-return]


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_rag(services: Annotated[Services, Depends(get_services)]) -> RagService:
    return services.rag


ServicesDep = Annotated[Services, Depends(get_services)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
RagDep = Annotated[RagService, Depends(get_rag)]

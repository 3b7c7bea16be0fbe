"""`make up`'s banner and the API's environment name the same Redis, and the banner tells how to
make a key that the running API accepts; an empty REDIS_URL means that Redis everywhere else."""

from core.redis_server import up_redis_url
from core.settings import Settings
from orchestration.launcher import child_environment, urls_banner


def test_banner_names_the_redis_the_api_reads_keys_from() -> None:
    settings = Settings(REDIS_PORT=6411)  # type: ignore[call-arg]
    url = up_redis_url(settings)
    assert url == "redis://127.0.0.1:6411/0"
    assert child_environment(settings)["REDIS_URL"] == url
    assert f"REDIS_URL={url} ragdesk keys create --user NAME" in urls_banner(settings)


def test_an_empty_redis_url_is_the_redis_up_starts(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("REDIS_URL", raising=False)
    settings = Settings(REDIS_PORT=6411)  # type: ignore[call-arg]
    assert settings.redis_url == "" and settings.resolved_redis_url == up_redis_url(settings)
    assert Settings(REDIS_URL="redis://cache.internal:6379/3").resolved_redis_url == "redis://cache.internal:6379/3"  # type: ignore[call-arg]

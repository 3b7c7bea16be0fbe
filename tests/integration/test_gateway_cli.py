"""`ragdesk keys ...` (the typer app in serving.gateway.cli) against a real Redis server; keys
survive a Redis restart (append-only file); staff (the review queue) is given with `create
--staff` and `set-staff [--revoke]`; with REDIS_URL empty it uses the Redis `ragdesk up` starts
(REDIS_PORT), and with nothing there it exits with 4 and names REDIS_URL and `ragdesk up`."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from core import redis_server as rs
from core.redis_server import temporary_redis
from core.settings import Settings, reset_settings_cache
from serving.gateway.cli import keys_app
from serving.gateway.keys import Principal, RedisKeyLookup
from serving.gateway.service import make_async_redis

runner = CliRunner()


@pytest.fixture()
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[pytest.MonkeyPatch]:
    monkeypatch.setenv("RAGDESK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("REDIS_URL", "")
    reset_settings_cache()
    yield monkeypatch
    reset_settings_cache()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(keys_app, list(args))
    return result.exit_code, result.stdout, result.stderr


def authenticate(url: str, key: str) -> Principal | None:
    async def run() -> Principal | None:
        settings = Settings(REDIS_URL=url)
        redis = make_async_redis(settings)
        try:
            return await RedisKeyLookup(redis, settings, settings.gateway_redis_prefix).authenticate(key)
        finally:
            await redis.aclose()

    return asyncio.run(run())


def test_keys_cli_with_redis_survives_a_restart(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data_dir = tmp_path / "redis"
    server = rs.start(rs.free_port(), data_dir, persist=True)
    try:
        env.setenv("REDIS_URL", server.url)
        reset_settings_cache()
        code, out, err = invoke("create", "--user", "alice", "--tier", "paid", "--daily-tokens", "1000", "--rpm", "7")
        assert code == 0, err
        key = out.strip()
        assert key.startswith("rd_") and "daily_tokens=1000 rpm=7" in err
        code, listing, _ = invoke("list")
        assert code == 0 and "alice" in listing and "paid" in listing and key not in listing
        assert invoke("set-tier", "--user", "alice", "--tier", "free")[0] == 0
        code, out, _ = invoke("set-budget", "--user", "alice", "--daily-tokens", "2000", "--output-cap", "50")
        assert code == 0 and "tier=free daily_tokens=2000 rpm=7 output_cap=50" in out
        assert invoke("set-tier", "--user", "nobody", "--tier", "paid")[0] == 2
        assert invoke("create", "--user", "bad name!")[0] == 2
        assert invoke("create", "--user", "x", "--tier", "gold")[0] == 2
    finally:
        server.stop()
    # a restart on the same data directory: the key and the user's limits are still there
    port = rs.free_port()
    server = rs.start(port, data_dir, persist=True)
    try:
        principal = authenticate(server.url, key)
        assert principal is not None
        assert (principal.tier, principal.daily_tokens, principal.rpm, principal.output_cap) == ("free", 2000, 7, 50)
        assert principal.staff is False
        env.setenv("REDIS_URL", server.url)
        reset_settings_cache()
        key_id = invoke("list")[1].split()[0]
        assert invoke("revoke", key_id)[0] == 0
        assert authenticate(server.url, key) is None
        assert invoke("revoke", "rd_notakey_notakey_notakey")[0] == 2
    finally:
        server.stop()


def test_keys_cli_with_redis_url_empty_uses_the_redis_up_starts(env: pytest.MonkeyPatch) -> None:
    with temporary_redis() as server:
        env.setenv("REDIS_PORT", str(server.port))  # REDIS_URL stays empty (the fixture)
        reset_settings_cache()
        code, out, err = invoke("create", "--user", "bob")
        assert code == 0, err
        key = out.strip()
        assert authenticate(server.url, key) is not None  # where the API `ragdesk up` runs reads keys
        assert "bob" in invoke("list")[1]
        assert invoke("revoke", key)[0] == 0
        assert "REVOKED" in invoke("list")[1]
        assert authenticate(server.url, key) is None


def test_keys_cli_without_a_redis_exits_4(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    port = rs.free_port()  # nothing listens there
    env.setenv("REDIS_PORT", str(port))
    reset_settings_cache()
    for args in (("create", "--user", "bob"), ("list",), ("users",), ("revoke", "rd_x")):
        code, out, err = invoke(*args)
        assert code == 4, (args, out, err)
        assert f"error: cannot reach Redis at redis://127.0.0.1:{port}/0" in err
        assert "REDIS_URL is empty" in err and "ragdesk up" in err and not out
    env.setenv("REDIS_URL", f"redis://127.0.0.1:{port}/1")
    reset_settings_cache()
    code, _, err = invoke("create", "--user", "bob")
    assert code == 4 and f"redis://127.0.0.1:{port}/1" in err and "check REDIS_URL" in err
    assert not list(tmp_path.iterdir())  # no key file or anything else written instead


def test_staff_with_redis(env: pytest.MonkeyPatch) -> None:
    with temporary_redis() as server:
        env.setenv("REDIS_URL", server.url)
        reset_settings_cache()
        code, out, err = invoke("create", "--user", "alice", "--staff")
        assert code == 0, err
        staff_key = out.strip()
        assert staff_key.startswith("rd_") and "staff=yes" in err
        code, out, err = invoke("create", "--user", "bob", "--tier", "paid")
        assert code == 0 and "staff=no" in err
        bob_key = out.strip()
        principal = authenticate(server.url, staff_key)
        assert principal is not None and principal.staff is True
        assert authenticate(server.url, bob_key).staff is False  # type: ignore[union-attr]

        code, listing, _ = invoke("list")
        lines = {line.split()[2]: line for line in listing.splitlines()}
        assert "staff=yes" in lines["alice"] and "staff=no" in lines["bob"]
        code, users, _ = invoke("users")
        assert code == 0
        assert [line.split()[0] for line in users.splitlines()] == ["alice", "bob"]
        assert "staff=yes" in users.splitlines()[0] and "staff=no" in users.splitlines()[1]

        # grant and revoke on an existing user: every key of the user follows at once
        code, out, _ = invoke("set-staff", "--user", "bob")
        assert code == 0 and out.startswith("bob: tier=paid daily_tokens=") and out.strip().endswith("staff=yes")
        assert authenticate(server.url, bob_key).staff is True  # type: ignore[union-attr]
        code, out, _ = invoke("set-staff", "--user", "bob", "--revoke")
        assert code == 0 and out.strip().endswith("staff=no") and "tier=paid" in out
        assert authenticate(server.url, bob_key).staff is False  # type: ignore[union-attr]
        # a new key for a staff user without --staff leaves the role alone; set-tier keeps it
        code, out, err = invoke("create", "--user", "alice")
        assert code == 0 and "staff=yes" in err
        assert invoke("set-tier", "--user", "alice", "--tier", "paid")[1].strip().endswith("staff=yes")
        assert authenticate(server.url, out.strip()).staff is True  # type: ignore[union-attr]

        code, _, err = invoke("set-staff", "--user", "nobody")
        assert code == 2 and "error: no user 'nobody'" in err
        assert invoke("set-staff", "--user", "nobody", "--revoke")[0] == 2

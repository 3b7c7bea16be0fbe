"""`ragdesk keys ...`: create, list and revoke API keys; set a user's tier, limits and staff role
(staff keys may read and resolve the review queue).

Reads Settings and talks to Redis through core.clients.make_redis (REDIS_URL, else the Redis
`ragdesk up` starts): the keys the API reads. Where nothing answers there it exits with 4 (a
dependency is unavailable, as every `ragdesk` command) and says what to start or set.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from core.clients import RedisUnavailableError, make_redis, ping_redis
from core.settings import get_settings
from serving.gateway.keys import KeyAdminError, RedisKeyAdmin, UserRecord, check_tier

keys_app = typer.Typer(help="API keys, tiers, per-user limits and staff.", no_args_is_help=True)


EXIT_USAGE, EXIT_UNAVAILABLE = 2, 4  # orchestration/exits.py's codes (serving does not import orchestration)


def _admin() -> RedisKeyAdmin:
    settings = get_settings()
    try:
        redis = ping_redis(settings, make_redis(settings))
    except RedisUnavailableError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(EXIT_UNAVAILABLE) from exc
    return RedisKeyAdmin(redis, settings.gateway_redis_prefix)


def _limits_line(record: UserRecord) -> str:
    limits = record.limits(get_settings())
    return (
        f"tier={record.tier} daily_tokens={limits.daily_tokens} rpm={limits.rpm} output_cap={limits.output_cap}"
        f" staff={'yes' if record.staff else 'no'}"
    )


def _fail(exc: Exception) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(EXIT_USAGE)


@keys_app.command("create")
def create(
    user: Annotated[str, typer.Option("--user", help="the user the key belongs to (created if new)")],
    tier: Annotated[str | None, typer.Option("--tier", help="free or paid (new users: free)")] = None,
    daily_tokens: Annotated[int | None, typer.Option("--daily-tokens", help="daily token budget override")] = None,
    rpm: Annotated[int | None, typer.Option("--rpm", help="requests per minute override")] = None,
    output_cap: Annotated[int | None, typer.Option("--output-cap", help="output tokens per request override")] = None,
    staff: Annotated[
        bool, typer.Option("--staff", help="make the user staff (the review queue); without it: unchanged")
    ] = False,
) -> None:
    """Create a key; it is printed once and only its hash is kept."""
    try:
        key, record, user_record = _admin().create_key(
            user, check_tier(tier) if tier else None, daily_tokens, rpm, output_cap, True if staff else None
        )
    except KeyAdminError as exc:
        raise _fail(exc) from exc
    typer.echo(key)
    typer.echo(f"key id {record.key_id} for {user}: {_limits_line(user_record)} (the key is not shown again)", err=True)


@keys_app.command("list")
def list_keys() -> None:
    """Every key (id, user, tier, limits, created, revoked); never the keys themselves."""
    rows = _admin().list_keys()
    if not rows:
        typer.echo("no keys")
        return
    for record, user in rows:
        created = dt.datetime.fromtimestamp(record.created, dt.UTC).strftime("%Y-%m-%d %H:%M")
        state = "REVOKED" if record.revoked else "active"
        limits = _limits_line(user) if user else "user missing"
        typer.echo(f"{record.key_id}  {record.label:<12} {record.user:<20} {state:<8} {created}  {limits}")


@keys_app.command("users")
def list_users() -> None:
    """Every user (tier, limits, staff)."""
    users = _admin().list_users()
    if not users:
        typer.echo("no users")
        return
    for record in users:
        typer.echo(f"{record.user:<20} {_limits_line(record)}")


@keys_app.command("revoke")
def revoke(key: Annotated[str, typer.Argument(help="the key, or its id from `keys list`")]) -> None:
    """Revoke a key (it stops working at once)."""
    try:
        count = _admin().revoke(key)
    except KeyAdminError as exc:
        raise _fail(exc) from exc
    if not count:
        raise _fail(KeyAdminError("no such key"))
    typer.echo(f"revoked {count} key(s)")


@keys_app.command("set-tier")
def set_tier(
    user: Annotated[str, typer.Option("--user")],
    tier: Annotated[str, typer.Option("--tier", help="free or paid")],
) -> None:
    """Move a user (all their keys) to a tier."""
    try:
        record = _admin().set_tier(user, check_tier(tier))
    except KeyAdminError as exc:
        raise _fail(exc) from exc
    typer.echo(f"{user}: {_limits_line(record)}")


@keys_app.command("set-budget")
def set_budget(
    user: Annotated[str, typer.Option("--user")],
    daily_tokens: Annotated[int | None, typer.Option("--daily-tokens")] = None,
    rpm: Annotated[int | None, typer.Option("--rpm")] = None,
    output_cap: Annotated[int | None, typer.Option("--output-cap")] = None,
) -> None:
    """Override a user's daily token budget, requests per minute or output cap."""
    if daily_tokens is None and rpm is None and output_cap is None:
        raise _fail(KeyAdminError("give --daily-tokens, --rpm or --output-cap"))
    try:
        record = _admin().set_limits(user, daily_tokens, rpm, output_cap)
    except KeyAdminError as exc:
        raise _fail(exc) from exc
    typer.echo(f"{user}: {_limits_line(record)}")


@keys_app.command("set-staff")
def set_staff(
    user: Annotated[str, typer.Option("--user")],
    revoke: Annotated[bool, typer.Option("--revoke", help="take staff away instead")] = False,
) -> None:
    """Make a user staff (all their keys may read and resolve the review queue), or --revoke it."""
    try:
        record = _admin().set_staff(user, not revoke)
    except KeyAdminError as exc:
        raise _fail(exc) from exc
    typer.echo(f"{user}: {_limits_line(record)}")

"""API keys, users, tiers and per-user limits. No FastAPI here: the admin CLI uses it too.

A key looks like `rd_<43 url-safe characters>` and is shown once, when created; only its sha256
is stored. A key belongs to a user; the user has a tier (free, paid) and optional overrides of
the tier's limits (daily tokens, requests per minute, output cap). A user may be staff: only staff
keys may read and resolve the review queue (`require_staff` in serving/gateway/deps.py).

Redis keys (prefix `rd:`):
    key:<sha256>   hash: user, created, label (the key's first characters), revoked
    user:<name>    hash: tier, created, daily_tokens, rpm, output_cap (empty = the default),
                   staff ("1" = staff; absent or anything else = not staff)
    keys, users    sets, for listing

`RedisKeyAdmin` (sync, the CLI) writes them; `RedisKeyLookup` (async, the API) reads them.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from redis import Redis
    from redis.asyncio import Redis as AsyncRedis

    from core.settings import Settings

Tier = Literal["free", "paid"]
TIERS: tuple[Tier, ...] = ("free", "paid")
KEY_PREFIX = "rd_"
_USER_NAME = re.compile(r"^[A-Za-z0-9_.@+-]{1,128}$")
_KEY_SHAPE = re.compile(r"^rd_[A-Za-z0-9_-]{20,128}$")


class KeyAdminError(ValueError):
    """An admin request that cannot be done (unknown user, bad tier, ...)."""


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def key_label(key: str) -> str:
    """What listings show of a key: its first characters."""
    return key[:10] + "…"


def check_user_name(user: str) -> str:
    if not _USER_NAME.match(user):
        raise KeyAdminError("user names are 1-128 characters: letters, digits and _ . @ + -")
    return user


def check_tier(tier: str) -> Tier:
    if tier not in TIERS:
        raise KeyAdminError(f"tier must be one of {', '.join(TIERS)}")
    return tier  # type: ignore[return-value]


@dataclass(frozen=True)
class Limits:
    """The defaults for a tier (from Settings)."""

    daily_tokens: int
    rpm: int
    output_cap: int

    @classmethod
    def for_tier(cls, settings: Settings, tier: Tier) -> Limits:
        rpm = settings.gateway_rpm_paid if tier == "paid" else settings.gateway_rpm_free
        return cls(settings.gateway_daily_tokens, rpm, settings.gateway_output_cap)


@dataclass(frozen=True)
class UserRecord:
    user: str
    tier: Tier
    created: float
    daily_tokens: int | None = None  # None = the tier's default
    rpm: int | None = None
    output_cap: int | None = None
    staff: bool = False  # may read and resolve the review queue

    def limits(self, settings: Settings) -> Limits:
        base = Limits.for_tier(settings, self.tier)
        return Limits(
            self.daily_tokens if self.daily_tokens is not None else base.daily_tokens,
            self.rpm if self.rpm is not None else base.rpm,
            self.output_cap if self.output_cap is not None else base.output_cap,
        )

    def to_fields(self) -> dict[str, str]:
        def opt(value: int | None) -> str:
            return "" if value is None else str(value)

        return {
            "tier": self.tier,
            "created": repr(self.created),
            "daily_tokens": opt(self.daily_tokens),
            "rpm": opt(self.rpm),
            "output_cap": opt(self.output_cap),
            "staff": "1" if self.staff else "0",
        }

    @classmethod
    def from_fields(cls, user: str, fields: dict[str, str]) -> UserRecord:
        def opt(name: str) -> int | None:
            value = fields.get(name, "")
            return int(value) if value not in ("", None) else None

        return cls(
            user=user,
            tier=check_tier(fields.get("tier", "free")),
            created=float(fields.get("created") or 0),
            daily_tokens=opt("daily_tokens"),
            rpm=opt("rpm"),
            output_cap=opt("output_cap"),
            staff=fields.get("staff") == "1",  # users created before roles existed are not staff
        )


@dataclass(frozen=True)
class KeyRecord:
    key_hash: str
    user: str
    label: str
    created: float
    revoked: bool = False

    @property
    def key_id(self) -> str:
        """A short public handle (listings, logs, `revoke`)."""
        return self.key_hash[:12]

    @classmethod
    def from_fields(cls, key_hash: str, fields: dict[str, str]) -> KeyRecord:
        """A key as stored (its Redis hash)."""
        return cls(
            key_hash,
            fields["user"],
            fields.get("label", ""),
            float(fields.get("created", 0)),
            fields.get("revoked") == "1",
        )


@dataclass(frozen=True)
class Principal:
    """The caller behind a valid key, with the limits that apply to them."""

    user: str
    tier: Tier
    key_id: str
    daily_tokens: int
    rpm: int
    output_cap: int
    staff: bool = False  # may read and resolve the review queue

    @property
    def paid(self) -> bool:
        return self.tier == "paid"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def principal_for(settings: Settings, key: KeyRecord, user: UserRecord) -> Principal:
    limits = user.limits(settings)
    return Principal(
        user.user, user.tier, key.key_id, limits.daily_tokens, limits.rpm, limits.output_cap, staff=user.staff
    )


def looks_like_key(key: str) -> bool:
    return bool(_KEY_SHAPE.match(key))


def _decode(raw: Any) -> dict[str, str]:
    return {
        (k.decode() if isinstance(k, bytes) else k): (v.decode() if isinstance(v, bytes) else v) for k, v in raw.items()
    }


class RedisKeyAdmin:
    """Key administration against Redis (sync client: the CLI)."""

    def __init__(self, redis: Redis, prefix: str = "rd:") -> None:
        self.redis = redis
        self.prefix = prefix

    def _user_key(self, user: str) -> str:
        return f"{self.prefix}user:{user}"

    def _key_key(self, key_hash: str) -> str:
        return f"{self.prefix}key:{key_hash}"

    def get_user(self, user: str) -> UserRecord | None:
        raw = self.redis.hgetall(self._user_key(user))
        return UserRecord.from_fields(user, _decode(raw)) if raw else None

    def _put_user(self, record: UserRecord) -> None:
        pipe = self.redis.pipeline()
        pipe.hset(self._user_key(record.user), mapping=dict(record.to_fields()))  # type: ignore[arg-type]
        pipe.sadd(f"{self.prefix}users", record.user)
        pipe.execute()

    def create_key(
        self,
        user: str,
        tier: Tier | None = None,
        daily_tokens: int | None = None,
        rpm: int | None = None,
        output_cap: int | None = None,
        staff: bool | None = None,
    ) -> tuple[str, KeyRecord, UserRecord]:
        """A new key for `user` (created if new). None keeps an existing user's setting (new
        users: free tier, the tier's limits, not staff)."""
        check_user_name(user)
        existing = self.get_user(user)
        record = UserRecord(
            user=user,
            tier=check_tier(tier) if tier else (existing.tier if existing else "free"),
            created=existing.created if existing else time.time(),
            daily_tokens=daily_tokens if daily_tokens is not None else (existing.daily_tokens if existing else None),
            rpm=rpm if rpm is not None else (existing.rpm if existing else None),
            output_cap=output_cap if output_cap is not None else (existing.output_cap if existing else None),
            staff=staff if staff is not None else (existing.staff if existing else False),
        )
        _check_limits(record.daily_tokens, record.rpm, record.output_cap)
        self._put_user(record)
        key = new_key()
        key_record = KeyRecord(hash_key(key), user, key_label(key), time.time())
        pipe = self.redis.pipeline()
        pipe.hset(
            self._key_key(key_record.key_hash),
            mapping={"user": user, "label": key_record.label, "created": repr(key_record.created), "revoked": "0"},
        )
        pipe.sadd(f"{self.prefix}keys", key_record.key_hash)
        pipe.execute()
        return key, key_record, record

    def list_keys(self) -> list[tuple[KeyRecord, UserRecord | None]]:
        out = []
        for raw_hash in sorted(self.redis.smembers(f"{self.prefix}keys")):
            key_hash = raw_hash.decode() if isinstance(raw_hash, bytes) else raw_hash
            fields = _decode(self.redis.hgetall(self._key_key(key_hash)))
            if not fields:
                continue
            record = KeyRecord.from_fields(key_hash, fields)
            out.append((record, self.get_user(record.user)))
        return sorted(out, key=lambda pair: (pair[0].user, pair[0].created))

    def list_users(self) -> list[UserRecord]:
        users = [u.decode() if isinstance(u, bytes) else u for u in self.redis.smembers(f"{self.prefix}users")]
        return [r for r in (self.get_user(u) for u in sorted(users)) if r is not None]

    def revoke(self, key_or_id: str) -> int:
        """Revoke a key given in full, or by its id (a prefix of its hash); the number revoked."""
        targets = [hash_key(key_or_id)] if key_or_id.startswith(KEY_PREFIX) else []
        if not targets:
            if len(key_or_id) < 8:
                raise KeyAdminError("give the key itself or at least 8 characters of its id")
            targets = [k.key_hash for k, _ in self.list_keys() if k.key_hash.startswith(key_or_id)]
        count = 0
        for key_hash in targets:
            if self.redis.exists(self._key_key(key_hash)):
                self.redis.hset(self._key_key(key_hash), "revoked", "1")
                count += 1
        return count

    def _existing_user(self, user: str) -> UserRecord:
        record = self.get_user(user)
        if record is None:
            raise KeyAdminError(f"no user {user!r}")
        return record

    def set_tier(self, user: str, tier: Tier) -> UserRecord:
        record = replace(self._existing_user(user), tier=check_tier(tier))
        self._put_user(record)
        return record

    def set_limits(
        self, user: str, daily_tokens: int | None = None, rpm: int | None = None, output_cap: int | None = None
    ) -> UserRecord:
        record = self._existing_user(user)
        _check_limits(daily_tokens, rpm, output_cap)
        record = replace(
            record,
            daily_tokens=daily_tokens if daily_tokens is not None else record.daily_tokens,
            rpm=rpm if rpm is not None else record.rpm,
            output_cap=output_cap if output_cap is not None else record.output_cap,
        )
        self._put_user(record)
        return record

    def set_staff(self, user: str, staff: bool) -> UserRecord:
        """Grant (True) or revoke (False) staff for a user: all their keys, at once."""
        record = replace(self._existing_user(user), staff=bool(staff))
        self._put_user(record)
        return record


def _check_limits(daily_tokens: int | None, rpm: int | None, output_cap: int | None) -> None:
    for name, value in (("daily tokens", daily_tokens), ("rpm", rpm), ("output cap", output_cap)):
        if value is not None and value < 0:
            raise KeyAdminError(f"{name} must be >= 0")


class RedisKeyLookup:
    """Resolves a presented key to a `Principal` (async client: the API)."""

    def __init__(self, redis: AsyncRedis, settings: Settings, prefix: str = "rd:") -> None:
        self.redis = redis
        self.settings = settings
        self.prefix = prefix

    async def authenticate(self, key: str) -> Principal | None:
        if not looks_like_key(key):
            return None
        key_hash = hash_key(key)
        fields = _decode(await self.redis.hgetall(f"{self.prefix}key:{key_hash}"))
        if not fields or fields.get("revoked") == "1":
            return None
        user_fields = _decode(await self.redis.hgetall(f"{self.prefix}user:{fields['user']}"))
        if not user_fields:
            return None
        record = KeyRecord(key_hash, fields["user"], fields.get("label", ""), float(fields.get("created", 0)))
        return principal_for(self.settings, record, UserRecord.from_fields(fields["user"], user_fields))

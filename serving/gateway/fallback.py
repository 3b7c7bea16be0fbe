"""In-process versions of the gateway's state, for running without Redis (one API process only).

- `FileKeyStore`: keys and users in a JSON file in the data directory (the CLI and the API are
  different processes, so keys cannot live in memory); the API re-reads it when it changes.
- `MemoryLimiter`, `MemoryAdmissionQueue`: the same behaviour as the Redis versions, within this
  process. With several API processes each would enforce its own limits: use Redis there.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
import time
import uuid
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Any

from serving.gateway.keys import (
    KEY_PREFIX,
    KeyAdminError,
    KeyRecord,
    Principal,
    Tier,
    UserRecord,
    check_tier,
    check_user_name,
    hash_key,
    key_label,
    looks_like_key,
    new_key,
    principal_for,
)
from serving.gateway.limits import USAGE_TTL_S, WINDOW_MS, RequestWindow, Settlement, TokenGrant, Usage, _day_iso
from serving.gateway.queue import AdmissionError, Disconnected, QueueConfig, Slot, wait_event

if TYPE_CHECKING:
    from core.settings import Settings


# --- keys ------------------------------------------------------------------------------------
RACY_WINDOW_NS = 2_000_000_000  # a key file younger than this is compared by content, not by its time


class FileKeyStore:
    """Keys and users in one JSON file (written atomically; the admin side and the API side may
    be different processes)."""

    def __init__(self, path: Path, settings: Settings | None = None) -> None:
        self.path = path
        self.settings = settings
        self._lock = threading.Lock()
        # (stat signature, parsed data, raw bytes) of the last read
        self._cache: tuple[tuple[int, int, int], dict[str, dict[str, dict[str, str]]], bytes] | None = None

    @classmethod
    def for_settings(cls, settings: Settings) -> FileKeyStore:
        return cls(settings.data_dir / "gateway-keys.json", settings)

    def _load(self) -> dict[str, dict[str, dict[str, str]]]:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return {"users": {}, "keys": {}}
        signature = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        # File times move in clock ticks (milliseconds): a second write within the tick of the one
        # cached (a revoke right after a create) keeps the signature, so a recent file is re-read
        # and compared, as git does for "racily clean" files.
        recent = time.time_ns() - stat.st_mtime_ns < RACY_WINDOW_NS
        if self._cache is not None and self._cache[0] == signature and not recent:
            return self._cache[1]
        raw = self.path.read_bytes()
        if self._cache is not None and self._cache[2] == raw:
            self._cache = (signature, self._cache[1], raw)
            return self._cache[1]
        data = json.loads(raw or b"{}")
        data.setdefault("users", {})
        data.setdefault("keys", {})
        self._cache = (signature, data, raw)
        return data

    def _save(self, data: dict[str, dict[str, dict[str, str]]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True))
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)
        self._cache = None

    def get_user(self, user: str) -> UserRecord | None:
        fields = self._load()["users"].get(user)
        return UserRecord.from_fields(user, fields) if fields else None

    def create_key(
        self,
        user: str,
        tier: Tier | None = None,
        daily_tokens: int | None = None,
        rpm: int | None = None,
        output_cap: int | None = None,
        staff: bool | None = None,
    ) -> tuple[str, KeyRecord, UserRecord]:
        check_user_name(user)
        with self._lock:
            data = self._load()
            existing = self.get_user(user)
            record = UserRecord(
                user=user,
                tier=check_tier(tier) if tier else (existing.tier if existing else "free"),
                created=existing.created if existing else time.time(),
                daily_tokens=daily_tokens
                if daily_tokens is not None
                else (existing.daily_tokens if existing else None),
                rpm=rpm if rpm is not None else (existing.rpm if existing else None),
                output_cap=output_cap if output_cap is not None else (existing.output_cap if existing else None),
                staff=staff if staff is not None else (existing.staff if existing else False),
            )
            key = new_key()
            key_record = KeyRecord(hash_key(key), user, key_label(key), time.time())
            data["users"][user] = record.to_fields()
            data["keys"][key_record.key_hash] = {
                "user": user,
                "label": key_record.label,
                "created": repr(key_record.created),
                "revoked": "0",
            }
            self._save(data)
        return key, key_record, record

    def list_keys(self) -> list[tuple[KeyRecord, UserRecord | None]]:
        data = self._load()
        out = []
        for key_hash, fields in data["keys"].items():
            record = KeyRecord.from_fields(key_hash, fields)
            out.append((record, self.get_user(record.user)))
        return sorted(out, key=lambda pair: (pair[0].user, pair[0].created))

    def list_users(self) -> list[UserRecord]:
        return [UserRecord.from_fields(u, f) for u, f in sorted(self._load()["users"].items())]

    def revoke(self, key_or_id: str) -> int:
        with self._lock:
            data = self._load()
            if key_or_id.startswith(KEY_PREFIX):
                targets = [hash_key(key_or_id)]
            elif len(key_or_id) >= 8:
                targets = [h for h in data["keys"] if h.startswith(key_or_id)]
            else:
                raise KeyAdminError("give the key itself or at least 8 characters of its id")
            count = 0
            for key_hash in targets:
                if key_hash in data["keys"]:
                    data["keys"][key_hash]["revoked"] = "1"
                    count += 1
            if count:
                self._save(data)
        return count

    def _update_user(self, user: str, **changes: object) -> UserRecord:
        with self._lock:
            data = self._load()
            record = self.get_user(user)
            if record is None:
                raise KeyAdminError(f"no user {user!r}")
            values: dict[str, Any] = {
                "tier": record.tier,
                "daily_tokens": record.daily_tokens,
                "rpm": record.rpm,
                "output_cap": record.output_cap,
                "staff": record.staff,
            }
            values.update({k: v for k, v in changes.items() if v is not None})
            updated = UserRecord(
                user,
                check_tier(str(values["tier"])),
                record.created,
                values["daily_tokens"],
                values["rpm"],
                values["output_cap"],
                bool(values["staff"]),
            )  # type: ignore[arg-type]
            data["users"][user] = updated.to_fields()
            self._save(data)
        return updated

    def set_tier(self, user: str, tier: Tier) -> UserRecord:
        return self._update_user(user, tier=check_tier(tier))

    def set_limits(
        self, user: str, daily_tokens: int | None = None, rpm: int | None = None, output_cap: int | None = None
    ) -> UserRecord:
        for value in (daily_tokens, rpm, output_cap):
            if value is not None and value < 0:
                raise KeyAdminError("limits must be >= 0")
        return self._update_user(user, daily_tokens=daily_tokens, rpm=rpm, output_cap=output_cap)

    def set_staff(self, user: str, staff: bool) -> UserRecord:
        """Grant (True) or revoke (False) staff for a user: all their keys, at once."""
        return self._update_user(user, staff=bool(staff))

    async def authenticate(self, key: str) -> Principal | None:
        if self.settings is None or not looks_like_key(key):
            return None
        key_hash = hash_key(key)
        fields = self._load()["keys"].get(key_hash)
        if not fields or fields.get("revoked") == "1":
            return None
        user = self.get_user(fields["user"])
        if user is None:
            return None
        return principal_for(self.settings, KeyRecord(key_hash, user.user, fields.get("label", ""), 0.0), user)


# --- limits ----------------------------------------------------------------------------------
class MemoryLimiter:
    """`Limiter` within one process (same results, no Redis)."""

    def __init__(self, reservation_ttl_s: int = 3600) -> None:
        self.reservation_ttl_s = reservation_ttl_s
        self._windows: dict[str, deque[float]] = {}
        self._usage: dict[tuple[str, int], dict[str, int]] = {}
        self._reservations: dict[str, tuple[tuple[str, int], int, float]] = {}

    @staticmethod
    def _day(now: float) -> int:
        return int(now // 86_400)

    def _today(self, user: str, now: float) -> dict[str, int]:
        oldest = self._day(now) - USAGE_TTL_S // 86_400
        for key in [k for k in self._usage if k[1] < oldest]:
            del self._usage[key]
        return self._usage.setdefault((user, self._day(now)), {})

    async def hit_request(self, principal: Principal) -> RequestWindow:
        now = time.time() * 1000
        window = self._windows.setdefault(principal.user, deque())
        while window and window[0] <= now - WINDOW_MS:
            window.popleft()
        if len(window) >= principal.rpm:
            reset = (window[0] + WINDOW_MS - now) if window else WINDOW_MS
            return RequestWindow(False, principal.rpm, 0, reset / 1000)
        window.append(now)
        return RequestWindow(True, principal.rpm, principal.rpm - len(window), (window[0] + WINDOW_MS - now) / 1000)

    async def reserve(self, principal: Principal, amount: int) -> TokenGrant:
        now = time.time()
        usage = self._today(principal.user, now)
        reset = 86_400 - int(now) % 86_400
        used = usage.get("used", 0)
        if used + amount > principal.daily_tokens:
            usage["refused"] = usage.get("refused", 0) + 1
            return TokenGrant(False, "", amount, used, principal.daily_tokens, reset)
        for name, delta in (("used", amount), ("reserved", amount), ("requests", 1)):
            usage[name] = usage.get(name, 0) + delta
        reservation_id = uuid.uuid4().hex
        self._reservations[reservation_id] = ((principal.user, self._day(now)), amount, now + self.reservation_ttl_s)
        return TokenGrant(True, reservation_id, amount, used + amount, principal.daily_tokens, reset)

    async def settle(self, grant: TokenGrant, prompt_tokens: int, completion_tokens: int) -> Settlement:
        entry = self._reservations.pop(grant.reservation_id, None) if grant.allowed else None
        if entry is None or entry[2] < time.time():
            return Settlement(False, 0, grant.used)
        key, amount, _expires = entry
        usage = self._usage.setdefault(key, {})
        actual = max(0, prompt_tokens) + max(0, completion_tokens)
        usage["used"] = usage.get("used", 0) + actual - amount
        usage["reserved"] = usage.get("reserved", 0) - amount
        usage["prompt"] = usage.get("prompt", 0) + max(0, prompt_tokens)
        usage["completion"] = usage.get("completion", 0) + max(0, completion_tokens)
        return Settlement(True, amount - actual, usage["used"])

    async def count_cache_hit(self, principal: Principal) -> None:
        usage = self._today(principal.user, time.time())
        usage["cache_hits"] = usage.get("cache_hits", 0) + 1

    async def count_refusal(self, principal: Principal) -> None:
        usage = self._today(principal.user, time.time())
        usage["refused"] = usage.get("refused", 0) + 1

    async def usage(self, principal: Principal) -> Usage:
        now = time.time()
        fields = self._today(principal.user, now)
        window = self._windows.get(principal.user, deque())
        last_minute = sum(1 for t in window if t > now * 1000 - WINDOW_MS)
        return Usage(
            user=principal.user,
            tier=principal.tier,
            day=_day_iso(self._day(now)),
            used=fields.get("used", 0),
            reserved=fields.get("reserved", 0),
            prompt_tokens=fields.get("prompt", 0),
            completion_tokens=fields.get("completion", 0),
            requests=fields.get("requests", 0),
            cache_hits=fields.get("cache_hits", 0),
            refused=fields.get("refused", 0),
            daily_tokens=principal.daily_tokens,
            reset_s=86_400 - int(now) % 86_400,
            rpm=principal.rpm,
            requests_last_minute=last_minute,
            output_cap=principal.output_cap,
        )


# --- admission queue -------------------------------------------------------------------------
class MemoryAdmissionQueue:
    """`AdmissionQueue` within one process: the same order, bound and paid reservation."""

    def __init__(self, config: QueueConfig) -> None:
        self.config = config
        self._waiting: list[tuple[int, int, str]] = []  # (priority, seq, ticket), kept sorted
        self._running: dict[str, str] = {}  # ticket -> tier
        self._granted: dict[str, asyncio.Event] = {}
        self._seq = 0
        self._mean_s = 0.0

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        return None

    def _admit(self) -> None:
        free_running = sum(1 for tier in self._running.values() if tier == "free")
        for item in list(self._waiting):
            if len(self._running) >= self.config.capacity:
                break
            _priority, _seq, ticket = item
            paid = ticket.startswith("p")
            if paid or free_running < self.config.capacity - self.config.paid_reserved:
                self._waiting.remove(item)
                self._running[ticket] = "paid" if paid else "free"
                free_running += 0 if paid else 1
                self._granted[ticket].set()

    async def acquire(self, tier: str, is_disconnected: Disconnected | None = None) -> Slot:
        if len(self._waiting) >= self.config.max_waiting:
            raise AdmissionError(
                "queue_full", self.config.retry_after(len(self._waiting), self._mean_s), len(self._waiting)
            )
        ticket = ("p" if tier == "paid" else "f") + uuid.uuid4().hex
        self._seq += 1
        self._waiting.append((0 if tier == "paid" else 1, self._seq, ticket))
        self._waiting.sort()
        granted = self._granted[ticket] = asyncio.Event()
        started = time.monotonic()
        self._admit()
        try:
            while not granted.is_set():
                remaining = self.config.timeout_s - (time.monotonic() - started)
                if remaining <= 0:
                    raise AdmissionError(
                        "queue_timeout", self.config.retry_after(len(self._waiting), self._mean_s), len(self._waiting)
                    )
                await wait_event(granted, min(self.config.poll_s, remaining))
                if not granted.is_set() and is_disconnected is not None and await is_disconnected():
                    raise AdmissionError("disconnected", 0)
        except BaseException:
            self._leave(ticket)
            raise
        return Slot(ticket, tier, time.monotonic() - started, self._give_back)

    def _leave(self, ticket: str) -> None:
        self._waiting = [w for w in self._waiting if w[2] != ticket]
        self._granted.pop(ticket, None)
        if self._running.pop(ticket, None) is not None:
            self._admit()

    async def _give_back(self, slot: Slot, took_s: float) -> None:
        if self._running.pop(slot.ticket, None) is not None:
            self._mean_s = took_s if self._mean_s == 0 else self._mean_s * 0.8 + took_s * 0.2
        self._granted.pop(slot.ticket, None)
        self._admit()

    async def snapshot(self) -> dict[str, int]:
        waiting = [w[2] for w in self._waiting]
        return {
            "capacity": self.config.capacity,
            "paid_reserved": self.config.paid_reserved,
            "waiting_paid": sum(1 for w in waiting if w.startswith("p")),
            "waiting_free": sum(1 for w in waiting if w.startswith("f")),
            "running_paid": sum(1 for t in self._running.values() if t == "paid"),
            "running_free": sum(1 for t in self._running.values() if t == "free"),
        }

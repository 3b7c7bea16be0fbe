"""The response cache in Redis, shared by every API process and the indexing run.

Keys (prefix `rd:cache:` by default):
    e:<id>        hash: question, answer, citations, chunk ids, scope, created, embedding, ...
    x:<digest>    the exact layer: scope + normalised question -> entry id
    c:<chunk id>  set of the entries citing that chunk (what invalidation reads)
    t:<chunk id>  tombstone: the chunk was removed; no new entry may cite it for a while
    log           stream of ("add" | "del", id): each process replays it into its in-memory
                  semantic index, incrementally
Writes and invalidations are Lua scripts, so an answer being stored while the indexing run
removes a chunk it cites is either invalidated or refused, never left behind.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from core.answer_cache.base import AnswerCache, CacheEntry, CacheLookup, Embed, exact_digest
from core.answer_cache.matcher import MatchParams

if TYPE_CHECKING:
    from redis import Redis
    from redis.asyncio import Redis as AsyncRedis

    from core.settings import Settings

log = logging.getLogger(__name__)

LOG_MAXLEN = 200_000
INVALIDATE_BATCH = 500

# KEYS: entry, exact, log, then (chunk set, tombstone) pairs. ARGV: ttl, id, log maxlen, field/value...
_PUT = """
for i = 4, #KEYS, 2 do
  if redis.call('EXISTS', KEYS[i + 1]) == 1 then return 0 end
end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('EXPIRE', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[1])
for i = 4, #KEYS, 2 do
  redis.call('SADD', KEYS[i], ARGV[2])
  if redis.call('TTL', KEYS[i]) < tonumber(ARGV[1]) then redis.call('EXPIRE', KEYS[i], ARGV[1]) end
end
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[3], '*', 'op', 'add', 'id', ARGV[2])
return 1
"""

# KEYS: log, then (chunk set, tombstone) pairs. ARGV: tombstone ttl, key prefix, log maxlen.
# Returns the ids of the entries removed.
_INVALIDATE = """
local removed = {}
for i = 2, #KEYS, 2 do
  local ids = redis.call('SMEMBERS', KEYS[i])
  for _, id in ipairs(ids) do
    local entry = ARGV[2] .. 'e:' .. id
    local digest = redis.call('HGET', entry, 'x')
    if digest then
      local exact = ARGV[2] .. 'x:' .. digest
      if redis.call('GET', exact) == id then redis.call('DEL', exact) end
      redis.call('DEL', entry)
      redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', 'op', 'del', 'id', id)
      table.insert(removed, id)
    end
  end
  redis.call('DEL', KEYS[i])
  if tonumber(ARGV[1]) > 0 then redis.call('SET', KEYS[i + 1], '1', 'EX', ARGV[1]) end
end
return removed
"""


# What a replayed exact hit reads of its entry (CacheEntry.from_fields): everything but `vec`.
_EXACT_FIELDS = ("q", "a", "cit", "chunks", "scope", "created", "x", "ak", "meta")
# KEYS: the exact key. ARGV: the entry key prefix. The exact layer in one round trip: the entry id
# under the question's digest, then that entry's fields. Returns false, or {id, {value or false, ...}}.
_EXACT = (
    "local id = redis.call('GET', KEYS[1])\n"
    "if not id then return false end\n"
    "return {id, redis.call('HMGET', ARGV[1] .. id, " + ", ".join(f"'{name}'" for name in _EXACT_FIELDS) + ")}\n"
)


def cache_prefix(gateway_redis_prefix: str = "rd:") -> str:
    return f"{gateway_redis_prefix}cache:"


def _invalidate(redis: Redis, prefix: str, chunk_ids: Sequence[str], tombstone_ttl_s: int) -> list[str]:
    removed: list[str] = []
    script = redis.register_script(_INVALIDATE)
    for start in range(0, len(chunk_ids), INVALIDATE_BATCH):
        batch = chunk_ids[start : start + INVALIDATE_BATCH]
        keys = [f"{prefix}log"]
        for chunk_id in batch:
            keys += [f"{prefix}c:{chunk_id}", f"{prefix}t:{chunk_id}"]
        result = script(keys=keys, args=[int(tombstone_ttl_s), prefix, LOG_MAXLEN])
        removed += [r.decode() if isinstance(r, bytes) else str(r) for r in result or []]
    return removed


def invalidate_chunks(
    redis: Redis, chunk_ids: Sequence[str], prefix: str = "rd:cache:", tombstone_ttl_s: int = 24 * 3600
) -> int:
    """Remove every cached answer citing one of `chunk_ids` (the indexing run calls this with the
    chunks it changed or deleted); the number of answers removed. Until `tombstone_ttl_s` has
    passed, an answer still being generated from one of these chunks is refused by `store`."""
    ids = sorted(set(chunk_ids))
    if not ids:
        return 0
    removed = _invalidate(redis, prefix, ids, tombstone_ttl_s)
    if removed:
        log.info("response cache: %d cached answers citing %d changed chunks invalidated", len(removed), len(ids))
    return len(removed)


def invalidation_callback(settings: Settings) -> Any:
    """`on_removed_chunks` for `core.indexing.run_index`: removes the cached answers citing the
    removed chunks from the cache in Redis (REDIS_URL, else the Redis `ragdesk up` starts).

    An index run does not need Redis: where nothing answers there, the callback logs a warning
    and removes nothing. The cache scope carries the docstore's index generation, which the run
    raises, so an API process stops serving the older answers anyway."""
    from redis.exceptions import RedisError

    from core.clients import make_redis, redis_unavailable

    redis = make_redis(settings)
    prefix = cache_prefix(settings.gateway_redis_prefix)

    def on_removed_chunks(chunk_ids: list[str]) -> int:
        try:
            return invalidate_chunks(redis, chunk_ids, prefix, settings.cache_tombstone_ttl_s)
        except (RedisError, OSError) as exc:
            log.warning(
                "response cache: answers citing %d changed chunks not removed (%s); they retire with the "
                "new index generation",
                len(chunk_ids),
                redis_unavailable(settings, exc),
            )
            return 0

    return on_removed_chunks


class RedisAnswerCache(AnswerCache):
    def __init__(
        self,
        redis: Redis,
        embed: Embed,
        dim: int,
        params: MatchParams,
        ttl_s: float,
        prefix: str = "rd:cache:",
        tombstone_ttl_s: int = 24 * 3600,
        max_rows: int = 50_000,
    ) -> None:
        super().__init__(embed, dim, params, ttl_s, max_rows)
        self.redis = redis
        self.prefix = prefix
        self.tombstone_ttl_s = tombstone_ttl_s
        self._put = redis.register_script(_PUT)
        self._log_position = "0-0"
        self._sync_lock = threading.Lock()
        self._exact_scripts: weakref.WeakKeyDictionary[AsyncRedis, Any] = weakref.WeakKeyDictionary()

    @classmethod
    def from_settings(cls, settings: Settings, redis: Redis, embed: Embed) -> RedisAnswerCache:
        return cls(
            redis,
            embed,
            settings.embed_dim,
            MatchParams.from_settings(settings),
            settings.cache_ttl_s,
            cache_prefix(settings.gateway_redis_prefix),
            settings.cache_tombstone_ttl_s,
            settings.cache_max_entries,
        )

    def _key(self, kind: str, name: str) -> str:
        return f"{self.prefix}{kind}:{name}"

    def _get_entry(self, entry_id: str) -> CacheEntry | None:
        raw: Any = self.redis.hgetall(self._key("e", entry_id))
        return CacheEntry.from_fields(entry_id, raw) if raw else None

    def _get_exact(self, digest: str) -> CacheEntry | None:
        entry_id: Any = self.redis.get(self._key("x", digest))
        return self._get_entry(entry_id.decode()) if entry_id else None

    async def lookup_exact(self, redis: AsyncRedis, question: str, scope: str) -> CacheLookup:
        """The exact layer through an asyncio client of the same Redis, in the event loop: the
        path of every repeated question, without a hop to a worker thread and back, in one round
        trip (a Lua script reads the id and the entry's fields). The entry comes without its
        vector: a replay does not read it."""
        started = time.perf_counter()
        script = self._exact_scripts.get(redis)
        if script is None:
            script = self._exact_scripts[redis] = redis.register_script(_EXACT)
        found: Any = await script(keys=[self._key("x", exact_digest(scope, question))], args=[self._key("e", "")])
        entry = None
        if found:
            raw = {
                name.encode(): value for name, value in zip(_EXACT_FIELDS, found[1], strict=True) if value is not None
            }
            entry = CacheEntry.from_fields(found[0].decode(), raw) if raw else None
        return self.exact_result(entry, scope, started)

    def _write(self, entry: CacheEntry) -> bool:
        keys = [self._key("e", entry.entry_id), self._key("x", entry.digest), f"{self.prefix}log"]
        for chunk_id in entry.chunk_ids:
            keys += [self._key("c", chunk_id), self._key("t", chunk_id)]
        args: list[Any] = [int(self.ttl_s), entry.entry_id, LOG_MAXLEN]
        for name, value in entry.fields().items():
            args += [name, value]
        written = bool(self._put(keys=keys, args=args))
        if not written:
            log.info("response cache: not stored, it cites a chunk an index update just removed")
        return written

    def _invalidate(self, chunk_ids: list[str]) -> list[str]:
        return _invalidate(self.redis, self.prefix, chunk_ids, self.tombstone_ttl_s)

    def _clear(self) -> int:
        count = 0
        for key in self.redis.scan_iter(match=f"{self.prefix}*", count=1000):
            count += int(key.startswith(f"{self.prefix}e:".encode()))
            self.redis.delete(key)
        with self._sync_lock:
            self._log_position = "0-0"
        return count

    def _sync(self) -> None:
        """Replay the entry log from where this process left off into the semantic index."""
        with self._sync_lock:
            while True:
                batch: Any = self.redis.xread({f"{self.prefix}log": self._log_position}, count=2000)
                if not batch:
                    return
                events = batch[0][1]
                added: list[str] = []
                for event_id, fields in events:
                    entry_id = fields[b"id"].decode()
                    if fields[b"op"] == b"add":
                        if entry_id not in self.index:
                            added.append(entry_id)
                    else:
                        self.index.remove(entry_id)
                        if entry_id in added:
                            added.remove(entry_id)
                    self._log_position = event_id.decode()
                self._load(added)
                if len(events) < 2000:
                    return

    def _load(self, entry_ids: list[str]) -> None:
        if not entry_ids:
            return
        pipe = self.redis.pipeline(transaction=False)
        for entry_id in entry_ids:
            pipe.hmget(self._key("e", entry_id), ["vec", "ak", "q", "scope", "created"])
        results: list[Any] = pipe.execute()
        for entry_id, values in zip(entry_ids, results, strict=True):
            vec, akey, question, scope, created = values
            if vec is None:
                continue  # expired or invalidated since
            self.index.add(
                entry_id,
                np.frombuffer(vec, dtype=np.float32),
                akey.decode(),
                question.decode(),
                scope.decode(),
                float(created),
            )

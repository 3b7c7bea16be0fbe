"""Random ids for the request path (request ids, completion ids, rate-limit window members,
reservations, queue tickets): uuid4's form and randomness, read from `os.urandom` a block at a time.

`uuid.uuid4()` reads 16 bytes from `os.urandom` per call, and CPython gives up the GIL around that
`getrandom` call; when another thread holds the GIL then (the request-log writer), the event
loop waits for it, up to the switch interval (5 ms). Profiled on exact cache hits under load:
the three ids of a hit cost ~230 us of event-loop time each that way. Here one `os.urandom` call
serves 256 ids.
"""

from __future__ import annotations

import os
import threading

_BLOCK = 4096


class _RandomPool:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._block = b""
        self._at = 0

    def take(self, n: int) -> bytes:
        with self._lock:
            if self._at + n > len(self._block):
                self._block, self._at = os.urandom(max(_BLOCK, n)), 0
            out = self._block[self._at : self._at + n]
            self._at += n
            return out

    def reset(self) -> None:
        """A forked child must not hand out its parent's bytes."""
        self._lock = threading.Lock()
        self._block, self._at = b"", 0


_POOL = _RandomPool()
os.register_at_fork(after_in_child=_POOL.reset)


def random_bytes(n: int) -> bytes:
    """`n` bytes from the operating system's CSPRNG (`os.urandom`), each handed out once."""
    return _POOL.take(n)


def uuid4_hex() -> str:
    """What `uuid.uuid4().hex` returns: 32 hex digits, version 4, RFC 4122 variant."""
    raw = bytearray(_POOL.take(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    return raw.hex()

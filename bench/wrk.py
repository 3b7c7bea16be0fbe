"""Passes of bench/load.py driven by `wrk` (Debian's `wrk`, C, one thread) instead of the Python
client: on a 2-core machine the asyncio/httpx client costs about as much CPU per request as the
API's own cache hit, so it, not the server, bounded the measured rate. `wrk` with one thread
leaves the other core to the server, which is what a load generator on another machine does.

A Lua script rotates the request bodies, counts answers that are not 200 (or lack the wanted
`X-Cache` value) and prints one `RESULT` line with the percentiles (`latency:percentile`)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

SCRIPT = """
bodies = {%(bodies)s}
want = %(want)s
counter = 0
bad = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  if #bodies == 0 then
    return wrk.format(%(method)s, %(path)s)
  end
  return wrk.format(%(method)s, %(path)s, {["Content-Type"] = "application/json"}, bodies[(counter %% #bodies) + 1])
end

function response(status, headers, body)
  local cache = headers["x-cache"] or headers["X-Cache"]
  if status ~= 200 or (want ~= "" and cache ~= want) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("bad")
  end
  local e = summary.errors
  failed = failed + e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %%d %%d %%d %%.1f %%.1f %%.1f\\n", summary.requests, summary.duration, failed,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def available() -> bool:
    return shutil.which("wrk") is not None


def _lua_string(text: str) -> str:
    level = "=" * 4
    assert f"]{level}]" not in text
    return f"[{level}[{text}]{level}]"


def run(
    url: str, path: str, clients: int, seconds: float, bodies: list[str] | None = None, want: str = ""
) -> tuple[int, float, int, float, float, float]:
    """(requests, seconds, failed, p50 ms, p95 ms, p99 ms) of `clients` connections for `seconds`."""
    script = SCRIPT % {
        "bodies": ", ".join(_lua_string(b) for b in bodies or []),
        "want": _lua_string(want),
        "method": _lua_string("POST" if bodies else "GET"),
        "path": _lua_string(path),
    }
    with tempfile.TemporaryDirectory(prefix="ragdesk-wrk-") as tmp:
        lua = Path(tmp) / "pass.lua"
        lua.write_text(script, encoding="utf-8")
        out = subprocess.run(
            ["wrk", "-t1", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--timeout", "10s", "-s", str(lua), url],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=True,
        ).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    requests, micros, failed, p50, p95, p99 = line.split()[1:]
    return int(requests), int(micros) / 1e6, int(failed), float(p50), float(p95), float(p99)

"""Reading server-sent events in tests."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any


def parse_sse(lines: Iterable[str]) -> list[tuple[str, Any]]:
    """(event, data) pairs; data parsed as JSON where it is JSON."""
    events: list[tuple[str, Any]] = []
    name = "message"
    data: list[str] = []
    for line in lines:
        if not line:
            if data:
                raw = "\n".join(data)
                try:
                    value: Any = json.loads(raw)
                except json.JSONDecodeError:
                    value = raw
                events.append((name, value))
            name, data = "message", []
        elif line.startswith("event:"):
            name = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].removeprefix(" "))
    return events

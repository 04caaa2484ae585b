"""Server-sent events: split a byte stream into whole events, and write events back.

An event ends at a blank line (``\\n\\n``, ``\\r\\n\\r\\n`` or ``\\r\\r``). The splitter is fed
chunks as they arrive and returns every event completed so far, keeping a partial one for
the next chunk; :func:`fields` reads an event's ``event:`` name and joined ``data:`` lines.
"""

from __future__ import annotations

import json
import re
from typing import Any

_END = re.compile(rb"\r\n\r\n|\n\n|\r\r")


class Splitter:
    """Incremental SSE framing: bytes in, whole raw events (with their blank line) out."""

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, chunk: bytes) -> list[bytes]:
        data = self._buffer + chunk
        events: list[bytes] = []
        start = 0
        for m in _END.finditer(data):
            events.append(data[start:m.end()])
            start = m.end()
        self._buffer = data[start:]
        return events

    def rest(self) -> bytes:
        """Bytes after the last complete event (a stream that ended mid-event)."""
        rest, self._buffer = self._buffer, b""
        return rest


def fields(raw: bytes) -> tuple[str | None, str | None]:
    """(event name, data) of one raw event; data lines are joined with newlines."""
    name: str | None = None
    data: list[str] = []
    for line in raw.decode("utf-8", "replace").splitlines():
        key, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if key == "event":
            name = value
        elif key == "data":
            data.append(value)
    return name, ("\n".join(data) if data else None)


def encode(name: str | None, doc: Any) -> bytes:
    """One event: an optional ``event:`` line and the JSON ``data:`` line."""
    head = f"event: {name}\n" if name else ""
    return f"{head}data: {json.dumps(doc, ensure_ascii=False, separators=(',', ':'))}\n\n".encode()

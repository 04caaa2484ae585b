"""Forwarding: one request to the upstream pool, one reply back, streamed or whole.

Headers pass through except the hop-by-hop ones; the upstream is asked for an identity
encoding so a reply's bytes can be relayed (or rewritten) as they come. A streamed reply
(``text/event-stream``) is relayed chunk by chunk as each arrives: untouched under
``allow``, event by event through a :class:`~frontierguard.gateway.strip.StreamStripper`
under ``strip_reasoning``. Either way its events are read for the token counts, after each
chunk has gone on to the client.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import httpx
from starlette.datastructures import Headers

from frontierguard.gateway import sse
from frontierguard.gateway.apis import Usage, loads_object, read_usage
from frontierguard.gateway.strip import StreamStripper

HOP_BY_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
                        "te", "trailer", "transfer-encoding", "upgrade", "host",
                        "content-length", "accept-encoding"})


def upstream_headers(headers: Headers) -> list[tuple[str, str]]:
    """The client's headers to send on (no hop-by-hop ones), asking for identity encoding."""
    out = [(k, v) for k, v in headers.items() if k.lower() not in HOP_BY_HOP]
    return [*out, ("accept-encoding", "identity")]


def reply_headers(response: httpx.Response, rewritten: bool) -> dict[str, str]:
    """The upstream's reply headers to send back (no length when the body is rewritten)."""
    drop = HOP_BY_HOP | ({"content-encoding"} if rewritten else frozenset())
    return {k: v for k, v in response.headers.items() if k.lower() not in drop}


def is_stream(response: httpx.Response) -> bool:
    return str(response.headers.get("content-type", "")).startswith("text/event-stream")


def _observe(api: str, raw: bytes, usage: Usage) -> None:
    _name, data = sse.fields(raw)
    if data and data.lstrip().startswith("{"):
        read_usage(api, loads_object(data.encode()), usage)


async def relay(api: str, response: httpx.Response, strip: bool, usage: Usage,
                done: Callable[[], None]) -> AsyncIterator[bytes]:
    """The reply stream to send on; ``done`` runs once it ends, however it ends."""
    splitter = sse.Splitter()
    stripper = StreamStripper(api) if strip else None
    try:
        async for chunk in response.aiter_raw():
            events = splitter.feed(chunk)
            if stripper is None:
                yield chunk
            else:
                out = b"".join(b"".join(stripper.event(e)) for e in events)
                if out:
                    yield out
            for e in events:
                _observe(api, e, usage)
        rest = splitter.rest()
        if stripper is not None and rest:
            yield rest
    finally:
        await response.aclose()
        done()

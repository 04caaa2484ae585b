"""The gateway in front of a live upstream: the three APIs, streamed and not, passed through."""

from __future__ import annotations

import json

import httpx
import pytest

from support import model_upstream
from support.gateway_live import PATHS, RAW_KEY, Live, events_of, headers, request
from support.model_upstream import ANSWER, SECRET


@pytest.mark.parametrize("path", PATHS)
def test_unstreamed_reply_passes_through_unchanged(live: Live, path: str) -> None:
    r = live.client.post(path, json=request(path), headers=headers(path))
    assert r.status_code == 200
    reply = model_upstream.SHAPES[path][0]("frontier-1")
    assert r.json() == reply
    assert SECRET in r.text  # allow keeps the reasoning


@pytest.mark.parametrize("path", PATHS)
def test_stream_passes_through_event_for_event(live: Live, path: str) -> None:
    r = live.client.post(path, json=request(path, stream=True), headers=headers(path))
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/event-stream")
    expected = b"".join(model_upstream.SHAPES[path][1]("frontier-1"))
    assert r.content == expected


@pytest.mark.parametrize("path", PATHS)
def test_stream_is_relayed_as_it_arrives(live: Live, path: str) -> None:
    """The first event reaches the client while the upstream holds back the rest."""
    name = f"first-{path}"
    gate = model_upstream.gate(name)
    with live.client.stream("POST", path, json=request(path, stream=True),
                            headers={**headers(path), "x-test-gate": name}) as r:
        chunks = r.iter_raw()
        first = next(chunks)
        assert not gate.is_set()
        assert first == next(model_upstream.SHAPES[path][1]("frontier-1"))
        gate.set()
        rest = b"".join(chunks)
    assert events_of(first + rest)[-1] is not None


def test_models_pass_through_and_unknown_paths_are_404(live: Live) -> None:
    r = live.client.get("/v1/models", headers=headers("/v1/models"))
    assert r.status_code == 200 and r.json()["data"][0]["id"] == "frontier-1"
    cases = [("/v1/embeddings", {}, "error"), ("/nope", {"anthropic-version": "2023-06-01"},
                                               "type")]
    for path, extra, top in cases:
        r = live.client.post(path, json={}, headers=extra)
        assert r.status_code == 404
        assert top in r.json()
    assert live.client.post("/v1/embeddings", json={}).json()["error"]["code"] == "unknown_url"
    assert live.client.get("/nope", headers={"anthropic-version": "1"}).json()["error"][
        "type"] == "not_found_error"


def test_upstream_errors_pass_through_unchanged(live: Live) -> None:
    path = "/v1/chat/completions"
    r = live.client.post(path, json=request(path, model="broken-model"), headers=headers(path))
    assert r.status_code == 500
    assert r.json()["error"]["code"] == "upstream_own"


def test_missing_key_and_bad_body_are_refused_in_the_api_shape(live: Live) -> None:
    r = live.client.post("/v1/messages", json=request("/v1/messages"),
                         headers={"anthropic-version": "2023-06-01"})
    assert r.status_code == 401
    assert r.json() == {"type": "error", "error": {
        "type": "authentication_error", "message": "No API key provided.",
        "code": "invalid_api_key"}}
    r = live.client.post("/v1/chat/completions", content=b"[1, 2",
                         headers=headers("/v1/chat/completions"))
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_json"


def test_upstream_down_is_502_in_the_api_shape(tmp_path: object, watchlist: object) -> None:
    from support.gateway_live import run_gateway
    from support.live import free_port

    dead = f"http://127.0.0.1:{free_port()}"
    with run_gateway(tmp_path, dead) as gw:  # type: ignore[arg-type]
        r = gw.client.post("/v1/messages", json=request("/v1/messages"),
                           headers=headers("/v1/messages"))
    assert r.status_code == 502
    assert r.json()["type"] == "error"


def test_key_reaches_the_upstream_and_the_reply_carries_usage(live: Live) -> None:
    path = "/v1/messages"
    live.client.post(path, json=request(path), headers=headers(path))
    assert model_upstream.SEEN[-1]["x-api-key"] == RAW_KEY
    rows = live.wait_events(1)
    assert (rows[-1]["input_tokens"], rows[-1]["output_tokens"]) == (13, 9)
    extra = json.loads(rows[-1]["extra"])
    assert extra["gen_ai.system"] == "anthropic"
    assert extra["frontierguard.gateway.action"] == "allow"
    assert ANSWER


def test_concurrent_requests_all_answered_and_recorded(live: Live) -> None:
    import asyncio

    async def burst() -> list[int]:
        async with httpx.AsyncClient(base_url=live.url, timeout=60) as client:
            path = "/v1/chat/completions"
            calls = [client.post(path, json=request(path, stream=i % 2 == 0),
                                 headers=headers(path, f"sk-{i % 5}")) for i in range(40)]
            return [r.status_code for r in await asyncio.gather(*calls)]

    assert asyncio.run(burst()) == [200] * 40
    rows = live.wait_events(40)
    assert len({r["request_id"] for r in rows}) == 40
    assert len({r["account_id"] for r in rows}) == 5


def test_body_over_the_limit_is_413(tmp_path: object, upstream: str) -> None:
    from support.gateway_live import run_gateway

    big = request("/v1/messages", "x" * 5000)
    with run_gateway(tmp_path, upstream, gateway_max_body_bytes=1000) as gw:  # type: ignore[arg-type]
        r = gw.client.post("/v1/messages", json=big, headers=headers("/v1/messages"))
        small = gw.client.post("/v1/messages", json=request("/v1/messages"),
                               headers=headers("/v1/messages"))
    assert r.status_code == 413 and r.json()["error"]["type"] == "request_too_large"
    assert small.status_code == 200

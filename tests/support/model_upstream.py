"""A small model API for the gateway tests: OpenAI Chat Completions and Responses and
Anthropic Messages, streamed and not, each reply carrying reasoning to strip.

A streamed reply stops after its first event until the test opens the gate named by the
``x-test-gate`` header (so a test can see the first event arrive before the rest exists).
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

SECRET = "the model's private reasoning"
ANSWER = "Paris."
GATES: dict[str, threading.Event] = {}
SEEN: list[dict[str, str]] = []  # headers of every model request received


def gate(name: str) -> threading.Event:
    return GATES.setdefault(name, threading.Event())


def _sse(doc: Any, name: str | None = None) -> bytes:
    head = f"event: {name}\n" if name else ""
    return f"{head}data: {json.dumps(doc)}\n\n".encode()


def chat_reply(model: str) -> dict[str, Any]:
    return {"id": "chatcmpl-1", "object": "chat.completion", "model": model, "choices": [
        {"index": 0, "finish_reason": "stop", "message": {
            "role": "assistant", "reasoning_content": SECRET,
            "content": f"<think>{SECRET}</think>{ANSWER}"}}],
        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18,
                  "completion_tokens_details": {"reasoning_tokens": 5}}}


def chat_events(model: str) -> Iterator[bytes]:
    base = {"id": "chatcmpl-2", "object": "chat.completion.chunk", "model": model}

    def chunk(delta: dict[str, Any], finish: str | None = None) -> bytes:
        return _sse({**base, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})

    yield chunk({"role": "assistant", "content": ""})
    yield chunk({"reasoning_content": SECRET})
    for piece in ("<th", "ink>", SECRET, "</thi", "nk>", "Par", "is."):
        yield chunk({"content": piece})
    yield chunk({}, "stop")
    yield _sse({**base, "choices": [], "usage": {"prompt_tokens": 11, "completion_tokens": 7}})
    yield b"data: [DONE]\n\n"


def responses_reply(model: str) -> dict[str, Any]:
    return {"id": "resp_1", "object": "response", "model": model, "status": "completed",
            "output": [
                {"type": "reasoning", "id": "rs_1", "summary": [
                    {"type": "summary_text", "text": SECRET}]},
                {"type": "message", "id": "msg_1", "role": "assistant", "content": [
                    {"type": "output_text", "text": f"<think>{SECRET}</think>{ANSWER}"}]}],
            "usage": {"input_tokens": 12, "output_tokens": 8,
                      "output_tokens_details": {"reasoning_tokens": 6}}}


def responses_events(model: str) -> Iterator[bytes]:
    final = responses_reply(model)
    seq = iter(range(1000))

    def ev(doc: dict[str, Any]) -> bytes:
        return _sse({**doc, "sequence_number": next(seq)}, doc["type"])

    yield ev({"type": "response.created", "response": {**final, "status": "in_progress",
                                                      "output": []}})
    yield ev({"type": "response.output_item.added", "output_index": 0,
              "item": {"type": "reasoning", "id": "rs_1", "summary": []}})
    yield ev({"type": "response.reasoning_summary_text.delta", "item_id": "rs_1",
              "output_index": 0, "summary_index": 0, "delta": SECRET})
    yield ev({"type": "response.output_item.done", "output_index": 0,
              "item": final["output"][0]})
    yield ev({"type": "response.output_item.added", "output_index": 1, "item": {
        "type": "message", "id": "msg_1", "role": "assistant", "content": []}})
    for piece in ("<think>", SECRET[:5], SECRET[5:] + "</th", "ink>Paris."):
        yield ev({"type": "response.output_text.delta", "item_id": "msg_1", "output_index": 1,
                  "content_index": 0, "delta": piece})
    yield ev({"type": "response.output_text.done", "item_id": "msg_1", "output_index": 1,
              "content_index": 0, "text": f"<think>{SECRET}</think>{ANSWER}"})
    yield ev({"type": "response.output_item.done", "output_index": 1, "item": final["output"][1]})
    yield ev({"type": "response.completed", "response": final})


def messages_reply(model: str) -> dict[str, Any]:
    return {"id": "msg_01", "type": "message", "role": "assistant", "model": model,
            "content": [{"type": "thinking", "thinking": SECRET, "signature": "sig"},
                        {"type": "redacted_thinking", "data": "opaque"},
                        {"type": "text", "text": f"<think>{SECRET}</think>{ANSWER}"}],
            "stop_reason": "end_turn", "usage": {"input_tokens": 13, "output_tokens": 9}}


def messages_events(model: str) -> Iterator[bytes]:
    start = {**messages_reply(model), "content": [], "stop_reason": None,
             "usage": {"input_tokens": 13, "output_tokens": 1}}
    yield _sse({"type": "message_start", "message": start}, "message_start")
    yield _sse({"type": "content_block_start", "index": 0,
                "content_block": {"type": "thinking", "thinking": ""}}, "content_block_start")
    yield _sse({"type": "content_block_delta", "index": 0,
                "delta": {"type": "thinking_delta", "thinking": SECRET}}, "content_block_delta")
    yield _sse({"type": "content_block_delta", "index": 0,
                "delta": {"type": "signature_delta", "signature": "sig"}}, "content_block_delta")
    yield _sse({"type": "content_block_stop", "index": 0}, "content_block_stop")
    yield _sse({"type": "content_block_start", "index": 1,
                "content_block": {"type": "text", "text": ""}}, "content_block_start")
    for piece in ("<think>" + SECRET, "</think>Par", "is.<"):
        yield _sse({"type": "content_block_delta", "index": 1,
                    "delta": {"type": "text_delta", "text": piece}}, "content_block_delta")
    yield _sse({"type": "content_block_stop", "index": 1}, "content_block_stop")
    yield _sse({"type": "message_delta", "delta": {"stop_reason": "end_turn"},
                "usage": {"output_tokens": 9}}, "message_delta")
    yield _sse({"type": "message_stop"}, "message_stop")


SHAPES = {"/v1/chat/completions": (chat_reply, chat_events),
          "/v1/responses": (responses_reply, responses_events),
          "/v1/messages": (messages_reply, messages_events)}


async def _gated(events: Iterator[bytes], name: str | None) -> AsyncIterator[bytes]:
    for i, event in enumerate(events):
        yield event
        if i == 0 and name:
            await asyncio.to_thread(gate(name).wait, 60)


async def model(request: Request) -> Response:
    body = await request.json()
    SEEN.append(dict(request.headers))
    if body.get("model") == "broken-model":
        return JSONResponse({"error": {"message": "upstream says no", "type": "server_error",
                                       "code": "upstream_own"}}, 500)
    reply, events = SHAPES[request.url.path]
    if body.get("stream"):
        return StreamingResponse(_gated(events(body["model"]), request.headers.get("x-test-gate")),
                                 media_type="text/event-stream")
    return JSONResponse(reply(body["model"]))


async def models(request: Request) -> Response:
    return JSONResponse({"object": "list", "data": [{"id": "frontier-1", "object": "model"}]})


def create_upstream() -> Starlette:
    routes = [Route(p, model, methods=["POST"]) for p in SHAPES]
    return Starlette(routes=[*routes, Route("/v1/models", models)])

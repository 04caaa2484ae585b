"""The three model APIs the gateway fronts: what a request asks, what a reply used, and
each API's own error shape.

* OpenAI Chat Completions, ``POST /v1/chat/completions``;
* OpenAI Responses, ``POST /v1/responses``;
* Anthropic Messages, ``POST /v1/messages``.

A refusal uses the API's own error body, so a client's SDK raises its usual error type:
OpenAI ``{"error": {"message", "type", "code", "param"}}`` and Anthropic
``{"type": "error", "error": {"type", "message"}}`` (plus ``code`` for a refusal a client
can act on, such as ``organization_verification_required``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

CHAT, RESPONSES, MESSAGES = "chat", "responses", "messages"
ROUTES = {"/v1/chat/completions": CHAT, "/v1/responses": RESPONSES, "/v1/messages": MESSAGES}

#: action -> (HTTP status, OpenAI type, Anthropic type, stable code)
REFUSALS = {
    "block": (403, "invalid_request_error", "permission_error", "request_blocked_by_policy"),
    "require_verification": (403, "invalid_request_error", "permission_error",
                             "organization_verification_required"),
    "rate_limit": (429, "requests", "rate_limit_error", "rate_limit_exceeded"),
    "unauthenticated": (401, "invalid_request_error", "authentication_error", "invalid_api_key"),
    "not_found": (404, "invalid_request_error", "not_found_error", "unknown_url"),
    "bad_request": (400, "invalid_request_error", "invalid_request_error", "invalid_json"),
    "too_large": (413, "invalid_request_error", "request_too_large", "request_too_large"),
    "unavailable": (503, "server_error", "api_error", "gateway_unavailable"),
}
MESSAGES_TEXT = {
    "block": "This request was blocked by the provider's usage policy.",
    "require_verification": ("Your organization must be verified to make this request. "
                             "Complete organization verification, then retry."),
    "rate_limit": "Rate limit reached for this account; retry after the Retry-After seconds.",
    "unauthenticated": "No API key provided.",
    "not_found": "Unknown request URL.",
    "bad_request": "The request body is not a JSON object.",
    "too_large": "The request body is larger than the gateway accepts.",
    "unavailable": "The gateway cannot decide on this request right now; retry shortly.",
}


@dataclass(frozen=True)
class Ask:
    """What a request asks for, as the event model records it."""

    model: str
    prompt: str | None
    system_prompt: str | None
    stream: bool
    turns: int
    max_tokens: int | None
    temperature: float | None
    thinking: bool
    tools: int


def error_body(api: str, kind: str, message: str | None = None) -> dict[str, Any]:
    """The error JSON ``api`` itself would send for ``kind`` (a key of :data:`REFUSALS`)."""
    _status, openai_type, anthropic_type, code = REFUSALS[kind]
    text = message or MESSAGES_TEXT[kind]
    if api == MESSAGES:
        return {"type": "error", "error": {"type": anthropic_type, "message": text, "code": code}}
    return {"error": {"message": text, "type": openai_type, "code": code, "param": None}}


def _text(content: Any) -> str | None:
    """Plain text of a message's content: a string, or a list of text parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [p.get("text") for p in content if isinstance(p, dict)]
        texts = [t for t in parts if isinstance(t, str)]
        return "\n".join(texts) if texts else None
    return None


def _last_user(messages: Any) -> tuple[str | None, int]:
    if isinstance(messages, str):
        return messages, 1
    if not isinstance(messages, list):
        return None, 0
    users = [m for m in messages if isinstance(m, dict) and m.get("role", "user") == "user"]
    return (_text(users[-1].get("content")) if users else None), len(messages)


def _system(body: dict[str, Any], api: str) -> str | None:
    if api == MESSAGES:
        return _text(body.get("system"))
    if api == RESPONSES:
        return _text(body.get("instructions"))
    msgs = body.get("messages")
    found = [_text(m.get("content")) for m in msgs or [] if isinstance(m, dict)
             and m.get("role") in ("system", "developer")] if isinstance(msgs, list) else []
    texts = [t for t in found if t]
    return "\n".join(texts) if texts else None


def _number(value: Any, kind: type) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return kind(value)


def _thinking(body: dict[str, Any], api: str) -> bool:
    if api == MESSAGES:
        t = body.get("thinking")
        return isinstance(t, dict) and t.get("type") in ("enabled", "adaptive")
    if api == RESPONSES:
        return isinstance(body.get("reasoning"), dict)
    return body.get("reasoning_effort") is not None


def parse_ask(api: str, body: dict[str, Any]) -> Ask:
    """The facts of a request body (anything absent or of the wrong type is None)."""
    prompt, turns = _last_user(body.get("input") if api == RESPONSES else body.get("messages"))
    limit = body.get("max_output_tokens" if api == RESPONSES else "max_tokens")
    if api == CHAT and limit is None:
        limit = body.get("max_completion_tokens")
    tools = body.get("tools")
    model = body.get("model")
    return Ask(model if isinstance(model, str) else "", prompt, _system(body, api),
               body.get("stream") is True, turns, _number(limit, int),
               _number(body.get("temperature"), float), _thinking(body, api),
               len(tools) if isinstance(tools, list) else 0)


@dataclass
class Usage:
    """Token counts and stop reason gathered from a reply (whole or streamed)."""

    input_tokens: int | None = None
    output_tokens: int | None = None
    reasoning_tokens: int | None = None
    stop_reason: str | None = None
    response_id: str | None = None

    @property
    def total(self) -> int:
        return (self.input_tokens or 0) + (self.output_tokens or 0)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _openai_usage(u: Any, usage: Usage, names: tuple[str, str, str]) -> None:
    if not isinstance(u, dict):
        return
    usage.input_tokens = _int(u.get(names[0]))
    usage.output_tokens = _int(u.get(names[1]))
    details = u.get(names[2])
    if isinstance(details, dict):
        usage.reasoning_tokens = _int(details.get("reasoning_tokens"))


def read_usage(api: str, doc: Any, usage: Usage) -> None:
    """Fold one reply document (a whole reply or one streamed event) into ``usage``."""
    if not isinstance(doc, dict):
        return
    if api == RESPONSES and isinstance(doc.get("response"), dict):
        doc = doc["response"]  # response.created / response.completed events
    if isinstance(doc.get("id"), str) and usage.response_id is None:
        usage.response_id = doc["id"]
    if api == CHAT:
        _openai_usage(doc.get("usage"), usage, ("prompt_tokens", "completion_tokens",
                                                "completion_tokens_details"))
        for choice in doc.get("choices") or []:
            if isinstance(choice, dict) and isinstance(choice.get("finish_reason"), str):
                usage.stop_reason = choice["finish_reason"]
    elif api == RESPONSES:
        _openai_usage(doc.get("usage"), usage, ("input_tokens", "output_tokens",
                                                "output_tokens_details"))
        if isinstance(doc.get("status"), str) and doc.get("status") != "in_progress":
            usage.stop_reason = doc["status"]
    else:
        _anthropic_usage(doc, usage)


def _anthropic_usage(doc: dict[str, Any], usage: Usage) -> None:
    message: dict[str, Any] = doc["message"] if isinstance(doc.get("message"), dict) else doc
    if isinstance(message.get("id"), str) and usage.response_id is None:
        usage.response_id = message["id"]
    u = message.get("usage") if isinstance(message.get("usage"), dict) else doc.get("usage")
    if isinstance(u, dict):
        if _int(u.get("input_tokens")) is not None:
            usage.input_tokens = _int(u.get("input_tokens"))
        if _int(u.get("output_tokens")) is not None:
            usage.output_tokens = _int(u.get("output_tokens"))
    delta: dict[str, Any] = doc["delta"] if isinstance(doc.get("delta"), dict) else message
    if isinstance(delta.get("stop_reason"), str):
        usage.stop_reason = delta["stop_reason"]


def loads_object(raw: bytes) -> dict[str, Any] | None:
    """A JSON object from bytes, or None when it is not one."""
    try:
        doc = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return doc if isinstance(doc, dict) else None

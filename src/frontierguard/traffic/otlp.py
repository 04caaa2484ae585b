"""OpenTelemetry GenAI spans (OTLP JSON) to API events.

Accepts a file holding one ``ExportTraceServiceRequest`` object, or one per line
(the OTLP file exporter's layout). Each span becomes one event; attributes follow
the GenAI semantic conventions (``gen_ai.request.model``, ``gen_ai.usage.*``, ...).
Attributes named exactly like an event column are taken as that column; every
other attribute is kept in ``extra``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from frontierguard.core.errors import InputError
from frontierguard.traffic.schema import BY_NAME
from frontierguard.traffic.textio import parse_json

#: OTLP attribute -> event column (first present wins).
ATTRIBUTE_MAP: dict[str, str] = {
    "gen_ai.request.model": "model",
    "gen_ai.response.model": "model",
    "gen_ai.response.id": "request_id",
    "gen_ai.usage.input_tokens": "input_tokens",
    "gen_ai.usage.output_tokens": "output_tokens",
    "gen_ai.usage.reasoning_tokens": "reasoning_tokens",
    "gen_ai.request.max_tokens": "max_tokens",
    "gen_ai.request.temperature": "temperature",
    "gen_ai.response.finish_reasons": "stop_reason",
    "gen_ai.prompt": "prompt",
    "gen_ai.system_instructions": "system_prompt",
    "gen_ai.operation.name": "endpoint",
    "user.id": "account_id",
    "enduser.id": "account_id",
    "client.address": "ip",
    "user_agent.original": "user_agent",
    "tls.client.ja3": "tls_fingerprint",
}


def _value(v: Any) -> Any:
    """Decode an OTLP ``AnyValue``."""
    if not isinstance(v, dict):
        raise _Malformed("an attribute value must be an AnyValue object", "attributes")
    for key in ("stringValue", "boolValue", "doubleValue"):
        if key in v:
            return v[key]
    if "intValue" in v:
        return int(v["intValue"])
    if "arrayValue" in v:
        values = v["arrayValue"].get("values") if isinstance(v["arrayValue"], dict) else None
        return [_value(x) for x in values or []]
    if "kvlistValue" in v:
        kvs = v["kvlistValue"].get("values") if isinstance(v["kvlistValue"], dict) else None
        return _attributes(kvs)
    return None


def _last_user_message(messages: Any) -> str | None:
    """The last user turn of ``gen_ai.input.messages`` (JSON text or list)."""
    if isinstance(messages, str):
        try:
            messages = json.loads(messages)
        except json.JSONDecodeError:
            return str(messages)
    if not isinstance(messages, list):
        return None
    for msg in reversed(messages):
        if isinstance(msg, dict) and msg.get("role") == "user":
            parts = msg.get("parts") or [{"content": msg.get("content")}]
            texts = [str(p.get("content")) for p in parts if isinstance(p, dict) and p.get("content")]
            return "\n".join(texts) or None
    return None


def span_to_record(span: dict[str, Any], resource: dict[str, Any]) -> dict[str, Any]:
    """Map one span (with its resource attributes) to an event record."""
    attrs = {**resource, **_attributes(span.get("attributes"))}
    rec: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in attrs.items():
        column = ATTRIBUTE_MAP.get(key)
        if column is not None:
            if column == "stop_reason" and isinstance(value, list):
                value = value[0] if value else None
            rec.setdefault(column, value)
        else:
            extra[key] = value
    if "gen_ai.input.messages" in extra and "prompt" not in rec:
        rec["prompt"] = _last_user_message(extra.pop("gen_ai.input.messages"))
    if "gen_ai.tool.definitions" in extra and "tools" not in rec:
        tools = extra.pop("gen_ai.tool.definitions")
        if isinstance(tools, str):
            try:
                tools = json.loads(tools)
            except json.JSONDecodeError:
                tools = []
        rec["tools"] = len(tools) if isinstance(tools, list) else None
    start = span.get("startTimeUnixNano")
    if start not in (None, "") and not str(start).isdigit():
        raise _Malformed(f"startTimeUnixNano must be integer nanoseconds, got {start!r}", "ts")
    rec["ts"] = int(str(start)) // 1_000_000 if start not in (None, "") else None
    rec.setdefault("request_id", span.get("spanId"))
    for key in list(extra):
        if key in BY_NAME:
            rec.setdefault(key, extra.pop(key))
    rec.update({k: v for k, v in extra.items() if k not in rec})
    return rec


class _Malformed(ValueError):
    """A span that does not have the OTLP shape (field: the event column or OTLP key)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def _docs(text: str, path: Path) -> list[Any]:
    try:
        return [parse_json(text, path, None)]
    except InputError:
        pass
    return [parse_json(line, path, lineno) for lineno, line in enumerate(text.splitlines(), start=1)
            if line.strip()]


def _items(value: Any, where: str) -> list[dict[str, Any]]:
    """An OTLP list of objects (absent means empty), or _Malformed naming where."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise _Malformed(f"{where} must be a list of objects", where)
    return value


def _resource(rs: dict[str, Any]) -> dict[str, Any]:
    res = rs.get("resource") or {}
    if not isinstance(res, dict):
        raise _Malformed("resource must be an object", "resource")
    return _attributes(res.get("attributes"))


def _attributes(value: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for a in _items(value, "attributes"):
        if not isinstance(a.get("key"), str):
            raise _Malformed("an attribute has no string key", "attributes")
        out[a["key"]] = _value(a.get("value") or {})
    return out


def _spans(doc: Any, path: Path) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    if not isinstance(doc, dict) or "resourceSpans" not in doc:
        raise InputError("not an OTLP trace export (no resourceSpans)", path)
    for rs in _items(doc["resourceSpans"], "resourceSpans"):
        resource = _resource(rs)
        for ss in _items(rs.get("scopeSpans"), "scopeSpans"):
            for span in _items(ss.get("spans"), "spans"):
                yield resource, span


def iter_otlp_records(text: str, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(span_number, record)`` for every span of OTLP JSON text; a span or structure
    of the wrong shape is an InputError naming the span and the field."""
    n = 0
    try:
        for doc in _docs(text, path):
            for resource, span in _spans(doc, path):
                n += 1
                record = span_to_record(span, resource)
                yield n, record
    except (_Malformed, KeyError, TypeError, AttributeError, ValueError) as exc:
        field = exc.field if isinstance(exc, _Malformed) else None
        raise InputError(f"malformed OTLP span ({exc})", path, n or None, field, "span") from None

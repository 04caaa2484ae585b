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
from typing import IO, Any

from frontierguard.core.errors import InputError
from frontierguard.traffic.schema import BY_NAME

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


def _value(v: dict[str, Any]) -> Any:
    """Decode an OTLP ``AnyValue``."""
    for key in ("stringValue", "boolValue", "doubleValue"):
        if key in v:
            return v[key]
    if "intValue" in v:
        return int(v["intValue"])
    if "arrayValue" in v:
        return [_value(x) for x in v["arrayValue"].get("values", [])]
    if "kvlistValue" in v:
        return {kv["key"]: _value(kv.get("value", {})) for kv in v["kvlistValue"].get("values", [])}
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
    attrs = {**resource}
    attrs.update({a["key"]: _value(a.get("value", {})) for a in span.get("attributes", [])})
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
    rec["ts"] = int(start) // 1_000_000 if start not in (None, "") else None
    rec.setdefault("request_id", span.get("spanId"))
    for key in list(extra):
        if key in BY_NAME:
            rec.setdefault(key, extra.pop(key))
    rec.update({k: v for k, v in extra.items() if k not in rec})
    return rec


def iter_otlp_records(fh: IO[str], path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(span_number, record)`` for every span in an OTLP JSON file."""
    text = fh.read()
    try:
        docs = [json.loads(text)]
    except json.JSONDecodeError:
        docs = []
        for lineno, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    docs.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"invalid JSON ({exc.msg})", path, lineno, None, "line") from None
    n = 0
    for doc in docs:
        if not isinstance(doc, dict) or "resourceSpans" not in doc:
            raise InputError("not an OTLP trace export (no resourceSpans)", path)
        for rs in doc["resourceSpans"]:
            resource = {
                a["key"]: _value(a.get("value", {}))
                for a in rs.get("resource", {}).get("attributes", [])
            }
            for ss in rs.get("scopeSpans", []):
                for span in ss.get("spans", []):
                    n += 1
                    yield n, span_to_record(span, resource)


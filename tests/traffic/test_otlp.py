"""OTLP JSON GenAI spans map onto the event model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from frontierguard.core.errors import InputError
from frontierguard.core.store import connect
from frontierguard.traffic.ingest import load_events


def _attr(key: str, value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"key": key, "value": {"boolValue": value}}
    if isinstance(value, int):
        return {"key": key, "value": {"intValue": str(value)}}
    if isinstance(value, list):
        return {"key": key, "value": {"arrayValue": {"values": [{"stringValue": v} for v in value]}}}
    return {"key": key, "value": {"stringValue": value}}


def _export(spans: list[dict[str, Any]]) -> dict[str, Any]:
    return {"resourceSpans": [{
        "resource": {"attributes": [_attr("service.name", "gateway")]},
        "scopeSpans": [{"scope": {"name": "genai"}, "spans": spans}],
    }]}


SPAN = {
    "traceId": "5b8efff798038103d269b633813fc60c", "spanId": "eee19b7ec3c1b174",
    "name": "chat m-large", "startTimeUnixNano": "1772359200123000000",
    "attributes": [
        _attr("gen_ai.request.model", "m-large"), _attr("gen_ai.usage.input_tokens", 120),
        _attr("gen_ai.usage.output_tokens", 900), _attr("gen_ai.request.max_tokens", 4096),
        _attr("gen_ai.response.finish_reasons", ["stop"]), _attr("user.id", "acct-7"),
        _attr("client.address", "203.0.113.9"),
        _attr("gen_ai.input.messages", json.dumps([
            {"role": "system", "parts": [{"type": "text", "content": "be brief"}]},
            {"role": "user", "parts": [{"type": "text", "content": "Prove it step by step"}]},
        ])),
        _attr("thinking", True),
    ],
}


def test_span_becomes_an_event(tmp_path: Path) -> None:
    path = tmp_path / "spans.json"
    path.write_text(json.dumps(_export([SPAN])))
    con = connect(":memory:")
    load_events(con, [path])
    row = con.execute(
        "SELECT epoch_ms(ts), account_id, model, input_tokens, output_tokens, max_tokens, "
        "stop_reason, ip, prompt, thinking, request_id, extra FROM events"
    ).fetchall()[0]
    assert row[:11] == (1772359200123, "acct-7", "m-large", 120, 900, 4096, "stop",
                        "203.0.113.9", "Prove it step by step", True, "eee19b7ec3c1b174")
    assert json.loads(row[11])["service.name"] == "gateway"


def test_one_export_per_line_is_accepted(tmp_path: Path) -> None:
    other = {**SPAN, "spanId": "aaa", "startTimeUnixNano": "1772359300000000000"}
    path = tmp_path / "spans.jsonl"
    path.write_text(json.dumps(_export([SPAN])) + "\n" + json.dumps(_export([other])) + "\n")
    con = connect(":memory:")
    assert load_events(con, [path]).inserted == 2


def test_span_without_model_names_the_span(tmp_path: Path) -> None:
    bad = {**SPAN, "attributes": [a for a in SPAN["attributes"]
                                  if a["key"] != "gen_ai.request.model"]}
    path = tmp_path / "spans.json"
    path.write_text(json.dumps(_export([SPAN, bad])))
    with pytest.raises(InputError, match=r"spans.json, span 2, field 'model'"):
        load_events(connect(":memory:"), [path])

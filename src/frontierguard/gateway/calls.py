"""One call through the gateway, and the event it becomes."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from frontierguard.gateway.apis import MESSAGES, Ask, Usage
from frontierguard.gateway.decide import Decision, Facts

SYSTEMS = {MESSAGES: "anthropic"}


@dataclass
class Call:
    """What the gateway knows about one model request as it handles it."""

    api: str
    endpoint: str
    ask: Ask
    account_id: str
    key_id: str
    ip: str | None
    user_agent: str | None
    tls_fingerprint: str | None
    started: float = field(default_factory=time.perf_counter)
    ts: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    request_id: str = field(default_factory=lambda: f"gw-{uuid.uuid4().hex}")
    decision: Decision = field(default_factory=lambda: Decision("allow"))
    facts: Facts | None = None


def _refused(usage: Usage) -> bool | None:
    if usage.stop_reason is None:
        return None
    return usage.stop_reason == "refusal"


def event_row(call: Call, status: int, usage: Usage) -> dict[str, Any]:
    """The event-model row (with GenAI and decision extras) for a finished call."""
    ask, d, facts = call.ask, call.decision, call.facts
    return {
        "ts": call.ts, "account_id": call.account_id, "model": ask.model or "(none)",
        "request_id": call.request_id, "api_key_id": call.key_id, "ip": call.ip,
        "user_agent": call.user_agent, "tls_fingerprint": call.tls_fingerprint,
        "endpoint": call.endpoint, "prompt": ask.prompt, "system_prompt": ask.system_prompt,
        "turns": ask.turns, "max_tokens": ask.max_tokens, "temperature": ask.temperature,
        "thinking": ask.thinking, "tools": ask.tools, "input_tokens": usage.input_tokens,
        "output_tokens": usage.output_tokens, "reasoning_tokens": usage.reasoning_tokens,
        "stop_reason": usage.stop_reason, "refused": _refused(usage),
        "gen_ai.system": SYSTEMS.get(call.api, "openai"), "gen_ai.operation.name": call.api,
        "gen_ai.request.model": ask.model or None, "gen_ai.response.id": usage.response_id,
        "gen_ai.usage.input_tokens": usage.input_tokens,
        "gen_ai.usage.output_tokens": usage.output_tokens, "http.response.status_code": status,
        "frontierguard.gateway.action": d.action,
        "frontierguard.gateway.reasons": " | ".join(d.reasons) or None,
        "frontierguard.gateway.rules": ";".join(d.rules) or None,
        "frontierguard.gateway.standing": facts.standing if facts else None,
        "frontierguard.gateway.cot_score": facts.cot_score if facts else None,
        "frontierguard.gateway.cot_rules": ";".join(facts.cot_rules) if facts else None,
    }

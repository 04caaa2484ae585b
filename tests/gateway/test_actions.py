"""Each action, decided live: allow, block, require_verification, strip_reasoning, rate_limit."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontierguard.core.datafiles import package_data
from support.gateway_live import (
    PATHS,
    RAW_KEY,
    Live,
    events_of,
    headers,
    request,
    run_gateway,
    wait_until,
)
from support.model_upstream import ANSWER, SECRET

SHOW_COT = "Show me your full chain of thought before the final answer."
HARVEST = SHOW_COT + " Put your reasoning inside <think> tags."


def set_standing(live: Live, watchlist: Path, standing: str, key: str = RAW_KEY) -> None:
    watchlist.write_text(f"account_id,standing,reason\n{live.account(key)},{standing},"
                         f"analyst review 12\n", encoding="utf-8")
    wait_until(lambda: live.gateway.standings.lookup(live.account(key)).standing == standing,
               "the watchlist reload")


def shipped_policy(tmp_path: Path, old: str, new: str) -> Path:
    text = package_data("frontierguard.gateway.policies", "gateway_v1.yaml").read_text("utf-8")
    assert old in text
    path = tmp_path / "policy.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def action_of(live: Live, n: int) -> list[str]:
    return [json.loads(r["extra"])["frontierguard.gateway.action"] for r in live.wait_events(n)]


def test_cot_scores_of_the_prompts_used_here(live: Live) -> None:
    scorer = live.gateway.scorer
    assert scorer.score(None, "What is the capital of France?").score == 0.0
    assert 0.5 <= scorer.score(None, SHOW_COT).score < 0.85
    assert scorer.score(None, HARVEST).score >= 0.85


BLOCK_CASES = [  # (standing, prompt, path, status, code)
    ("unknown", "What is the capital of France?", "/v1/chat/completions", 200, None),
    ("campaign", "What is the capital of France?", "/v1/chat/completions", 403,
     "request_blocked_by_policy"),
    ("blocked", "What is the capital of France?", "/v1/messages", 403,
     "request_blocked_by_policy"),
    ("unknown", HARVEST, "/v1/responses", 403, "request_blocked_by_policy"),
    ("unknown", SHOW_COT, "/v1/chat/completions", 403, "organization_verification_required"),
    ("unknown", SHOW_COT, "/v1/messages", 403, "organization_verification_required"),
    ("verified", SHOW_COT, "/v1/messages", 200, None),
]


@pytest.mark.parametrize(("standing", "prompt", "path", "status", "code"), BLOCK_CASES)
def test_refusals_use_the_api_error_shape(live: Live, watchlist: Path, standing: str,
                                          prompt: str, path: str, status: int,
                                          code: str | None) -> None:
    if standing != "unknown":
        set_standing(live, watchlist, standing)
    r = live.client.post(path, json=request(path, prompt), headers=headers(path))
    assert r.status_code == status
    if code is None:
        return
    body = r.json()
    if path == "/v1/messages":
        assert body["type"] == "error" and body["error"]["type"] == "permission_error"
        assert body["error"]["code"] == code
    else:
        assert set(body["error"]) == {"message", "type", "code", "param"}
        assert body["error"]["code"] == code
    event = live.wait_events(1)[-1]
    extra = json.loads(event["extra"])
    assert extra["frontierguard.gateway.action"] in ("block", "require_verification")
    assert extra["frontierguard.gateway.reasons"]
    assert extra["http.response.status_code"] == status


def test_block_reasons_name_the_rule_and_the_standing_source(live: Live, watchlist: Path) -> None:
    set_standing(live, watchlist, "campaign")
    path = "/v1/chat/completions"
    message = live.client.post(path, json=request(path), headers=headers(path)).json()[
        "error"]["message"]
    assert "gw.blocked_account" in message and "analyst review 12" in message
    reasons = json.loads(live.wait_events(1)[-1]["extra"])["frontierguard.gateway.reasons"]
    assert "gw.blocked_account" in reasons and "standing campaign" in reasons


@pytest.mark.parametrize("path", PATHS)
def test_strip_reasoning_whole_reply(live: Live, watchlist: Path, path: str) -> None:
    set_standing(live, watchlist, "watch")
    r = live.client.post(path, json=request(path), headers=headers(path))
    assert r.status_code == 200
    assert SECRET not in r.text and "<think>" not in r.text
    doc = r.json()
    if path == "/v1/chat/completions":
        message = doc["choices"][0]["message"]
        assert "reasoning_content" not in message and message["content"] == ANSWER
    elif path == "/v1/responses":
        assert [o["type"] for o in doc["output"]] == ["message"]
        assert doc["output"][0]["content"][0]["text"] == ANSWER
    else:
        assert doc["content"] == [{"type": "text", "text": ANSWER}]
    assert doc.get("usage")  # the rest of the reply is kept
    assert action_of(live, 1) == ["strip_reasoning"]


def _streamed_text(path: str, events: list[tuple[str | None, str | None]]) -> str:
    text = []
    for name, data in events:
        assert data is not None
        if data == "[DONE]":
            continue
        doc = json.loads(data)  # every event is whole, valid JSON
        if name is not None:
            assert name == doc["type"]
        if path == "/v1/chat/completions":
            text += [c["delta"].get("content") or "" for c in doc["choices"]]
        elif doc.get("type") in ("response.output_text.delta",):
            text.append(doc["delta"])
        elif doc.get("type") == "content_block_delta":
            text.append(doc["delta"]["text"])
    return "".join(text)


@pytest.mark.parametrize("path", PATHS)
def test_strip_reasoning_stream_stays_valid(live: Live, watchlist: Path, path: str) -> None:
    set_standing(live, watchlist, "watch")
    r = live.client.post(path, json=request(path, stream=True), headers=headers(path))
    assert r.status_code == 200
    assert SECRET not in r.text and "<think>" not in r.text
    for leftover in ('"type":"reasoning"', "reasoning_content", "response.reasoning",
                     '"thinking"', "thinking_delta", "signature_delta"):
        assert leftover not in r.text
    events = events_of(r.content)
    expected = ANSWER + ("<" if path == "/v1/messages" else "")
    assert _streamed_text(path, events) == expected
    docs = [json.loads(d) for _, d in events if d and d != "[DONE]"]
    if path == "/v1/messages":  # blocks renumbered without a gap
        starts = [d["index"] for d in docs if d["type"] == "content_block_start"]
        assert starts == [0]
        assert {d["index"] for d in docs if "index" in d} == {0}
    if path == "/v1/responses":
        added = [d["output_index"] for d in docs if d["type"] == "response.output_item.added"]
        assert added == [0]
        final = docs[-1]["response"]
        assert [o["type"] for o in final["output"]] == ["message"]
    event = live.wait_events(1)[-1]
    assert event["output_tokens"] in (7, 8, 9)  # usage still read from the rewritten stream


def test_rate_limit_by_requests_and_by_tokens(tmp_path: Path, upstream: str) -> None:
    policy = shipped_policy(tmp_path, "    window_s: 60\n    requests: 600\n    tokens: 600000",
                            "    window_s: 3600\n    requests: 2\n    tokens: 1000000")
    path = "/v1/chat/completions"
    with run_gateway(tmp_path, upstream, policy) as live:
        codes = [live.client.post(path, json=request(path), headers=headers(path))
                 for _ in range(3)]
        assert [r.status_code for r in codes] == [200, 200, 429]
        limited = codes[2]
        assert 1 <= int(limited.headers["Retry-After"]) <= 3600
        assert limited.json()["error"]["code"] == "rate_limit_exceeded"
        assert "2 requests per 3600 s" in limited.json()["error"]["message"]
        other = live.client.post(path, json=request(path), headers=headers(path, "sk-other"))
        assert other.status_code == 200  # budgets are per account
        assert action_of(live, 4).count("rate_limit") == 1


def test_token_budget_counts_reply_usage(tmp_path: Path, upstream: str) -> None:
    policy = shipped_policy(tmp_path, "    window_s: 60\n    requests: 600\n    tokens: 600000",
                            "    window_s: 3600\n    requests: 100\n    tokens: 10")
    path = "/v1/messages"
    with run_gateway(tmp_path, upstream, policy) as live:
        first = live.client.post(path, json=request(path), headers=headers(path))
        second = live.client.post(path, json=request(path), headers=headers(path))
    assert first.status_code == 200  # 13 + 9 tokens: the budget of 10 is now spent
    assert second.status_code == 429 and second.json()["error"]["type"] == "rate_limit_error"
    assert "10 tokens per 3600 s" in second.json()["error"]["message"]


def test_new_release_window(tmp_path: Path, upstream: str) -> None:
    released = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    policy = shipped_policy(tmp_path, "released_at: 2026-12-01T00:00:00Z",
                            f"released_at: {released}")
    watchlist = tmp_path / "w.csv"
    path = "/v1/chat/completions"
    with run_gateway(tmp_path, upstream, policy, watchlist) as live:
        watchlist.write_text(f"account_id,standing\n{live.account()},watch\n", encoding="utf-8")
        wait_until(lambda: live.gateway.standings.lookup(live.account()).standing == "watch",
                   "the watchlist")
        new = live.client.post(path, json=request(path, model="frontier-2"), headers=headers(path))
        old = live.client.post(path, json=request(path, model="frontier-1"), headers=headers(path))
    assert new.status_code == 403
    assert new.json()["error"]["code"] == "organization_verification_required"
    assert "new-release window" in new.json()["error"]["message"]
    assert old.status_code == 200 and SECRET not in old.text  # watch: stripped, not refused


@pytest.mark.parametrize("path", PATHS)
def test_stripped_stream_is_still_relayed_as_it_arrives(live: Live, watchlist: Path,
                                                        path: str) -> None:
    from support import model_upstream

    set_standing(live, watchlist, "watch")
    name = f"strip-first-{path}"
    gate = model_upstream.gate(name)
    with live.client.stream("POST", path, json=request(path, stream=True),
                            headers={**headers(path), "x-test-gate": name}) as r:
        chunks = r.iter_raw()
        first = next(chunks)
        assert not gate.is_set()  # the first event came while the upstream held the rest
        assert first.endswith(b"\n\n") and SECRET.encode() not in first
        gate.set()
        rest = b"".join(chunks)
    assert SECRET.encode() not in rest
    assert events_of(first + rest)

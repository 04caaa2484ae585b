"""A policy file given by path is reloaded when it changes; a file that no longer loads leaves
the policy in force and shows its error on /gateway/health."""

from __future__ import annotations

import os
from pathlib import Path

from frontierguard.core.datafiles import package_data
from frontierguard.gateway.policy_source import PolicySource
from support.gateway_live import Live, headers, request, run_gateway, wait_until

SHOW_COT = "Show me your full chain of thought before the final answer."
PATH = "/v1/chat/completions"
VERIFY = "{cot_min: 0.5, not_standing: [verified]}"


def _shipped() -> str:
    text = package_data("frontierguard.gateway.policies", "gateway_v1.yaml").read_text("utf-8")
    assert VERIFY in text and "name: gateway_v1\n" in text
    return text


def _replace(policy: Path, text: str) -> None:
    """Write ``text`` beside ``policy`` and rename it over: the reloader never reads half a
    file (docs/gateway.md: replace a policy by renaming a finished file over it)."""
    new = policy.with_suffix(".new")
    new.write_text(text, "utf-8")
    os.replace(new, policy)


def _code(live: Live) -> str | None:
    r = live.client.post(PATH, json=request(PATH, SHOW_COT), headers=headers(PATH))
    return None if r.status_code == 200 else str(r.json()["error"]["code"])


def _health(live: Live) -> dict[str, object]:
    r = live.client.get("/gateway/health", headers={"Authorization": f"Bearer {live.analyst}"})
    assert r.status_code == 200
    return dict(r.json())


def test_a_changed_policy_file_is_in_force_without_a_restart(tmp_path: Path, upstream: str,
                                                             watchlist: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(_shipped().replace("name: gateway_v1\n", "name: local_v1\n"), "utf-8")
    with run_gateway(tmp_path, upstream, policy=policy, watchlist=watchlist) as live:
        assert _code(live) == "organization_verification_required"
        # verification only from CoT score 0.95: this prompt now only has its reasoning stripped
        _replace(policy, _shipped().replace("name: gateway_v1\n", "name: local_v2\n").replace(
            VERIFY, "{cot_min: 0.95, not_standing: [verified]}"))
        wait_until(lambda: live.gateway.policy.name == "local_v2", "the policy reload")
        assert _code(live) is None
        assert _health(live)["policy_source"] == {"file": str(policy), "reloads": 1,
                                                  "error": None}
        _replace(policy, _shipped().replace("rules:\n", "rules: []\nold_rules:\n"))
        wait_until(lambda: "no rules" in live.gateway.policies.error, "the failed reload")
        state = _health(live)
        assert state["policy"] == "local_v2" and _code(live) is None
        source = state["policy_source"]
        assert isinstance(source, dict) and "no rules" in str(source["error"])
        reload = live.client.post("/gateway/reload",
                                  headers={"Authorization": f"Bearer {live.admin}"})
        assert reload.status_code == 200 and reload.json()["policy"] == "local_v2"


def test_a_shipped_policy_is_never_reloaded() -> None:
    source = PolicySource("gateway_v1", 4000)
    assert source.path is None and source.refresh() is False
    assert source.current.policy.name == "gateway_v1" and source.reloads == 0

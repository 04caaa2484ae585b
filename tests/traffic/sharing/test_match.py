"""detect's partner signal: accounts linked to a partner's campaign on keyed hashes only."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from frontierguard.core.errors import ConfigError
from frontierguard.traffic.sharing import api, match, partners
from frontierguard.traffic.sharing.keys import load_key
from support.sharing_data import LAB_B, lab_b


def accounts() -> list[dict[str, Any]]:
    return [{"account_id": r[0], "score": 0.1, "flagged": False, "reasons": ["own reason"]}
            for r in LAB_B]


@pytest.fixture
def store(detections: Path, key_file: Path, tmp_path: Path) -> Path:
    api.export_bundle(detections, tmp_path / "a.json", key_file, "Lab A")
    api.import_bundles([tmp_path / "a.json"], tmp_path / "b.duckdb", key_file)
    return tmp_path / "b.duckdb"


def test_accounts_link_by_kind_weight(store: Path, key_file: Path) -> None:
    found = match.matches(lab_b(), load_key(key_file), partners.read_active(store), 0.6)
    got = {m.account_id: (m.kinds, round(m.weight, 4), m.linked) for m in found}
    assert got == {
        "b_card": (("payment",), 0.9, True),
        "b_exit": (("ip", "ip24", "template"), round(1 - 0.4 * 0.7 * 0.5, 4), True),
        "b_agent": (("user_agent",), 0.1, False),
        "b_net": (("ip24", "tls"), round(1 - 0.7 * 0.7, 4), False),
    }


def test_linked_accounts_are_flagged_with_the_partner_reason(store: Path, key_file: Path,
                                                             tmp_path: Path) -> None:
    rows = accounts()
    found = match.partner_signal(lab_b(), rows, store, key_file)
    assert found is not None
    by_id = {a["account_id"]: a for a in rows}
    today = datetime.now(UTC).date().isoformat()
    card = by_id["b_card"]
    assert card["flagged"] and card["score"] == 0.9
    assert card["reasons"][0].startswith(f"seen in a campaign reported by Lab A on {today}")
    assert card["reasons"][1] == "own reason"
    assert not by_id["b_agent"]["flagged"] and by_id["b_agent"]["reasons"] == ["own reason"]
    assert by_id["b_clean"] == accounts()[-1]
    match.write(tmp_path / "m.csv", found)
    with (tmp_path / "m.csv").open() as fh:
        table = list(csv.DictReader(fh))
    assert [r["account_id"] for r in table] == ["b_agent", "b_card", "b_exit", "b_net"]
    assert table[1]["partner_campaign"] == "C001 (Lab A)" and table[1]["source"] == "Lab A"


def test_another_key_matches_nothing(store: Path, make_key: Callable[..., Path]) -> None:
    other = load_key(make_key("other.key", "z" * 48))
    assert match.matches(lab_b(), other, partners.read_active(store), 0.0) == []


def test_nothing_stored_changes_nothing(tmp_path: Path, key_file: Path) -> None:
    rows = accounts()
    assert match.partner_signal(lab_b(), rows, tmp_path / "none.duckdb", key_file) is None
    assert rows == accounts()


def test_stored_indicators_need_a_key(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FRONTIERGUARD_SHARE_KEY_FILE", raising=False)
    with pytest.raises(ConfigError, match="7 partner indicators are stored; give --key-file"):
        match.partner_signal(lab_b(), accounts(), store, None)


def test_revoked_campaign_matches_nothing(store: Path, key_file: Path, tmp_path: Path) -> None:
    from frontierguard.traffic.sharing import revoke

    revoke.write(tmp_path / "a.json", ["C001"], tmp_path / "r.json")
    api.import_bundles([tmp_path / "r.json"], store, key_file)
    assert match.partner_signal(lab_b(), accounts(), store, key_file) is None


def test_spark_engine_refuses_partner_matching(tmp_path: Path, key_file: Path) -> None:
    from frontierguard.traffic.detect import run_detection

    with pytest.raises(ConfigError, match="duckdb engine only"):
        run_detection([tmp_path / "e.parquet"], engine="spark", partners_db=tmp_path / "b.db",
                      key_file=key_file)

from __future__ import annotations

from pathlib import Path

import pytest

from frontierguard.core.errors import InputError
from frontierguard.traffic.tables import read_labels, read_releases


def test_releases_parse_rfc3339_and_epoch(tmp_path: Path) -> None:
    p = tmp_path / "r.csv"
    p.write_text("model,released_at\nm-2,2026-03-01T00:00:00Z\nm-3,1772359200000\n")
    t = read_releases(p)
    assert t.column("model").to_pylist() == ["m-2", "m-3"]
    assert [v.timestamp() for v in t.column("released_at").to_pylist()] == [1772323200, 1772359200]


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("model,released_at\nm,tomorrow\n", "line 2, field 'released_at'"),
        ("model,released_at\n,2026-01-01\n", "line 2, field 'model'"),
        ("model\nm\n", "missing column"),
        ("model,released_at\n", "no releases"),
    ],
)
def test_bad_releases(tmp_path: Path, text: str, match: str) -> None:
    p = tmp_path / "r.csv"
    p.write_text(text)
    with pytest.raises(InputError, match=match):
        read_releases(p)


def test_labels_empty_campaign_is_benign_and_duplicates_fail(tmp_path: Path) -> None:
    p = tmp_path / "l.csv"
    p.write_text("account_id,campaign,population\na,,casual_chat\nb,hydra-1,reasoning_harvest\n")
    t = read_labels(p)
    assert t.column("campaign").to_pylist() == [None, "hydra-1"]
    assert t.column("population").to_pylist() == ["casual_chat", "reasoning_harvest"]
    p.write_text("account_id,campaign\na,\na,x\n")
    with pytest.raises(InputError, match="line 3, field 'account_id': duplicate"):
        read_labels(p)

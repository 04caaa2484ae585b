"""Account ids from API keys: keyed, stable, and one secret per store however many start."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

from frontierguard.gateway.keys import KeyHasher, load_secret


def test_gateways_starting_together_share_one_private_secret(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    secrets: list[bytes] = []
    threads = [threading.Thread(target=lambda: secrets.append(load_secret("", db)))
               for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(secrets) == 8 and len(set(secrets)) == 1
    path = tmp_path / "store.duckdb.gateway-secret"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_secret("", db) == secrets[0]


def test_ids_depend_on_the_key_and_the_secret_and_hold_no_key() -> None:
    a, b = KeyHasher(b"one"), KeyHasher(b"two")
    account, key = a.ids("sk-live-123")
    assert (account, key) == a.ids("sk-live-123") != a.ids("sk-live-124")
    assert account != b.ids("sk-live-123")[0]
    assert "sk-live-123" not in account + key

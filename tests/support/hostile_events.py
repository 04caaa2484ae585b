"""Hostile event rows: each case a small table and the verdict both engines must give."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyarrow as pa

T0 = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)


def _rows(n: int, **cols: list[Any]) -> pa.Table:
    base: dict[str, Any] = {"ts": [T0 + dt.timedelta(minutes=i) for i in range(n)],
                            "account_id": [f"a{i}" for i in range(n)], "model": ["m-1"] * n}
    base.update(cols)
    return pa.table(base)


# (rows, expected verdict): ("ok", column, stored values) or ("error", row, field)
HOSTILE: dict[str, tuple[pa.Table, tuple[Any, ...]]] = {
    "asn_type padded and capitalised": (_rows(2, asn_type=["hosting", " Hosting"]),
                                        ("ok", "asn_type", ["hosting", "hosting"])),
    "asn_type unknown word": (_rows(2, asn_type=["hosting", "cloud"]), ("error", 2, "asn_type")),
    "asn_type tab-padded": (_rows(1, asn_type=["\tResidential\n"]),
                            ("ok", "asn_type", ["residential"])),
    "country not two letters": (_rows(2, country=["us", "zz9"]), ("error", 2, "country")),
    "country padded lower-case": (_rows(1, country=[" de "]), ("ok", "country", ["DE"])),
    "country non-ASCII": (_rows(1, country=["ß"]), ("error", 1, "country")),
    "account_id empty": (_rows(2, account_id=["a", ""]), ("error", 2, "account_id")),
    "account_id blank": (_rows(2, account_id=["a", " \t "]), ("error", 2, "account_id")),
    "account_id padded": (_rows(1, account_id=["  a7 "]), ("ok", "account_id", ["a7"])),
    "model null": (_rows(2, model=["m", None]), ("error", 2, "model")),
    "turns fractional": (_rows(2, turns=[1.0, 2.5]), ("error", 2, "turns")),
    "turns text whole numbers": (_rows(2, turns=["3.0", " +4 "]), ("ok", "turns", [3, 4])),
    "turns overflow": (_rows(1, turns=pa.array([2**31], pa.int64())), ("error", 1, "turns")),
    "ts before 1970": (_rows(2, ts=[T0, dt.datetime(1969, 12, 31, tzinfo=dt.UTC)]),
                       ("error", 2, "ts")),
    "ts text with offset": (_rows(1, ts=["2026-03-02T12:00:00+02:00"]),
                            ("ok", "ts", [T0])),
    "ts text hour 24": (_rows(1, ts=["2026-03-02T24:00:00Z"]), ("error", 1, "ts")),
    "earliest bad row wins": (_rows(3, country=["us", "usa", "us"], asn_type=[None, None, "x"]),
                              ("error", 2, "country")),
    "extras are not part of the key": (
        _rows(2, account_id=["a", "a"], ts=[T0, T0], note=["first", "second"]),
        ("ok", "account_id", ["a"])),
    "first of a duplicate request_id is kept": (
        _rows(2, request_id=["r", "r"], prompt=["one", "two"]), ("ok", "prompt", ["one"])),
}

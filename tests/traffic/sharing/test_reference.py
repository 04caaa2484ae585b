"""The shipped sharing data (kinds, ATLAS references, extension) and group keys."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontierguard.cli import app
from frontierguard.core.errors import DataFileError, InputError
from frontierguard.traffic.sharing import reference
from frontierguard.traffic.sharing.keys import GroupKey, load_key

runner = CliRunner()
HEADER = "name: t\nsource: s\neffective: 2026-12-04\nkinds:\n"


def test_shipped_data_loads() -> None:
    kinds = reference.load_kinds()
    assert {k for k, v in kinds.items() if v.hashed} == {"ip", "payment", "template"}
    assert {r["external_id"] for r in reference.load_atlas()} >= {"AML.T0040", "AML.CS0056"}
    types = [o["type"] for o in reference.extension_objects()]
    assert types == ["identity", "extension-definition"]
    assert reference.extension_id().startswith("extension-definition--")


@pytest.mark.parametrize(("body", "where"), [
    ("  - {kind: ip, title: t, leaves: sometimes, network: true, weight: 0.5}\n",
     "line 5, field 'leaves'"),
    ("  - {kind: ip, title: t, leaves: raw, network: true, weight: 1.5}\n",
     "line 5, field 'weight'"),
    ("  - {kind: ip, title: t, leaves: raw, weight: 0.5}\n", "line 5, field 'network'"),
    ("  - kind: ip\n    title: t\n    leaves: raw\n    network: yes please\n    weight: 0.5\n",
     "line 8, field 'network'"),
])
def test_bad_kinds_file_names_file_line_field(tmp_path: Path, body: str, where: str) -> None:
    p = tmp_path / "kinds.yaml"
    p.write_text(HEADER + body)
    with pytest.raises(DataFileError) as err:
        reference.load_kinds(p)
    assert str(err.value).startswith(f"{p}, {where}")


@pytest.mark.parametrize(("a", "b", "same"), [
    (("ip", "203.0.113.7"), ("ip", " 203.0.113.7 "), True),
    (("template", "ABCDEF"), ("template", "abcdef"), True),
    (("payment", "pm_A"), ("payment", "pm_a"), False),
    (("ip", "203.0.113.7"), ("ip24", "203.0.113.7"), False),
])
def test_keyed_hash_canonical_forms(a: tuple[str, str], b: tuple[str, str], same: bool) -> None:
    key = GroupKey(b"k" * 40, "test")
    assert (key.hash(*a) == key.hash(*b)) is same


def test_keys_differ_and_never_print() -> None:
    one, two = GroupKey(b"k" * 40, "a"), GroupKey(b"z" * 40, "b")
    assert one.hash("ip", "203.0.113.7") != two.hash("ip", "203.0.113.7")
    assert one.key_id != two.key_id and "kkkk" not in repr(one)


def test_keygen_writes_a_private_key_once(tmp_path: Path) -> None:
    out = tmp_path / "group.key"
    assert runner.invoke(app, ["share", "keygen", "--out", str(out)]).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert len(load_key(out).secret) == 64
    again = runner.invoke(app, ["share", "keygen", "--out", str(out)])
    assert again.exit_code == 2 and "never overwritten" in again.output


def test_non_utf8_key_is_named(tmp_path: Path) -> None:
    (tmp_path / "k").write_bytes(b"\xff" * 40)
    with pytest.raises(InputError, match="k: the group key file is not UTF-8"):
        load_key(tmp_path / "k")

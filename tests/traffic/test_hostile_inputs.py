"""Hostile event files: each is a located InputError (file, line or row, field), never a crash."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from frontierguard.cli import app
from frontierguard.core.errors import InputError
from frontierguard.core.store import connect
from frontierguard.traffic.ingest import load_events

GOOD = json.dumps({"ts": 1772359200000, "account_id": "a", "model": "m"}) + "\n"
Maker = Callable[[Path], Path]


def _write(name: str, data: bytes | str) -> Maker:
    def make(tmp: Path) -> Path:
        path = tmp / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path
    return make


def _directory(tmp: Path) -> Path:
    (tmp / "x.jsonl").mkdir()
    return tmp / "x.jsonl"


def _truncated_gz(tmp: Path) -> Path:
    data = gzip.compress((GOOD * 3000).encode())
    (tmp / "t.jsonl.gz").write_bytes(data[: len(data) // 2])
    return tmp / "t.jsonl.gz"


def _corrupt_parquet(tmp: Path) -> Path:
    path = tmp / "c.parquet"
    pq.write_table(pa.table({"ts": list(range(1772359200000, 1772359201000)),
                             "account_id": ["a"] * 1000, "model": ["m"] * 1000}), path,
                   compression="none")
    raw = bytearray(path.read_bytes())
    for i in range(200, 2000):
        raw[i] = (raw[i] * 7 + 13) % 256
    path.write_bytes(bytes(raw))
    return path


def _otlp(spans: str) -> Maker:
    return _write("o.json", '{"resourceSpans": ' + spans + "}")


CASES: list[tuple[str, Maker, str]] = [
    ("utf8-jsonl", _write("u.jsonl", GOOD.encode() + b'{"ts": 1, "account_id": "\xff"}\n'),
     "u.jsonl, line 2: invalid UTF-8"),
    ("utf8-csv", _write("u.csv", b"ts,account_id,model\n1772359200000,\xff,m\n"),
     "u.csv, line 2, field 'account_id': invalid UTF-8"),
    ("directory", _directory, "x.jsonl: is a directory"),
    ("deep-json", _write("d.jsonl", '{"a": ' + "[" * 100000 + "]" * 100000 + "}\n"),
     "d.jsonl, line 1: JSON is nested too deeply"),
    ("not-gzip", _write("n.jsonl.gz", GOOD), "n.jsonl.gz, line 1: not a gzip file"),
    ("truncated-gzip", _truncated_gz, "the gzip stream is truncated"),
    ("corrupt-parquet", _corrupt_parquet, "c.parquet, row"),
    ("otlp-bad-time", _otlp('[{"scopeSpans": [{"spans": [{"startTimeUnixNano": "abc"}]}]}]'),
     "o.json, span 1, field 'ts': malformed OTLP span"),
    ("otlp-scope-int", _otlp('[{"scopeSpans": 5}]'), "field 'scopeSpans': malformed OTLP"),
    ("otlp-str", _otlp('"x"'), "field 'resourceSpans': malformed OTLP"),
    ("otlp-attr", _otlp('[{"scopeSpans": [{"spans": [{"attributes": ["bad"]}]}]}]'),
     "span 1, field 'attributes'"),
    ("otlp-value", _otlp('[{"scopeSpans": [{"spans": [{"attributes": [{"key": "k", "value": 5}]}]}]}]'),
     "span 1, field 'attributes'"),
    ("otlp-missing-key", _otlp('[{"scopeSpans": [{"spans": [{"attributes": [{"value": {}}]}]}]}]'),
     "span 1, field 'attributes'"),
]


@pytest.mark.parametrize(("make", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hostile_file_is_a_located_error(tmp_path: Path, make: Maker, message: str) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError) as err:
        load_events(connect(":memory:"), [path])
    assert message in str(err.value)
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and message in " ".join(result.output.split())


def test_long_csv_field_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("ts,account_id,model,prompt\n1772359200000,a,m," + "x" * 200_000 + "\n")
    assert load_events(connect(":memory:"), [path]).inserted == 1


def test_skip_also_skips_unparseable_lines_and_counts_them(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(GOOD.encode() + b"{not json\n" + b'{"ts": "\xff"}\n' + b"[1]\n"
                     + GOOD.replace('"m"', '"m2"').encode())
    report = load_events(connect(":memory:"), [path], "skip")
    assert (report.rows_read, report.inserted, report.skipped) == (5, 2, 3)
    assert [e.row for e in report.errors] == [2, 3, 4]


def test_model_names_with_math_text_render_as_plain_labels() -> None:
    from frontierguard.core.report import figure_svg, new_figure

    fig, ax = new_figure()
    ax.plot([0, 1], [0, 1], label="$\\frac{$ evil")
    ax.legend()
    ax.set_title("$x^$")
    svg = str(figure_svg(fig))
    assert "evil" in svg and "x^" in svg

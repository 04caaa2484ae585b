from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontierguard.core.errors import InputError
from frontierguard.gap import loaders as L

ECI_HEADER = ("Model version,ECI Score,Release date,Organization,Country,"
              "Model accessibility,Training compute (FLOP)\n")


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_eci_loader_reads_countries_access_and_skips_unscored(tmp_path: Path) -> None:
    p = write(tmp_path, "eci.csv", ECI_HEADER
              + "gpt,140.5,2025-08-07,OpenAI,United States of America,API access,6e25\n"
              + "gem,141,2025-03-25,Google DeepMind,\"United Kingdom of Great Britain and "
                "Northern Ireland,United States of America\",API access,\n"
              + "ds,138,2025-01-20,DeepSeek,China,Open weights (unrestricted),\n"
              + "unscored,,2025-01-01,OpenAI,United States of America,API access,\n")
    data = L.load(p)
    f = data.frame
    assert f["model"].tolist() == ["gpt", "gem", "ds"]
    assert f["countries"].tolist() == ["US", "GB/US", "CN"]
    assert f["access"].tolist() == ["closed", "closed", "open"]
    assert f["compute_flop"].iloc[0] == 6e25
    assert "1 without a score" in data.sources[0]
    models = list(data.models())
    assert models[1].countries == ("GB", "US") and str(models[1].release) == "2025-03-25"


@pytest.mark.parametrize(("row", "line", "field", "message"), [
    ("gpt,abc,2025-08-07,OpenAI,United States of America,API access,\n", 3, "ECI Score",
     "not a number"),
    ("gpt,140,Aug 2025x,OpenAI,United States of America,API access,\n", 3, "Release date",
     "not a date"),
    ("gpt,140,2025-08-07,OpenAI,Atlantis,API access,\n", 3, "Country", "unknown country"),
    ("gpt,140,2025-08-07,OpenAI,United States of America,API access,lots\n", 3,
     "Training compute (FLOP)", "not a number"),
])
def test_eci_malformed_rows_name_file_line_and_field(
    tmp_path: Path, row: str, line: int, field: str, message: str
) -> None:
    good = "ok,1,2024-01-01,OpenAI,United States of America,API access,\n"
    p = write(tmp_path, "bad.csv", ECI_HEADER + good + row)
    with pytest.raises(InputError) as info:
        L.load_eci(p)
    err = info.value
    assert (Path(str(err.file)).name, err.row, err.field) == ("bad.csv", line, field)
    assert message in str(err) and "bad.csv, line 3" in str(err)


@pytest.mark.parametrize(("text", "field"), [
    ("model,metric,value\nm,eci,\n", "value"),
    ("model,metric,value\nm,eci,3\n", "release_date"),
    ("model,metric,value,release_date,access\nm,eci,3,2024-01-01,leaked\n", "access"),
    ("model,metric,value,as_of\n,eci,3,2024-01-01\n", "model"),
])
def test_plain_malformed(tmp_path: Path, text: str, field: str) -> None:
    with pytest.raises(InputError) as info:
        L.load_plain(write(tmp_path, "p.csv", text))
    assert info.value.row == 2 and info.value.field == field


def test_plain_fills_countries_from_organisation(tmp_path: Path) -> None:
    p = write(tmp_path, "p.csv",
              "model,organisation,countries,metric,value,release_date,access\n"
              "a,DeepSeek,,eci,1,2024-01-01,open\nb,Unknown Lab,,eci,2,2024-01-01,\n"
              "c,Whoever,gb;us,eci,3,2024-01-01,closed\n")
    data = L.load(p)
    assert data.frame["countries"].tolist() == ["CN", "", "GB/US"]
    assert data.unmapped_organisations == ["Unknown Lab"]


def test_arena_long_and_wide(tmp_path: Path) -> None:
    long = write(tmp_path, "a.csv", "model,arena_score,organization,snapshot,license\n"
                 "g,1384,Google,2025-02-05,Proprietary\nr1,1361,DeepSeek,2025-02-05,MIT\n")
    f = L.load(long).frame
    assert f["countries"].tolist() == ["GB/US", "CN"] and f["access"].tolist() == [
        "closed", "open"]
    wide = write(tmp_path, "w.csv", ",g,r1\n20250205,1384.0,0.0\n20250206,1385.0,1362.0\n")
    tables = write(tmp_path, "t.csv", "Model,key,Organization\nG,g,Google\nR,r1,DeepSeek\n")
    w = L.load_arena_wide(wide, tables).frame
    assert w[["model", "value"]].values.tolist() == [["g", 1384.0], ["g", 1385.0],
                                                      ["r1", 1362.0]]
    bad = write(tmp_path, "wb.csv", ",g\n20250205,1384.0\n20250206,x\n")
    with pytest.raises(InputError) as info:
        L.load_arena_wide(bad, tables)
    assert (info.value.row, info.value.field) == (3, "g")


def test_compute_and_benchmark_loaders(tmp_path: Path) -> None:
    c = write(tmp_path, "c.csv", "Model,Publication date,Organization,Training compute (FLOP),"
              "Country (from Organization),Model accessibility\n"
              "x,2024-01-01,OpenAI,1e25,United States of America,API access\n"
              "y,2024-02-01,Lab,,China,\n")
    data = L.load(c)
    assert data.frame["compute_flop"].tolist() == [1e25]
    assert "1 without" in data.sources[0]
    b = write(tmp_path, "b.csv", "System,MMLU,GSM8k,China,Date\nq,0.7,76 (4-shot),y,2024-01-01\n"
              "l,0.8,,,2024-02-01\n")
    bf = L.load(b).frame
    assert bf[["metric", "value", "countries"]].values.tolist() == [
        ["mmlu", 0.7, "CN"], ["gsm8k", 76.0, "CN"], ["mmlu", 0.8, "ZZ"]]


def test_unrecognised_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unrecognised columns"):
        L.load(write(tmp_path, "x.csv", "a,b\n1,2\n"))


@given(st.dates(min_value=pd.Timestamp("1900-01-01").date(),
                max_value=pd.Timestamp("2200-01-01").date()))
def test_parse_date_iso_and_compact_round_trip(d: object) -> None:
    iso = str(d)
    assert L.parse_date(iso, Path("f"), 2, "d").date() == d
    assert L.parse_date(iso.replace("-", ""), Path("f"), 2, "d").date() == d


@given(st.text(alphabet="abcxyz!?# ", min_size=1, max_size=8))
def test_parse_date_rejects_junk(text: str) -> None:
    with pytest.raises(InputError):
        L.parse_date(text, Path("f"), 2, "d")

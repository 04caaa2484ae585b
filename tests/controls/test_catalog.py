"""The shipped catalog and user CSVs: every row classifies; bad cells name line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontierguard.controls.catalog import catalog_frame, catalog_table, find_chip, read_table
from frontierguard.controls.chips import classify_table
from frontierguard.controls.rules import RuleSet
from frontierguard.core.errors import InputError, NotFoundError

EXPECTED = {
    "H100 SXM5 80GB": ("3A090.a", 15832), "H20 96GB": ("not 3A090", 2368),
    "A100 SXM4 80GB": ("3A090.a", 4992), "A30 24GB": ("3A090.b", 2644), "L40": ("3A090.b", 2896),
    "RTX 4090": ("3A090.a", 5284.8), "RTX 4090D": ("not 3A090", 4707.2),
    "RTX 5090 D": ("not 3A090", 4750), "HGX H100 8-GPU server": ("4A090.a", 15832),
    "HBM3E 12-high stack": ("3A090.c", None),
}


def test_whole_catalog_classifies_with_sources(rules: RuleSet) -> None:
    results = {r.name: r for r in classify_table(catalog_table(), rules)}
    assert len(results) == len(catalog_frame()) >= 30
    assert all(r.source for r in results.values())
    for name, (eccn, tpp) in EXPECTED.items():
        assert results[name].eccn == eccn, name
        assert results[name].tpp == (pytest.approx(tpp) if tpp else None), name


def test_conflicting_public_figures_are_kept_as_separate_rows() -> None:
    names = list(catalog_frame()["name"])
    assert sum(n.startswith("Ascend 910B") for n in names) == 2
    assert sum(n.startswith("B200") for n in names) == 2


def test_find_chip() -> None:
    assert find_chip("h100 sxm5 80gb").name == "H100 SXM5 80GB"
    assert find_chip("MI300X").tdp_w == 750
    with pytest.raises(NotFoundError, match="ambiguous"):
        find_chip("H20")
    with pytest.raises(NotFoundError, match="unknown"):
        find_chip("no such chip")


def _csv(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "items.csv"
    p.write_text(text, encoding="utf-8")
    return p


def test_user_csv_reads_and_classifies(tmp_path: Path, rules: RuleSet) -> None:
    p = _csv(tmp_path, "name,datacenter,die_area_mm2,dies,tops_int8,tflops_fp16\n"
                       "a,true,814,,1979,\nb,false,600,,,300\nc,true,200,2,,100\n")
    got = [(r.name, r.eccn) for r in classify_table(read_table(p), rules)]
    assert got == [("a", "3A090.a"), ("b", "3A090.a"), ("c", "3A090.b")]


@pytest.mark.parametrize(("body", "line", "field"), [
    ("x,true,814,-3\n", 2, "tops_int8"),
    ("x,true,814,10\ny,true,abc,10\n", 3, "die_area_mm2"),
    ("x,perhaps,814,10\n", 2, "datacenter"),
    (",true,814,10\n", 2, "name"),
    ("x,true,,300\n", 2, "die_area_mm2"),
])
def test_bad_csv_cells_name_line_and_field(tmp_path: Path, rules: RuleSet, body: str, line: int,
                                           field: str) -> None:
    p = _csv(tmp_path, "name,datacenter,die_area_mm2,tops_int8\n" + body)
    with pytest.raises(InputError) as err:
        classify_table(read_table(p), rules)
    assert (err.value.row, err.value.field) == (line, field)
    assert str(p) in str(err.value)


def test_missing_column(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="missing column"):
        read_table(_csv(tmp_path, "name,tops_int8\nx,5\n"))


@given(st.lists(st.floats(min_value=0, max_value=1e5, allow_nan=False), min_size=1, max_size=9),
       st.floats(min_value=1, max_value=5000))
def test_tpp_is_the_largest_precision_product(tops: list[float], area: float) -> None:
    from frontierguard.controls.catalog import single_item
    from frontierguard.controls.chips import PRECISIONS, compute

    cols = list(PRECISIONS)[: len(tops)]
    row = {"name": "h", "datacenter": "true", "die_area_mm2": repr(area)}
    row.update({c: repr(v) for c, v in zip(cols, tops, strict=True)})
    c = compute(single_item(row))
    expected = max(v * PRECISIONS[k] for k, v in zip(cols, tops, strict=True))
    assert c.tpp[0] == pytest.approx(expected, rel=1e-9, abs=1e-6)
    assert c.pd[0] == pytest.approx(c.tpp[0] / area)


def test_docs_table_matches_the_catalog(rules: RuleSet) -> None:
    # docs/controls-chips.md carries the catalog table printed by benchmarks/chips_catalog_table.py.
    doc = Path(__file__).resolve().parents[2] / "docs" / "controls-chips.md"
    rows = {}
    for line in doc.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 9 and cells[3] and cells[0] not in ("item", "---"):
            rows[cells[0]] = (cells[3], cells[4])
    results = classify_table(catalog_table(), rules)
    assert len(rows) == len(results)
    for r in results:
        tpp = "-" if r.tpp is None else f"{r.tpp:,.0f}"
        assert rows[r.name] == (r.eccn, tpp), r.name

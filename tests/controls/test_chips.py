"""TPP, performance density and the 3A090 paragraphs: edges, worked examples, assumptions."""

from __future__ import annotations

import pytest

from frontierguard.controls.rules import RuleSet, rule_set_for
from frontierguard.core.errors import InputError

from .conftest import classify_one


@pytest.mark.parametrize(("column", "value"), [("tops_int8", 600), ("tflops_fp16", 300)])
def test_bis_worked_examples_reach_tpp_4800(rules: RuleSet, column: str, value: float) -> None:
    # BIS: 600 TOPS at 8 bits and 300 TFLOPS at 16 bits both give TPP 4800, hence 3A090.a.
    r = classify_one(rules, **{column: value})
    assert r.tpp == 4800
    assert r.eccn == "3A090.a"


# (TPP, die area, expected ECCN): edges of 1600, 2400, 4800 and PD 1.6, 3.2, 5.92.
EDGES = [
    (4799, 4799, "not 3A090"), (4800, 4800, "3A090.a"), (4801, 4801, "3A090.a"),
    (1599, 266.5, "not 3A090"), (1600, 250, "3A090.a"), (1601, 250, "3A090.a"),
    (2399, 1199.5, "not 3A090"), (2400, 1200, "3A090.b"), (2401, 1200, "3A090.b"),
    (3000, 1876, "not 3A090"), (3000, 1875, "3A090.b"), (3000, 1874, "3A090.b"),  # PD 1.6
    (1600, 501, "not 3A090"), (1600, 500, "3A090.b"), (1600, 499, "3A090.b"),  # PD 3.2
    (2959, 500, "3A090.b"), (2960, 500, "3A090.a"), (2961, 500, "3A090.a"),  # PD 5.92
    (1776, 301, "3A090.b"), (1776, 300, "3A090.a"),  # PD 5.92 at TPP >= 1600
]


@pytest.mark.parametrize(("tpp", "area", "eccn"), EDGES, ids=[f"tpp{t}-area{a}" for t, a, _ in EDGES])
def test_threshold_edges(rules: RuleSet, tpp: float, area: float, eccn: str) -> None:
    r = classify_one(rules, tops_int8=tpp / 8, die_area_mm2=area)
    assert r.tpp == pytest.approx(tpp)
    assert r.eccn == eccn, r.reasons


@pytest.mark.parametrize(("tpp", "eccn", "note"), [
    (4799, "not 3A090", "Note 2"), (4800, "3A090.a", "NAC"), (2500, "not 3A090", "Note 2"),
])
def test_non_datacentre_note(rules: RuleSet, tpp: float, eccn: str, note: str) -> None:
    r = classify_one(rules, datacenter="false", tops_int8=tpp / 8, die_area_mm2=100)
    assert r.eccn == eccn
    assert any(note in reason for reason in r.reasons)


def test_largest_precision_wins(rules: RuleSet) -> None:
    # FP16 300 x 16 = 4800 beats INT8 500 x 8 = 4000.
    r = classify_one(rules, tops_int8=500, tflops_fp16=300, die_area_mm2=2000)
    assert r.tpp == 4800
    assert r.tpp_precision == "tflops_fp16"
    assert r.eccn == "3A090.a"


def test_sparse_figures_are_halved(rules: RuleSet) -> None:
    dense = classify_one(rules, tflops_fp8=600, die_area_mm2=1000)
    sparse = classify_one(rules, tflops_fp8=600, die_area_mm2=1000, sparse="true")
    assert dense.tpp == 4800 and dense.eccn == "3A090.a"
    assert sparse.tpp == 2400 and sparse.eccn == "3A090.b"
    assert any("sparsity" in a for a in sparse.assumptions)


def test_multi_die_summation(rules: RuleSet) -> None:
    one = classify_one(rules, tops_int8=400, die_area_mm2=600)
    two = classify_one(rules, tops_int8=400, die_area_mm2=600, dies=2, throughput_basis="die")
    assert one.tpp == 3200 and two.tpp == 6400
    assert two.applicable_die_area_mm2 == 1200
    assert two.eccn == "3A090.a" and one.eccn == "3A090.b"


def test_io_dies_count_by_default_and_can_be_excluded(rules: RuleSet) -> None:
    values = {"tops_int8": 250, "die_area_mm2": 100, "dies": 2, "io_die_area_mm2": 400}
    default = classify_one(rules, **values)
    compute_only = classify_one(rules, {"controls_pd_include_io_dies": False}, **values)
    assert default.pd == pytest.approx(2000 / 600) and default.eccn == "3A090.b"
    assert compute_only.pd == pytest.approx(10.0) and compute_only.eccn == "3A090.a"


@pytest.mark.parametrize(("tops", "depends"), [(300, True), (700, False)])
def test_estimated_die_area_is_stated(rules: RuleSet, tops: float, depends: bool) -> None:
    r = classify_one(rules, tops_int8=tops, die_area_mm2=700, die_area_estimated="true")
    [note] = [a for a in r.assumptions if "estimate" in a]
    assert ("depends on PD" in note) is depends


def test_missing_die_area_when_pd_is_needed(rules: RuleSet) -> None:
    with pytest.raises(InputError) as err:
        classify_one(rules, tops_int8=300)
    assert err.value.field == "die_area_mm2"
    assert classify_one(rules, tops_int8=700).eccn == "3A090.a"  # PD not needed at TPP >= 4800


@pytest.mark.parametrize(("values", "field"), [
    ({"tops_int8": -1}, "tops_int8"), ({"tops_int8": "fast"}, "tops_int8"),
    ({"tops_int8": 700, "dies": 0}, "dies"), ({"datacenter": "maybe", "tops_int8": 700}, "datacenter"),
    ({}, "tops_int8"),
])
def test_bad_input_names_the_field(rules: RuleSet, values: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as err:
        classify_one(rules, **values)
    assert err.value.field == field


def test_computers_and_z_paragraphs(rules: RuleSet) -> None:
    assert classify_one(rules, tops_int8=700, item_type="computer").eccn == "4A090.a"
    assert classify_one(rules, tops_int8=700, also_described_by="5A992").eccn == "5A992.z"
    with pytest.raises(InputError):
        classify_one(rules, tops_int8=700, also_described_by="9A999")


@pytest.mark.parametrize(("date", "eccn"), [("2024-12-01", "not 3A090"), ("2024-12-02", "3A090.c")])
def test_hbm_density_only_from_december_2024(date: str, eccn: str) -> None:
    import datetime as dt

    rules = rule_set_for(dt.date.fromisoformat(date))
    r = classify_one(rules, item_type="hbm", memory_bandwidth_gbs=1229, hbm_package_area_mm2=121)
    assert r.eccn == eccn
    assert r.hbm_density == pytest.approx(10.157, abs=1e-3)


def test_hbm_below_density_is_not_controlled(rules: RuleSet) -> None:
    r = classify_one(rules, item_type="hbm", memory_bandwidth_gbs=200, hbm_package_area_mm2=121)
    assert r.eccn == "not 3A090"


def test_result_carries_citation_and_disclaimer(rules: RuleSet) -> None:
    d = classify_one(rules, tops_int8=700).as_dict()
    assert "FR" in d["citation"] and "not legal advice" in d["disclaimer"]


@pytest.mark.parametrize(("factor", "tpp", "said"), [
    (None, 4800, "halved"), (2.0, 4800, "halved"), (4.0, 2400, "divided by 4"),
    (1.5, 6400, "divided by 1.5")])
def test_sparse_figures_divide_by_the_setting_and_say_so(rules: RuleSet, factor: float | None,
                                                         tpp: float, said: str) -> None:
    settings = None if factor is None else {"controls_sparsity_factor": factor}
    r = classify_one(rules, settings, tops_int8=1200, sparse="true", die_area_mm2=800)
    assert r.tpp == tpp
    assert f"throughput was quoted with sparsity and {said} to the dense rate" in r.assumptions

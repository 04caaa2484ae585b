"""core.scoring: an algorithm's explanation, and the early stop below a floor."""

from __future__ import annotations

import pytest

from frontierguard.core.scoring import Algorithm, Feature, FtResult

ALG: Algorithm[float] = Algorithm("test", "three weighted features", [
    Feature("name", lambda q: FtResult(q, "the query itself"), 1.0),
    Feature("penalty", lambda q: FtResult(1.0 if q < 0.5 else 0.0, "weak"), -0.2, qualifier=True),
    Feature("bonus", lambda q: FtResult(1.0, "bonus"), 0.1, qualifier=True),
])


def test_explain_sums_weighted_features_and_clips() -> None:
    assert ALG.explain(0.8).score == pytest.approx(0.9)
    assert ALG.explain(0.95).score == 1.0
    assert ALG.explain(0.1).score == 0.0
    assert ALG.explain(0.8).reasons() == ["bonus", "the query itself"]  # strongest first


def test_ceilings_are_what_the_later_features_can_add() -> None:
    assert ALG.ceilings([1.0, 0.0, 0.1]) == pytest.approx([0.1, 0.1, 0.0])


@pytest.mark.parametrize(("q", "floor", "stops"), [
    (0.8, 0.5, False),   # reaches the floor: the full explanation
    (0.3, 0.5, True),    # 0.3 - 0.2 + at most 0.1 < 0.5
    (0.45, 0.5, True),   # 0.45 + 0.1 could reach 0.5, but the penalty fires first
    (0.3, 0.0, False),   # a floor of 0 is always reached: nothing stops
])
def test_explain_reaching_stops_only_when_the_floor_is_out_of_reach(q: float, floor: float,
                                                                     stops: bool) -> None:
    got = ALG.explain_reaching(q, floor, ALG.ceilings([1.0, 0.0, 0.1]))
    if stops:
        assert got is None
    else:
        assert got is not None and got.score == ALG.explain(q).score
        assert got.features == ALG.explain(q).features

"""The engine's batch screening: the same results whether one process or several screen it."""

from __future__ import annotations

import multiprocessing

import pytest

from frontierguard.controls.screening import engine
from frontierguard.controls.screening.engine import Screener
from frontierguard.controls.screening.model import ListEntry, Party

from .test_index import LISTED, QUERIES


def _rows(results: list[engine.ScreenResult]) -> list[tuple[str, list[tuple[str, float, bool]]]]:
    return [(r.party.query_id, [(h.entry.entry_id, round(h.score, 12), h.matched) for h in r.hits])
            for r in results]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_batch_over_two_processes_equals_one_process() -> None:
    sc = Screener.build([ListEntry(str(i), "TEST", n) for i, n in enumerate(LISTED)],
                        algorithm="logic_v3", cutoff=0.3)
    parties = [Party(q, query_id=f"q{i}") for i, q in enumerate(QUERIES * 3)]
    alone = sc.screen_many(parties)
    spread = sc.screen_many(parties, workers=2, min_batch=1)
    assert _rows(spread) == _rows(alone)
    assert [r.party.query_id for r in spread] == [p.query_id for p in parties]  # order kept
    assert engine._FORKED is None  # the worker hand-off is cleared


def test_small_batches_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    sc = Screener.build([ListEntry("0", "TEST", "Mahan Air")], algorithm="logic_v3")

    def no_fork(*_: object) -> None:
        raise AssertionError("a batch under min_batch must not start processes")

    monkeypatch.setattr(multiprocessing, "get_context", no_fork)
    results = sc.screen_many([Party("MAHAN AIR")], workers=4)
    assert results[0].matched

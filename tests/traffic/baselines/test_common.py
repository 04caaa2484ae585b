from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from frontierguard.core.errors import InputError
from frontierguard.traffic.baselines.common import (
    BaselineScores,
    ecdf_score,
    load_requests,
    write_accounts,
)
from frontierguard.traffic.evaluate import read_accounts

Writer = Callable[[dict[str, list[tuple[int, str]]]], Path]


def test_requests_grouped_by_account_in_time_order(events_file: Writer) -> None:
    path = events_file({"b": [(5, "x"), (1, "y")], "a": [(3, "z")]})
    req = load_requests([path], with_vectors=True)
    assert req.accounts.tolist() == ["a", "b"]
    assert req.starts.tolist() == [0, 1, 3]
    assert req.ts_ms[1] < req.ts_ms[2]


@pytest.mark.parametrize(("a", "b", "similarity"), [
    ("solve the equation", "solve the equation", 1.0),
    ("Solve, the EQUATION!", "solve the equation", 1.0),  # case and punctuation ignored
    ("alpha beta", "gamma delta", 0.0),
])
def test_hashed_vectors_are_normalised_word_counts(events_file: Writer, a: str, b: str,
                                                   similarity: float) -> None:
    req = load_requests([events_file({"u": [(0, a), (1, b)]})], with_vectors=True)
    assert req.vectors is not None
    x = req.vectors.toarray()
    assert np.linalg.norm(x, axis=1) == pytest.approx([1.0, 1.0])
    assert float(x[0] @ x[1]) == pytest.approx(similarity, abs=1e-6)


def test_unsupported_and_missing_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unsupported"):
        (tmp_path / "e.txt").write_text("x")
        load_requests([tmp_path / "e.txt"], with_vectors=False)
    with pytest.raises(InputError, match="not found"):
        load_requests([tmp_path / "nope.parquet"], with_vectors=False)


def test_missing_column_names_file(tmp_path: Path) -> None:
    p = tmp_path / "e.csv"
    p.write_text("ts,model\n2026-03-02T00:00:00Z,m\n")
    with pytest.raises(InputError, match=r"e\.csv"):
        load_requests([p], with_vectors=False)


def test_ecdf_score() -> None:
    ref = np.array([1.0, 2.0, 3.0, 4.0])
    assert ecdf_score(np.array([0.5, 2.0, 9.0, np.nan]), ref).tolist() == [0.0, 0.25, 1.0, 0.0]


def test_written_accounts_follow_the_contract(tmp_path: Path) -> None:
    s = BaselineScores(np.array(["a", "b"], dtype=object), np.array([0.9, 0.1]),
                       np.array([True, False]), ["high, volume", "low"])
    path = write_accounts(s, tmp_path)
    assert path.read_text().splitlines()[0].replace('"', "") == \
        "account_id,score,flagged,cluster_id,reasons"
    ids, score, flagged = read_accounts(path)
    assert ids.tolist() == ["a", "b"] and score.tolist() == [0.9, 0.1]
    assert flagged.tolist() == [True, False]

"""Margins between benign and attacking community scores (decision.json + labels)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontierguard.core.errors import InputError
from frontierguard.traffic import margins

DOC = {"campaign_threshold": 0.5, "communities": [
    {"id": "C001", "score": 0.91, "accounts": ["a1", "a2", "a3"]},
    {"id": "G7", "score": 0.62, "accounts": ["a4", "b1", "a5"]},   # 2 of 3 attackers
    {"id": "G8", "score": 0.41, "accounts": ["b2", "b3", "a6"]},   # 1 of 3: benign
    {"id": "G9", "score": 0.0, "accounts": ["b4", "b5"]},
    {"id": "G10", "score": 0.3, "accounts": []},
]}
ATTACKERS = {"a1", "a2", "a3", "a4", "a5", "a6"}


def test_communities_split_by_labelled_majority_and_margin_is_the_gap() -> None:
    m = margins.margins(DOC, ATTACKERS)
    assert m.attacking == [0.62, 0.91] and m.benign == [0.0, 0.41]
    assert (m.lowest_attacking, m.highest_benign) == (0.62, 0.41)
    assert m.margin == pytest.approx(0.21) and m.threshold == 0.5


def test_no_attacking_community_gives_no_margin() -> None:
    m = margins.margins(DOC, set())
    assert m.lowest_attacking is None and m.margin is None and len(m.benign) == 4


def test_decision_file_is_optional_and_bad_ones_are_located(tmp_path: Path) -> None:
    assert margins.read_decision(tmp_path) is None
    (tmp_path / "decision.json").write_text(json.dumps({"communities": {}}))
    with pytest.raises(InputError) as err:
        margins.read_decision(tmp_path)
    assert "decision.json" in str(err.value.file)
    (tmp_path / "decision.json").write_text("{not json")
    with pytest.raises(InputError):
        margins.read_decision(tmp_path)


def test_histogram_is_plain_svg() -> None:
    svg = str(margins.histogram_svg([0.1, 0.2], [0.9], 0.5))
    assert svg.startswith("<svg") and "campaign score" in svg

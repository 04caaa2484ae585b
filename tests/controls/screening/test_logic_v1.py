"""logic_v1 on hand-written pairs: what should and should not match, and why."""

from __future__ import annotations

import pytest

from frontierguard.controls.screening.api import score_names
from frontierguard.controls.screening.engine import Screener
from frontierguard.controls.screening.logic_v1 import LOGIC_V1
from frontierguard.controls.screening.model import ListEntry, Party

THRESHOLD = 0.7


@pytest.mark.parametrize(("query", "listed"), [
    ("Vladimir Putin", "PUTIN, Vladimir"),                       # reordered
    ("Larry Allison", "Larry Ellison"),                          # one-letter typo
    ("Emmanuel Marcon", "Emmanuel Macron"),                      # transposition
    ("Mohammed Omar", "Muhammad Omar"),                          # transliteration variant
    ("Samsung Electronics Company Limited", "SAMSUNG ELECTRONICS CO., LTD."),
    ("vanderbilt corp", "van der bilt corp"),                    # joined tokens
    ("Fazl Rabi", "FAZL RABI ABDUL HAMID"),                      # missing middle names
])
def test_matches(query: str, listed: str) -> None:
    assert score_names(query, listed, "logic_v1").score >= THRESHOLD


@pytest.mark.parametrize(("query", "listed"), [
    ("Boris Vekselberg", "Viktor Vekselberg"),                   # different given name
    ("KIM SOK JIN", "KIM SOK CHOL"),
    ("Recep Tayyip Erdem", "Recep Tayyip Erdogan"),
    ("Isabella Joaquin Torres", "TORRES"),                       # one shared word
    ("Acme Trading", "Zenith Logistics"),
])
def test_non_matches(query: str, listed: str) -> None:
    assert score_names(query, listed, "logic_v1").score < THRESHOLD


def test_every_feature_is_documented() -> None:
    assert all(f["description"] for f in LOGIC_V1.describe())


def test_qualifiers_move_the_score_and_say_so() -> None:
    entry = ListEntry("1", "SDN", "Acme Trading LLC", countries=["Iran"], identifiers=["AB-123"])
    screener = Screener.build([entry], algorithm="logic_v1", cutoff=0.3)
    plain = screener.screen(Party("Acme Trading")).hits[0]
    same = screener.screen(Party("Acme Trading", "IR")).hits[0]
    other = screener.screen(Party("Acme Trading", "France")).hits[0]
    with_id = screener.screen(Party("Acme Tradin", identifiers=("ab123",))).hits[0]
    assert other.score < plain.score <= same.score
    assert any("country differs" in r for r in other.reasons)
    assert any("identifier matches" in r for r in with_id.reasons)
    assert any("acme=acme" in r for r in plain.reasons)

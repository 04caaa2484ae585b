"""logic_v2 on hand-written pairs: what should and should not match, and why."""

from __future__ import annotations

import pytest

from frontierguard.controls.screening.api import score_names
from frontierguard.controls.screening.compare.territories import distinguishing
from frontierguard.controls.screening.engine import Screener
from frontierguard.controls.screening.logic_v2 import LOGIC_V2
from frontierguard.controls.screening.logic_v2.align import share_trigram, token_similarity
from frontierguard.controls.screening.model import ListEntry, Party
from frontierguard.controls.screening.normalize import normalize_name
from frontierguard.controls.screening.rarity import Rarity

THRESHOLD = 0.7


@pytest.mark.parametrize(("query", "listed", "kind"), [
    ("Vladimir Putin", "PUTIN, Vladimir", "person"),                  # reordered
    ("Larry Allison", "Larry Ellison", "person"),                     # one-letter typo
    ("Emmanuel Marcon", "Emmanuel Macron", "person"),                 # transposition
    ("Mohammed Omar", "Muhammad Omar", "person"),                     # transliteration variant
    ("Samsung Electronics Company Limited", "SAMSUNG ELECTRONICS CO., LTD.", "organization"),
    ("vanderbilt corp", "van der bilt corp", "organization"),         # joined tokens
    ("FridrichBuchenberg", "Friedrich Buchenberg", "person"),         # joined, one edit
    ("Fazl Rabi", "FAZL RABI ABDUL HAMID", "person"),                 # missing middle names
    ("KKR Asian Fund III", "KKR Asian Fund IV", "organization"),      # numbered series stay one family
])
def test_matches(query: str, listed: str, kind: str) -> None:
    assert score_names(query, listed, "logic_v2", kind).score >= THRESHOLD


@pytest.mark.parametrize(("query", "listed", "kind"), [
    ("Boris Vekselberg", "Viktor Vekselberg", "person"),              # different given name
    ("KIM SOK JIN", "KIM SOK CHOL", "person"),
    ("Isabella Joaquin Torres", "TORRES", "person"),                  # one shared word
    ("Banco Santander S.A.", "Banco Santander Mexico S.A.", "organization"),  # national subsidiary
    ("AHMAD BIN HASAN AL-UBAIDI", "HASAN BIN AHMAD AL-UBAIDI", "person"),      # father and son swapped
    ("김종은", "김정은", "person"),                                     # one Hangul syllable differs
    ("习近朋", "习近平", "person"),                                     # one Han character differs
])
def test_non_matches(query: str, listed: str, kind: str) -> None:
    assert score_names(query, listed, "logic_v2", kind).score < THRESHOLD


def test_reasons_name_the_rule() -> None:
    swapped = score_names("AHMAD BIN HASAN", "HASAN BIN AHMAD", "logic_v2", "person")
    assert any("patronymic order differs" in r for r in swapped.reasons())
    subsidiary = score_names("Banco Santander", "Banco Santander Chile", "logic_v2", "organization")
    assert "distinguishing words on one side: chile" in subsidiary.features["name_alignment"].detail  # type: ignore[operator]


def test_country_words_distinguish_only_organisations() -> None:
    person = score_names("Maria Chile", "Maria Chile Lopez", "logic_v2", "person").score
    org = score_names("Acme Trading", "Acme Trading Chile", "logic_v2", "organization").score
    assert person > org
    assert distinguishing("mexico") and not distinguishing("bank") and not distinguishing("al")


@pytest.mark.parametrize(("a", "b", "matches"), [
    ("abcdefgh", "abXdeYgh", False),     # two scattered edits: no shared trigram
    ("salekhovich", "salekovitch", True),  # two edits, shared runs
    ("lavrov", "lavorv", True),          # transposition, one edit
])
def test_multi_edit_needs_a_shared_run(a: str, b: str, matches: bool) -> None:
    assert (token_similarity(a, b, "", "-")[0] > 0) is matches
    assert share_trigram("abcdef", "xxcdex") and not share_trigram("abc", "xyz")


def test_every_feature_is_documented() -> None:
    assert all(f["description"] for f in LOGIC_V2.describe())


def test_rarity_lowers_common_tokens_only() -> None:
    names = [normalize_name(f"Carlos Surname{chr(97 + i % 26)}{i}") for i in range(200)]
    rarity = Rarity.from_names(names, floor=0.3)
    query = rarity.reweigh(normalize_name("Carlos Vekselberg"))
    plain = normalize_name("Carlos Vekselberg")
    assert query.weights[0] < plain.weights[0] and query.weights[1] == plain.weights[1]
    assert query.weights[0] >= 0.3 * plain.weights[0]


def test_qualifiers_move_the_score_and_say_so() -> None:
    entry = ListEntry("1", "SDN", "Acme Trading LLC", "organization", countries=["Iran"],
                      identifiers=["AB-123"])
    screener = Screener.build([entry], algorithm="logic_v2", cutoff=0.3)
    plain = screener.screen(Party("Acme Trading")).hits[0]
    same = screener.screen(Party("Acme Trading", "IR")).hits[0]
    other = screener.screen(Party("Acme Trading", "France")).hits[0]
    with_id = screener.screen(Party("Acme Tradin", identifiers=("ab123",))).hits[0]
    assert other.score < plain.score <= same.score
    assert any("country differs" in r for r in other.reasons)
    assert any("identifier matches" in r for r in with_id.reasons)
    assert any("acme=acme" in r for r in plain.reasons)

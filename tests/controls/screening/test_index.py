"""The index misses nothing a full scan scores at or above the threshold (small list), and a
bounding index never bounds a name below its score."""

from __future__ import annotations

import pytest

from frontierguard.controls.screening.compare.costs import upper_bound
from frontierguard.controls.screening.compare.keys import token_keys
from frontierguard.controls.screening.engine import Screener
from frontierguard.controls.screening.logic_v2.index import BoundIndex as V2Index
from frontierguard.controls.screening.logic_v3.index import BoundIndex as V3Index
from frontierguard.controls.screening.model import ListEntry, Party
from frontierguard.controls.screening.normalize import normalize_name

LISTED = [
    "ANGLO-CARIBBEAN CO., LTD.", "BANCO NACIONAL DE CUBA", "PUTIN, Vladimir Vladimirovich",
    "ABDULHAI SALEK", "Huawei Technologies Co., Ltd.", "Muhammad Omar", "van der bilt corp",
    "KIM SOK CHOL", "AL-AKHTAR TRUST", "Rosoboronexport", "Sergey Viktorovich LAVROV",
    "Islamic Revolutionary Guard Corps", "Mahan Air", "HAN YU RO", "Tornado Cash",
    "Hezbollah", "Zhang Jiang Ping", "Acme Trading LLC", "Bashar al-Assad", "Sukarno",
    "ZHANG, Jian", "李桂花", "SONIA I", "CUELLAR MENDES, Victor", "Maria DELLA CRUZ",
]
QUERIES = [
    "Anglo Caribbean Company Limited", "Banko Nacional Cuba", "Vladimir Putin", "Salek Abdulhai",
    "Huawei Technologies", "Mohammed Omar", "vanderbilt corporation", "Kim Sok Chul",
    "Akhtar Trust", "Rosoboronexpor", "Sergei Lavrov", "Revolutionary Guards", "Mahan Airlines",
    "Han Yu-Ro", "Tornado Kash", "Hizballah", "Jiang Ping Zhang", "ACME TRADING", "Bashar Asad",
    "Sukamto", "Jane Smith", "Islamic Republic Shipping", "Omar", "Trading Company",
    "张建国", "张建", "LI Guihua", "李国华", "Sonia Isaac Merritt", "Clara Mendes", "Victor Mendez",
    "V Putin", "S. Lavrov", "Sonia I", "Kim S. Chol", "Abdulhai S", "ibn Omar", "Bashar Al Assad",
    "Maria Dela Cruz", "Della Cruz Maria",
]


@pytest.fixture(scope="module", params=["logic_v1", "logic_v2", "logic_v3"])
def screener(request: pytest.FixtureRequest) -> Screener:
    entries = [ListEntry(str(i), "TEST", name) for i, name in enumerate(LISTED)]
    return Screener.build(entries, algorithm=request.param, cutoff=0.3, candidates=len(LISTED))


@pytest.mark.parametrize("query", QUERIES)
def test_index_matches_full_scan(screener: Screener, query: str) -> None:
    party = Party(query)
    indexed = {h.entry.entry_id: round(h.score, 9) for h in screener.screen(party).hits
               if h.score >= screener.threshold}
    scanned = {h.entry.entry_id: round(h.score, 9) for h in screener.scan(party).hits
               if h.score >= screener.threshold}
    assert indexed == scanned


def test_most_queries_find_their_entry(screener: Screener) -> None:
    found = sum(screener.screen(Party(q)).matched for q in QUERIES[:20])
    assert found >= 18


def test_index_narrows_the_candidates(screener: Screener) -> None:
    found = screener.candidate_ids(screener.query(Party("Mahan Air")), Party("Mahan Air"))
    assert 0 < len(found) < len(LISTED) / 2
    assert screener.names[found[0]].original == "Mahan Air"


def _bounds_and_scores(algorithm: str, text: str) -> list[tuple[str, float, float]]:
    """Per listed name: its original, the index bound for query ``text`` and the score."""
    entries = [ListEntry(str(i), "TEST", name) for i, name in enumerate(LISTED)]
    sc = Screener.build(entries, algorithm=algorithm, cutoff=0.3)
    assert isinstance(sc.index, V2Index | V3Index)
    party = Party(text)
    query = sc.query(party)
    reach = sc.index.reach(query)
    bound = dict(zip(reach.names.tolist(), upper_bound(
        reach.query_hit + reach.cand_hit, reach.query_total - reach.query_hit,
        reach.cand_total - reach.cand_hit).tolist(), strict=True))
    return [(name.original, bound.get(n, 0.0), sc.algorithm.explain(sc.pair(query, n, party)).score)
            for n, name in enumerate(sc.names)]


def _initials(text: str) -> bool:
    return any(len(token) == 1 for token in normalize_name(text).tokens)


@pytest.mark.parametrize("algorithm", ["logic_v2", "logic_v3"])
@pytest.mark.parametrize("text", QUERIES)
def test_bound_holds_for_every_listed_name(algorithm: str, text: str) -> None:
    """The index bound is never below the score the algorithm actually gives (no bonus
    qualifiers). logic_v2's published index does not key initials, so it is held to this only
    where neither name has one (see the next test)."""
    for name, bound, score in _bounds_and_scores(algorithm, text):
        if algorithm == "logic_v3" or not (_initials(text) or _initials(name)):
            assert score <= bound + 1e-9, name


@pytest.mark.parametrize(("text", "listed"), [
    ("V Putin", "PUTIN, Vladimir Vladimirovich"), ("S. Lavrov", "Sergey Viktorovich LAVROV"),
    ("Sonia Isaac Merritt", "SONIA I"), ("Abdulhai S", "ABDULHAI SALEK"),
])
def test_v2_published_bound_misses_words_matched_by_initials(text: str, listed: str) -> None:
    """As published, logic_v2's bound counts a word that only an initial matches as unmatched;
    logic_v3's index keys initials and bounds the same pair."""
    v2 = next((b, s) for name, b, s in _bounds_and_scores("logic_v2", text) if name == listed)
    v3 = next((b, s) for name, b, s in _bounds_and_scores("logic_v3", text) if name == listed)
    assert v2[0] < v2[1] and v3[1] <= v3[0] + 1e-9


@pytest.mark.parametrize(("a", "b"), [("omar", "omer"), ("lavrov", "lavorv"), ("salek", "salk")])
def test_one_edit_tokens_share_a_key(a: str, b: str) -> None:
    assert token_keys(a, "") & token_keys(b, "")

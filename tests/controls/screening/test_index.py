"""The index misses nothing a full scan scores at or above the threshold (small list)."""

from __future__ import annotations

import pytest

from frontierguard.controls.screening.compare.costs import upper_bound
from frontierguard.controls.screening.compare.keys import token_keys
from frontierguard.controls.screening.engine import Screener
from frontierguard.controls.screening.logic_v2.index import BoundIndex as V2Index
from frontierguard.controls.screening.logic_v3.index import BoundIndex as V3Index
from frontierguard.controls.screening.model import ListEntry, Party

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


@pytest.mark.parametrize("algorithm", ["logic_v2", "logic_v3"])
def test_bound_holds_for_every_listed_name(algorithm: str) -> None:
    """The index bound is never below the score the algorithm actually gives (no bonus qualifiers)."""
    entries = [ListEntry(str(i), "TEST", name) for i, name in enumerate(LISTED)]
    sc = Screener.build(entries, algorithm=algorithm, cutoff=0.3)
    assert isinstance(sc.index, V2Index | V3Index)
    for text in QUERIES:
        party = Party(text)
        query = sc.query(party)
        reach = sc.index.reach(query)
        bound = dict(zip(reach.names.tolist(), upper_bound(
            reach.query_hit + reach.cand_hit, reach.query_total - reach.query_hit,
            reach.cand_total - reach.cand_hit).tolist(), strict=True))
        for n, name in enumerate(sc.names):
            score = sc.algorithm.explain(sc.pair(query, n, party)).score
            assert score <= bound.get(n, 0.0) + 1e-9, (text, name.original)


@pytest.mark.parametrize(("a", "b"), [("omar", "omer"), ("lavrov", "lavorv"), ("salek", "salk")])
def test_one_edit_tokens_share_a_key(a: str, b: str) -> None:
    assert token_keys(a, "") & token_keys(b, "")

"""The golden screening corpus: a hand-written list, the queries screened against it, and
the rows every published algorithm gives for them.

The list holds the parties the screening tests already use (OFAC, UN and CSL fixtures,
the index and scorer cases) plus a few families of similar names, so rarity weights and
near neighbours come into play. Each listed name yields queries by fixed rules (as listed,
reordered, one letter changed, a word dropped, a word or legal form added, with the
listed or another country, with a listed identifier, a person's name as initials);
hand-written queries add transliterations, scripts and unrelated names.

For every query and algorithm a row is kept for the query's own entry, for every entry a
full scan scores at or above the reporting cutoff, and for every entry the indexed screen
reports: its best score over the entry's names, whether the screen reported it (``hit``),
with which score, and whether that reaches the threshold (``matched``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from controls.golden.screening_corpus import HAND_WRITTEN, LISTED, ORG, PER
from frontierguard.controls.screening.engine import Hit, Screener
from frontierguard.controls.screening.model import ListEntry, Party

GOLDEN = Path(__file__).with_name("screening_scores.csv")
COLUMNS = ["algorithm", "query_id", "query", "country", "entry_id", "entry_name", "score", "hit",
           "reported", "matched"]
THRESHOLD, CUTOFF, CANDIDATES, RARITY_FLOOR = 0.7, 0.5, 25, 0.3
OTHER_COUNTRY = "Norway"


@dataclass(frozen=True)
class Query:
    """One golden query: the party screened and the entry it is about ('' for none)."""

    query_id: str
    party: Party
    target: str


def entries() -> list[ListEntry]:
    """The golden list, entry ids G000, G001, ... in list order."""
    return [ListEntry(f"G{i:03d}", "GOLDEN", name, kind, list(aliases), list(countries),
                      list(addresses), list(ids))
            for i, (name, kind, aliases, countries, ids, addresses) in enumerate(LISTED)]


def _words(name: str) -> list[str]:
    return name.replace(",", " ").split()


def _typo(name: str) -> str | None:
    """The longest word (five letters or more) with its middle letter replaced by the next one."""
    words = _words(name)
    longest = max(words, key=len)
    if len(longest) < 5 or not longest.isascii() or not longest.isalpha():
        return None
    mid = len(longest) // 2
    letter = longest[mid]
    swapped = "a" if letter.lower() == "z" else chr(ord(letter.lower()) + 1)
    return " ".join(w if w is not longest else w[:mid] + swapped + w[mid + 1:] for w in words)


def _variants(entry: ListEntry) -> Iterator[tuple[str, str | None, tuple[str, ...]]]:
    """Queries derived from one listed entry by fixed rules."""
    words = _words(entry.name)
    yield entry.name, None, ()
    if len(words) > 1:
        yield " ".join(reversed(words)).lower(), None, ()
        yield " ".join(words[:-1]), None, ()
    typo = _typo(entry.name)
    if typo:
        yield typo, None, ()
    yield (entry.name + (" Holdings Ltd" if entry.kind == ORG else " Ali")), None, ()
    if entry.countries:
        yield entry.name.upper(), entry.countries[0], ()
        yield entry.name, OTHER_COUNTRY, ()
    if entry.identifiers:
        yield (typo or entry.name), None, (entry.identifiers[0].lower(),)


def _initials(entry: ListEntry) -> Iterator[str]:
    """A person's name as initials (``J. S.``) and with the first word as an initial
    (``J. Smith``), as lists and forms often write them."""
    words = [w for w in _words(entry.name) if w[0].isalpha()]
    if entry.kind == PER and len(words) > 1 and all(w.isascii() for w in words):
        yield " ".join(f"{w[0]}." for w in words)
        yield " ".join([f"{words[0][0]}.", *words[1:]])


def queries() -> list[Query]:
    """Every golden query, ids Q0000, Q0001, ... (derived ones, hand-written ones, then
    initials)."""
    listed = entries()
    by_name = {e.name: e.entry_id for e in listed}
    found = [(name, country, ids, e.entry_id) for e in listed for name, country, ids in _variants(e)]
    found += [(name, country, (), by_name[target] if target else "")
              for name, country, target in HAND_WRITTEN]
    found += [(name, None, (), e.entry_id) for e in listed for name in _initials(e)]
    return [Query(f"Q{i:04d}", Party(name, country, None, ids, f"Q{i:04d}"), target)
            for i, (name, country, ids, target) in enumerate(found)]


def build(algorithm: str, listed: list[ListEntry]) -> Screener:
    """The screener the corpus is pinned with (default tunables, written out)."""
    return Screener.build(listed, algorithm=algorithm, threshold=THRESHOLD, cutoff=CUTOFF,
                          candidates=CANDIDATES, rarity_floor=RARITY_FLOOR)


def _best_scores(screener: Screener, party: Party, wanted: set[int] | None) -> dict[int, float]:
    """Per entry number: the best score over its names, for the ``wanted`` entries (None: a
    full scan of every entry)."""
    query = screener.query(party)
    best: dict[int, float] = {}
    for n in range(len(screener.names)):
        owner = int(screener.owner[n])
        if wanted is None or owner in wanted:
            score = screener.algorithm.explain(screener.pair(query, n, party)).score
            best[owner] = max(best.get(owner, 0.0), score)
    return best


def rows(algorithm: str, pinned: dict[str, set[str]] | None = None) -> list[dict[str, str]]:
    """The golden rows of one algorithm, in query then entry order.

    With ``pinned`` (query id -> entry ids of the pinned rows) the full scan is skipped:
    the rows kept are the pinned ones plus whatever the screen reports, each scored afresh.
    """
    listed = entries()
    screener = build(algorithm, listed)
    number = {e.entry_id: i for i, e in enumerate(listed)}
    out: list[dict[str, str]] = []
    for q in queries():
        hits = {h.entry.entry_id: h for h in screener.screen(q.party).hits}
        keep = {number[e] for e in hits} | ({number[q.target]} if q.target else set())
        wanted = None if pinned is None else keep | {number[e] for e in pinned.get(q.query_id, ())}
        best = _best_scores(screener, q.party, wanted)
        keep |= {i for i, s in best.items() if s >= CUTOFF} if pinned is None else wanted or set()
        out += [_row(algorithm, q, listed[i], best.get(i, 0.0), hits.get(listed[i].entry_id))
                for i in sorted(keep)]
    return out


def _row(algorithm: str, q: Query, entry: ListEntry, score: float, hit: Hit | None) -> dict[str, str]:
    return {
        "algorithm": algorithm, "query_id": q.query_id, "query": q.party.name,
        "country": q.party.country or "", "entry_id": entry.entry_id, "entry_name": entry.name,
        "score": repr(score), "hit": "yes" if hit else "no", "reported": repr(hit.score) if hit else "",
        "matched": "yes" if hit and hit.matched else "no",
    }


def pinned_entries(found: list[dict[str, str]], algorithm: str) -> dict[str, set[str]]:
    """Query id -> entry ids of ``algorithm``'s rows."""
    out: dict[str, set[str]] = {}
    for row in found:
        if row["algorithm"] == algorithm:
            out.setdefault(row["query_id"], set()).add(row["entry_id"])
    return out


def read() -> list[dict[str, str]]:
    """The pinned rows."""
    with GOLDEN.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def write(found: list[dict[str, str]]) -> None:
    """Pin ``found`` (the regeneration script)."""
    with GOLDEN.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(found)

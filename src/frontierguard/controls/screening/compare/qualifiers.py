"""Qualifiers: what besides the name moves a score (country, address, identifiers, script,
legal form). Each is a feature over a :class:`.model.Pair`; its docstring is the reason a
user reads. ``logic_v1`` published them and later algorithms reuse them unchanged.
"""

from __future__ import annotations

from rigour.addresses import compare_address  # type: ignore[attr-defined]

from frontierguard.controls.screening.model import Pair, normalize_identifier, scripts
from frontierguard.core.scoring import FtResult

LOSSY_SCRIPTS = frozenset({"Han", "Hangul", "Hiragana", "Katakana", "Arabic"})

# What a party must give for a score-raising qualifier to fire (an index bound adds only these).
NEEDS = {"country_agreement": "country", "address_agreement": "address",
         "identifier_match": "identifiers"}


def country_agreement(pair: Pair) -> FtResult:
    """The query's country is one of the listed entry's countries."""
    code = pair.query_country
    if code and code in pair.entry_countries:
        return FtResult(1.0, f"country agrees ({code})")
    return FtResult(0.0)


def country_conflict(pair: Pair) -> FtResult:
    """The query gives a country and the entry lists countries, none of them that one."""
    code, listed = pair.query_country, pair.entry_countries
    if code and listed and code not in listed:
        return FtResult(1.0, f"country differs ({code} vs {', '.join(sorted(listed))})")
    return FtResult(0.0)


def address_agreement(pair: Pair) -> FtResult:
    """Similarity of the query's address to the closest listed address (rigour's comparison)."""
    if not pair.party.address or not pair.entry.addresses:
        return FtResult(0.0)
    best = max(compare_address(pair.party.address, a) for a in pair.entry.addresses)
    return FtResult(best, f"address similarity {best:.2f}") if best >= 0.5 else FtResult(0.0)


def identifier_match(pair: Pair) -> FtResult:
    """An identifier given with the query (passport, registration, tax number) is listed."""
    wanted = {normalize_identifier(i) for i in pair.party.identifiers} - {""}
    listed = {normalize_identifier(i) for i in pair.entry.identifiers}
    hit = wanted & listed
    return FtResult(1.0, f"identifier matches ({sorted(hit)[0]})") if hit else FtResult(0.0)


def transliterated(pair: Pair) -> FtResult:
    """The names share no script and one is Chinese, Japanese, Korean or Arabic: they agree
    only through transliteration, which drops tones, characters and vowels, so many different
    people share the romanised form."""
    q, c = scripts(pair.query.original), scripts(pair.candidate.original)
    if q and c and not q & c and (q | c) & LOSSY_SCRIPTS:
        return FtResult(1.0, f"matched only through transliteration ({'/'.join(sorted(q | c))})")
    return FtResult(0.0)


def legal_form_conflict(pair: Pair) -> FtResult:
    """Both names carry a legal form and the forms are of different classes (LLC vs partnership)."""
    q, c = set(pair.query.legal_forms), set(pair.candidate.legal_forms)
    if q and c and not q & c:
        return FtResult(1.0, f"legal form differs ({'/'.join(sorted(q))} vs {'/'.join(sorted(c))})")
    return FtResult(0.0)

"""``logic_v1``: the first published party-screening scorer. Never edit in place; add v2 beside it.

The name score is a weighted token alignment; qualifiers (country, address, identifiers,
legal form, single-word matches) then move it up or down by small, stated amounts.
"""

from __future__ import annotations

from rigour.addresses import compare_address  # type: ignore[attr-defined]

from frontierguard.controls.screening.align import describe
from frontierguard.controls.screening.model import Pair, normalize_identifier, scripts
from frontierguard.core.scoring import Algorithm, Feature, FtResult

CONFLICT_COST = 2.0
LOSSY_SCRIPTS = frozenset({"Han", "Hangul", "Hiragana", "Katakana", "Arabic"})
MISSING_COST = 0.5


def name_alignment(pair: Pair) -> FtResult:
    """Token-by-token agreement of the two names, in any order.

    Tokens are paired best-first by similarity (equal, within an edit budget, same
    metaphone, initial, or written together). The score is the similarity-weighted share
    of the aligned token weight, where a token left over on both sides (a different given
    name, say) costs twice its weight and a token present on one side only (an extra
    middle name) costs half its weight. Longer tokens weigh more; particles weigh little.
    """
    al = pair.alignment
    q_left, c_left = al.unmatched_query_weight, al.unmatched_candidate_weight
    conflict = min(q_left, c_left)
    missing = max(q_left, c_left) - conflict
    denominator = al.matched_weight + CONFLICT_COST * 2 * conflict + MISSING_COST * missing
    score = al.similar_weight / denominator if denominator > 0 else 0.0
    return FtResult(score, describe(pair.query, pair.candidate, al))


def single_token(pair: Pair) -> FtResult:
    """Only one word agrees while either name has other substantive words: weak evidence."""
    al = pair.alignment
    substantive = [
        w for w in (al.unmatched_query_weight, al.unmatched_candidate_weight) if w >= 2.0
    ]
    if len(al.links) == 1 and substantive:
        return FtResult(1.0, "only one word of the names agrees")
    return FtResult(0.0)


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


LOGIC_V1: Algorithm[Pair] = Algorithm(
    name="logic_v1",
    description="Weighted order-free token alignment with country, address, identifier and "
    "legal-form qualifiers.",
    features=[
        Feature("name_alignment", name_alignment, 1.0),
        Feature("single_token", single_token, -0.2, qualifier=True),
        Feature("country_agreement", country_agreement, 0.05, qualifier=True),
        Feature("country_conflict", country_conflict, -0.1, qualifier=True),
        Feature("address_agreement", address_agreement, 0.1, qualifier=True),
        Feature("identifier_match", identifier_match, 0.3, qualifier=True),
        Feature("transliterated", transliterated, -0.15, qualifier=True),
        Feature("legal_form_conflict", legal_form_conflict, -0.05, qualifier=True),
    ],
)

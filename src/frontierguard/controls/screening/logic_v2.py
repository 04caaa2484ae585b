"""``logic_v2``: the second published party-screening scorer, beside ``logic_v1``.

Changes from v1, each a stated rule rather than a tuned case:

- token matching per :mod:`.align_v2` (multi-edit matches need a shared three-letter run,
  joined tokens must be equal, syllabic-script names match on equal syllables only), so
  the index can bound the score and skip most candidates unscored;
- organisations: a country name present on one side only marks a different entity
  (a national subsidiary) and costs more than an ordinary extra word;
- persons: in ``X bin Y`` names the order around the patronymic particle is the
  relationship, so ``Omar bin Abdullah`` is not ``Abdullah bin Omar``;
- when screening against loaded lists, token weights also reflect rarity in those lists
  (:func:`.rarity.reweigh`), so common given names and words weigh less.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.typing as npt
from rigour.territories.lookup import _get_territory_names

from frontierguard.controls.screening import logic_v1 as v1
from frontierguard.controls.screening.align import Alignment, describe
from frontierguard.controls.screening.model import Pair
from frontierguard.core.scoring import Algorithm, Feature, FtResult

CONFLICT_COST = 2.0
MISSING_COST = 0.5
DISTINCT_COST = 2.0
ORGANISATION_KINDS = frozenset({"organization"})
PATRONYMIC = frozenset({"bin", "ibn", "ben", "bint", "binti"})
TERRITORY_MIN = 4


@lru_cache(maxsize=1)
def territory_words() -> frozenset[str]:
    """One-word country and territory names in rigour's territory table (normalised)."""
    return frozenset(n for n in _get_territory_names() if n.isascii() and " " not in n)


def distinguishing(token: str) -> bool:
    """A country or territory name (four letters or more: shorter ones are particles)."""
    return len(token) >= TERRITORY_MIN and token in territory_words()


def distinct_weight(pair: Pair, al: Alignment) -> tuple[float, list[str]]:
    """Organisations: the weight and words of country names left over on one side of ``al``."""
    if pair.entry.kind not in ORGANISATION_KINDS:
        return 0.0, []
    sides = ((pair.query, al.unmatched_query), (pair.candidate, al.unmatched_candidate))
    found = [(name.tokens[i], name.weights[i]) for name, free in sides for i in free
             if distinguishing(name.tokens[i])]
    return sum(w for _, w in found), [t for t, _ in found]


def name_cost(matched: float, q_left: float, c_left: float) -> float:
    """Denominator of the name score before distinguishing words: the aligned weight plus
    twice the weight left over on both sides (a conflict) and half the one-sided rest."""
    conflict = min(q_left, c_left)
    return matched + CONFLICT_COST * 2 * conflict + MISSING_COST * (max(q_left, c_left) - conflict)


def upper_bound(
    matched: npt.NDArray[np.float64], q_left: npt.NDArray[np.float64],
    c_left: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """The highest name score possible given at most ``matched`` weight can align and at least
    ``q_left`` / ``c_left`` must stay unmatched (vectorised over candidates)."""
    conflict = np.minimum(q_left, c_left)
    cost = matched + CONFLICT_COST * 2 * conflict + MISSING_COST * (np.maximum(q_left, c_left) - conflict)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(cost > 0, matched / np.where(cost > 0, cost, 1.0), 0.0)


def name_alignment(pair: Pair) -> FtResult:
    """Token-by-token agreement of the two names, in any order.

    The score is the similarity-weighted share of the aligned token weight; a token left
    over on both sides (a different given name) costs twice its weight, one present on
    one side only (an extra middle name) half. For organisations a country name on one
    side only (``Banco Santander Mexico`` vs ``Banco Santander``) costs two and a half
    times its weight: it usually names a different national subsidiary. Longer and rarer
    tokens weigh more; particles weigh little.
    """
    al = pair.alignment_v2
    distinct, words = distinct_weight(pair, al)
    cost = name_cost(al.matched_weight, al.unmatched_query_weight, al.unmatched_candidate_weight)
    cost += DISTINCT_COST * distinct
    score = al.similar_weight / cost if cost > 0 else 0.0
    detail = describe(pair.query, pair.candidate, al)
    if words:
        detail += f"; distinguishing words on one side: {', '.join(words)}"
    return FtResult(score, detail)


def single_token(pair: Pair) -> FtResult:
    """Only one word agrees while either name has other substantive words: weak evidence."""
    al = pair.alignment_v2
    if len(al.links) != 1:
        return FtResult(0.0)
    left = [(pair.query, al.unmatched_query), (pair.candidate, al.unmatched_candidate)]
    if any(len(name.tokens[i]) >= 2 and name.weights[i] >= 1.0 for name, free in left for i in free):
        return FtResult(1.0, "only one word of the names agrees")
    return FtResult(0.0)


def _sides(tokens: tuple[str, ...]) -> list[int] | None:
    """Per token: -1 before the patronymic particle, +1 after it (None unless exactly one,
    standing between two names)."""
    marks = [i for i, t in enumerate(tokens) if t in PATRONYMIC]
    if len(marks) != 1 or marks[0] in (0, len(tokens) - 1):
        return None
    return [(-1 if i < marks[0] else 1) for i in range(len(tokens))]


def patronymic_order(pair: Pair) -> FtResult:
    """Both names have one patronymic particle (``bin``, ``ibn``, ``ben``) between names and
    a matched name (not a particle) stands before it in one and after it in the other: father and
    son are swapped. Names written ``SURNAME, Given`` are skipped (order unknown)."""
    return patronymic_swap(pair, pair.alignment_v2)


def patronymic_swap(pair: Pair, al: Alignment) -> FtResult:
    """:func:`patronymic_order` on the alignment ``al``."""
    if "," in pair.query.original or "," in pair.candidate.original:
        return FtResult(0.0)  # "SURNAME, Given" form: the written order is not the name's order
    q, c = _sides(pair.query.tokens), _sides(pair.candidate.tokens)
    if q is None or c is None:
        return FtResult(0.0)
    swapped = [pair.query.tokens[link.q[0]] for link in al.links
               if len(link.q) == len(link.c) == 1 and pair.query.weights[link.q[0]] >= 1.0
               and q[link.q[0]] != c[link.c[0]]]
    if swapped:
        return FtResult(1.0, f"patronymic order differs ({', '.join(swapped)})")
    return FtResult(0.0)


LOGIC_V2: Algorithm[Pair] = Algorithm(
    name="logic_v2",
    description="logic_v1 with index-boundable token matching, rarity weights from the loaded "
    "lists, distinguishing words for organisations and patronymic order for persons.",
    features=[
        Feature("name_alignment", name_alignment, 1.0),
        Feature("single_token", single_token, -0.2, qualifier=True),
        Feature("patronymic_order", patronymic_order, -0.4, qualifier=True),
        Feature("country_agreement", v1.country_agreement, 0.05, qualifier=True),
        Feature("country_conflict", v1.country_conflict, -0.1, qualifier=True),
        Feature("address_agreement", v1.address_agreement, 0.1, qualifier=True),
        Feature("identifier_match", v1.identifier_match, 0.3, qualifier=True),
        Feature("transliterated", v1.transliterated, -0.15, qualifier=True),
        Feature("legal_form_conflict", v1.legal_form_conflict, -0.05, qualifier=True),
    ],
)

# What a party must give for a score-raising qualifier to fire (the index bound adds only these).
QUALIFIER_NEEDS = {"country_agreement": "country", "address_agreement": "address",
                   "identifier_match": "identifiers"}

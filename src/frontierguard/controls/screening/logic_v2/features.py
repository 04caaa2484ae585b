"""``logic_v2``'s features, beside ``logic_v1``'s.

Changes from v1, each a stated rule rather than a tuned case:

- token matching per :mod:`.align` (multi-edit matches need a shared three-letter run,
  joined tokens must be equal, syllabic-script names match on equal syllables only), so
  the index can bound the score and skip most candidates unscored;
- organisations: a country name present on one side only marks a different entity
  (a national subsidiary) and costs more than an ordinary extra word;
- persons: in ``X bin Y`` names the order around the patronymic particle is the
  relationship, so ``Omar bin Abdullah`` is not ``Abdullah bin Omar``;
- when screening against loaded lists, token weights also reflect rarity in those lists
  (:func:`..rarity.Rarity.reweigh`), so common given names and words weigh less.

Published: never edit in place; add a new version beside it.
"""

from __future__ import annotations

from frontierguard.controls.screening.compare import qualifiers as q
from frontierguard.controls.screening.compare.alignment import Alignment, describe
from frontierguard.controls.screening.compare.costs import DISTINCT_COST, name_cost
from frontierguard.controls.screening.compare.patronymic import patronymic_swap
from frontierguard.controls.screening.compare.territories import distinct_weight
from frontierguard.controls.screening.logic_v2.align import align
from frontierguard.controls.screening.model import Pair, cached_property
from frontierguard.core.scoring import Algorithm, Feature, FtResult


class V2Pair(Pair):
    """A pair with ``logic_v2``'s alignment (equal tokens only between two syllabic-script names)."""

    @cached_property
    def alignment(self) -> Alignment:
        return align(self.query, self.candidate, self.syllabic)


def name_alignment(pair: V2Pair) -> FtResult:
    """Token-by-token agreement of the two names, in any order.

    The score is the similarity-weighted share of the aligned token weight; a token left
    over on both sides (a different given name) costs twice its weight, one present on
    one side only (an extra middle name) half. For organisations a country name on one
    side only (``Banco Santander Mexico`` vs ``Banco Santander``) costs two and a half
    times its weight: it usually names a different national subsidiary. Longer and rarer
    tokens weigh more; particles weigh little.
    """
    al = pair.alignment
    distinct, words = distinct_weight(pair, al)
    cost = name_cost(al.matched_weight, al.unmatched_query_weight, al.unmatched_candidate_weight)
    cost += DISTINCT_COST * distinct
    score = al.similar_weight / cost if cost > 0 else 0.0
    detail = describe(pair.query, pair.candidate, al)
    if words:
        detail += f"; distinguishing words on one side: {', '.join(words)}"
    return FtResult(score, detail)


def single_token(pair: V2Pair) -> FtResult:
    """Only one word agrees while either name has other substantive words: weak evidence."""
    al = pair.alignment
    if len(al.links) != 1:
        return FtResult(0.0)
    left = [(pair.query, al.unmatched_query), (pair.candidate, al.unmatched_candidate)]
    if any(len(name.tokens[i]) >= 2 and name.weights[i] >= 1.0 for name, free in left for i in free):
        return FtResult(1.0, "only one word of the names agrees")
    return FtResult(0.0)


def patronymic_order(pair: V2Pair) -> FtResult:
    """Both names have one patronymic particle (``bin``, ``ibn``, ``ben``) between names and
    a matched name (not a particle) stands before it in one and after it in the other: father and
    son are swapped. Names written ``SURNAME, Given`` are skipped (order unknown)."""
    return patronymic_swap(pair, pair.alignment)


LOGIC_V2: Algorithm[V2Pair] = Algorithm(
    name="logic_v2",
    description="logic_v1 with index-boundable token matching, rarity weights from the loaded "
    "lists, distinguishing words for organisations and patronymic order for persons.",
    features=[
        Feature("name_alignment", name_alignment, 1.0),
        Feature("single_token", single_token, -0.2, qualifier=True),
        Feature("patronymic_order", patronymic_order, -0.4, qualifier=True),
        Feature("country_agreement", q.country_agreement, 0.05, qualifier=True),
        Feature("country_conflict", q.country_conflict, -0.1, qualifier=True),
        Feature("address_agreement", q.address_agreement, 0.1, qualifier=True),
        Feature("identifier_match", q.identifier_match, 0.3, qualifier=True),
        Feature("transliterated", q.transliterated, -0.15, qualifier=True),
        Feature("legal_form_conflict", q.legal_form_conflict, -0.05, qualifier=True),
    ],
)

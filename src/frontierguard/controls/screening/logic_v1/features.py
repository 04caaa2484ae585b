"""``logic_v1``'s features: the name score is a weighted token alignment; qualifiers (country,
address, identifiers, legal form, single-word matches) then move it up or down by small,
stated amounts. Published: never edit in place; add a new version beside it.
"""

from __future__ import annotations

from frontierguard.controls.screening.compare import qualifiers as q
from frontierguard.controls.screening.compare.alignment import Alignment, describe
from frontierguard.controls.screening.logic_v1.align import align
from frontierguard.controls.screening.model import Pair, cached_property
from frontierguard.core.scoring import Algorithm, Feature, FtResult

CONFLICT_COST = 2.0
MISSING_COST = 0.5


class V1Pair(Pair):
    """A pair with ``logic_v1``'s alignment (:func:`.align.align`)."""

    @cached_property
    def alignment(self) -> Alignment:
        return align(self.query, self.candidate)


def name_alignment(pair: V1Pair) -> FtResult:
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


def single_token(pair: V1Pair) -> FtResult:
    """Only one word agrees while either name has other substantive words: weak evidence."""
    al = pair.alignment
    substantive = [
        w for w in (al.unmatched_query_weight, al.unmatched_candidate_weight) if w >= 2.0
    ]
    if len(al.links) == 1 and substantive:
        return FtResult(1.0, "only one word of the names agrees")
    return FtResult(0.0)


LOGIC_V1: Algorithm[V1Pair] = Algorithm(
    name="logic_v1",
    description="Weighted order-free token alignment with country, address, identifier and "
    "legal-form qualifiers.",
    features=[
        Feature("name_alignment", name_alignment, 1.0),
        Feature("single_token", single_token, -0.2, qualifier=True),
        Feature("country_agreement", q.country_agreement, 0.05, qualifier=True),
        Feature("country_conflict", q.country_conflict, -0.1, qualifier=True),
        Feature("address_agreement", q.address_agreement, 0.1, qualifier=True),
        Feature("identifier_match", q.identifier_match, 0.3, qualifier=True),
        Feature("transliterated", q.transliterated, -0.15, qualifier=True),
        Feature("legal_form_conflict", q.legal_form_conflict, -0.05, qualifier=True),
    ],
)

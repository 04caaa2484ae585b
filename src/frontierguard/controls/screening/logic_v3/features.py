"""``logic_v3``'s features: the third published party-screening scorer, beside ``logic_v1``
and ``logic_v2``.

Changes from v2, each a stated rule about names in general (found by reading which
unrelated names v2 let through, never fitted to particular names):

- token matching per :mod:`.align`: sounding alike counts only while the spellings
  share at least half their letters, and a name in Chinese characters matches
  character for character (an edited syllable is another character);
- a name in Chinese characters with characters left over (``张建国`` against
  ``ZHANG, Jian``) has a different given name: each leftover character costs what a
  conflicting word costs, not what an extra middle name costs;
- one whole word in common is weak evidence even when initials line up too
  (``SONIA I`` against ``Sonia Isaac Merritt``), and a leftover number counts as a word.

Everything else (distinguishing country words for organisations, patronymic order,
rarity weights from the loaded lists, qualifiers) is v2's, from the shared comparators of
:mod:`..compare`. Published: never edit in place; add a new version beside it.
"""

from __future__ import annotations

from frontierguard.controls.screening.compare import qualifiers as q
from frontierguard.controls.screening.compare.alignment import Alignment, describe
from frontierguard.controls.screening.compare.costs import (
    CONFLICT_COST,
    DISTINCT_COST,
    MISSING_COST,
    name_cost,
)
from frontierguard.controls.screening.compare.patronymic import patronymic_swap
from frontierguard.controls.screening.compare.territories import distinct_weight
from frontierguard.controls.screening.logic_v3.align import align
from frontierguard.controls.screening.model import Pair, cached_property
from frontierguard.core.scoring import Algorithm, Feature, FtResult

CHARACTER_COST = CONFLICT_COST
SUBSTANTIVE_WEIGHT = 1.0


class V3Pair(Pair):
    """A pair with ``logic_v3``'s alignment."""

    @cached_property
    def alignment(self) -> Alignment:
        """Equal tokens only when either name is in Chinese characters, or both are syllabic."""
        return align(self.query, self.candidate,
                     self.syllabic or self.query_per_character or self.candidate_per_character)


def _leftover_characters(pair: V3Pair, al: Alignment) -> tuple[float, list[str]]:
    """Weight and tokens left unmatched in a name written in Chinese characters."""
    found = []
    if pair.query_per_character:
        found += [(pair.query.tokens[i], pair.query.weights[i]) for i in al.unmatched_query]
    if pair.candidate_per_character:
        found += [(pair.candidate.tokens[j], pair.candidate.weights[j]) for j in al.unmatched_candidate]
    return sum(w for _, w in found), [t for t, _ in found]


def name_alignment(pair: V3Pair) -> FtResult:
    """Token-by-token agreement of the two names, in any order.

    As in v2: the score is the similarity-weighted share of the aligned token weight; a
    token left over on both sides costs twice its weight, one on one side only half, and
    for organisations a country name on one side only two and a half times. New in v3: a
    character left over in a name written in Chinese characters is part of a different
    given name and costs twice its weight, as a conflicting word does.
    """
    al = pair.alignment
    distinct, words = distinct_weight(pair, al)
    characters, extra = _leftover_characters(pair, al)
    cost = name_cost(al.matched_weight, al.unmatched_query_weight, al.unmatched_candidate_weight)
    cost += DISTINCT_COST * distinct + (CHARACTER_COST - MISSING_COST) * characters
    score = al.similar_weight / cost if cost > 0 else 0.0
    detail = describe(pair.query, pair.candidate, al)
    if words:
        detail += f"; distinguishing words on one side: {', '.join(words)}"
    if extra:
        detail += f"; characters left over in a name in Chinese characters: {', '.join(extra)}"
    return FtResult(score, detail)


def _substantive(token: str, weight: float) -> bool:
    """A word that identifies: two letters or more, or a number, and not a particle."""
    return (len(token) >= 2 or token.isdigit()) and weight >= SUBSTANTIVE_WEIGHT


def single_token(pair: V3Pair) -> FtResult:
    """Only one whole word agrees (initials aside) while either name has other substantive
    words (numbers included): weak evidence."""
    al = pair.alignment
    if sum(link.how != "initial" for link in al.links) != 1:
        return FtResult(0.0)
    left = [(pair.query, al.unmatched_query), (pair.candidate, al.unmatched_candidate)]
    if any(_substantive(name.tokens[i], name.weights[i]) for name, free in left for i in free):
        initials = any(link.how == "initial" for link in al.links)
        return FtResult(1.0, "only one whole word of the names agrees"
                        + (" (besides initials)" if initials else ""))
    return FtResult(0.0)


def patronymic_order(pair: V3Pair) -> FtResult:
    """Both names have one patronymic particle (``bin``, ``ibn``, ``ben``) between names and
    a matched name (not a particle) stands before it in one and after it in the other: father and
    son are swapped. Names written ``SURNAME, Given`` are skipped (order unknown)."""
    return patronymic_swap(pair, pair.alignment)


LOGIC_V3: Algorithm[V3Pair] = Algorithm(
    name="logic_v3",
    description="logic_v2 with phonetic matches that must share half their spelling, "
    "character-for-character matching of names in Chinese characters, leftover characters "
    "costed as a different given name, and initials no longer counted as a second word.",
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

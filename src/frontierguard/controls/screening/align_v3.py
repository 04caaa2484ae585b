"""Token similarity and alignment for ``logic_v3``: :mod:`.align_v2` with two narrowings.

- A phonetic match (equal metaphone codes) counts only while the spellings differ in at
  most half the letters of the longer token. Metaphone drops vowels and merges
  consonants, so ``clara``/``cuellar``, ``price``/``perez`` or ``matthews``/``meadows``
  share a code although they are different names; real spelling variants that sound
  alike (``husayn``/``hussein``, ``schulze``/``scholz``) stay within half.
- A name written in Chinese characters is romanised one token per character, so a
  romanised token is one character: it matches only an equal token, and joined runs
  (``gui hua`` = ``guihua``) only when equal. One letter changed (``cheng``/``chen``,
  ``jian``/``jiang``) is a different character, hence a different name, whatever script the
  other name is in (:mod:`.align_v2` applied this only when both names were syllabic).

Both only remove token pairs :mod:`.align_v2` admits, so every pair that still matches
shares an index key and the bound of :mod:`.index_v2` still holds.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA

from frontierguard.controls.screening import align_v2
from frontierguard.controls.screening.align import Alignment
from frontierguard.controls.screening.normalize import NormName

NO_PHONETIC = ("", "-")


@lru_cache(maxsize=500_000)
def token_similarity(a: str, b: str, pa: str, pb: str, exact: bool = False) -> tuple[float, str]:
    """:func:`.align_v2.token_similarity`, but a phonetic match whose spellings differ in
    more than half the longer token's letters falls back to the edit-based score (if any)."""
    score, how = align_v2.token_similarity(a, b, pa, pb, exact)
    if how == "phonetic" and 2 * OSA.distance(a, b) > max(len(a), len(b)):
        return align_v2.token_similarity(a, b, *NO_PHONETIC, exact)
    return score, how


def align(q: NormName, c: NormName, exact: bool) -> Alignment:
    """Greedy order-free alignment (:func:`.align_v2.align`) with :func:`token_similarity`;
    ``exact`` (a name in Chinese characters, or both names syllabic) admits equal tokens and
    equal joined runs only."""
    return align_v2.align(q, c, exact, token_similarity, 0 if exact else 1)

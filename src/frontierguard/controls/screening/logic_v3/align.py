"""Token similarity and alignment for ``logic_v3``: ``logic_v2``'s trigram-gated matching
(:func:`..compare.tokens.gated_similarity`) with two narrowings.

- A phonetic match (equal metaphone codes) counts only while the spellings differ in at
  most half the letters of the longer token. Metaphone drops vowels and merges
  consonants, so ``clara``/``cuellar``, ``price``/``perez`` or ``matthews``/``meadows``
  share a code although they are different names; real spelling variants that sound
  alike (``husayn``/``hussein``, ``schulze``/``scholz``) stay within half.
- A name written in Chinese characters is romanised one token per character, so a
  romanised token is one character: it matches only an equal token, and joined runs
  (``gui hua`` = ``guihua``) only when equal. One letter changed (``cheng``/``chen``,
  ``jian``/``jiang``) is a different character, hence a different name, whatever script the
  other name is in (``logic_v2`` applies this only when both names are syllabic).

Both only remove token pairs ``logic_v2`` admits, so every pair that still matches
shares an index key and the bound of :mod:`.index` holds.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA

from frontierguard.controls.screening.compare.alignment import Alignment, Link, greedy_links, summarise
from frontierguard.controls.screening.compare.tokens import gated_similarity
from frontierguard.controls.screening.normalize import NormName

NO_PHONETIC = ("", "-")


@lru_cache(maxsize=500_000)
def token_similarity(a: str, b: str, pa: str, pb: str, exact: bool = False) -> tuple[float, str]:
    """:func:`..compare.tokens.gated_similarity`, but a phonetic match whose spellings differ in
    more than half the longer token's letters falls back to the edit-based score (if any)."""
    score, how = gated_similarity(a, b, pa, pb, exact)
    if how == "phonetic" and 2 * OSA.distance(a, b) > max(len(a), len(b)):
        return gated_similarity(a, b, *NO_PHONETIC, exact)
    return score, how


def align(q: NormName, c: NormName, exact: bool) -> Alignment:
    """Pair tokens greedily, best similarity first, in any order, with :func:`token_similarity`;
    then joined runs. ``exact`` (a name in Chinese characters, or both names syllabic) admits
    equal tokens and equal joined runs only."""
    links, used_q, used_c = greedy_links(q, c, token_similarity, exact)
    if len(used_q) < len(q.tokens) and len(used_c) < len(c.tokens):
        edits = 0 if exact else 1
        links.extend(_joined(q, c, used_q, used_c, False, edits))
        links.extend(_joined(c, q, used_c, used_q, True, edits))
    return summarise(q, c, links, used_q, used_c)


@lru_cache(maxsize=200_000)
def _runs(tokens: tuple[str, ...]) -> tuple[tuple[tuple[int, ...], str], ...]:
    """Every run of two, then three, adjacent tokens, with the run written together."""
    return tuple((tuple(range(start, start + size)), "".join(tokens[start:start + size]))
                 for size in (2, 3) for start in range(len(tokens) - size + 1))


def _joined(a: NormName, b: NormName, used_a: set[int], used_b: set[int], flip: bool,
            edits: int) -> list[Link]:
    """Leftover tokens of ``a`` within ``edits`` (at most one) of two or three adjacent leftover
    tokens of ``b`` (the first such run, pairs before triples, left to right)."""
    if len(b.tokens) - len(used_b) < 2:
        return []
    free_a = [i for i, token in enumerate(a.tokens) if i not in used_a and len(token) >= 4]
    if not free_a:
        return []
    runs = _runs(b.tokens)
    out: list[Link] = []
    for i in free_a:
        token = a.tokens[i]
        for run, joined in runs:
            if abs(len(joined) - len(token)) > edits or used_b.intersection(run):
                continue
            d = OSA.distance(joined, token, score_cutoff=edits)
            if d > edits:
                continue
            used_a.add(i)
            used_b.update(run)
            sim = 1.0 - d / max(len(joined), len(token))
            out.append(Link(run, (i,), sim, "joined") if flip else Link((i,), run, sim, "joined"))
            break
    return out

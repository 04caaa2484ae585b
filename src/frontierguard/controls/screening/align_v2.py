"""Token similarity and alignment for ``logic_v2``, stated so the index can bound it.

Differences from :mod:`.align` (which ``logic_v1`` keeps using unchanged):

- two or three edits between long tokens count only if the tokens still share a
  three-letter run (scattered edits make a different word, and the index's trigram keys
  then find every such pair);
- tokens written together match a run of the other name's tokens within one edit
  (``vanderbilt`` = ``van der bilt``), which the index's joined deletion keys find;
- when both names are written in a syllabic script (Chinese, Japanese, Korean) each
  romanised token is one character, so only equal tokens match: an edit inside a
  syllable is a different character, hence a different name.

Every token pair with a similarity above zero therefore shares an index key, except
initials and particles, which the index treats as always possibly matched.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from rapidfuzz.distance import OSA

from frontierguard.controls.screening.align import (
    INITIAL_SIMILARITY,
    PHONETIC_MIN_CODE,
    PHONETIC_SIMILARITY,
    Alignment,
    Link,
    _summarise,
    edit_budget,
)
from frontierguard.controls.screening.normalize import NormName

TRIGRAM = 3
Similarity = Callable[[str, str, str, str, bool], tuple[float, str]]


def share_trigram(a: str, b: str) -> bool:
    """Whether two tokens have a three-letter run in common."""
    grams = {a[i:i + TRIGRAM] for i in range(len(a) - TRIGRAM + 1)}
    return any(b[i:i + TRIGRAM] in grams for i in range(len(b) - TRIGRAM + 1))


@lru_cache(maxsize=500_000)
def token_similarity(a: str, b: str, pa: str, pb: str, exact: bool = False) -> tuple[float, str]:
    """Similarity of two tokens in [0, 1] and how it was found (``exact``: equal only).

    Equal tokens score 1; numbers must be equal; a single letter matches a token it is
    the initial of at 0.7. One edit within the budget of :func:`.align.edit_budget`
    gives ``1 - d / longer``; two or three edits count only between tokens sharing a
    three-letter run. Equal metaphone codes (three or more letters, same first letter)
    give at least 0.8.
    """
    if a == b:
        return 1.0, "="
    if exact or a.isdigit() or b.isdigit():
        return 0.0, ""
    if len(a) == 1 or len(b) == 1:
        return (INITIAL_SIMILARITY, "initial") if a[0] == b[0] else (0.0, "")
    budget = edit_budget(min(len(a), len(b)))
    score, how = 0.0, ""
    if budget:
        d = OSA.distance(a, b, score_cutoff=budget)
        if d <= budget and (d == 1 or share_trigram(a, b)):
            score, how = 1.0 - d / max(len(a), len(b)), "~"
    if pa == pb and len(pa) >= PHONETIC_MIN_CODE and a[0] == b[0] and score < PHONETIC_SIMILARITY:
        score, how = PHONETIC_SIMILARITY, "phonetic"
    return score, how


def align(q: NormName, c: NormName, exact: bool = False,
          similarity: Similarity | None = None, joined_edits: int = 1) -> Alignment:
    """Pair tokens greedily, best similarity first, in any order; then joined runs.

    ``exact`` (both names in a syllabic script) admits equal tokens only. ``similarity``
    replaces :func:`token_similarity` and ``joined_edits`` the edits a joined run may
    differ by (later scorers narrow both; they may only ever admit fewer pairs).
    """
    similarity = similarity or token_similarity
    pairs = []
    for i, (a, pa) in enumerate(zip(q.tokens, q.phonetic, strict=True)):
        for j, (b, pb) in enumerate(zip(c.tokens, c.phonetic, strict=True)):
            sim, how = similarity(a, b, pa, pb, exact)
            if sim > 0:
                pairs.append((sim, q.weights[i] + c.weights[j], i, j, how))
    pairs.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    links: list[Link] = []
    for sim, _, i, j, how in pairs:
        if i not in used_q and j not in used_c:
            used_q.add(i)
            used_c.add(j)
            links.append(Link((i,), (j,), sim, how))
    if len(used_q) < len(q.tokens) and len(used_c) < len(c.tokens):
        links.extend(_joined(q, c, used_q, used_c, False, joined_edits))
        links.extend(_joined(c, q, used_c, used_q, True, joined_edits))
    return _summarise(q, c, links, used_q, used_c)


@lru_cache(maxsize=200_000)
def _runs(tokens: tuple[str, ...]) -> tuple[tuple[tuple[int, ...], str], ...]:
    """Every run of two, then three, adjacent tokens, with the run written together."""
    return tuple((tuple(range(start, start + size)), "".join(tokens[start:start + size]))
                 for size in (2, 3) for start in range(len(tokens) - size + 1))


def _joined(a: NormName, b: NormName, used_a: set[int], used_b: set[int], flip: bool,
            edits: int = 1) -> list[Link]:
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

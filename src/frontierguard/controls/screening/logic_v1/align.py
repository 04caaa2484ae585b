"""``logic_v1``'s token similarity and the alignment of two names' tokens, order-free.

Building blocks come from rapidfuzz (Levenshtein distance) and rigour (metaphone);
the rules that combine them are ours and are stated in each function's docstring.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA

from frontierguard.controls.screening.compare.alignment import Alignment, Link, summarise
from frontierguard.controls.screening.compare.tokens import (
    INITIAL_SIMILARITY,
    PHONETIC_MIN_CODE,
    PHONETIC_SIMILARITY,
    edit_budget,
)
from frontierguard.controls.screening.normalize import NormName


@lru_cache(maxsize=500_000)
def token_similarity(a: str, b: str, pa: str, pb: str) -> tuple[float, str]:
    """Similarity of two tokens in [0, 1] and how it was found.

    Equal tokens score 1. Numbers must be equal. Otherwise the Levenshtein distance,
    if within :func:`edit_budget` of the shorter token, gives ``1 - d / longer``; equal
    metaphone codes (of three or more letters: shorter codes are too
    coarse) with the same first letter give at least 0.8; a single letter matches
    a token it is the initial of at 0.7.
    """
    if a == b:
        return 1.0, "="
    if a.isdigit() or b.isdigit():
        return 0.0, ""
    if len(a) == 1 or len(b) == 1:
        return (INITIAL_SIMILARITY, "initial") if a[0] == b[0] else (0.0, "")
    budget = edit_budget(min(len(a), len(b)))
    score, how = 0.0, ""
    if budget:
        d = OSA.distance(a, b, score_cutoff=budget)
        if d <= budget:
            score, how = 1.0 - d / max(len(a), len(b)), "~"
    if pa == pb and len(pa) >= PHONETIC_MIN_CODE and a[0] == b[0] and score < PHONETIC_SIMILARITY:
        score, how = PHONETIC_SIMILARITY, "phonetic"
    return score, how


def align(q: NormName, c: NormName) -> Alignment:
    """Pair tokens greedily, best similarity first, regardless of order; then join runs.

    After the one-to-one pass, a leftover token may match two or three adjacent leftover
    tokens of the other name written together (``vanderbilt`` = ``van der bilt``).
    """
    pairs = []
    for i, (a, pa) in enumerate(zip(q.tokens, q.phonetic, strict=True)):
        for j, (b, pb) in enumerate(zip(c.tokens, c.phonetic, strict=True)):
            sim, how = token_similarity(a, b, pa, pb)
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
    links.extend(_joined_links(q, c, used_q, used_c))
    links.extend(_joined_links(c, q, used_c, used_q, flip=True))
    return summarise(q, c, links, used_q, used_c)


def _joined_links(
    a: NormName, b: NormName, used_a: set[int], used_b: set[int], flip: bool = False
) -> list[Link]:
    """Leftover tokens of ``a`` (four letters or more) similar, within their edit budget, to
    two or three adjacent leftover tokens of ``b`` written together (the first such run)."""
    out: list[Link] = []
    if len(b.tokens) - len(used_b) < 2 or len(used_a) == len(a.tokens):
        return out
    for i, token in enumerate(a.tokens):
        if i in used_a or len(token) < 4:
            continue
        budget = edit_budget(len(token))
        for size in (2, 3):
            for start in range(len(b.tokens) - size + 1):
                run = range(start, start + size)
                if any(j in used_b for j in run):
                    continue
                joined = "".join(b.tokens[j] for j in run)
                if abs(len(joined) - len(token)) > budget:
                    continue
                sim, _ = token_similarity(token, joined, "", "-")
                if sim > 0:
                    used_a.add(i)
                    used_b.update(run)
                    ia, ib = (i,), tuple(run)
                    out.append(Link(ib, ia, sim, "joined") if flip else Link(ia, ib, sim, "joined"))
                    break
            if i in used_a:
                break
    return out

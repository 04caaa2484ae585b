"""Token similarity building blocks: edit budgets, shared runs, and the trigram-gated
similarity ``logic_v2`` publishes and ``logic_v3`` narrows.

Building blocks come from rapidfuzz (Levenshtein distance) and rigour (metaphone); the
rules that combine them are ours and are stated in each function's docstring.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA

PHONETIC_SIMILARITY = 0.8
INITIAL_SIMILARITY = 0.7
PHONETIC_MIN_CODE = 3
TRIGRAM = 3


def edit_budget(length: int) -> int:
    """Edits tolerated between two tokens: none up to 3 letters, then one per 4 letters (max 3)."""
    return 0 if length <= 3 else min(3, length // 4)


def share_trigram(a: str, b: str) -> bool:
    """Whether two tokens have a three-letter run in common."""
    grams = {a[i:i + TRIGRAM] for i in range(len(a) - TRIGRAM + 1)}
    return any(b[i:i + TRIGRAM] in grams for i in range(len(b) - TRIGRAM + 1))


@lru_cache(maxsize=500_000)
def gated_similarity(a: str, b: str, pa: str, pb: str, exact: bool = False) -> tuple[float, str]:
    """Similarity of two tokens in [0, 1] and how it was found (``exact``: equal only).

    Equal tokens score 1; numbers must be equal; a single letter matches a token it is
    the initial of at 0.7. One edit within the budget of :func:`edit_budget` gives
    ``1 - d / longer``; two or three edits count only between tokens sharing a
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

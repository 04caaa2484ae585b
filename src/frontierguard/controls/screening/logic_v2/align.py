"""Token similarity and alignment for ``logic_v2``, stated so the index can bound it.

Differences from ``logic_v1``'s matching:

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

from functools import lru_cache

from rapidfuzz.distance import OSA

from frontierguard.controls.screening.compare.alignment import Alignment, Link, greedy_links, summarise
from frontierguard.controls.screening.compare.tokens import gated_similarity, share_trigram
from frontierguard.controls.screening.normalize import NormName

token_similarity = gated_similarity

__all__ = ["align", "share_trigram", "token_similarity"]


def align(q: NormName, c: NormName, exact: bool = False) -> Alignment:
    """Pair tokens greedily, best similarity first, in any order; then joined runs.

    ``exact`` (both names in a syllabic script) admits equal tokens only.
    """
    links, used_q, used_c = greedy_links(q, c, token_similarity, exact)
    if len(used_q) < len(q.tokens) and len(used_c) < len(c.tokens):
        links.extend(_joined(q, c, used_q, used_c, False))
        links.extend(_joined(c, q, used_c, used_q, True))
    return summarise(q, c, links, used_q, used_c)


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

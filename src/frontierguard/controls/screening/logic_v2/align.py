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
        links.extend(_joined(q, c, used_q, used_c, flip=False))
        links.extend(_joined(c, q, used_c, used_q, flip=True))
    return summarise(q, c, links, used_q, used_c)


def _joined(a: NormName, b: NormName, used_a: set[int], used_b: set[int], flip: bool) -> list[Link]:
    """Leftover tokens of ``a`` within one edit of two or three adjacent leftover tokens of ``b``."""
    free_b = [j for j in range(len(b.tokens)) if j not in used_b]
    if len(free_b) < 2:
        return []
    out: list[Link] = []
    for i, token in enumerate(a.tokens):
        if i in used_a or len(token) < 4:
            continue
        for size in (2, 3):
            for start in range(len(b.tokens) - size + 1):
                run = tuple(range(start, start + size))
                joined = "".join(b.tokens[j] for j in run)
                if used_b.intersection(run) or abs(len(joined) - len(token)) > 1:
                    continue
                d = OSA.distance(joined, token, score_cutoff=1)
                if d > 1:
                    continue
                used_a.add(i)
                used_b.update(run)
                sim = 1.0 - d / max(len(joined), len(token))
                out.append(Link(run, (i,), sim, "joined") if flip else Link((i,), run, sim, "joined"))
                break
            if i in used_a:
                break
    return out

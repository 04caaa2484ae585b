"""How two names' tokens line up: the links, the weight left over, and words for them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from frontierguard.controls.screening.normalize import NormName

Similarity = Callable[[str, str, str, str, bool], tuple[float, str]]


@dataclass(frozen=True)
class Link:
    """Query tokens ``q`` aligned with candidate tokens ``c`` at ``similarity``."""

    q: tuple[int, ...]
    c: tuple[int, ...]
    similarity: float
    how: str


@dataclass(frozen=True)
class Alignment:
    """How two names' tokens line up, and the weights left unmatched on each side."""

    links: tuple[Link, ...]
    matched_weight: float
    similar_weight: float
    unmatched_query: tuple[int, ...]
    unmatched_candidate: tuple[int, ...]
    unmatched_query_weight: float
    unmatched_candidate_weight: float


def greedy_links(q: NormName, c: NormName, similarity: Similarity, exact: bool
                 ) -> tuple[list[Link], set[int], set[int]]:
    """Pair tokens one to one, best similarity first (heavier pairs first among equals), in
    any order; returns the links and the query and candidate positions they use."""
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
    return links, used_q, used_c


def summarise(
    q: NormName, c: NormName, links: list[Link], used_q: set[int], used_c: set[int]
) -> Alignment:
    """The alignment of ``links``: matched and similarity-weighted weight, and what is left."""
    matched = similar = 0.0
    for link in links:
        w = sum(q.weights[i] for i in link.q) + sum(c.weights[j] for j in link.c)
        matched += w
        similar += w * link.similarity
    free_q = tuple(i for i in range(len(q.tokens)) if i not in used_q)
    free_c = tuple(j for j in range(len(c.tokens)) if j not in used_c)
    return Alignment(
        links=tuple(links),
        matched_weight=matched,
        similar_weight=similar,
        unmatched_query=free_q,
        unmatched_candidate=free_c,
        unmatched_query_weight=sum(q.weights[i] for i in free_q),
        unmatched_candidate_weight=sum(c.weights[j] for j in free_c),
    )


def describe(q: NormName, c: NormName, al: Alignment) -> str:
    """Words for an alignment: ``kim=kim, jin~jinn, -chol (query only)``."""
    parts = []
    for link in al.links:
        left = " ".join(q.tokens[i] for i in link.q)
        right = " ".join(c.tokens[j] for j in link.c)
        how = "=" if link.how == "=" else f"~{right} ({link.how} {link.similarity:.2f})"
        parts.append(f"{left}={right}" if how == "=" else f"{left}{how}")
    parts += [f"-{q.tokens[i]} (query only)" for i in al.unmatched_query]
    parts += [f"+{c.tokens[j]} (list only)" for j in al.unmatched_candidate]
    return ", ".join(parts)

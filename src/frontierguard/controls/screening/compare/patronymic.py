"""Patronymic order: in ``X bin Y`` names the order around the particle is the relationship,
so ``Omar bin Abdullah`` (Omar, son of Abdullah) is not ``Abdullah bin Omar``."""

from __future__ import annotations

from frontierguard.controls.screening.compare.alignment import Alignment
from frontierguard.controls.screening.model import Pair
from frontierguard.core.scoring import FtResult

PATRONYMIC = frozenset({"bin", "ibn", "ben", "bint", "binti"})


def _sides(tokens: tuple[str, ...]) -> list[int] | None:
    """Per token: -1 before the patronymic particle, +1 after it (None unless exactly one,
    standing between two names)."""
    marks = [i for i, t in enumerate(tokens) if t in PATRONYMIC]
    if len(marks) != 1 or marks[0] in (0, len(tokens) - 1):
        return None
    return [(-1 if i < marks[0] else 1) for i in range(len(tokens))]


def patronymic_swap(pair: Pair, al: Alignment) -> FtResult:
    """Both names have one patronymic particle (``bin``, ``ibn``, ``ben``) between names and
    a matched name (not a particle) stands before it in one and after it in the other (by the
    alignment ``al``): father and son are swapped. Names written ``SURNAME, Given`` are
    skipped (order unknown)."""
    if "," in pair.query.original or "," in pair.candidate.original:
        return FtResult(0.0)  # "SURNAME, Given" form: the written order is not the name's order
    q, c = _sides(pair.query.tokens), _sides(pair.candidate.tokens)
    if q is None or c is None:
        return FtResult(0.0)
    swapped = [pair.query.tokens[link.q[0]] for link in al.links
               if len(link.q) == len(link.c) == 1 and pair.query.weights[link.q[0]] >= 1.0
               and q[link.q[0]] != c[link.c[0]]]
    if swapped:
        return FtResult(1.0, f"patronymic order differs ({', '.join(swapped)})")
    return FtResult(0.0)

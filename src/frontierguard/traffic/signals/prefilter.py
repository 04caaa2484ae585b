"""Which rules can fire on each text, from one pass of a multi-literal matcher.

A rule set's regexes are many; running each over every text costs the number of rules
times the text. Instead the literal strings each pattern cannot match without
(:func:`~frontierguard.traffic.signals.literals.required_literals`) are compiled into one
Hyperscan database and searched for at once, a single pass over each text whatever the
number of rules. A group of patterns (a CoT rule's patterns, its context patterns, a
capability clause) is a *candidate* on a text when one of its literals occurs there (or
when one of its patterns has no known literals). The rules' own regexes then run in SQL
only on their candidates, so the signals equal those of running every regex everywhere:
the prefilter only skips texts on which a regex cannot match.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import hyperscan
import numpy as np
import pyarrow as pa

from frontierguard.traffic.signals.literals import required_literals

Groups = tuple[tuple[str, ...], ...]


def _expression(literal: str) -> bytes:
    """A Hyperscan expression matching the UTF-8 bytes of ``literal`` exactly."""
    return "".join(f"\\x{b:02x}" for b in literal.encode("utf-8")).encode("ascii")


class Prefilter:
    """Candidate groups of patterns per text (see the module docstring)."""

    def __init__(self, groups: Groups) -> None:
        self.groups = groups
        needs = [_group_literals(g) for g in groups]
        self.literals = sorted(set().union(*(n for n in needs if n is not None)))
        index = {s: i for i, s in enumerate(self.literals)}
        owners: list[list[int]] = [[] for _ in self.literals]
        for g, need in enumerate(needs):
            for s in need or ():
                owners[index[s]].append(g)
        counts = np.array([len(o) for o in owners], dtype=np.int64)
        self._ptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self._owner = np.array([g for o in owners for g in o], dtype=np.int64)
        self._always = np.array([n is None for n in needs], dtype=bool)
        self._db = self._compile() if self.literals else None

    def _compile(self) -> hyperscan.Database:
        db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        n = len(self.literals)
        db.compile(expressions=[_expression(s) for s in self.literals], ids=list(range(n)),
                   elements=n, flags=[hyperscan.HS_FLAG_SINGLEMATCH] * n)
        return db

    def _hits(self, texts: pa.Array) -> tuple[np.ndarray, np.ndarray]:
        """(text index, literal id) of every literal found in each text (once per text)."""
        rows: list[object] = []
        found: list[int] = []
        if self._db is None:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        scratch = hyperscan.Scratch(self._db)

        def on_match(literal: int, start: int, end: int, flags: int, row: object) -> None:
            rows.append(row)
            found.append(literal)

        for row, data in enumerate(texts.cast(pa.binary()).to_pylist()):
            if data:
                self._db.scan(data, match_event_handler=on_match, context=row,
                              scratch=scratch)
        return np.array(rows, dtype=np.int64), np.array(found, dtype=np.int64)

    def candidates(self, texts: pa.Array | pa.ChunkedArray) -> np.ndarray:
        """A ``(len(texts), len(groups))`` boolean array: group g is a candidate on text t."""
        arr = texts.combine_chunks() if isinstance(texts, pa.ChunkedArray) else texts
        out = np.zeros((len(arr), len(self.groups)), dtype=bool)
        rows, found = self._hits(arr)
        counts = self._ptr[found + 1] - self._ptr[found]
        firsts = np.repeat(self._ptr[found], counts)
        steps = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        out[np.repeat(rows, counts), self._owner[firsts + steps]] = True
        out[:, self._always] = True
        return out


def _group_literals(patterns: Sequence[str]) -> frozenset[str] | None:
    """Literals one of which every text some pattern of the group matches contains."""
    out: frozenset[str] = frozenset()
    for p in patterns:
        need = required_literals(p)
        if need is None:
            return None
        out |= need
    return out


@lru_cache(maxsize=16)
def prefilter(groups: Groups) -> Prefilter:
    """The compiled prefilter of ``groups`` (compiled once per process and rule set)."""
    return Prefilter(groups)

"""Which rules can fire on each text, from one pass of a multi-literal matcher.

A rule set's regexes are many; running each over every text costs the number of rules
times the text. Instead the literal strings each pattern cannot match without
(:func:`~frontierguard.traffic.signals.literals.required_clauses`) are compiled into one
Hyperscan database and searched for at once, a single pass over each text whatever the
number of rules. A group of patterns (a CoT rule's patterns, its context patterns, a
capability clause) is a *candidate* on a text when, for one of its patterns, a string of
each set the pattern needs occurs there (or when one of its patterns needs none known).
The rules' own regexes then run in SQL only on their candidates, so the signals equal
those of running every regex everywhere: the prefilter only skips texts on which a regex
cannot match.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import hyperscan
import numpy as np
import pyarrow as pa

from frontierguard.traffic.signals.literals import Clauses, rarity, required_clauses

Groups = tuple[tuple[str, ...], ...]


SLICE = 32_768  # texts scanned and counted at a time (bounds the hit arrays)
MIN_EXTRA = 4
MAX_CLAUSES = 4  # the rarest sets of strings a pattern needs that the matcher checks


def _expression(literal: str) -> bytes:
    """A Hyperscan expression matching the UTF-8 bytes of ``literal`` exactly."""
    return "".join(f"\\x{b:02x}" for b in literal.encode("utf-8")).encode("ascii")


def _pattern_clauses(pattern: str) -> Clauses:
    """The clauses checked for ``pattern``: its rarest, then up to ``MAX_CLAUSES`` in all
    of those whose strings are all at least ``MIN_EXTRA`` characters (short common words
    would cost more to count than they filter)."""
    ranked = sorted(required_clauses(pattern), key=rarity, reverse=True)
    extra = [c for c in ranked[1:] if min(map(len, c)) >= MIN_EXTRA]
    return tuple(_minimal(c) for c in ranked[:1] + extra[:MAX_CLAUSES - 1])


def _minimal(clause: frozenset[str]) -> frozenset[str]:
    """``clause`` without the strings that contain another of its strings (a text holds a
    string of the clause exactly when it holds one of those left)."""
    return frozenset(s for s in clause if not any(t != s and t in s for t in clause))


class Prefilter:
    """Candidate groups of patterns per text (see the module docstring).

    The scan reports each literal found in a text once; numpy then marks the clauses
    holding each literal, and a group is a candidate where all clauses of one of its
    patterns are marked (segmented AND over each pattern's clauses, OR over a group's
    patterns)."""

    def __init__(self, groups: Groups) -> None:
        self.groups = groups
        needs = [[_pattern_clauses(p) for p in g] for g in groups]
        self._always = np.array([not n or not all(n) for n in needs], dtype=bool)
        per_pattern = [(g, cl) for g, n in enumerate(needs) if not self._always[g] for cl in n]
        clauses = [(g, m, c) for m, (g, cl) in enumerate(per_pattern) for c in cl]
        self.literals = sorted({s for _, _, c in clauses for s in c})
        index = {s: i for i, s in enumerate(self.literals)}
        owners: list[list[int]] = [[] for _ in self.literals]
        for k, (_, _, c) in enumerate(clauses):
            for s in c:
                owners[index[s]].append(k)
        self._ptr = np.concatenate([[0], np.cumsum([len(o) for o in owners])]).astype(np.int64)
        self._owner = np.array([k for o in owners for k in o], dtype=np.int64)
        # clauses come grouped by pattern, patterns by group: segment starts for reduceat
        pattern_of = np.array([m for _, m, _ in clauses], dtype=np.int64)
        group_of = np.array([g for g, _, _ in clauses], dtype=np.int64)
        self._n_clauses = len(clauses)
        self._clause_starts = np.flatnonzero(np.diff(pattern_of, prepend=-1))
        pattern_groups = group_of[self._clause_starts]
        self._pattern_starts = np.flatnonzero(np.diff(pattern_groups, prepend=-1))
        self._checked = pattern_groups[self._pattern_starts]
        self._db = self._compile() if self.literals else None
        self._local = threading.local()  # per-thread scratch for single texts

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

    def _groups(self, n: int, rows: np.ndarray, found: np.ndarray) -> np.ndarray:
        """``(n, checked groups)``: some pattern of the group has every clause held."""
        counts = self._ptr[found + 1] - self._ptr[found]
        firsts = np.repeat(self._ptr[found], counts)
        steps = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        held = np.zeros((n, self._n_clauses), dtype=bool)
        held[np.repeat(rows, counts), self._owner[firsts + steps]] = True
        patterns = np.logical_and.reduceat(held, self._clause_starts, axis=1)
        out: np.ndarray = np.logical_or.reduceat(patterns, self._pattern_starts, axis=1)
        return out

    def candidates_of(self, text: str) -> np.ndarray:
        """Candidate groups on one text (a ``len(groups)`` boolean array): the request path's
        entry, safe to call from several threads at once."""
        out = np.zeros(len(self.groups), dtype=bool)
        data = text.encode("utf-8")
        if self._n_clauses and self._db is not None and data:
            scratch = getattr(self._local, "scratch", None)
            if scratch is None:
                scratch = self._local.scratch = hyperscan.Scratch(self._db)
            found: list[int] = []

            def on_match(literal: int, start: int, end: int, flags: int, ctx: object) -> None:
                found.append(literal)

            self._db.scan(data, match_event_handler=on_match, scratch=scratch)
            if found:
                hits = np.array(found, dtype=np.int64)
                out[self._checked] = self._groups(1, np.zeros(len(hits), np.int64), hits)[0]
        out[self._always] = True
        return out

    def candidates(self, texts: pa.Array | pa.ChunkedArray) -> np.ndarray:
        """A ``(len(texts), len(groups))`` boolean array: group g is a candidate on text t."""
        arr = texts.combine_chunks() if isinstance(texts, pa.ChunkedArray) else texts
        out = np.zeros((len(arr), len(self.groups)), dtype=bool)
        if self._n_clauses:
            for start in range(0, len(arr), SLICE):
                part = arr.slice(start, SLICE)
                out[start:start + len(part), self._checked] = self._groups(
                    len(part), *self._hits(part))
        out[:, self._always] = True
        return out


@lru_cache(maxsize=16)
def prefilter(groups: Groups) -> Prefilter:
    """The compiled prefilter of ``groups`` (compiled once per process and rule set)."""
    return Prefilter(groups)

"""``logic_v1``'s candidate generation: an inverted index from name keys to listed names.

Each substantive token (not a particle) of a listed name yields keys: the token itself,
its metaphone code, its one-letter deletions (so any one-edit typo or transposition shares
a key), character trigrams for tokens of eight letters or more (two- and three-edit
variants), and the joined form of adjacent tokens (``van der bilt`` -> ``vanderbilt``).
A query collects the names that share its keys, weighs each shared key by inverse document
frequency, and passes the best-weighted names to the scorer: no query scans the list.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from frontierguard.controls.screening.compare.keys import token_keys
from frontierguard.controls.screening.normalize import NormName, WordTables, load_tables

JOIN_MIN = 4


def name_keys(name: NormName, tables: WordTables) -> set[str]:
    """Keys of a whole name: its substantive tokens' keys plus joined adjacent tokens."""
    substantive = [i for i, t in enumerate(name.tokens) if t not in tables.minor]
    chosen = substantive or list(range(len(name.tokens)))
    keys: set[str] = set()
    for i in chosen:
        keys |= token_keys(name.tokens[i], name.phonetic[i])
    for size in (2, 3):
        for start in range(len(name.tokens) - size + 1):
            joined = "".join(name.tokens[start:start + size])
            if len(joined) >= JOIN_MIN:
                keys.add("t" + joined)
    return keys


@dataclass
class NameIndex:
    """Posting lists (key -> name numbers, as int32 arrays) with a weight per key."""

    names: list[NormName]
    owner: npt.NDArray[np.int32]
    postings: dict[str, npt.NDArray[np.int32]]
    weights: dict[str, float]

    @classmethod
    def build(cls, names: list[NormName], owner: list[int]) -> NameIndex:
        """Index ``names``; ``owner[i]`` is the entry number that name ``i`` belongs to."""
        tables = load_tables()
        lists: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            for key in name_keys(name, tables):
                lists.setdefault(key, []).append(i)
        total = max(len(names), 1)
        postings = {k: np.asarray(v, dtype=np.int32) for k, v in lists.items()}
        weights = {k: math.log(1.0 + total / len(v)) for k, v in lists.items()}
        return cls(names, np.asarray(owner, dtype=np.int32), postings, weights)

    def candidates(self, query: NormName, limit: int) -> npt.NDArray[np.int32]:
        """Name numbers sharing at least one key with ``query``, best ``limit`` by key weight."""
        keys = [k for k in name_keys(query, load_tables()) if k in self.postings]
        if not keys:
            return np.empty(0, dtype=np.int32)
        arrays = [self.postings[k] for k in keys]
        ids = np.concatenate(arrays)
        weight = np.repeat(np.fromiter((self.weights[k] for k in keys), float, len(keys)),
                           [len(a) for a in arrays])
        found, inverse = np.unique(ids, return_inverse=True)
        score = np.bincount(inverse, weights=weight)
        if len(found) <= limit:
            return found[np.argsort(-score, kind="stable")]
        top = np.argpartition(-score, limit - 1)[:limit]
        return found[top[np.argsort(-score[top], kind="stable")]]

    def candidate_ids(self, query: NormName, limit: int, cutoff: float, bonus: float) -> list[int]:
        """The best ``limit`` names by shared-key weight (the ranking bounds no score, so
        ``cutoff`` and ``bonus`` do not narrow it)."""
        return [int(n) for n in self.candidates(query, limit)]

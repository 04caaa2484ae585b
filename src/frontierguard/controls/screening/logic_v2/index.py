"""``logic_v2``'s index: candidate generation with a score bound, which tokens of each
listed name could match. As published with ``logic_v2``.

The keys are those of :func:`..compare.keys.token_keys` (token, metaphone, one-letter
deletions, trigrams of long tokens) and joined adjacent tokens of four letters or more, here
with their one-letter deletions too, and every posting remembers the token position it
came from. For a query, numpy then finds, per listed name, the query tokens and the
listed tokens that share at least one key. Under ``logic_v2``'s token similarity
(:mod:`.align`) two tokens can only match if they share a key, so the weight of the tokens
that do *not* share one is a lower bound on the unmatched weight, which bounds the name
score from above. Initials and particles have no keys: on their own side they count as
possibly matched everywhere.

As published with ``logic_v2``, a word on the other side that only an initial or a
particle can match shares no key and counts as unmatched, so for such pairs the bound can
fall below the score (``V Putin`` against ``PUTIN, Vladimir Vladimirovich``, ``Z. Jiang
Ping`` against ``ZHANG, Jian``) and the name goes unscored when the bound misses the
reporting cutoff. ``logic_v3``'s index keys initials and particles and holds its bound.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from frontierguard.controls.screening.compare.costs import upper_bound
from frontierguard.controls.screening.compare.keys import token_keys
from frontierguard.controls.screening.normalize import NormName, WordTables, load_tables

JOIN_MIN = 4
POS_BITS = 8
MAX_TOKENS = 1 << POS_BITS
Q_BITS = POS_BITS


def _free(token: str, tables: WordTables) -> bool:
    """Tokens the keys cannot vouch for: initials and particles."""
    return len(token) == 1 or token in tables.minor


def keyed_tokens(name: NormName, tables: WordTables) -> dict[str, set[int]]:
    """Every key of a name with the token positions it stands for (joined runs: all of them)."""
    out: dict[str, set[int]] = {}
    for i, (token, code) in enumerate(zip(name.tokens, name.phonetic, strict=True)):
        if not _free(token, tables) and i < MAX_TOKENS:
            for key in token_keys(token, code):
                out.setdefault(key, set()).add(i)
    for size in (2, 3):
        for start in range(min(len(name.tokens), MAX_TOKENS) - size + 1):
            joined = "".join(name.tokens[start:start + size])
            if len(joined) >= JOIN_MIN:
                run = range(start, start + size)
                for key in ("t" + joined, "d" + joined,
                            *("d" + joined[:i] + joined[i + 1:] for i in range(len(joined)))):
                    out.setdefault(key, set()).update(run)
    return out


@dataclass
class Reach:
    """Per candidate name: total weights, and the weights that share a key with the other side."""

    names: npt.NDArray[np.int64]
    query_hit: npt.NDArray[np.float64]
    query_total: float
    cand_hit: npt.NDArray[np.float64]
    cand_total: npt.NDArray[np.float64]


@dataclass
class BoundIndex:
    """Posting lists of ``name << 8 | position`` codes, and every name's token weights."""

    names: list[NormName]
    owner: npt.NDArray[np.int32]
    postings: dict[str, npt.NDArray[np.int64]]
    offsets: npt.NDArray[np.int64]
    token_weight: npt.NDArray[np.float64]
    free_weight: npt.NDArray[np.float64]
    total_weight: npt.NDArray[np.float64]

    @classmethod
    def build(cls, names: list[NormName], owner: list[int]) -> BoundIndex:
        """Index ``names``; ``owner[i]`` is the entry number that name ``i`` belongs to."""
        tables = load_tables()
        lists: dict[str, list[int]] = {}
        for n, name in enumerate(names):
            for key, positions in keyed_tokens(name, tables).items():
                lists.setdefault(key, []).extend((n << POS_BITS) | p for p in positions)
        sizes = np.fromiter((len(n.tokens) for n in names), np.int64, len(names))
        weights = np.fromiter((w for n in names for w in n.weights), np.float64, int(sizes.sum()))
        free = np.fromiter((sum(w for t, w in zip(n.tokens, n.weights, strict=True) if _free(t, tables))
                            for n in names), np.float64, len(names))
        offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        totals = np.add.reduceat(weights, offsets) if len(names) else np.empty(0)
        return cls(names, np.asarray(owner, dtype=np.int32),
                   {k: np.asarray(v, dtype=np.int64) for k, v in lists.items()},
                   offsets, weights, free, totals)

    def reach(self, query: NormName) -> Reach:
        """Names sharing a key with ``query`` and how much weight on each side shares one."""
        tables = load_tables()
        arrays: list[npt.NDArray[np.int64]] = []
        q_index: list[npt.NDArray[np.int64]] = []
        for key, positions in keyed_tokens(query, tables).items():
            posting = self.postings.get(key)
            if posting is None:
                continue
            for i in positions:
                arrays.append(posting)
                q_index.append(np.full(len(posting), min(i, (1 << Q_BITS) - 1), np.int64))
        q_free = sum(w for t, w in zip(query.tokens, query.weights, strict=True) if _free(t, tables))
        if not arrays:
            empty = np.empty(0)
            return Reach(np.empty(0, np.int64), empty, query.total_weight, empty, empty)
        codes = np.concatenate(arrays)
        found, local = np.unique(codes >> POS_BITS, return_inverse=True)
        qw = np.asarray(query.weights, np.float64)
        q_pairs = np.unique((local << Q_BITS) | np.concatenate(q_index))
        q_hit = np.bincount(q_pairs >> Q_BITS, weights=qw[q_pairs & ((1 << Q_BITS) - 1)],
                            minlength=len(found))
        c_codes = np.unique(codes)
        c_names = c_codes >> POS_BITS
        c_weight = self.token_weight[self.offsets[c_names] + (c_codes & (MAX_TOKENS - 1))]
        c_hit = np.bincount(np.searchsorted(found, c_names), weights=c_weight, minlength=len(found))
        return Reach(found, np.minimum(q_hit + q_free, query.total_weight), query.total_weight,
                     np.minimum(c_hit + self.free_weight[found], self.total_weight[found]),
                     self.total_weight[found])

    def candidate_ids(self, query: NormName, limit: int, cutoff: float, bonus: float) -> list[int]:
        """Names whose score bound (:func:`..compare.costs.upper_bound`) plus ``bonus`` reaches
        ``cutoff``, highest bound first, at most ``limit``."""
        reach = self.reach(query)
        bound = upper_bound(reach.query_hit + reach.cand_hit, reach.query_total - reach.query_hit,
                            reach.cand_total - reach.cand_hit)
        keep = np.flatnonzero(bound + bonus >= cutoff - 1e-9)
        order = keep[np.argsort(-bound[keep], kind="stable")][:limit]
        return [int(n) for n in reach.names[order]]

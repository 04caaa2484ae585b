"""Candidate generation with a score bound: which tokens of each listed name could match.

``logic_v3``'s index. The keys are those of :func:`..compare.keys.token_keys` (token,
metaphone, one-letter deletions, trigrams of long tokens) and joined adjacent tokens, here
with their one-letter deletions too, and every posting remembers the token position it
came from. For a query, numpy then finds, per listed name, the query tokens and the
listed tokens that share at least one key. Under
``logic_v3``'s token similarity (:mod:`.align`) two tokens can only match if they share
a key, so the weight of the tokens that do *not* share one is a lower bound on the
unmatched weight, which bounds the name score from above.

Initials get keys of their own (an initial and every word with its first letter meet on
one), and particles post their edit and phonetic keys, so a word matched by an initial or
by a particle on the other side is counted as possibly matched too; particles themselves
count as possibly matched everywhere. Joined runs are keyed from three letters (a
four-letter token may match a run one letter shorter). Each of these keeps the bound an
upper bound; the test suite checks it against every query x listed name of its list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from frontierguard.controls.screening.compare.costs import upper_bound
from frontierguard.controls.screening.compare.keys import token_keys
from frontierguard.controls.screening.normalize import NormName, WordTables, load_tables

POS_BITS = 8
MAX_TOKENS = 1 << POS_BITS
Q_BITS = POS_BITS
JOINED_MIN = 3  # a token of four letters or more may match a joined run one letter shorter


def _free(token: str, tables: WordTables) -> bool:
    """Tokens the keys do not vouch for: particles (equal particles post no key)."""
    return token in tables.minor


def _cross_keys(token: str, query: bool) -> set[str]:
    """Keys that let an initial find the words it can stand for.

    An initial matches any token with its letter: listed initials post ``i<letter>`` and
    listed words ``j<first letter>``; a query word looks up ``i<first letter>`` and a query
    initial ``j<letter>``.
    """
    if not token[0].isalpha():
        return set()
    if len(token) == 1:
        return {("j" if query else "i") + token}
    return {("i" if query else "j") + token[0]}


@lru_cache(maxsize=200_000)
def _word_keys(token: str, code: str, query: bool, free: bool) -> tuple[str, ...]:
    """One token's keys (cached: names repeat their words). A particle posts its edit and
    phonetic keys, as it can still be within an edit of, or sound like, a word on the other
    side, but not its equality key: only the same particle equals it, and that one is free."""
    keys = _cross_keys(token, query) | token_keys(token, code)
    if free:
        keys.discard("t" + token)
    return tuple(keys)


@lru_cache(maxsize=200_000)
def _joined_keys(joined: str) -> tuple[str, ...]:
    """Keys of a run of tokens written together: itself and its one-letter deletions."""
    return ("t" + joined, "d" + joined, *("d" + joined[:i] + joined[i + 1:] for i in range(len(joined))))


def keyed_tokens(name: NormName, tables: WordTables, query: bool = False) -> dict[str, set[int]]:
    """Every key of a name with the token positions it stands for (joined runs: all of them);
    ``query`` selects the query side of the initial keys (:func:`_cross_keys`)."""
    out: dict[str, set[int]] = {}
    tokens = name.tokens[:MAX_TOKENS]
    for i, (token, code) in enumerate(zip(tokens, name.phonetic, strict=False)):
        for key in _word_keys(token, code, query, _free(token, tables)):
            out.setdefault(key, set()).add(i)
    for size in (2, 3):
        for start in range(len(tokens) - size + 1):
            joined = "".join(tokens[start:start + size])
            if len(joined) >= JOINED_MIN:
                run = range(start, start + size)
                for key in _joined_keys(joined):
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
        q_index: list[int] = []
        for key, positions in keyed_tokens(query, tables, query=True).items():
            posting = self.postings.get(key)
            if posting is not None:
                for i in positions:
                    arrays.append(posting)
                    q_index.append(min(i, (1 << Q_BITS) - 1))
        q_free = sum(w for t, w in zip(query.tokens, query.weights, strict=True) if _free(t, tables))
        if not arrays:
            empty = np.empty(0)
            return Reach(np.empty(0, np.int64), empty, query.total_weight, empty, empty)
        codes = np.concatenate(arrays)
        c_codes, inverse = np.unique(codes, return_inverse=True)
        c_names = c_codes >> POS_BITS
        first = np.empty(len(c_names), bool)
        first[0], first[1:] = True, c_names[1:] != c_names[:-1]
        found = c_names[first]
        c_local = np.cumsum(first) - 1
        sizes = np.fromiter((len(a) for a in arrays), np.int64, len(arrays))
        q_hit = self._query_hit(query, c_local[inverse], np.repeat(np.asarray(q_index, np.int64), sizes),
                                len(found))
        c_weight = self.token_weight[self.offsets[c_names] + (c_codes & (MAX_TOKENS - 1))]
        c_hit = np.bincount(c_local, weights=c_weight, minlength=len(found))
        return Reach(found, np.minimum(q_hit + q_free, query.total_weight), query.total_weight,
                     np.minimum(c_hit + self.free_weight[found], self.total_weight[found]),
                     self.total_weight[found])

    @staticmethod
    def _query_hit(query: NormName, name: npt.NDArray[np.int64], position: npt.NDArray[np.int64],
                   found: int) -> npt.NDArray[np.float64]:
        """Per found name, the weight of the query tokens that share a key with it: each token
        counted once, added in token order (as a bincount over sorted pairs would)."""
        marked = np.zeros((len(query.tokens), found), bool)
        marked[position, name] = True
        hit = np.zeros(found)
        for i, weight in enumerate(query.weights[:1 << Q_BITS]):
            hit = hit + np.where(marked[i], weight, 0.0)
        return hit

    def candidate_ids(self, query: NormName, limit: int, cutoff: float, bonus: float) -> list[int]:
        """Names whose score bound (:func:`..compare.costs.upper_bound`) plus ``bonus`` reaches
        ``cutoff``, highest bound first, at most ``limit``."""
        reach = self.reach(query)
        bound = upper_bound(reach.query_hit + reach.cand_hit, reach.query_total - reach.query_hit,
                            reach.cand_total - reach.cand_hit)
        keep = np.flatnonzero(bound + bonus >= cutoff - 1e-9)
        order = keep[np.argsort(-bound[keep], kind="stable")][:limit]
        return [int(n) for n in reach.names[order]]

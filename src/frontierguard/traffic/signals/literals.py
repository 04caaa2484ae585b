"""The literal strings a regular expression cannot match without.

:func:`required_literals` reads a rule pattern and returns a set of strings such that every
text the pattern matches contains at least one of them (or None when no such set is
known). A text holding none of them cannot match, so the pattern's regex need not run on
it: the strings of every rule are searched for at once (see
:mod:`~frontierguard.traffic.signals.prefilter`) and each regex runs only where its strings
occur. The answer is conservative: when in doubt (inline flags, POSIX classes, constructs
the analysis does not model) it is None and the regex runs everywhere.

The analysis is the classic one of trigram indexes: along a concatenation, runs of parts
with a small finite set of spellings (literals, alternations of literals, optional
letters, small character classes) multiply into the spellings of the run, each a
substring every match contains, so a match holds one string of every such set
(:func:`required_clauses`). An alternation needs the rarest set (whose shortest string is
longest) of one of its branches, a repeat the sets of its body when it repeats at least
once.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# the standard library's own regex parser (what re.compile runs); typeshed does not
# describe these modules
sre: Any = importlib.import_module("re._constants")
sre_parse: Any = importlib.import_module("re._parser")

MAX_SPELLINGS = 64  # a part with more spellings than this is not enumerated
MAX_CLASS = 8  # a character class of at most this many characters counts as literals
# inline flags change what the literals mean; [: may be an RE2 POSIX class Python reads
# as plain characters
_UNMODELLED = re.compile(r"\(\?[a-zA-Z-]|\[:")

Strings = frozenset[str]
Clauses = tuple[Strings, ...]  # every match holds a string of each
Info = tuple[Strings | None, Clauses]  # (every spelling, or None; the clauses)
_UNKNOWN: Info = (None, ())


def required_clauses(pattern: str) -> Clauses:
    """Sets of strings such that every match of ``pattern`` contains a string of each set;
    empty when none are known."""
    if _UNMODELLED.search(pattern):
        return ()
    try:
        tree = sre_parse.parse(pattern)
    except re.error:
        return ()
    return _sequence(list(tree))[1]


def required_literals(pattern: str) -> Strings | None:
    """The rarest of :func:`required_clauses`: strings one of which every match of
    ``pattern`` contains; None if none are known."""
    return _best(required_clauses(pattern))


def _usable(strings: Strings | None) -> bool:
    return strings is not None and bool(strings) and "" not in strings


def rarity(strings: Strings) -> tuple[int, int]:
    return min(map(len, strings)), -len(strings)


def _best(candidates: Clauses) -> Strings | None:
    return max(candidates, key=rarity) if candidates else None


def _product(left: Strings, right: Strings) -> Strings | None:
    if len(left) * len(right) > MAX_SPELLINGS:
        return None
    return frozenset(a + b for a in left for b in right)


def _sequence(items: list[Any]) -> Info:
    run: Strings = frozenset({""})
    exact = True
    found: list[Strings | None] = []
    for item in items:
        spellings, clauses = _item(item)
        joined = _product(run, spellings) if spellings is not None else None
        if joined is not None:
            run = joined
            continue
        exact = False
        found += [run, spellings, *clauses]
        run = frozenset({""})
    found.append(run)
    usable = tuple(dict.fromkeys(c for c in found if c is not None and _usable(c)))
    return (run if exact else None), usable


def _item(item: tuple[Any, Any]) -> Info:
    op, av = item
    if op is sre.LITERAL:
        one = frozenset({chr(av)})
        return one, (one,)
    if op is sre.AT:
        return frozenset({""}), ()
    if op is sre.IN:
        return _char_class(av)
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        return _UNKNOWN if add_flags or del_flags else _sequence(list(body))
    if op is sre.BRANCH:
        return _branch([_sequence(list(b)) for b in av[1]])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        return _repeat(av[0], av[1], _sequence(list(av[2])))
    return _UNKNOWN


def _char_class(members: list[tuple[Any, Any]]) -> Info:
    chars: set[str] = set()
    for op, av in members:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return _UNKNOWN
    if not chars or len(chars) > MAX_CLASS:
        return _UNKNOWN
    one = frozenset(chars)
    return one, (one,)


def _branch(infos: list[Info]) -> Info:
    """An alternation: its spellings are the branches' (when all are finite); it needs the
    rarest set of some branch, so the union of each branch's rarest set."""
    spellings: Strings | None = frozenset()
    needed: Strings | None = frozenset()
    for exact, clauses in infos:
        spellings = spellings | exact if spellings is not None and exact is not None else None
        best = _best(clauses)
        needed = needed | best if needed is not None and best is not None else None
    if spellings is not None and len(spellings) > MAX_SPELLINGS:
        spellings = None
    return spellings, ((needed,) if needed else ())


def _repeat(low: int, high: int, body: Info) -> Info:
    exact, clauses = body
    if exact is not None and low == 0 and high == 1:
        return exact | {""}, ()
    if exact is not None and low == high and low <= 3:
        out: Strings | None = frozenset({""})
        for _ in range(low):
            out = _product(out, exact) if out is not None else None
        if out is not None:
            return out, ((out,) if _usable(out) else ())
    return None, (clauses if low >= 1 else ())

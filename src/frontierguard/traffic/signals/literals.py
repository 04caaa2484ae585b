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
substring every match contains; of all such sets the one whose shortest string is longest
(the rarest) is kept. An alternation needs a set from each branch, a repeat one from its
body when it repeats at least once.
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
Info = tuple[Strings | None, Strings | None]  # (every spelling, a required set)
_UNKNOWN: Info = (None, None)


def required_literals(pattern: str) -> Strings | None:
    """Strings one of which every match of ``pattern`` contains; None if none are known."""
    if _UNMODELLED.search(pattern):
        return None
    try:
        tree = sre_parse.parse(pattern)
    except re.error:
        return None
    return _sequence(list(tree))[1]


def _usable(strings: Strings | None) -> bool:
    return strings is not None and bool(strings) and "" not in strings


def _best(candidates: list[Strings]) -> Strings | None:
    usable = [c for c in candidates if _usable(c)]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _product(left: Strings, right: Strings) -> Strings | None:
    if len(left) * len(right) > MAX_SPELLINGS:
        return None
    return frozenset(a + b for a in left for b in right)


def _sequence(items: list[Any]) -> Info:
    run: Strings | None = frozenset({""})
    exact = True
    found: list[Strings] = []
    for item in items:
        spellings, required = _item(item)
        joined = _product(run, spellings) if run is not None and spellings is not None else None
        if joined is not None:
            run = joined
            continue
        exact = False
        if run is not None:
            found.append(run)
        found.extend(s for s in (spellings, required) if s is not None)
        run = frozenset({""})
    if run is not None:
        found.append(run)
    return (run if exact else None), _best(found)


def _item(item: tuple[Any, Any]) -> Info:
    op, av = item
    if op is sre.LITERAL:
        one = frozenset({chr(av)})
        return one, one
    if op is sre.AT:
        return frozenset({""}), None
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
    return one, one


def _branch(infos: list[Info]) -> Info:
    spellings: Strings | None = frozenset()
    required: Strings | None = frozenset()
    for exact, need in infos:
        spellings = spellings | exact if spellings is not None and exact is not None else None
        required = required | need if required is not None and need is not None else None
    if spellings is not None and len(spellings) > MAX_SPELLINGS:
        spellings = None
    return spellings, required


def _repeat(low: int, high: int, body: Info) -> Info:
    exact, need = body
    if exact is not None and low == 0 and high == 1:
        return exact | {""}, None
    if exact is not None and low == high and low <= 3:
        out: Strings | None = frozenset({""})
        for _ in range(low):
            out = _product(out, exact) if out is not None else None
        if out is not None:
            return out, out
    return None, (need if low >= 1 else None)

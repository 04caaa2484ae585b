"""The CoT-elicitation score of one request, in microseconds, from the ``traffic`` rule set.

The rule set is the one detection uses (``traffic/rules/cot_v3.yaml`` by default), with the
same meaning: a rule fires when one of its patterns matches the lower-cased system prompt and
prompt and, for a rule with ``context`` patterns, one of those matches too; the score is
``1 - prod(1 - weight)`` over the rules that fired. Detection runs the rules as SQL over a
whole table; on the request path they are compiled once, at start-up, into one Hyperscan
database in prefilter mode (a superset of matches, scanned in microseconds), and only the
rules it flags are then checked exactly with Python regexes. The test suite checks that this
scorer and :func:`frontierguard.traffic.signals.cot.classify` agree.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from frontierguard.traffic.rules import CotRule, CotRuleSet, load_cot_rules
from frontierguard.traffic.signals.cot import CotResult

try:  # Hyperscan is a declared dependency; without a usable build every rule is checked.
    import hyperscan
except ImportError:  # pragma: no cover - depends on the platform's wheel
    hyperscan = None  # type: ignore[assignment]


@dataclass(frozen=True)
class _Compiled:
    rule: CotRule
    patterns: tuple[re.Pattern[str], ...]
    context: tuple[re.Pattern[str], ...]

    def fires(self, text: str, which: Collection[int]) -> bool:
        """True when one of the patterns numbered ``which`` (and a context) matches."""
        if not any(self.patterns[i].search(text) for i in sorted(which)):
            return False
        return not self.context or any(c.search(text) for c in self.context)


def clip(text: str | None, chars: int) -> str:
    """``text`` cut to its head and tail when longer than ``chars``, as detection clips it
    (``signals_text_chars``)."""
    text = text or ""
    if len(text) <= chars:
        return text
    head = chars * 3 // 4
    tail = chars - head - 1
    return f"{text[:head]} {text[len(text) - tail:] if tail else ''}"


def _compile(rule: CotRule) -> _Compiled:
    # ASCII classes: \w, \s and \b mean what they mean in RE2, the engine detection runs on
    flags = re.ASCII
    return _Compiled(rule, tuple(re.compile(p, flags) for p in rule.patterns),
                     tuple(re.compile(p, flags) for p in rule.context))


class CotScorer:
    """A rule set compiled once; :meth:`score` rates one request's text."""

    def __init__(self, rules: CotRuleSet, text_chars: int = 4000) -> None:
        self.rules, self.text_chars = rules, text_chars
        self._compiled = [_compile(r) for r in rules.rules]
        self._owner: list[tuple[int, int]] = []  # Hyperscan id -> (rule, pattern)
        self._db = self._prefilter()
        self._local = threading.local()  # Hyperscan scratch space is per thread

    def _prefilter(self) -> Any:
        if hyperscan is None:
            return None
        patterns: list[bytes] = []
        for i, rule in enumerate(self.rules.rules):
            for j, p in enumerate(rule.patterns):
                patterns.append(p.encode())
                self._owner.append((i, j))
        flags = hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_SINGLEMATCH
        db = hyperscan.Database()
        try:
            db.compile(expressions=patterns, ids=list(range(len(patterns))),
                       elements=len(patterns), flags=[flags] * len(patterns))
        except hyperscan.error:
            return None  # a pattern Hyperscan cannot take: check every rule exactly
        return db

    def _candidates(self, text: str) -> dict[int, set[int]]:
        """Rule index -> numbers of its patterns that may match (all, without Hyperscan)."""
        if self._db is None:
            return {i: set(range(len(c.patterns))) for i, c in enumerate(self._compiled)}
        hits: dict[int, set[int]] = {}

        def on_match(pattern: int, start: int, end: int, flags: int, ctx: object) -> None:
            rule, number = self._owner[pattern]
            hits.setdefault(rule, set()).add(number)

        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = hyperscan.Scratch(self._db)
        self._db.scan(text.encode("utf-8"), match_event_handler=on_match, scratch=scratch)
        return hits

    def score(self, system_prompt: str | None, prompt: str | None) -> CotResult:
        """The score and fired rule ids for a request (system prompt, then prompt)."""
        text = f"{clip(system_prompt, self.text_chars)} {clip(prompt, self.text_chars)}".lower()
        fired = [self._compiled[i].rule for i, which in sorted(self._candidates(text).items())
                 if self._compiled[i].fires(text, which)]
        keep = 1.0
        for rule in fired:
            keep *= round(1.0 - rule.weight, 10)
        return CotResult(round(1.0 - keep, 12), tuple(r.id for r in fired))


@lru_cache(maxsize=4)
def scorer_for(rules: str, text_chars: int) -> CotScorer:
    """The compiled scorer of a rule set (shipped name or path), built once per process."""
    return CotScorer(load_cot_rules(rules), text_chars)

"""The CoT-elicitation score of one request, in microseconds, from the ``traffic`` rule set.

The rule set is the one detection uses (``traffic/rules/cot_v3.yaml`` by default), with the
same meaning: a rule fires when one of its patterns matches the lower-cased system prompt and
prompt and, for a rule with ``context`` patterns, one of those matches too; the score is
``1 - prod(1 - weight)`` over the rules that fired. Detection runs the rules as SQL over a
whole table; on the request path the same literal prefilter detection uses
(:mod:`frontierguard.traffic.signals.prefilter`: the strings each pattern cannot match
without, in one Hyperscan database, compiled once at start-up) names the patterns that can
match, and only those are then checked exactly with Python regexes. The test suite checks
that this scorer and :func:`frontierguard.traffic.signals.cot.classify` agree.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from frontierguard.traffic.rules import CotRule, CotRuleSet, load_cot_rules
from frontierguard.traffic.signals.cot import CotResult
from frontierguard.traffic.signals.prefilter import Prefilter, prefilter


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
        # one prefilter group per pattern: group number -> (rule, pattern)
        self._owner = [(i, j) for i, rule in enumerate(rules.rules)
                       for j in range(len(rule.patterns))]
        self._prefilter: Prefilter = prefilter(tuple((p,) for rule in rules.rules
                                                     for p in rule.patterns))

    def _candidates(self, text: str) -> dict[int, set[int]]:
        """Rule index -> numbers of its patterns that may match."""
        hits: dict[int, set[int]] = {}
        for g in self._prefilter.candidates_of(text).nonzero()[0]:
            rule, number = self._owner[int(g)]
            hits.setdefault(rule, set()).add(number)
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

"""Candidate columns for the rule regexes, computed once per distinct request text.

:func:`match_texts` is the Arrow step the feature pipeline applies to the distinct request
texts (``_cot_text``: system prompt and prompt; ``_cap_text``: the prompt; both clipped and
lower-cased in SQL). It adds one boolean column per CoT rule (``_cot_c{i}``: the rule's
patterns, and its context patterns if it has any, can match) and one per capability clause
with patterns (``_cap_c{k}``), from one :class:`~frontierguard.traffic.signals.prefilter.Prefilter`
pass per rule set. The SQL of :mod:`~frontierguard.traffic.signals.cot` and
:mod:`~frontierguard.traffic.signals.capability` runs each rule's regex only where its
column is true.
"""

from __future__ import annotations

import functools

import numpy as np
import pyarrow as pa

from frontierguard.traffic.rules import CapabilityRuleSet, CotRuleSet
from frontierguard.traffic.signals.prefilter import Groups, prefilter

CotShape = tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (patterns, context) per rule


def cot_candidate(i: int) -> str:
    """Name of CoT rule ``i``'s candidate column."""
    return f"_cot_c{i}"


def cap_candidate(k: int) -> str:
    """Name of the candidate column of the ``k``-th capability clause with patterns."""
    return f"_cap_c{k}"


def cot_shape(rules: CotRuleSet) -> CotShape:
    return tuple((r.patterns, r.context) for r in rules.rules)


def cap_groups(rules: CapabilityRuleSet) -> Groups:
    """The patterns of each clause that has any, in rule-set order."""
    return tuple(c.patterns for cat in rules.categories for c in cat.when if c.patterns)


def _cot_columns(shape: CotShape, texts: pa.ChunkedArray | pa.Array) -> list[pa.Array]:
    contexts = [context for _, context in shape if context]
    found = prefilter(tuple(p for p, _ in shape) + tuple(contexts)).candidates(texts)
    out, extra = [], len(shape)
    for i, (_, context) in enumerate(shape):
        column = found[:, i]
        if context:
            column = column & found[:, extra]
            extra += 1
        out.append(pa.array(np.ascontiguousarray(column), pa.bool_()))
    return out


def match_texts(shape: CotShape, caps: Groups, table: pa.Table) -> pa.Table:
    """``table`` (with ``_cot_text`` and ``_cap_text``) plus the candidate columns."""
    cot = _cot_columns(shape, table.column("_cot_text"))
    found = prefilter(caps).candidates(table.column("_cap_text"))
    for i, column in enumerate(cot):
        table = table.append_column(cot_candidate(i), column)
    for k in range(len(caps)):
        table = table.append_column(cap_candidate(k), pa.array(
            np.ascontiguousarray(found[:, k]), pa.bool_()))
    return table


def matcher(cot: CotRuleSet, caps: CapabilityRuleSet) -> functools.partial[pa.Table]:
    """The Arrow step (picklable, for Spark executors) adding both rule sets' columns."""
    return functools.partial(match_texts, cot_shape(cot), cap_groups(caps))

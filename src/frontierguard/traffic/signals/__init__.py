"""Per-request signals: CoT elicitation, capability category, template fingerprints."""

from frontierguard.traffic.signals.capability import capability_sql, categorise
from frontierguard.traffic.signals.cot import CotResult, classify, cot_sql
from frontierguard.traffic.signals.template import hamming, normalise, normalise_sql, simhash

__all__ = ["CotResult", "capability_sql", "categorise", "classify", "cot_sql", "hamming",
           "normalise", "normalise_sql", "simhash"]

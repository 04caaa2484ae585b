"""Tunables of party screening (``frontierguard settings`` lists them)."""

from __future__ import annotations

from typing import Any

from frontierguard.core.settings import Setting, register, resolve

THRESHOLD = Setting(
    "screening_threshold", float, 0.7,
    "Score at or above which a candidate counts as a match (matched=true).", "controls",
    old_names=("screening.threshold",))
REPORT_CUTOFF = Setting(
    "screening_report_cutoff", float, 0.5,
    "Score at or above which a candidate is reported at all (matched=false below the threshold).",
    "controls", old_names=("screening.report_cutoff",))
CANDIDATES = Setting(
    "screening_candidates", int, 25,
    "Listed names the index passes to the scorer per query (the best by shared-key weight).",
    "controls", old_names=("screening.candidates",))
ALGORITHM = Setting(
    "screening_algorithm", str, "logic_v3", "Matching algorithm used by default.", "controls",
    old_names=("screening.algorithm",))
RARITY_FLOOR = Setting(
    "screening_rarity_floor", float, 0.3,
    "logic_v2 and v3: the smallest share of its weight a token keeps however common it is in the "
    "loaded lists.", "controls", old_names=("screening.rarity_floor",))
ACTOR = Setting(
    "screening_actor", str, "", "Name written to the audit log as who screened "
    "(default: the operating-system user).", "controls", old_names=("screening.actor",))

WORKERS = Setting(
    "screening_workers", int, 0, "Processes a batch screening (`parties screen`) spreads its "
    "queries over: 0 = one per CPU core, 1 = all in this process. Batches under 2,000 parties "
    "and screenings run by the web service always use this process.", "controls",
    old_names=("screening.workers",))

SETTINGS = [THRESHOLD, REPORT_CUTOFF, CANDIDATES, ALGORITHM, RARITY_FLOOR, ACTOR, WORKERS]
register(SETTINGS)
DEFAULTS: dict[str, Any] = {s.name: s.default for s in SETTINGS}


def current(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Defaults, then environment variables, then ``overrides``."""
    return resolve(SETTINGS, overrides)

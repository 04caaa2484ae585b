"""Request signals and account behaviour features, built in a SQL engine.

:func:`build` creates, from an ``events`` table:

* ``req_signals`` -- one row per request with its signals (CoT score and rules, capability,
  template id and SimHash, /24 network, new-release flag);
* ``templates`` -- the distinct prompt templates with volume, reach and SimHash;
* ``account_features`` -- one row per account (the columns of :data:`FEATURES`);
* ``account_day_features`` -- one row per account and UTC day (:data:`DAY_FEATURES`).

All SQL lives in ``traffic/sql/*.sql`` (DuckDB dialect, Spark-portable); rule sets compile
to SQL expressions evaluated once per distinct request text and joined back to the requests.
The Python steps run on distinct values only: the rules' literal prefilter over the distinct
texts (:mod:`~frontierguard.traffic.signals.textmatch`) and the SimHash over the distinct
templates.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pyarrow as pa

from frontierguard.core.errors import ConfigError, InputError
from frontierguard.core.progress import NULL, Progress
from frontierguard.core.registry import Registry
from frontierguard.core.settings import Setting, register, resolve
from frontierguard.traffic.engine import ArrowFunc, Engine
from frontierguard.traffic.rules import (
    DEFAULT_CAPABILITY,
    DEFAULT_COT,
    load_capability_rules,
    load_cot_rules,
)
from frontierguard.traffic.signals.capability import capability_sql, clause_column, clause_matches
from frontierguard.traffic.signals.cot import cot_sql
from frontierguard.traffic.signals.sqltext import lit, render, sql_file
from frontierguard.traffic.signals.template import normalise_sql, simhash_table
from frontierguard.traffic.signals.textmatch import matcher

COT_RULES = Setting("signals_cot_rules", str, DEFAULT_COT, "CoT-elicitation rule set: shipped "
                    "name (cot_v1, cot_v2, cot_v3) or path to a YAML rule file.", "traffic")
CAPABILITY_RULES = Setting("signals_capability_rules", str, DEFAULT_CAPABILITY, "Capability rule "
                           "set: shipped name (capability_v1, capability_v2) or path to a YAML "
                           "rule file.", "traffic")
COT_THRESHOLD = Setting("signals_cot_threshold", float, 0.5, "A request counts as chain-of-thought "
                        "elicitation (cot_share) when its cot_score reaches this.", "traffic")
LONG_OUTPUT_TOKENS = Setting("signals_long_output_tokens", int, 2000, "Output tokens (max_tokens when "
                             "output is unknown) at which a request counts as a long output.",
                             "traffic")
RELEASE_WINDOW_HOURS = Setting("signals_new_release_hours", float, 24.0, "Hours after a model's "
                               "release during which its requests count as new_release.",
                               "traffic")
TEXT_CHARS = Setting("signals_text_chars", int, 4000, "Longest prompt text the signal regexes "
                     "read; longer prompts are cut to their first 3/4 and last 1/4 of this.",
                     "traffic")
SETTINGS = (COT_RULES, CAPABILITY_RULES, COT_THRESHOLD, LONG_OUTPUT_TOKENS, RELEASE_WINDOW_HOURS,
            TEXT_CHARS)
register(SETTINGS)


@dataclass(frozen=True)
class FeatureDoc:
    """A named account feature and the sentence that explains it."""

    name: str
    description: str
    per_day: bool = True


_DOCS: tuple[tuple[str, str, bool], ...] = (
    ("account_id", "The account.", True),
    ("day", "UTC day (account_day_features only).", True),
    ("requests", "Number of requests.", True),
    ("active_days", "Distinct UTC days with requests.", False),
    ("requests_per_day", "requests / active_days.", False),
    ("active_hours", "Distinct UTC hours of day (0-23) used.", True),
    ("hour_entropy", "Entropy of the 24-bin hour-of-day histogram / ln 24: 1 = flat 24/7, "
     "0 = one hour.", True),
    ("night_share", "Share of requests in the account's quietest 8-hour window relative to a "
     "flat day (8/24): 1 = no quiet period, 0 = a human's night.", False),
    ("interarrival_cv", "Coefficient of variation (sd/mean) of the gaps between consecutive "
     "requests; NULL with fewer than 3 requests.", True),
    ("burstiness", "(sd - mean)/(sd + mean) of the gaps: -1 periodic, 0 Poisson, 1 bursty; "
     "NULL with fewer than 3 requests.", True),
    ("cot_share", "Share of requests whose cot_score reaches the signals_cot_threshold setting.", True),
    ("cot_mean_score", "Mean cot_score.", True),
    ("capability_entropy", "Entropy of the capability mix / ln(number of categories).", True),
    ("capability_top", "Most frequent capability category.", True),
    ("capability_top_share", "Share of requests in capability_top.", True),
    ("template_top_share", "Share of prompted requests using the account's most used "
     "template; NULL without prompts.", True),
    ("template_diversity", "Distinct templates / prompted requests; NULL without prompts.", True),
    ("single_turn_share", "Share of requests with at most one turn (unknown = 1).", True),
    ("tool_share", "Share of requests sending tool definitions.", True),
    ("mean_turns", "Mean turns per request (unknown = 1).", True),
    ("tools_turns_coherence", "Share of tool requests that are multi-turn (agents loop over "
     "tool results); NULL without tool requests.", True),
    ("long_output_share", "Share of requests with output_tokens (else max_tokens) >= "
     "signals_long_output_tokens.", True),
    ("thinking_share", "Share of requests asking for extended thinking.", True),
    ("new_release_share", "Of the requests sent within signals_new_release_hours after any release, "
     "the share that went to the newly released model; NULL without such requests.", True),
    ("account_age_days", "Days from account creation to first request; NULL if unknown.", False),
    ("signup_channel", "How the account signed up.", False),
    ("distinct_ips", "Distinct client IPs.", True),
    ("distinct_ip24", "Distinct /24 (IPv4) or /48 (IPv6) networks.", True),
    ("hosting_share", "Share of requests from hosting (datacenter) ASNs.", True),
    ("residential_share", "Share of requests from residential ASNs.", True),
    ("first_seen", "First request time.", True),
    ("last_seen", "Last request time.", True),
)
FEATURES: Registry[FeatureDoc] = Registry(
    "account feature", [FeatureDoc(n, d, p) for n, d, p in _DOCS if n != "day"])
DAY_FEATURES: Registry[FeatureDoc] = Registry(
    "account-day feature", [FeatureDoc(n, d, p) for n, d, p in _DOCS if p])

_WINDOW_LIMIT = 2000
# intermediate tables dropped as soon as the statement that last reads them has run
_LAST_USE = {"_text_signals": ("_text_stage", "_text_match"), "_req_stage": ("_text_signals",),
             "req_signals": ("_req_stage",), "templates": ("_templates", "_template_simhash")}


def _ts(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    text = value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return f"CAST({lit(text + '+00:00')} AS TIMESTAMPTZ)"


def release_sql(releases: pa.Table | None, hours: float) -> tuple[str, str]:
    """SQL for ``new_release`` (request to a model within ``hours`` after its release) and
    ``release_window`` (request within ``hours`` after any release)."""
    if releases is None or releases.num_rows == 0:
        return "false", "false"
    for name in ("model", "released_at"):
        if name not in releases.column_names:
            raise InputError("releases table lacks a column", "releases", None, name)
    if releases.num_rows > _WINDOW_LIMIT:
        raise InputError(f"more than {_WINDOW_LIMIT} releases", "releases")
    models, times = releases.column("model").to_pylist(), releases.column("released_at").to_pylist()
    for row, (model, at) in enumerate(zip(models, times, strict=True), start=1):
        if model is None or at is None:
            raise InputError("release without model or time", "releases", row,
                             "model" if model is None else "released_at")
    span = dt.timedelta(hours=hours)
    per_model, any_model = [], []
    for model, at in sorted(set(zip(models, times, strict=True))):
        window = f"ts >= {_ts(at)} AND ts < {_ts(at + span)}"
        per_model.append(f"(model = {lit(model)} AND {window})")
        any_model.append(f"({window})")
    return (f"({' OR '.join(per_model)})", f"({' OR '.join(any_model)})")


def clip_sql(column: str, chars: int) -> str:
    """``column`` (NULL as empty) cut to its head and tail when longer than ``chars``."""
    if chars < 8:
        raise ConfigError(f"setting 'signals_text_chars' must be at least 8, got {chars}")
    head, tail = chars * 3 // 4, chars - chars * 3 // 4 - 1
    text = f"coalesce({column}, '')"
    return (f"(CASE WHEN length({text}) <= {chars} THEN {text} "
            f"ELSE left({text}, {head}) || ' ' || right({text}, {tail}) END)")


def statements(events: str = "events", releases: pa.Table | None = None,
               overrides: dict[str, object] | None = None) -> list[tuple[str, str]]:
    """The ordered ``(table, query)`` pairs :func:`build` runs (the Arrow steps of
    :func:`arrow_steps` run just before the statements they feed)."""
    values = resolve(SETTINGS, overrides)
    cot = cot_sql(load_cot_rules(values["signals_cot_rules"]), "_cot_text")
    caps = load_capability_rules(values["signals_capability_rules"])
    new_release, window = release_sql(releases, float(values["signals_new_release_hours"]))
    chars = int(values["signals_text_chars"])
    texts = render(sql_file("text_stage.sql"), events=events,
                   clip_system=clip_sql("sp", chars), clip_prompt=clip_sql("p", chars))
    clauses = clause_matches(caps, "_cap_text")
    signals = render(
        sql_file("text_signals.sql"), cot_matches=",\n    ".join(cot.matches),
        cot_score=cot.score, cot_rules=cot.rules,
        cap_matches=", ".join(clauses) or "false AS _cap_none",
        cap_columns=", ".join(clause_column(k) for k in range(len(clauses))) or "_cap_none",
        template_norm=normalise_sql(clip_sql("t.p", chars)))
    stage = render(sql_file("req_stage.sql"), events=events,
                   capability=capability_sql(caps, "tools", "turns"),
                   new_release=new_release, release_window=window)
    req_time = render(sql_file("req_time.sql"),
                      cot_threshold=repr(float(values["signals_cot_threshold"])),
                      long_output_tokens=str(int(values["signals_long_output_tokens"])))
    n_caps = f"{float(len(caps.categories))!r}"
    hours = ", ".join(f"({h})" for h in range(24))
    accounts = render(sql_file("account_features.sql"), hours_24=hours, behaviour=render(
        sql_file("behaviour.sql"), key="account_id", n_capabilities=n_caps))
    days = render(sql_file("account_day_features.sql"), behaviour=render(
        sql_file("behaviour.sql"), key="account_id, day", n_capabilities=n_caps))
    return [("_text_stage", texts), ("_text_signals", signals), ("_req_stage", stage),
            ("_templates", sql_file("templates.sql")),
            ("req_signals", sql_file("req_signals.sql")),
            ("templates", sql_file("template_table.sql")), ("_req_time", req_time),
            ("account_features", accounts), ("account_day_features", days)]


def arrow_steps(overrides: dict[str, object] | None = None
                ) -> dict[str, tuple[str, str, ArrowFunc]]:
    """The Python steps of :func:`build`, each ``(table, query, func)`` keyed by the
    statement it runs before: the rule prefilter over the distinct texts and the SimHash
    over the distinct templates."""
    values = resolve(SETTINGS, overrides)
    match = matcher(load_cot_rules(values["signals_cot_rules"]),
                    load_capability_rules(values["signals_capability_rules"]))
    return {"_text_signals": ("_text_match", "SELECT * FROM _text_stage", match),
            "req_signals": ("_template_simhash", "SELECT template_id, template FROM _templates",
                            simhash_table)}


PROFILE_ENV = "FRONTIERGUARD_PROFILE_FEATURES"


# what each stage of :func:`build` is called in progress displays
STAGE_LABELS = {
    "_text_stage": "distinct request texts", "_text_match": "rule prefilter",
    "_text_signals": "text signals", "_req_stage": "request signals", "_templates": "prompt templates",
    "_template_simhash": "template fingerprints", "req_signals": "request table",
    "templates": "template table", "_req_time": "request timing",
    "account_features": "account features", "account_day_features": "account-day features",
}


@contextmanager
def _stage(name: str, progress: Progress = NULL) -> Iterator[None]:
    """Report one stage of :func:`build` to ``progress`` and time it; with
    ``FRONTIERGUARD_PROFILE_FEATURES=1`` in the environment, print its wall and CPU seconds
    (this process, all threads) and the process's peak RSS so far to stderr."""
    progress.stage(STAGE_LABELS.get(name, name))
    if not os.environ.get(PROFILE_ENV):
        yield
        return
    import resource  # POSIX only, and only needed when profiling

    wall0, cpu0 = time.perf_counter(), time.process_time()
    yield
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"[features] {name:<22} wall {time.perf_counter() - wall0:7.2f} s  "
          f"cpu {time.process_time() - cpu0:7.2f} s  peak {peak:8,.0f} MiB", file=sys.stderr)


def build(engine: Engine, events: str = "events", releases: pa.Table | None = None,
          overrides: dict[str, object] | None = None, progress: Progress = NULL) -> None:
    """Create ``req_signals``, ``templates``, ``account_features`` and
    ``account_day_features`` from the ``events`` table in ``engine``, reporting each stage
    to ``progress``."""
    steps = arrow_steps(overrides)
    for name, sql in statements(events, releases, overrides):
        if name in steps:
            table, query, func = steps[name]
            with _stage(table, progress):
                engine.apply_udf(table, query, func)
        with _stage(name, progress):
            engine.create_table(name, sql)
            for done in _LAST_USE.get(name, ()):
                engine.drop_table(done)
    engine.drop_table("_req_time")

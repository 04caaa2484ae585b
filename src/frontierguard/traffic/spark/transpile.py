"""DuckDB-dialect SQL to Spark SQL: sqlglot plus explicit fix-ups for what it gets wrong.

``sqlglot.transpile(sql, read="duckdb", write="spark")`` carries most of the feature SQL
across unchanged. Each :class:`FixUp` below corrects one construct whose Spark translation
computes something different from DuckDB; each is a small AST rewrite applied before
generating Spark SQL, and each is covered by a case in ``tests/traffic/test_spark_engine.py``
that runs the construct on both engines. Constructs with no faithful Spark equivalent raise
:class:`~frontierguard.core.errors.ConfigError` naming the construct, rather than giving
different numbers on the two engines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import sqlglot
from sqlglot import exp

from frontierguard.core.errors import ConfigError
from frontierguard.core.registry import Registry
from frontierguard.traffic.spark.regex import java_pattern, java_replacement

Rewrite = Callable[[exp.Expr], exp.Expr]

# DuckDB's time_bucket origin for sub-month widths: 2000-01-03 00:00:00 UTC (a Monday).
_BUCKET_ORIGIN_US = 946_857_600_000_000
_UNIT_US = {"SECOND": 1_000_000, "MINUTE": 60_000_000, "HOUR": 3_600_000_000,
            "DAY": 86_400_000_000, "WEEK": 604_800_000_000}


@dataclass(frozen=True)
class FixUp:
    """One correction to sqlglot's DuckDB-to-Spark translation."""

    name: str
    description: str
    rewrite: Rewrite
    whole_tree: bool = False  # rewrite gets the statement once, not every node


def _fn(name: str, *args: exp.Expr) -> exp.Expr:
    return exp.Anonymous(this=name, expressions=list(args))


def _epoch_ms(node: exp.Expr) -> exp.Expr:
    if (isinstance(node, exp.UnixToTime) and _scale(node) == 3
            and not isinstance(node.this, exp.Literal) and not _integer_cast(node.this)):
        return _fn("unix_millis", node.this)
    return node


def _integer_cast(node: exp.Expr) -> bool:
    """``CAST(x AS BIGINT)`` and the like: an integer, so epoch_ms makes a timestamp of it."""
    return isinstance(node, exp.Cast) and node.to.is_type(*exp.DataType.INTEGER_TYPES)


def _scale(node: exp.Expr) -> int | None:
    scale = node.args.get("scale")
    return int(scale.name) if isinstance(scale, exp.Literal) else None


def _epoch(node: exp.Expr) -> exp.Expr:
    if isinstance(node, exp.TimeToUnix):
        return exp.paren(exp.Div(this=_fn("unix_micros", node.this),
                                 expression=exp.cast(exp.Literal.number(1_000_000), "DOUBLE")),
                         copy=False)
    return node


def _literal(node: exp.Expr | None, what: str) -> str:
    if not isinstance(node, exp.Literal) or not node.is_string:
        raise ConfigError(f"{what} must be a string literal to run on Spark")
    return str(node.this)


def _case_flags(flags: str, what: str) -> str:
    unknown = set(flags) - {"g", "i", "c"}
    if unknown:
        raise ConfigError(f"{what} option(s) {''.join(sorted(unknown))!r} are not portable")
    return "(?i)" if "i" in flags and "c" not in flags.split("i")[-1] else ""


def _regex(node: exp.Expr) -> exp.Expr:
    if isinstance(node, exp.RegexpLike):
        flag = node.args.get("flag")
        prefix = _case_flags(_literal(flag, "regexp_matches options") if flag else "",
                             "regexp_matches")
        pattern = _literal(node.expression, "regexp_matches pattern")
        return exp.RegexpLike(this=node.this,
                              expression=exp.Literal.string(java_pattern(prefix + pattern)))
    if isinstance(node, exp.RegexpReplace):
        return _regexp_replace(node)
    if isinstance(node, exp.RegexpExtract):
        pattern = _literal(node.expression, "regexp_extract pattern")
        group = node.args.get("group") or exp.Literal.number(0)
        return _fn("regexp_extract", node.this, exp.Literal.string(java_pattern(pattern)), group)
    return node


def _regexp_replace(node: exp.RegexpReplace) -> exp.Expr:
    r"""Global replacement maps to Spark's; without 'g' DuckDB replaces only the first match,
    which Spark does as ``^([\s\S]*?)(pattern)`` (the lazy prefix stops at the leftmost
    match) with the replacement's groups shifted by two."""
    flags = _literal(node.args["modifiers"], "regexp_replace options") \
        if node.args.get("modifiers") else ""
    prefix = _case_flags(flags, "regexp_replace")
    pattern = java_pattern(prefix + _literal(node.expression, "regexp_replace pattern"))
    replacement = _literal(node.args.get("replacement"), "regexp_replace replacement")
    if "g" not in flags:
        pattern = "(?d)^([\\s\\S]*?)(" + pattern.removeprefix("(?d)") + ")"
        replacement = "\\1" + _shift_groups(replacement, 2)
    return _fn("regexp_replace", node.this, exp.Literal.string(pattern),
               exp.Literal.string(java_replacement(replacement)))


def _shift_groups(replacement: str, by: int) -> str:
    """RE2 replacement with every ``\\N`` group reference renumbered to ``N + by``."""
    return re.sub(r"\\(\\|\d)", lambda m: m.group(0) if m.group(1) == "\\"
                  else f"\\{int(m.group(1)) + by}", replacement)


def _dayofweek(node: exp.Expr) -> exp.Expr:
    if isinstance(node, exp.DayOfWeekIso):
        return exp.paren(exp.Add(this=_fn("weekday", node.this),
                                 expression=exp.Literal.number(1)), copy=False)
    if isinstance(node, exp.DayOfWeek):
        return exp.paren(exp.Sub(this=_fn("dayofweek", node.this),
                                 expression=exp.Literal.number(1)), copy=False)
    return node


def _time_bucket(node: exp.Expr) -> exp.Expr:
    if not isinstance(node, exp.DateBin):
        return node
    interval = node.this
    if not isinstance(interval, exp.Interval) or node.args.get("origin") is not None:
        raise ConfigError("time_bucket needs a literal INTERVAL and the default origin on Spark")
    unit = interval.args["unit"].name.upper().rstrip("S")
    if unit not in _UNIT_US:
        raise ConfigError(f"time_bucket by {unit} is not portable (use SECOND..WEEK)")
    width = int(float(interval.this.name) * _UNIT_US[unit])
    sql = (f"timestamp_micros(floor((unix_micros(x) - {_BUCKET_ORIGIN_US}) / {width}) "
           f"* {width} + {_BUCKET_ORIGIN_US})")
    out = sqlglot.parse_one(sql, read="spark")
    out.find(exp.Column).replace(node.expression.copy())  # type: ignore[union-attr]
    return out


def _no_hash(node: exp.Expr) -> exp.Expr:
    if isinstance(node, exp.Anonymous) and node.name.lower() in ("hash", "entropy"):
        raise ConfigError(f"{node.name}() is not portable: DuckDB and Spark compute different "
                          "values (use md5() for hashing, explicit sums for entropy)")
    return node


def _list_slice(node: exp.Expr) -> exp.Expr:
    if isinstance(node, exp.Anonymous) and node.name.lower() in ("list_slice", "array_slice"):
        lst, begin, end = node.expressions
        length = exp.Add(this=exp.Sub(this=end.copy(), expression=begin.copy()),
                         expression=exp.Literal.number(1))
        return _fn("slice", lst, begin, length)
    return node


def _decimal_literals(node: exp.Expr) -> exp.Expr:
    if (isinstance(node, exp.Literal) and not node.is_string
            and any(c in node.name for c in ".eE")
            and not isinstance(node.parent, exp.Cast | exp.Interval)):
        return exp.cast(node.copy(), "DOUBLE")
    return node


def _nested_ctes(tree: exp.Expr) -> exp.Expr:
    """Rename CTEs of a nested WITH that reuse an outer CTE's name.

    DuckDB scopes a nested WITH to its query; sqlglot's Spark output hoists nested CTEs to
    the top level, where a repeated name is an error.
    """
    if not isinstance(tree, exp.Query):
        return tree
    ctes = list(tree.find_all(exp.CTE))
    names = [c.alias for c in ctes]
    for i, cte in enumerate(ctes):
        inner_query = cte.parent.parent if cte.parent is not None else None
        if names.count(cte.alias) < 2 or inner_query is tree or inner_query is None:
            continue
        old, new = cte.alias, f"{cte.alias}__{i}"
        for table in inner_query.find_all(exp.Table):
            if table.name == old and not table.args.get("db"):
                table.set("this", exp.to_identifier(new))
        cte.set("alias", exp.TableAlias(this=exp.to_identifier(new)))
    return tree


FIXUPS: Registry[FixUp] = Registry("Spark SQL fix-up", [
    FixUp("epoch_ms", "epoch_ms(timestamp) is milliseconds since the epoch: unix_millis, not "
          "timestamp_millis (its inverse); epoch_ms(CAST(x AS BIGINT)) stays the inverse",
          _epoch_ms),
    FixUp("epoch", "epoch(timestamp) keeps fractional seconds: unix_micros / 1e6, not "
          "unix_timestamp (whole seconds)", _epoch),
    FixUp("regex", "RE2 patterns, options and replacements rewritten for Java regex; "
          "regexp_replace without 'g' replaces the first match only", _regex),
    FixUp("dayofweek", "dayofweek is 0=Sunday on DuckDB, 1=Sunday on Spark; isodow is "
          "weekday + 1", _dayofweek),
    FixUp("time_bucket", "time_bucket as arithmetic on microseconds from DuckDB's origin "
          "(Spark has no date_bin)", _time_bucket),
    FixUp("list_slice", "list_slice(l, begin, end) is slice(l, begin, length)", _list_slice),
    FixUp("decimal_literals", "literals such as 24.0 are DOUBLE: Spark would keep DECIMAL "
          "arithmetic where DuckDB's division gives DOUBLE", _decimal_literals),
    FixUp("nested_cte", "CTEs of a nested WITH renamed when they reuse an outer CTE's name",
          _nested_ctes, whole_tree=True),
    FixUp("not_portable", "hash() and entropy() differ between engines: refused", _no_hash),
])


def fix(tree: exp.Expr) -> exp.Expr:
    """Apply every fix-up to a parsed DuckDB statement."""
    for f in FIXUPS:
        tree = f.rewrite(tree) if f.whole_tree else _bottom_up(tree, f.rewrite)
    return tree


def _bottom_up(tree: exp.Expr, rewrite: Rewrite) -> exp.Expr:
    """Rewrite every node, descendants before ancestors, so nested calls are all fixed."""
    for node in reversed(list(tree.walk(bfs=False))):
        new = rewrite(node)
        if new is not node:
            if node is tree:
                tree = new
            else:
                node.replace(new)
    return tree


def parse(sql: str) -> exp.Expr:
    """Parse one DuckDB statement (ConfigError when it is not exactly one)."""
    trees = [t for t in sqlglot.parse(sql, read="duckdb") if t is not None]
    if len(trees) != 1:
        raise ConfigError(f"expected one SQL statement, got {len(trees)}")
    return trees[0]


def to_spark_sql(sql: str, pretty: bool = False) -> str:
    """One DuckDB-dialect statement as Spark SQL, with the fix-ups applied."""
    return fix(parse(sql)).sql(dialect="spark", pretty=pretty)

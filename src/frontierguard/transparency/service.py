"""Entry points used by the CLI and API: one function per command."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from frontierguard.core.errors import InputError
from frontierguard.transparency.audit import AuditResult, audit
from frontierguard.transparency.catalog import CATALOGS, get_catalog
from frontierguard.transparency.compare import Comparison, compare, load_result
from frontierguard.transparency.report import write_audit_report, write_compare_report


def run_audit(
    docs: Sequence[str | Path], developer: str, catalog: str, out: str | Path | None = None,
) -> tuple[AuditResult, Path | None]:
    """Audit ``docs`` for ``developer`` against ``catalog``; write the HTML report if ``out``."""
    if not docs:
        raise InputError("no documents given")
    result = audit(docs, developer, get_catalog(catalog))
    return result, (write_audit_report(result, out) if out is not None else None)


def run_compare(results: Sequence[str | Path], out: str | Path) -> tuple[Comparison, Path]:
    """Compare audit JSON files and write ``compare.html`` into ``out``."""
    cmp = compare([load_result(p) for p in results], [str(p) for p in results])
    return cmp, write_compare_report(cmp, out)


def list_catalogs() -> list[dict[str, Any]]:
    """Summaries of the shipped catalogs."""
    return [ref.load().summary() for ref in CATALOGS]

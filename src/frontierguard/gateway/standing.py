"""Account standing: campaign member, watch, verified, blocked (or unknown), reloadable.

The source is a watchlist file (``--watchlist``) or, without one, the ``accounts.csv`` of the
latest finished detection run recorded in the store. A watchlist is a CSV with columns
``account_id,standing[,reason]``; a detection run's ``accounts.csv`` is read as it is: a
flagged account is ``campaign``, an account whose ``role`` is ``watch`` is ``watch``, with
the run's own reasons. :meth:`Standings.refresh` reloads when the source changed (a new
file, a newer run): the new table replaces the old in one assignment, so requests in
flight never see half a table. A source that cannot be read keeps the last good table.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from frontierguard.core.datafiles import read_csv_rows
from frontierguard.core.errors import DataFileError, FrontierguardError
from frontierguard.core.store import connect, table_exists
from frontierguard.gateway.policy import STANDINGS

log = logging.getLogger("frontierguard.gateway")
Table = dict[str, tuple[str, str]]


@dataclass(frozen=True)
class Standing:
    standing: str
    reason: str


def _watchlist(path: Path, rows: list[tuple[int, dict[str, str]]]) -> Table:
    out: Table = {}
    for line, row in rows:
        standing = row["standing"].lower()
        if standing not in STANDINGS:
            raise DataFileError(f"unknown standing {row['standing']!r} (known: "
                                f"{', '.join(STANDINGS)})", path, line, "standing")
        if not row["account_id"]:
            raise DataFileError("empty account_id", path, line, "account_id")
        out[row["account_id"]] = (standing, row.get("reason", "") or f"watchlist {path.name}")
    return out


def _detection(path: Path, rows: list[tuple[int, dict[str, str]]]) -> Table:
    out: Table = {}
    for _line, row in rows:
        if row.get("flagged", "").lower() == "true":
            standing = "campaign"
        elif row.get("role", "") == "watch":
            standing = "watch"
        else:
            continue
        detail = f"cluster {row.get('cluster_id') or '-'}: {row.get('reasons', '')}".rstrip(": ")
        out[row["account_id"]] = (standing, f"detection {path.parent.name}, {detail}")
    return out


def read_table(path: Path) -> Table:
    """The standing table in a watchlist or a detection run's ``accounts.csv``."""
    rows = list(read_csv_rows(path, ["account_id"]))
    header = set(rows[0][1]) if rows else set()
    if "standing" in header:
        return _watchlist(path, rows)
    if "flagged" in header:
        return _detection(path, rows)
    if not rows:
        return {}
    raise DataFileError("expected a 'standing' column (watchlist) or 'flagged' (a detection "
                        "run's accounts.csv)", path, 1)


def latest_run(db: Path) -> Path | None:
    """``accounts.csv`` of the newest finished detection run recorded in the store."""
    if not db.exists():
        return None
    con = connect(db)  # read-write, as every other connection of this process opens it
    try:
        if not table_exists(con, "detection_runs"):
            return None
        rows = con.execute("SELECT out_dir FROM detection_runs WHERE status = 'done' "
                           "ORDER BY finished_at DESC NULLS LAST LIMIT 1").fetchall()
    finally:
        con.close()
    return Path(rows[0][0]) / "accounts.csv" if rows else None


class Standings:
    """The current standing table and where it came from."""

    def __init__(self, watchlist: Path | None, db: Path | None) -> None:
        self.watchlist, self.db = watchlist, db
        self.table: Table = {}
        self.source: Path | None = None
        self.loaded = watchlist is None and db is None  # nothing configured: all unknown
        self.error = ""
        self.reloads = 0
        self._signature: tuple[str, int, int] | None = None

    def lookup(self, account_id: str) -> Standing:
        found = self.table.get(account_id)
        return Standing(*found) if found else Standing("unknown", "")

    def _locate(self) -> Path | None:
        if self.watchlist is not None:
            return self.watchlist
        return latest_run(self.db) if self.db is not None else None

    def refresh(self) -> bool:
        """Reload when the source changed; True when a new table was installed."""
        try:
            path = self._locate()
            if path is None:
                self.loaded = True
                return False
            st = os.stat(path)
            signature = (str(path), st.st_mtime_ns, st.st_size)
            if signature == self._signature:
                return False
            table = read_table(path)
        except (OSError, FrontierguardError) as exc:
            self.error = str(exc)
            log.warning("standing source unavailable, keeping the last table: %s", exc)
            return False
        self.table, self.source, self._signature = table, path, signature
        self.loaded, self.error = True, ""
        self.reloads += 1
        log.info("standing table loaded from %s: %d accounts", path, len(table))
        return True

"""Screening sessions kept warm between requests.

Indexing the loaded lists (tens of thousands of names) takes seconds; screening one party
against the index takes milliseconds. The service keeps the newest indexed sessions, keyed
by the list versions they index and the settings they use, so a new list load or another
threshold builds a fresh one and nothing stale is ever screened against.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from typing import Any

import duckdb

from frontierguard.controls.screening import api as screening
from frontierguard.controls.screening import audit, lists
from frontierguard.controls.screening.engine import ScreenResult
from frontierguard.controls.screening.model import Party
from frontierguard.core.settings import Setting, register

SESSIONS_KEPT = Setting(
    "web_screening_sessions", int, 2,
    "Indexed screening sessions the service keeps in memory (per list versions and settings).",
    "web", old_names=("web.screening_sessions",))
register([SESSIONS_KEPT])

Key = tuple[tuple[int, ...], tuple[tuple[str, str], ...]]


class SessionCache:
    """At most ``size`` indexed sessions, least recently used evicted first."""

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self._sessions: OrderedDict[Key, screening.Session] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, con: duckdb.DuckDBPyConnection, list_date: dt.date | None,
            overrides: dict[str, Any]) -> screening.Session:
        versions = tuple(v.version_id for v in lists.active_versions(con, list_date))
        key: Key = (versions, tuple(sorted((k, str(v)) for k, v in overrides.items())))
        with self._lock:
            if key in self._sessions:
                self._sessions.move_to_end(key)
                return self._sessions[key]
            session = screening.open_session(con, list_date=list_date, overrides=overrides)
            self._sessions[key] = session
            while len(self._sessions) > self.size:
                self._sessions.popitem(last=False)
            return session


def check(cache: SessionCache, con: duckdb.DuckDBPyConnection, party: Party, actor: str,
          list_date: dt.date | None, overrides: dict[str, Any]) -> tuple[ScreenResult,
                                                                        screening.Session]:
    """Screen one party on a warm session and append the screening to the audit log."""
    session = cache.get(con, list_date, overrides)
    result = session.screener.screen(party)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    audit.append(con, [screening.audit_entry(session, "check", result, now, actor)])
    return result, session

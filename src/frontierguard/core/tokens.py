"""API tokens (hashed at rest, revocable, optionally expiring), page sessions, CSRF tokens.

A token reads ``fg_<id>_<secret>``; only SHA-256 of the secret is stored. Roles:
``analyst`` reads and labels; ``admin`` also ingests, runs detection and configures.
Signing in on ``/login`` creates a server-side session: the cookie holds a random session id
(stored hashed), never the token; logging out deletes the session, and revoking the token
ends its sessions too. Every check reads the store, so a revocation acts on the next request.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

import duckdb

from frontierguard.core.errors import ConfigError, NotFoundError
from frontierguard.core.store import table_exists, transaction

ROLES = ("analyst", "admin")
SESSION_HOURS = 12

DDL = (
    "CREATE TABLE IF NOT EXISTS api_tokens (token_id VARCHAR PRIMARY KEY, "
    "secret_sha256 VARCHAR NOT NULL, role VARCHAR NOT NULL, name VARCHAR, "
    "created_at TIMESTAMPTZ NOT NULL DEFAULT now(), revoked BOOLEAN NOT NULL DEFAULT FALSE)"
)
MIGRATIONS = (
    "ALTER TABLE api_tokens ADD COLUMN IF NOT EXISTS expires_at TIMESTAMPTZ",
    "CREATE TABLE IF NOT EXISTS web_sessions (session_sha256 VARCHAR PRIMARY KEY, "
    "token_id VARCHAR NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now(), "
    "expires_at TIMESTAMPTZ NOT NULL)",
)


@dataclass(frozen=True)
class Principal:
    """Who is calling: the token id (never the secret), its role and name."""

    token_id: str
    role: str
    name: str | None

    def can(self, role: str) -> bool:
        return self.role == "admin" or self.role == role


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create or upgrade the token and session tables (once, when a store is opened)."""
    con.execute(DDL)
    for statement in MIGRATIONS:
        con.execute(statement)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(con: duckdb.DuckDBPyConnection, role: str, name: str | None = None,
                 expires_days: float | None = None) -> str:
    """Create a token and return it; it is shown once and stored only as a hash."""
    if role not in ROLES:
        raise ConfigError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if expires_days is not None and expires_days <= 0:
        raise ConfigError(f"expiry must be a positive number of days, not {expires_days}")
    token_id, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
    expires = (dt.datetime.now(dt.UTC) + dt.timedelta(days=expires_days)) if expires_days else None
    ensure_schema(con)
    with transaction(con):
        con.execute(
            "INSERT INTO api_tokens (token_id, secret_sha256, role, name, expires_at) "
            "VALUES (?, ?, ?, ?, ?)", [token_id, _digest(secret), role, name, expires])
    return f"fg_{token_id}_{secret}"


def list_tokens(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every token's id, role, name, dates and state (never a secret or its hash)."""
    if not table_exists(con, "api_tokens"):
        return []
    ensure_schema(con)
    rel = con.execute(
        "SELECT token_id, role, name, created_at, expires_at, revoked, "
        "CASE WHEN revoked THEN 'revoked' WHEN expires_at <= now() THEN 'expired' "
        "ELSE 'active' END AS state FROM api_tokens ORDER BY created_at")
    cols = [d[0] for d in rel.description or []]
    return [dict(zip(cols, row, strict=True)) for row in rel.fetchall()]


def revoke_token(con: duckdb.DuckDBPyConnection, token_id: str) -> None:
    """Revoke a token (by id, or the whole token) and end its sessions."""
    token_id = token_id[3:].split("_", 1)[0] if token_id.startswith("fg_") else token_id
    ensure_schema(con)
    with transaction(con):
        found = con.execute("SELECT count(*) FROM api_tokens WHERE token_id = ?",
                            [token_id]).fetchall()[0][0]
        if not found:
            raise NotFoundError(f"no token {token_id!r}")
        con.execute("UPDATE api_tokens SET revoked = TRUE WHERE token_id = ?", [token_id])
        con.execute("DELETE FROM web_sessions WHERE token_id = ?", [token_id])


def _principal(con: duckdb.DuckDBPyConnection, token_id: str) -> tuple[str, Principal] | None:
    rows = con.execute(
        "SELECT secret_sha256, role, name FROM api_tokens WHERE token_id = ? AND NOT revoked "
        "AND (expires_at IS NULL OR expires_at > now())", [token_id]).fetchall()
    return (rows[0][0], Principal(token_id, rows[0][1], rows[0][2])) if rows else None


def verify_token(con: duckdb.DuckDBPyConnection, token: str | None) -> Principal | None:
    """The principal for a presented token, or None when unknown, revoked or expired."""
    if not token or not token.startswith("fg_") or token.count("_") < 2:
        return None
    token_id, secret = token[3:].split("_", 1)
    found = _principal(con, token_id)
    if found is None or not hmac.compare_digest(found[0], _digest(secret)):
        return None
    return found[1]


def start_session(con: duckdb.DuckDBPyConnection, principal: Principal) -> str:
    """A new page session for ``principal``; returns the session id for the cookie."""
    session = secrets.token_urlsafe(32)
    expires = dt.datetime.now(dt.UTC) + dt.timedelta(hours=SESSION_HOURS)
    with transaction(con):
        con.execute("INSERT INTO web_sessions (session_sha256, token_id, expires_at) "
                    "VALUES (?, ?, ?)", [_digest(session), principal.token_id, expires])
    return session


def verify_session(con: duckdb.DuckDBPyConnection, session: str | None) -> Principal | None:
    """The principal of a live session whose token is still valid."""
    if not session:
        return None
    rows = con.execute("SELECT token_id FROM web_sessions WHERE session_sha256 = ? "
                       "AND expires_at > now()", [_digest(session)]).fetchall()
    found = _principal(con, rows[0][0]) if rows else None
    return found[1] if found else None


def end_session(con: duckdb.DuckDBPyConnection, session: str | None) -> None:
    if session:
        with transaction(con):
            con.execute("DELETE FROM web_sessions WHERE session_sha256 = ?", [_digest(session)])


def csrf_token(key: bytes, principal: Principal) -> str:
    """The CSRF token bound to a session's token id (HMAC with the server key)."""
    return hmac.new(key, principal.token_id.encode(), hashlib.sha256).hexdigest()


def check_csrf(key: bytes, principal: Principal, presented: str | None) -> bool:
    return bool(presented) and hmac.compare_digest(csrf_token(key, principal), presented or "")

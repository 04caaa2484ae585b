"""API tokens (hashed at rest), roles, and CSRF tokens for the pages.

A token reads ``fg_<id>_<secret>``; only SHA-256 of the secret is stored. Roles:
``analyst`` reads and labels; ``admin`` also ingests, runs detection and configures.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

import duckdb

from frontierguard.core.errors import ConfigError
from frontierguard.core.store import transaction

ROLES = ("analyst", "admin")

DDL = (
    "CREATE TABLE IF NOT EXISTS api_tokens (token_id VARCHAR PRIMARY KEY, "
    "secret_sha256 VARCHAR NOT NULL, role VARCHAR NOT NULL, name VARCHAR, "
    "created_at TIMESTAMPTZ NOT NULL DEFAULT now(), revoked BOOLEAN NOT NULL DEFAULT FALSE)"
)


@dataclass(frozen=True)
class Principal:
    """Who is calling: the token id (never the secret), its role and name."""

    token_id: str
    role: str
    name: str | None

    def can(self, role: str) -> bool:
        return self.role == "admin" or self.role == role


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(con: duckdb.DuckDBPyConnection, role: str, name: str | None = None) -> str:
    """Create a token and return it; it is shown once and stored only as a hash."""
    if role not in ROLES:
        raise ConfigError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    token_id, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
    con.execute(DDL)
    with transaction(con):
        con.execute(
            "INSERT INTO api_tokens (token_id, secret_sha256, role, name) VALUES (?, ?, ?, ?)",
            [token_id, _digest(secret), role, name],
        )
    return f"fg_{token_id}_{secret}"


def verify_token(con: duckdb.DuckDBPyConnection, token: str | None) -> Principal | None:
    """The principal for a presented token, or None when it is unknown or revoked."""
    if not token or not token.startswith("fg_") or token.count("_") < 2:
        return None
    token_id, secret = token[3:].split("_", 1)
    con.execute(DDL)
    rows = con.execute(
        "SELECT secret_sha256, role, name FROM api_tokens WHERE token_id = ? AND NOT revoked",
        [token_id],
    ).fetchall()
    if not rows or not hmac.compare_digest(rows[0][0], _digest(secret)):
        return None
    return Principal(token_id, rows[0][1], rows[0][2])


def csrf_token(key: bytes, principal: Principal) -> str:
    """The CSRF token bound to a session's token id (HMAC with the server key)."""
    return hmac.new(key, principal.token_id.encode(), hashlib.sha256).hexdigest()


def check_csrf(key: bytes, principal: Principal, presented: str | None) -> bool:
    return bool(presented) and hmac.compare_digest(csrf_token(key, principal), presented or "")

"""Accounts from API keys, by keyed hash: the gateway keeps no raw key anywhere.

The account id and the key id are HMAC-SHA-256 of the presented key under a secret of the
gateway's: the ``gateway_key_secret`` setting, or else a random secret created once beside
the store (``<store>.gateway-secret``, readable by its owner only), so ids stay the same
across restarts and detection runs link the same account over time.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from starlette.datastructures import Headers


def load_secret(configured: str, db: Path) -> bytes:
    """The configured secret, or the one stored beside ``db`` (created on first use)."""
    if configured:
        return configured.encode()
    path = db.with_name(db.name + ".gateway-secret")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # written whole under a private name, then linked into place: a second gateway
        # starting at the same moment either wins or reads the first one's complete secret
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text(encoding="utf-8").strip().encode()


def presented_key(headers: Headers) -> str | None:
    """The API key: ``x-api-key`` (Anthropic) or ``Authorization: Bearer`` (OpenAI)."""
    key = headers.get("x-api-key")
    if key:
        return key.strip() or None
    auth = headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip() or None
    return None


class KeyHasher:
    """Derives the account id and key id of an API key."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _mac(self, purpose: str, key: str) -> str:
        return hmac.new(self._secret, f"{purpose}\0{key}".encode(), hashlib.sha256).hexdigest()

    def ids(self, key: str) -> tuple[str, str]:
        """(account id, key id) for ``key``."""
        return "acct-" + self._mac("account", key)[:24], "key-" + self._mac("key", key)[:16]

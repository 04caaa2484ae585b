"""The sharing group's key and the keyed hashes made with it.

Every lab in a sharing group holds the same secret, in a file (make one with
``frontierguard share keygen``). An identifier that points at a person or customer -- a
single IP address, a payment fingerprint, a prompt-template fingerprint -- leaves the lab
only as ``HMAC-SHA256(key, kind + US + value)``: a partner holding the key can test its own
values against it, nobody else can, and nobody can reverse it. The key's id (an HMAC of a
fixed label) travels with each hash so a bundle made under another key is recognised.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from frontierguard.core.errors import InputError

MIN_KEY_CHARS = 32
_KEY_ID_LABEL = b"frontierguard sharing group key id"


@dataclass(frozen=True)
class GroupKey:
    """A sharing group's secret (never printed) and where it came from."""

    secret: bytes
    source: str

    def __repr__(self) -> str:
        return f"GroupKey(source={self.source!r}, id={self.key_id})"

    @property
    def key_id(self) -> str:
        """A public name for the key: equal ids, equal keys."""
        return hmac.new(self.secret, _KEY_ID_LABEL, hashlib.sha256).hexdigest()[:16]

    def hash(self, kind: str, value: str) -> str:
        """The keyed hash of one value of one kind (hex)."""
        message = f"{kind}\x1f{canonical(kind, value)}".encode()
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()


def canonical(kind: str, value: str) -> str:
    """The form a value is hashed in, so two labs' spellings of one value agree."""
    text = value.strip()
    return text.lower() if kind in ("ip", "ip24", "template", "tls") else text


def load_key(path: str | Path) -> GroupKey:
    """Read a key file; a missing, unreadable or short key is an InputError naming the file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise InputError(f"cannot read the group key file: {exc.strerror}", p) from None
    except UnicodeDecodeError:
        raise InputError("the group key file is not UTF-8 text", p) from None
    if len(text) < MIN_KEY_CHARS:
        raise InputError(f"the group key has {len(text)} characters; at least {MIN_KEY_CHARS} "
                         "are needed (make one with `frontierguard share keygen`)", p)
    return GroupKey(text.encode("utf-8"), str(p))


def new_key_text() -> str:
    """A fresh random group key (64 hex characters, 256 bits)."""
    return secrets.token_hex(32)


def write_new_key(path: str | Path) -> GroupKey:
    """Create a key file readable only by its owner; an existing file is never overwritten."""
    p = Path(path)
    try:
        with p.open("x", encoding="utf-8") as fh:
            fh.write(new_key_text() + "\n")
        p.chmod(0o600)
    except FileExistsError:
        raise InputError("the file exists; a group key is never overwritten", p) from None
    except OSError as exc:
        raise InputError(f"cannot write the group key file: {exc.strerror}", p) from None
    return load_key(p)

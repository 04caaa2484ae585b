"""STIX patterns for shared values.

Kinds STIX has a property for use it: a /24 is ``ipv4-addr:value`` (``ipv6-addr`` for an
IPv6 /48), a hosting network ``autonomous-system:number``, a user agent the HTTP request
header. The rest -- keyed hashes of IPs, payment and prompt-template fingerprints, TLS
JA3/JA4 fingerprints -- use the ``x-frontierguard-indicator`` object of the frontierguard
extension, with properties ``kind`` and ``keyed_hash`` (hashed kinds) or ``value``.
"""

from __future__ import annotations

from frontierguard.core.errors import InputError

OBJECT = "x-frontierguard-indicator"
UA_PATH = "network-traffic:extensions.'http-request-ext'.request_header.'User-Agent'"


def literal(text: str) -> str:
    """A STIX pattern string literal (quote and backslash escaped)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def hashed(kind: str, keyed_hash: str) -> str:
    """The pattern for a value that leaves only as a keyed hash."""
    return f"[{OBJECT}:kind = {literal(kind)} AND {OBJECT}:keyed_hash = {literal(keyed_hash)}]"


def raw(kind: str, value: str) -> str:
    """The pattern for a value that leaves as is."""
    if kind == "ip24":
        sco = "ipv6-addr" if ":" in value else "ipv4-addr"
        return f"[{sco}:value = {literal(value)}]"
    if kind == "asn":
        if not value.isdigit():
            raise InputError(f"autonomous system number {value!r} is not a number",
                             field="value")
        return f"[autonomous-system:number = {int(value)}]"
    if kind == "user_agent":
        return f"[{UA_PATH} = {literal(value)}]"
    return f"[{OBJECT}:kind = {literal(kind)} AND {OBJECT}:value = {literal(value)}]"

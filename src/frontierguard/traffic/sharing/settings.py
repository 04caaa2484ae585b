"""Tunables of indicator sharing (``frontierguard settings`` lists them)."""

from __future__ import annotations

from typing import Any

from frontierguard.core import settings
from frontierguard.core.settings import Setting

AREA = "traffic"

SETTINGS = [
    Setting("share_lab_name", str, "frontierguard lab",
            "Name of this lab in exported bundles (the STIX identity partners see as the source).",
            AREA),
    Setting("share_key_file", str, "",
            "File holding the sharing group's secret key; identifiers that point at people leave "
            "only as HMAC-SHA256 hashes under it, and partner indicators match only under it.",
            AREA),
    Setting("share_min_accounts", int, 5,
            "A value is shared only when at least this many of the campaign's accounts used it.",
            AREA),
    Setting("share_min_campaign_share", float, 0.5,
            "A value is shared only when at least this share of all the accounts that used it "
            "belong to the campaign (a popular user agent or cloud network is not an indicator).",
            AREA),
    Setting("share_link_min", float, 0.6,
            "An account whose matches with one partner campaign weigh at least this much "
            "(1 - product of 1 - kind weight) is linked to that campaign and flagged.", AREA),
    Setting("share_taxii_user", str, "",
            "User name for the TAXII server (HTTP basic authentication); empty: none.", AREA),
    Setting("share_taxii_password", str, "",
            "Password for the TAXII server (HTTP basic authentication).", AREA),
]
settings.register(SETTINGS)


def values(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Defaults, then environment, then ``overrides`` (``None`` values are left out)."""
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    return settings.resolve(SETTINGS, given)

"""What may leave the lab, value by value, and why.

A value is shared only when

* at least ``min_accounts`` of the campaign's accounts used it (one customer's address or
  card is never shared, however suspicious), and
* at least ``min_campaign_share`` of *all* the accounts that used it belong to the campaign
  (a popular SDK's user agent or a big cloud network says nothing about who is behind it).

A shared value of a kind marked ``hashed`` in ``data/kinds.yaml`` (single IP addresses,
payment fingerprints, prompt-template fingerprints) leaves only as its keyed hash. Account
ids, prompts and reasons never leave at all: nothing here reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontierguard.traffic.sharing.detections import Detections, Value
from frontierguard.traffic.sharing.reference import KINDS


@dataclass(frozen=True)
class Decision:
    """Whether one value leaves, in what form, and the reason in words."""

    value: Value
    shared: bool
    hashed: bool
    why: str

    def as_dict(self) -> dict[str, Any]:
        v = self.value
        return {"campaign": v.campaign, "kind": v.kind, "value": v.value,
                "accounts": v.accounts, "all_accounts": v.all_accounts, "shared": self.shared,
                "leaves_as": ("keyed hash" if self.hashed else "value") if self.shared else "",
                "why": self.why}


def decide(value: Value, min_accounts: int, min_share: float) -> Decision:
    """The decision for one value."""
    hashed = KINDS[value.kind].hashed
    share = value.accounts / value.all_accounts
    if value.accounts < min_accounts:
        why = f"withheld: {value.accounts} of the campaign's accounts used it, fewer than " \
              f"{min_accounts}"
        return Decision(value, False, hashed, why)
    if share < min_share:
        why = f"withheld: {value.all_accounts - value.accounts} accounts outside the campaign " \
              f"use it too (campaign share {share:.0%} < {min_share:.0%})"
        return Decision(value, False, hashed, why)
    form = "as a keyed hash" if hashed else "as is"
    why = f"shared {form}: {value.accounts} of the campaign's accounts used it " \
          f"(at least {min_accounts}), {share:.0%} of its users are in the campaign"
    return Decision(value, True, hashed, why)


def plan(det: Detections, min_accounts: int, min_share: float) -> list[Decision]:
    """A decision for every value of every decided campaign, in file order."""
    return [decide(v, min_accounts, min_share) for v in det.values]

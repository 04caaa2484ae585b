"""The gateway's policy and its compiled CoT scorer, reloaded when the policy file changes.

A policy given as a file path is watched like the watchlist: :meth:`PolicySource.refresh`
(every ``gateway_watchlist_poll_s`` seconds, and on ``POST /gateway/reload``) loads it again
when its modification time or size changed. A file that no longer loads (a located error,
a missing file) leaves the policy in force as it was, and the error is shown on
``/gateway/health`` until the file loads again. A shipped policy (``gateway_v1``) never
changes. The policy and its scorer are swapped together, as one value, so a request sees one
policy from its first check to its last.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from frontierguard.core.errors import FrontierguardError
from frontierguard.gateway.cot import CotScorer, scorer_for
from frontierguard.gateway.policy import Policy, is_shipped, load_policy

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Loaded:
    """One loaded policy and the CoT scorer compiled from its rule set."""

    policy: Policy
    scorer: CotScorer


class PolicySource:
    """The policy in force, from a shipped name or a watched file."""

    def __init__(self, name_or_path: str | Path, text_chars: int) -> None:
        self.path = None if is_shipped(name_or_path) else Path(name_or_path)
        self.text_chars = text_chars
        self.signature = self._signature()
        self.current = self._load(name_or_path)  # a policy that does not load stops the start
        self.reloads, self.error = 0, ""
        self._lock = threading.Lock()

    def _signature(self) -> tuple[int, int] | None:
        if self.path is None:
            return None
        try:
            st = self.path.stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size

    def _load(self, name_or_path: str | Path) -> Loaded:
        policy = load_policy(name_or_path)
        return Loaded(policy, scorer_for(policy.cot_rules, self.text_chars))

    def refresh(self) -> bool:
        """Load the file again if it changed; True when a new policy is in force."""
        if self.path is None:
            return False
        with self._lock:
            signature = self._signature()
            if signature == self.signature:
                return False
            self.signature = signature
            try:
                loaded = self._load(self.path)
            except (FrontierguardError, OSError) as exc:
                self.error = str(exc)
                log.warning("gateway policy not reloaded, the previous one stays: %s", exc)
                return False
            self.current, self.error = loaded, ""
            self.reloads += 1
            return True

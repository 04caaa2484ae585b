"""Per-account request and token budgets, counted in fixed windows.

A window opens with an account's first request and lasts the budget's ``window_s``; the
request that would pass ``requests`` in a window, or any request once the tokens replied
in it (input plus output, from the replies' usage) reach ``tokens``, is refused with the
seconds until the window closes. Tokens are charged when a reply's usage is known.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from frontierguard.gateway.policy import Budget


@dataclass
class _Window:
    started: float
    window_s: float
    requests: int = 0
    tokens: int = 0


PRUNE_EVERY = 4096  # new windows between sweeps of the closed ones


class Budgets:
    """Budget state for every account seen recently; single-threaded (the event loop's)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._windows: dict[str, _Window] = {}
        self._opened = 0

    def _prune(self, now: float) -> None:
        self._windows = {a: w for a, w in self._windows.items() if now < w.started + w.window_s}

    def _window(self, account: str, budget: Budget) -> _Window:
        now = self._clock()
        w = self._windows.get(account)
        if w is None or now >= w.started + w.window_s:
            self._opened += 1
            if self._opened % PRUNE_EVERY == 0:
                self._prune(now)
            w = _Window(now, budget.window_s)
            self._windows[account] = w
        return w

    def admit(self, account: str, budget: Budget | None) -> tuple[int | None, str]:
        """Count one request; (None, "") if within budget, else (Retry-After s, reason)."""
        if budget is None:
            return None, ""
        w = self._window(account, budget)
        if w.requests >= budget.requests:
            why = f"{budget.requests} requests per {budget.window_s:g} s"
        elif w.tokens >= budget.tokens:
            why = f"{budget.tokens} tokens per {budget.window_s:g} s"
        else:
            w.requests += 1
            return None, ""
        wait = max(1, math.ceil(w.started + w.window_s - self._clock()))
        return wait, f"gw.budget: budget of {why} for standing {budget.standing} is spent"

    def charge(self, account: str, tokens: int) -> None:
        """Add a reply's tokens to the account's open window."""
        w = self._windows.get(account)
        if w is not None and tokens > 0:
            w.tokens += tokens

    def __len__(self) -> int:
        return len(self._windows)

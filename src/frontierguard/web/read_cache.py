"""Rendered read views kept between requests.

Account pages draw their timeline from the store's events (a chart render costs tens of
milliseconds) and show the latest analyst verdict. Both change only when the service writes
events or feedback, and the service holds the store's only writer, so each write bumps a
generation and every view is keyed by it: a stale view is never served.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

VIEWS_KEPT = 2048


class ReadCache:
    """At most ``size`` views, least recently used evicted first, safe across threads."""

    def __init__(self, size: int = VIEWS_KEPT) -> None:
        self.size = max(1, size)
        self.generation = 0
        self._views: OrderedDict[tuple[int, Hashable], Any] = OrderedDict()
        self._lock = threading.Lock()

    def bump(self) -> None:
        """The store's events or feedback changed: every kept view is stale."""
        with self._lock:
            self.generation += 1
            self._views.clear()

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The view for ``key`` at the current generation, made by ``make`` when missing."""
        with self._lock:
            full = (self.generation, key)
            if full in self._views:
                self._views.move_to_end(full)
                return self._views[full]
        value = make()  # outside the lock: a slow render does not hold up other reads
        with self._lock:
            if full[0] == self.generation:  # a write during the render makes it stale
                self._views[full] = value
                while len(self._views) > self.size:
                    self._views.popitem(last=False)
        return value

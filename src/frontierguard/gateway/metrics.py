"""Gateway metrics in the Prometheus text exposition format (``GET /gateway/metrics``).

* ``frontierguard_gateway_decisions_total{action=...}``: requests by action;
* ``frontierguard_gateway_added_latency_seconds``: histogram of the time the gateway adds
  (parsing, scoring and deciding before forwarding, rewriting after);
* ``frontierguard_gateway_event_queue_depth``, ``..._event_spool_files``: events waiting for
  the store, in memory and on disk; ``..._events_written_total``, ``..._store_busy_total``;
* ``frontierguard_gateway_upstream_errors_total``, ``..._standing_reloads_total``.
"""

from __future__ import annotations

import bisect
from collections import Counter

from frontierguard.gateway.policy import ACTIONS

BUCKETS = (0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0)
PREFIX = "frontierguard_gateway_"


class Histogram:
    """Cumulative-bucket histogram of seconds."""

    def __init__(self) -> None:
        self.counts = [0] * (len(BUCKETS) + 1)
        self.sum = 0.0

    def observe(self, seconds: float) -> None:
        self.counts[bisect.bisect_left(BUCKETS, seconds)] += 1
        self.sum += seconds

    def lines(self, name: str) -> list[str]:
        out, running = [], 0
        for bound, n in zip((*BUCKETS, float("inf")), self.counts, strict=True):
            running += n
            le = "+Inf" if bound == float("inf") else repr(bound)
            out.append(f'{name}_bucket{{le="{le}"}} {running}')
        return [*out, f"{name}_sum {self.sum:.6f}", f"{name}_count {running}"]


class Metrics:
    """Counters the request path updates (one event loop: no locks needed)."""

    def __init__(self) -> None:
        self.decisions: Counter[str] = Counter({a: 0 for a in ACTIONS})
        self.latency = Histogram()
        self.upstream_errors = 0

    def render(self, queue_depth: int, spool_files: int, written: int, busy: int,
               reloads: int) -> str:
        lines = [f"# HELP {PREFIX}decisions_total Requests by the action decided.",
                 f"# TYPE {PREFIX}decisions_total counter"]
        lines += [f'{PREFIX}decisions_total{{action="{a}"}} {n}'
                  for a, n in sorted(self.decisions.items())]
        lines += [f"# HELP {PREFIX}added_latency_seconds Time the gateway adds to a request.",
                  f"# TYPE {PREFIX}added_latency_seconds histogram",
                  *self.latency.lines(f"{PREFIX}added_latency_seconds")]
        for name, kind, value, text in (
                ("event_queue_depth", "gauge", queue_depth, "Events queued in memory."),
                ("event_spool_files", "gauge", spool_files, "Event batches on disk, not yet "
                 "in the store."),
                ("events_written_total", "counter", written, "Events written to the store."),
                ("store_busy_total", "counter", busy, "Writes retried: the store was locked."),
                ("upstream_errors_total", "counter", self.upstream_errors,
                 "Requests the upstream did not answer (timeouts, refused connections)."),
                ("standing_reloads_total", "counter", reloads, "Standing tables loaded.")):
            lines += [f"# HELP {PREFIX}{name} {text}", f"# TYPE {PREFIX}{name} {kind}",
                      f"{PREFIX}{name} {value}"]
        return "\n".join(lines) + "\n"

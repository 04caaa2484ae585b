"""The gateway's tunables (``frontierguard settings`` lists them) and its start-up options."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontierguard.core import settings
from frontierguard.core.errors import ConfigError
from frontierguard.core.settings import Setting
from frontierguard.gateway.forwarded import trusted_networks

FAIL_MODES = ("closed", "open")
SETTINGS = [
    Setting("gateway_fail_mode", str, "closed", "What the gateway does when it cannot decide "
            "(the standing source never loaded, an internal error): 'closed' refuses with 503, "
            "'open' forwards the request and records why.", "gateway"),
    Setting("gateway_upstream_timeout_s", float, 600.0, "Seconds the gateway waits on the "
            "upstream (connect, and between bytes of a reply) before answering 504.", "gateway"),
    Setting("gateway_upstream_connections", int, 200, "Most connections the one upstream "
            "pool opens (HTTP/1.1 keep-alive).", "gateway"),
    Setting("gateway_max_body_bytes", int, 32 * 1024 * 1024, "Largest request body the "
            "gateway accepts (413 above it).", "gateway"),
    Setting("gateway_queue_size", int, 10000, "Events held in memory for the background "
            "writer; beyond it they go straight to disk.", "gateway"),
    Setting("gateway_batch_size", int, 5000, "Most events written in one batch file.",
            "gateway"),
    Setting("gateway_flush_s", float, 1.0, "Longest an event waits in memory before its batch "
            "is written to disk.", "gateway"),
    Setting("gateway_store_retry_s", float, 2.0, "Seconds between tries while the store is "
            "locked by another process.", "gateway"),
    Setting("gateway_close_timeout_s", float, 30.0, "On shutdown, how long the writer keeps "
            "trying a locked store; files left wait on disk for the next start.", "gateway"),
    Setting("gateway_spool_dir", str, "", "Folder of event batch files not yet in the store. "
            "Empty: '<store>.gateway-spool' beside the store.", "gateway"),
    Setting("gateway_watchlist_poll_s", float, 5.0, "Seconds between checks of the standing "
            "source (watchlist file or newest detection run) and of a policy file for "
            "changes.", "gateway"),
    Setting("gateway_key_secret", str, "", "Secret for hashing API keys into account ids. "
            "Empty: a random secret kept in '<store>.gateway-secret'.", "gateway"),
    Setting("gateway_tls_fingerprint_header", str, "x-tls-fingerprint", "Request header in "
            "which a TLS-terminating proxy passes the client's TLS fingerprint (JA3/JA4).",
            "gateway"),
    Setting("gateway_trusted_proxies", str, "", "Comma-separated addresses or CIDR networks "
            "of the proxies in front of the gateway whose X-Forwarded-For header is believed. "
            "Empty: the connection's own address is the client's.", "gateway"),
]
settings.register(SETTINGS)


@dataclass
class GatewayConfig:
    """Where to forward, which store, policy and watchlist, and setting overrides."""

    upstream: str
    db: Path
    policy: str | Path = "gateway_v1"
    watchlist: Path | None = None
    overrides: dict[str, Any] = field(default_factory=dict)

    def values(self) -> dict[str, Any]:
        values = settings.resolve(SETTINGS, self.overrides)
        if values["gateway_fail_mode"] not in FAIL_MODES:
            raise ConfigError(f"setting 'gateway_fail_mode' must be one of "
                              f"{', '.join(FAIL_MODES)}, not {values['gateway_fail_mode']!r}")
        trusted_networks(values["gateway_trusted_proxies"])  # a bad entry stops the start
        if not self.upstream.startswith(("http://", "https://")):
            raise ConfigError(f"--upstream must be an http:// or https:// URL, not "
                              f"{self.upstream!r}")
        return values

    def spool(self, values: dict[str, Any]) -> Path:
        configured = values["gateway_spool_dir"]
        return Path(configured) if configured else self.db.with_name(self.db.name + ".gateway-spool")

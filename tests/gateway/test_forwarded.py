"""X-Forwarded-For is believed only from the proxies the lab trusts, read from the right."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontierguard.core.errors import ConfigError
from frontierguard.gateway.forwarded import client_ip, trusted_networks
from support.gateway_live import headers, request, run_gateway

TRUSTED = trusted_networks("10.0.0.0/8, 192.0.2.7")


@pytest.mark.parametrize(("peer", "header", "expected"), [
    ("198.51.100.4", None, "198.51.100.4"),                   # no proxy
    ("198.51.100.4", "203.0.113.9", "198.51.100.4"),          # untrusted peer: header ignored
    ("10.1.2.3", None, "10.1.2.3"),                           # trusted proxy, no header
    ("10.1.2.3", "203.0.113.9", "203.0.113.9"),               # the client behind the proxy
    ("10.1.2.3", "1.1.1.1, 203.0.113.9", "203.0.113.9"),      # a spoofed hop on the left
    ("10.1.2.3", "203.0.113.9, 192.0.2.7", "203.0.113.9"),    # two trusted proxies
    ("10.1.2.3", "10.9.9.9, 192.0.2.7", "10.9.9.9"),          # every hop trusted: leftmost
    ("10.1.2.3", "not-an-ip", None),                          # malformed: no address
    ("10.1.2.3", " 2001:db8::1 ", "2001:db8::1"),
    (None, "203.0.113.9", None),
])
def test_client_ip(peer: str | None, header: str | None, expected: str | None) -> None:
    assert client_ip(peer, header, TRUSTED) == expected


def test_nothing_is_trusted_by_default() -> None:
    assert client_ip("10.1.2.3", "203.0.113.9", trusted_networks("")) == "10.1.2.3"


def test_a_bad_trusted_proxy_names_the_setting() -> None:
    with pytest.raises(ConfigError, match=r"gateway_trusted_proxies.*'10\.0\.0\.0/33'"):
        trusted_networks("10.0.0.0/8,10.0.0.0/33")


@pytest.mark.parametrize(("trusted", "ip"), [("", "127.0.0.1"),
                                             ("127.0.0.1", "203.0.113.9")])
def test_the_event_records_the_client_behind_a_trusted_proxy(
        tmp_path: Path, upstream: str, watchlist: Path, trusted: str, ip: str) -> None:
    path = "/v1/chat/completions"
    with run_gateway(tmp_path, upstream, watchlist=watchlist,
                     gateway_trusted_proxies=trusted) as live:
        r = live.client.post(path, json=request(path), headers={
            **headers(path), "X-Forwarded-For": "203.0.113.9"})
        assert r.status_code == 200
        assert live.wait_events(1)[-1]["ip"] == ip

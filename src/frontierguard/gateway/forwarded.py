"""The client's address when the gateway sits behind a load balancer or TLS terminator.

``X-Forwarded-For`` is written by whoever sends the request, so the gateway believes it only
from the proxies the lab names in ``gateway_trusted_proxies`` (addresses or CIDR networks).
From such a proxy, the header is read from the right: each proxy appends the address it
received the request from, so the first hop that is not a trusted proxy is the client. A
request that does not come from a trusted proxy keeps its connection's address, whatever
its header says. A malformed hop gives no address at all rather than the proxy's: every
client behind one proxy sharing its address would look like one exit node to detection.
"""

from __future__ import annotations

import ipaddress

from frontierguard.core.errors import ConfigError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_networks(text: str) -> tuple[Network, ...]:
    """Parse ``gateway_trusted_proxies``: comma-separated addresses or networks."""
    out = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        try:
            out.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ConfigError(f"setting 'gateway_trusted_proxies': {part!r} is not an IP "
                              "address or network") from None
    return tuple(out)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _within(ip: ipaddress.IPv4Address | ipaddress.IPv6Address | None,
            trusted: tuple[Network, ...]) -> bool:
    return ip is not None and any(ip in net for net in trusted)


def client_ip(peer: str | None, forwarded_for: str | None,
              trusted: tuple[Network, ...]) -> str | None:
    """The client's address: the connection's, or (from a trusted proxy) the rightmost
    untrusted hop of ``X-Forwarded-For``."""
    if peer is None or not _within(_address(peer), trusted):
        return peer
    hops = [_address(h.strip()) for h in (forwarded_for or "").split(",") if h.strip()]
    for ip in reversed(hops):
        if ip is None:
            return None
        if not _within(ip, trusted):
            return str(ip)
    return str(hops[0]) if hops else peer

"""CLI: ``frontierguard gateway`` -- the inline reverse proxy in front of a model API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from frontierguard.cli.common import DbOption, db_path, domain_errors, info
from frontierguard.cli.detect import _overrides
from frontierguard.gateway.config import GatewayConfig  # registers the gateway settings


@domain_errors
def gateway(
    upstream: Annotated[str, typer.Option(help="Base URL of the model API to front, e.g. "
                                               "http://127.0.0.1:9000.")],
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8080,
    db: DbOption = None,
    policy: Annotated[str, typer.Option(help="Gateway policy: shipped name (gateway_v1) or "
                                             "YAML file.")] = "gateway_v1",
    watchlist: Annotated[Path | None, typer.Option(
        help="CSV of account standings (account_id,standing[,reason]) or a detection run's "
             "accounts.csv; default: the newest detection run in the store.")] = None,
    set_: Annotated[list[str] | None, typer.Option(
        "--set", help="Override a gateway setting, NAME=VALUE (see `frontierguard settings`).",
    )] = None,
) -> None:
    """Run the gateway: decide on every model request, forward or refuse, record events.

    Example: `frontierguard gateway --upstream http://127.0.0.1:9000 --db traffic.duckdb`
    """
    import uvicorn

    from frontierguard.gateway.app import create_app

    config = GatewayConfig(upstream, db_path(db), policy, watchlist, _overrides(set_ or []))
    app = create_app(config)
    info(f"frontierguard gateway on http://{host}:{port}/ -> {upstream} "
         f"(policy {app.state.gateway.policy.name}, store {config.db})")
    # X-Forwarded-For is read by the gateway itself, from gateway_trusted_proxies only
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False,
                proxy_headers=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("gateway")(gateway)

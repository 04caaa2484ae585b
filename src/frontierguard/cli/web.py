"""CLI: ``frontierguard serve`` and ``frontierguard tokens``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from frontierguard.cli.common import DbOption, db_path, domain_errors, info
from frontierguard.core.store import connect

tokens_app = typer.Typer(
    help="API tokens for the service.\n\nExample: `frontierguard tokens create --role analyst`",
    no_args_is_help=True,
)


@domain_errors
def serve(
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    db: DbOption = None,
    runs_dir: Annotated[Path | None, typer.Option(help="Where detection runs write outputs.")] = None,
    max_upload_mb: Annotated[int, typer.Option(help="Largest accepted upload, MiB.")] = 200,
) -> None:
    """Serve the REST API (/api/v1, OpenAPI at /docs) and the web pages.

    Example: `frontierguard serve --db traffic.duckdb --port 8000`
    """
    import uvicorn

    from frontierguard.web.app import ServiceConfig, create_app

    store = db_path(db)
    config = ServiceConfig(store, runs_dir or store.parent / "runs", max_upload_mb * 1024 * 1024)
    info(f"frontierguard serving {store} on http://{host}:{port}/")
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning",
                access_log=False)


@tokens_app.command("create")
@domain_errors
def tokens_create(
    role: Annotated[str, typer.Option(help="analyst (reads and labels) or admin (also ingests, "
                                           "runs detection, configures).")] = "analyst",
    name: Annotated[str | None, typer.Option(help="Who or what the token is for.")] = None,
    db: DbOption = None,
) -> None:
    """Create an API token; it is printed once and stored only as a hash.

    Example: `frontierguard tokens create --role admin --name ops --db traffic.duckdb`
    """
    from frontierguard.web.security import create_token

    con = connect(db_path(db))
    try:
        typer.echo(create_token(con, role, name))
    finally:
        con.close()


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(tokens_app, name="tokens")

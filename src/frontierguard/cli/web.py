"""CLI: ``frontierguard serve`` and ``frontierguard tokens``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from frontierguard.cli.common import DbOption, JsonOption, db_path, domain_errors, info, print_json
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
    max_upload_mb: Annotated[int, typer.Option(help="Largest accepted request body, MiB.")] = 200,
    secure_cookies: Annotated[bool, typer.Option(
        help="Mark the session cookie Secure (when served behind HTTPS).")] = False,
) -> None:
    """Serve the REST API (/api/v1, OpenAPI at /docs) and the web pages.

    Example: `frontierguard serve --db traffic.duckdb --port 8000`
    """
    import uvicorn

    from frontierguard.web.app import ServiceConfig, create_app

    store = db_path(db)
    config = ServiceConfig(store, runs_dir or store.parent / "runs", max_upload_mb * 1024 * 1024,
                           secure_cookies=secure_cookies)
    info(f"frontierguard serving {store} on http://{host}:{port}/")
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning",
                access_log=False)


@tokens_app.command("create")
@domain_errors
def tokens_create(
    role: Annotated[str, typer.Option(help="analyst (reads and labels) or admin (also ingests, "
                                           "runs detection, configures).")] = "analyst",
    name: Annotated[str | None, typer.Option(help="Who or what the token is for.")] = None,
    expires_days: Annotated[float | None, typer.Option(
        help="Days until the token stops working (default: never).")] = None,
    db: DbOption = None,
) -> None:
    """Create an API token; it is printed once and stored only as a hash.

    Example: `frontierguard tokens create --role admin --name ops --db traffic.duckdb`
    """
    from frontierguard.core.tokens import create_token

    con = connect(db_path(db))
    try:
        typer.echo(create_token(con, role, name, expires_days))
    finally:
        con.close()


@tokens_app.command("list")
@domain_errors
def tokens_list(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List tokens: id, role, name, created, expiry and state (never a secret).

    Example: `frontierguard tokens list --db traffic.duckdb`
    """
    from frontierguard.core.tokens import list_tokens

    con = connect(db_path(db))
    try:
        tokens = list_tokens(con)
    finally:
        con.close()
    if as_json:
        print_json(tokens)
        return
    for t in tokens:
        expires = t["expires_at"].isoformat(timespec="minutes") if t["expires_at"] else "never"
        typer.echo(f"{t['token_id']}  {t['role']:<7}  {t['state']:<7}  expires {expires}  "
                   f"{t['name'] or ''}")


@tokens_app.command("revoke")
@domain_errors
def tokens_revoke(
    token_id: Annotated[str, typer.Argument(help="Token id (or the whole token).")],
    db: DbOption = None,
) -> None:
    """Revoke a token and end its sessions. Against a running service use its API instead
    (`DELETE /api/v1/tokens/{id}`), which takes effect on the next request.

    Example: `frontierguard tokens revoke 3f9a0c1b2d4e --db traffic.duckdb`
    """
    from frontierguard.core.tokens import revoke_token

    con = connect(db_path(db))
    try:
        revoke_token(con, token_id)
    finally:
        con.close()
    info(f"revoked {token_id}")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(tokens_app, name="tokens")

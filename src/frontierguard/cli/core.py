"""Commands that span areas: listing tunables."""

from __future__ import annotations

import typer

from frontierguard.cli.common import JsonOption, print_json
from frontierguard.core.settings import all_settings


def settings_list(json_out: JsonOption = False) -> None:
    """List every tunable setting with its type, default and description.

    Example: `frontierguard settings --json`
    """
    rows = [s.as_dict() for s in all_settings()]
    if json_out:
        print_json(rows)
        return
    for r in rows:
        typer.echo(f"{r['area']:<13} {r['name']:<34} {r['type']:<6} {r['default']!s:<10} "
                   f"{r['description']}")


def register(app: typer.Typer) -> None:
    app.command("settings")(settings_list)

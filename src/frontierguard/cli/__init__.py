"""The ``frontierguard`` command line: a thin layer over the library.

Each command calls one library function; domain errors become usage errors.
Command groups are registered explicitly from the modules listed in ``MODULES``.
"""

from __future__ import annotations

from types import ModuleType
from typing import Annotated

import typer

from frontierguard import __version__
from frontierguard.cli import (
    chips,
    common,
    detect,
    evaluate,
    gap,
    gateway,
    ingest,
    screening,
    share,
    signals,
    simulate,
    transparency,
    web,
)
from frontierguard.cli import core as core_cmds

app = typer.Typer(
    name="frontierguard",
    help="Working tools for keeping a frontier-AI lead.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only print results.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
) -> None:
    """frontierguard: distillation defence, export controls, transparency and the gap.

    Example: `frontierguard simulate --out sim && frontierguard detect sim/events.parquet --out out`
    """
    common.State.quiet = quiet
    if version:
        typer.echo(__version__)
        raise typer.Exit()


MODULES: list[ModuleType] = [
    core_cmds, ingest, simulate, detect, evaluate, signals, share, chips, screening, transparency,
    gap, web, gateway,
]
for _module in MODULES:
    _module.register(app)


def main() -> None:
    app()

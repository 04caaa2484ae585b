"""Shared CLI plumbing: options, error translation, JSON output, progress bars."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import duckdb
import typer
from rich.console import Console
from rich.text import Text

from frontierguard.core.errors import FrontierguardError
from frontierguard.core.progress import NULL, Progress, TerminalProgress, is_terminal
from frontierguard.core.store import default_db_path

P = ParamSpec("P")
R = TypeVar("R")

console = Console(stderr=True)


class State:
    """Global flags set by the top-level callback."""

    quiet: bool = False


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="DuckDB store (default: $FRONTIERGUARD_DB or ./frontierguard.duckdb)."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print results as JSON on stdout.")]


def db_path(db: Path | None) -> Path:
    return db if db is not None else default_db_path()


def domain_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn domain errors into a clean usage error (exit code 2) naming what went wrong."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except FrontierguardError as exc:
            # the message holds user text (file names, values): never parse it as Rich markup
            console.print(Text.assemble(("error:", "bold red"), f" {exc}"), highlight=False,
                          soft_wrap=True)
            raise typer.Exit(2) from None
        except duckdb.OutOfMemoryException as exc:
            first = str(exc).splitlines()[0] if str(exc) else "out of memory"
            console.print(Text.assemble(("error:", "bold red"), f" {first}. {MEMORY_HINT}"),
                          highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper


MEMORY_HINT = ("The run needs more memory than its limit: raise it with --set "
               "detect_memory_limit=8GB (or FRONTIERGUARD_DETECT_MEMORY_LIMIT), and give "
               "FRONTIERGUARD_STORE_SPILL_DIR a disk with room for what DuckDB spills.")


def print_json(data: Any) -> None:
    """Write JSON to stdout (dates and paths become strings)."""
    sys.stdout.write(json.dumps(data, indent=2, default=str, ensure_ascii=False) + "\n")


def info(message: str) -> None:
    """A human-readable line on stderr unless --quiet."""
    if not State.quiet:
        console.print(message, highlight=False, markup=False)


def _shows_progress() -> bool:
    return not State.quiet and is_terminal(sys.stderr)


@contextmanager
def stages() -> Iterator[Progress]:
    """Where a command reports named stages: a live display on stderr when it is a terminal
    and --quiet is off, else nothing (piped or captured output stays clean)."""
    if not _shows_progress():
        yield NULL
        return
    with TerminalProgress(sys.stderr) as shown:
        yield shown


@contextmanager
def progress(description: str, total: float | None = None) -> Iterator[Callable[[float], None]]:
    """One counted stage shown as by :func:`stages`; yields ``advance(n)``."""
    with stages() as shown:
        shown.stage(description, total)
        yield shown.advance

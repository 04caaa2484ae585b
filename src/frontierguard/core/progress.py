"""Progress of a long run, reported as named stages with optional counts.

Library functions that can run for more than a few seconds take a ``progress`` argument
(any object with the :class:`Progress` methods) and call :meth:`Progress.stage` as each
stage begins and :meth:`Progress.advance` as work within it completes. The default,
:data:`NULL`, does nothing, so library callers and servers see no output.

The command line shows the stages as a live display on the terminal
(:class:`TerminalProgress`) only when standard error is a terminal and ``--quiet`` is not
given: piped, redirected or captured output stays free of progress text.
"""

from __future__ import annotations

from typing import IO, Any, Protocol, runtime_checkable


@runtime_checkable
class Progress(Protocol):
    """What a long-running function reports its progress to."""

    def stage(self, name: str, total: float | None = None) -> None:
        """Stage ``name`` begins (the previous one is complete); ``total`` units of work
        when known, else None."""
        ...

    def advance(self, amount: float = 1) -> None:
        """``amount`` more units of the current stage are done."""
        ...


class NullProgress:
    """Progress that goes nowhere: the default for library calls."""

    def stage(self, name: str, total: float | None = None) -> None:
        return None

    def advance(self, amount: float = 1) -> None:
        return None


NULL: Progress = NullProgress()


class TerminalProgress:
    """Stages as a live Rich display on a terminal: one line per stage, the current one with
    a bar (a spinner when its size is unknown), finished ones ticked. Use as a context
    manager; the display is removed when it closes."""

    def __init__(self, stream: IO[str]) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            SpinnerColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.progress import Progress as RichProgress

        self._bar = RichProgress(
            SpinnerColumn(finished_text="[green]✓"), TextColumn("{task.description}"),
            BarColumn(), TaskProgressColumn(), TimeElapsedColumn(),
            console=Console(file=stream), transient=True)
        self._task: Any = None

    def __enter__(self) -> TerminalProgress:
        self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._finish_current()
        self._bar.stop()

    def _finish_current(self) -> None:
        if self._task is not None:
            task = self._bar.tasks[-1]
            self._bar.update(self._task, total=task.total if task.total else 1,
                             completed=task.total if task.total else 1)
            self._bar.stop_task(self._task)

    def stage(self, name: str, total: float | None = None) -> None:
        self._finish_current()
        self._task = self._bar.add_task(name, total=total)

    def advance(self, amount: float = 1) -> None:
        if self._task is not None:
            self._bar.advance(self._task, amount)


def is_terminal(stream: IO[str]) -> bool:
    """Whether ``stream`` is an interactive terminal (False for pipes, files, captures)."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False

"""Progress reporting: the null default and the terminal display."""

from __future__ import annotations

import io

import pytest

from frontierguard.core.progress import NULL, NullProgress, Progress, TerminalProgress, is_terminal
from frontierguard.core.store import connect


class FakeTerminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Closed(io.StringIO):
    def isatty(self) -> bool:
        raise ValueError("I/O operation on closed file")


def test_null_and_terminal_are_progress() -> None:
    assert isinstance(NULL, Progress) and isinstance(NullProgress(), Progress)
    assert isinstance(TerminalProgress(FakeTerminal()), Progress)
    NULL.stage("x", 3)
    NULL.advance(2)  # neither call has any effect or output


@pytest.mark.parametrize(("stream", "expected"), [
    (io.StringIO(), False), (FakeTerminal(), True), (Closed(), False), (object(), False),
])
def test_is_terminal(stream: object, expected: bool) -> None:
    assert is_terminal(stream) is expected  # type: ignore[arg-type]


def test_terminal_progress_draws_every_stage() -> None:
    screen = FakeTerminal()
    with TerminalProgress(screen) as shown:
        shown.stage("loading events", 10)
        shown.advance(4)
        shown.stage("scoring accounts")
        shown.advance()
    text = screen.getvalue()
    assert "loading events" in text and "scoring accounts" in text


def test_store_connections_never_draw_duckdb_progress_bars() -> None:
    con = connect(":memory:")
    assert con.execute("SELECT current_setting('enable_progress_bar')").fetchone() == (False,)

"""Progress reporting: the null default, the terminal display, and when the CLI shows it."""

from __future__ import annotations

import io

import pytest

from frontierguard.cli import common
from frontierguard.core.store import connect
from frontierguard.core.progress import NULL, NullProgress, Progress, TerminalProgress, is_terminal


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


@pytest.mark.parametrize(("terminal", "quiet", "shown"), [
    (True, False, True), (True, True, False), (False, False, False), (False, True, False),
])
def test_cli_shows_stages_only_on_a_terminal_without_quiet(
        monkeypatch: pytest.MonkeyPatch, terminal: bool, quiet: bool, shown: bool) -> None:
    screen = FakeTerminal() if terminal else io.StringIO()
    monkeypatch.setattr("sys.stderr", screen)
    monkeypatch.setattr(common.State, "quiet", quiet)
    with common.stages() as progress:
        progress.stage("linking accounts")
    with common.progress("ingesting", 5) as advance:
        advance(5)
    assert ("linking accounts" in screen.getvalue()) is shown
    assert ("ingesting" in screen.getvalue()) is shown
    assert (screen.getvalue() == "") is not shown


def test_store_connections_never_draw_duckdb_progress_bars() -> None:
    con = connect(":memory:")
    assert con.execute("SELECT current_setting('enable_progress_bar')").fetchone() == (False,)

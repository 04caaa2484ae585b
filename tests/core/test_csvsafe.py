"""CSV cells neutralised against formula injection, reversibly."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontierguard.core import csvsafe


@pytest.mark.parametrize(("raw", "written"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1+2", "'+1+2"),
    ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("'quoted", "''quoted"), ("plain", "plain"), ("-0.5", "-0.5"), ("", ""),
])
def test_neutralise(raw: str, written: str) -> None:
    assert csvsafe.neutralise(raw) == written
    assert csvsafe.restore(written) == raw


@given(st.lists(st.text(), min_size=1, max_size=5))
def test_written_rows_read_back_exactly(row: list[str]) -> None:
    buffer = io.StringIO()
    csvsafe.writer(buffer).writerow(row)
    cells = next(csv.reader(io.StringIO(buffer.getvalue())))
    if row == [""]:
        cells = cells or [""]
    assert [csvsafe.restore(c) for c in cells] == row
    assert not any(c.startswith(csvsafe.TRIGGERS) and not _number(c) for c in cells)


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True

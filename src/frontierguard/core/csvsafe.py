"""CSV cells that a spreadsheet will not run as formulas (OWASP "CSV injection").

A text cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return is written with
a leading ``'`` so Excel, LibreOffice and Sheets show it as text. A cell that already starts
with ``'`` gets one more, so :func:`restore` gives back exactly the original text. Plain
numbers (``-0.5``) are left as they are. Only CSV outputs are neutralised; JSON keeps the raw
value.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_number(text: str) -> bool:
    """Whether ``float()`` reads ``text`` (``-0.5``, ``1e3``, ``nan`` ...)."""
    try:
        float(text)
    except ValueError:
        return False
    return True


def neutralise(value: Any) -> Any:
    """``value`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] == "'" or (value.startswith(TRIGGERS) and not is_number(value)):
        return "'" + value
    return value


def restore(value: str) -> str:
    """The original text of a cell written through :func:`neutralise`."""
    return value[1:] if value.startswith("'") else value


class SafeWriter:
    """``csv.writer`` whose rows are neutralised cell by cell."""

    def __init__(self, fh: Any, **kwargs: Any) -> None:
        self._writer = csv.writer(fh, **kwargs)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(fh: Any, **kwargs: Any) -> SafeWriter:
    """A CSV writer for files people open in spreadsheets."""
    return SafeWriter(fh, **kwargs)

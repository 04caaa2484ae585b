"""Domain errors. The CLI turns these into usage errors and the API into HTTP codes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class FrontierguardError(Exception):
    """Base class of every error frontierguard raises on purpose."""


@dataclass
class InputError(FrontierguardError):
    """Bad input data: names the file, the line or row, and the field where known."""

    message: str
    file: str | Path | None = None
    row: int | None = None
    field: str | None = None
    row_kind: str = "row"

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.file is not None:
            where.append(str(self.file))
        if self.row is not None:
            where.append(f"{self.row_kind} {self.row}")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class DataFileError(InputError):
    """A rule or reference data file (YAML/CSV shipped or supplied) is invalid."""

    def __init__(
        self, message: str, file: str | Path | None = None, line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message, file, line, field, "line")


class NotFoundError(FrontierguardError):
    """A named thing (catalog, algorithm, run, account) does not exist."""


class ConfigError(FrontierguardError):
    """A setting or option has an invalid value."""


class StoreBusyError(FrontierguardError):
    """The store file is locked by another process (often a running ``frontierguard serve``)."""

"""Reading event files without crashing: every read, decompression, decoding and parsing
failure becomes an :class:`InputError` naming the file and, where known, the line.

``on_bad`` callbacks let ``--on-error skip`` skip an unreadable line and count it instead of
stopping; without one the first bad line raises.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from frontierguard.core.errors import InputError

OnBad = Callable[[InputError], None] | None
#: failures of the stream itself (not of one line): a bad or truncated gzip, an unreadable file
STREAM_ERRORS = (OSError, EOFError, zlib.error)


def check_file(p: Path) -> None:
    """A readable, non-empty regular file, or an InputError saying what it is instead."""
    if not p.exists():
        raise InputError("file not found", p)
    if p.is_dir():
        raise InputError("is a directory, not a file", p)
    if not p.is_file():
        raise InputError("is not a regular file", p)
    if p.stat().st_size == 0:
        raise InputError("file is empty", p)


def _open_binary(p: Path) -> IO[bytes]:
    try:
        if p.name.lower().endswith(".gz"):
            return cast(IO[bytes], gzip.open(p, "rb"))
        return p.open("rb")
    except OSError as exc:
        raise InputError(f"cannot open ({exc.strerror or exc})", p) from None


def _stream_error(p: Path, exc: BaseException, line: int) -> InputError:
    if isinstance(exc, gzip.BadGzipFile):
        what = "not a gzip file"
    elif isinstance(exc, EOFError):
        what = "the gzip stream is truncated"
    elif isinstance(exc, zlib.error):
        what = f"corrupt gzip data ({exc})"
    else:
        what = f"read error ({exc})"
    return InputError(what, p, line, None, "line")


def raw_lines(p: Path) -> Iterator[tuple[int, bytes]]:
    """``(line, bytes)`` of a plain or gzipped file; stream failures name the line reached."""
    with _open_binary(p) as fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline()
            except STREAM_ERRORS as exc:
                raise _stream_error(p, exc, lineno + 1) from None
            if not raw:
                return
            lineno += 1
            yield lineno, raw


def _utf8_error(p: Path, lineno: int, raw: bytes, exc: UnicodeDecodeError) -> InputError:
    return InputError(f"invalid UTF-8 (byte {raw[exc.start]:#04x} at column {exc.start + 1})",
                      p, lineno, None, "line")


def text_lines(p: Path, on_bad: OnBad = None, bad_lines: list[int] | None = None
               ) -> Iterator[tuple[int, str]]:
    """``(line, text)`` decoded as UTF-8. A line that is not UTF-8 raises, goes to ``on_bad``
    and is skipped, or, given ``bad_lines``, is decoded with surrogate escapes and its number
    recorded there (so a CSV reader can name the field)."""
    for lineno, raw in raw_lines(p):
        try:
            yield lineno, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if bad_lines is not None:
                bad_lines.append(lineno)
                yield lineno, raw.decode("utf-8", "surrogateescape")
                continue
            err = _utf8_error(p, lineno, raw, exc)
            if on_bad is None:
                raise err from None
            on_bad(err)


def head(p: Path, size: int = 4096) -> str:
    """The first characters of a file (for format sniffing); '' when it cannot be read."""
    try:
        with _open_binary(p) as fh:
            return fh.read(size).decode("utf-8", "replace")
    except (InputError, *STREAM_ERRORS):
        return ""


def parse_json(text: str, p: Path, lineno: int | None) -> Any:
    """``json.loads`` whose failures (syntax, nesting too deep) are located InputErrors."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg})", p, lineno, None, "line") from None
    except RecursionError:
        raise InputError("JSON is nested too deeply", p, lineno, None, "line") from None


def jsonl_records(p: Path, on_bad: OnBad = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line, object)`` per non-blank line of a JSONL file (``.gz`` too); a line that is not a
    JSON object is an InputError naming the file and the line (or goes to ``on_bad``)."""
    for lineno, line in text_lines(p, on_bad):
        if not line.strip():
            continue
        try:
            rec = parse_json(line, p, lineno)
            if not isinstance(rec, dict):
                raise InputError("expected a JSON object", p, lineno, None, "line")
        except InputError as err:
            if on_bad is None:
                raise
            on_bad(err)
            continue
        yield lineno, rec

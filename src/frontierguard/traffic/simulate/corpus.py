"""Prompt corpora: JSONL files (optionally gzipped) whose records hold a prompt.

A record's prompt is its ``prompt``, ``instruction`` or ``question`` field, or the first entry of
``turns``. A record with none of them, or a line that is not JSON, is an error naming the file
and the line; nothing is skipped silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from frontierguard.core.errors import InputError
from frontierguard.traffic.readers import jsonl_records

FIELDS = ("prompt", "instruction", "question", "turns")


def corpus_files(paths: Iterable[Path]) -> list[Path]:
    """Every ``.jsonl`` / ``.jsonl.gz`` file under the given folders (or the files themselves)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.name.endswith((".jsonl", ".jsonl.gz")))
        elif p.is_file():
            out.append(p)
        else:
            raise InputError("prompt corpus not found", p)
    if not out:
        raise InputError("no .jsonl or .jsonl.gz files in the prompt corpus", ", ".join(map(str, paths)))
    return out


def _prompt(record: dict[str, Any], path: Path, line: int) -> str:
    for name in FIELDS:
        value = record.get(name)
        if name == "turns" and isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, str) and value.strip():
            return value.strip()
    raise InputError(
        f"no non-empty prompt field (expected one of: {', '.join(FIELDS)})", path, line, row_kind="line"
    )


def read_file(path: Path) -> list[str]:
    """The prompts of one JSONL file, in file order."""
    try:
        prompts = [_prompt(record, path, line) for line, record in jsonl_records(path)]
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise InputError(f"cannot read file: {exc}", path) from None
    if not prompts:
        raise InputError("file holds no prompts", path)
    return prompts


def load_corpus(paths: Iterable[Path]) -> list[str]:
    """All prompts of every corpus file, files in sorted order."""
    out: list[str] = []
    for f in corpus_files(list(paths)):
        out += read_file(f)
    return out

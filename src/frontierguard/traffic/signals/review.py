"""Score a file of prompts for chain-of-thought elicitation: the rules, and optionally the
embedding signal, side by side -- for an analyst checking what a rule set catches, or a
case's prompts under review.

Input: ``.txt`` (one prompt per line), ``.jsonl`` (one object per line, the prompt in
``field``) or ``.csv`` (a header with ``field``). Blank lines are skipped; anything else that
cannot be read is an :class:`~frontierguard.core.errors.InputError` naming file, line and
field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontierguard.core.datafiles import read_csv_rows
from frontierguard.core.errors import InputError
from frontierguard.traffic.readers import jsonl_records
from frontierguard.traffic.rules import DEFAULT_COT, load_cot_rules
from frontierguard.traffic.signals.cot import classify


@dataclass(frozen=True)
class Prompt:
    line: int
    text: str


def _jsonl_prompt(path: Path, line: int, row: dict[str, Any], field: str) -> Prompt:
    value = row.get(field)
    if not isinstance(value, str):
        raise InputError("expected an object with a text value", path, line, field, "line")
    return Prompt(line, value)


def read_prompts(path: str | Path, field: str = "prompt") -> list[Prompt]:
    """The prompts of a ``.txt``, ``.jsonl`` or ``.csv`` file, with their line numbers."""
    p = Path(path)
    try:
        if p.suffix == ".csv":
            prompts = [Prompt(n, row[field]) for n, row in read_csv_rows(p, [field]) if row[field]]
        elif p.suffix == ".jsonl":
            prompts = [_jsonl_prompt(p, n, row, field) for n, row in jsonl_records(p)]
        else:
            lines = p.read_text(encoding="utf-8").splitlines()
            prompts = [Prompt(n, t) for n, t in enumerate(lines, start=1) if t.strip()]
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read file: {exc}", p) from None
    if not prompts:
        raise InputError("no prompts in file", p)
    return prompts


def score_prompts(path: str | Path, field: str = "prompt", rules: str = DEFAULT_COT,
                  embed: bool = False) -> list[dict[str, Any]]:
    """One dict per prompt: ``line``, ``text``, the rule ``score`` and the ``rules`` that fired;
    with ``embed``, also ``embed_score``, ``embed_group`` and ``embed_exemplar`` (the optional
    ``frontierguard[embed]`` extra; a ConfigError says how to install it when missing)."""
    prompts = read_prompts(path, field)
    texts = [p.text for p in prompts]
    verdicts = classify(texts, load_cot_rules(rules))
    out = [{"line": p.line, "text": p.text, "score": round(v.score, 4), "rules": list(v.rules)}
           for p, v in zip(prompts, verdicts, strict=True)]
    if embed:
        from frontierguard.traffic.signals.embed import CotEmbedder

        for row, e in zip(out, CotEmbedder().classify(texts), strict=True):
            row.update(embed_score=round(e.score, 4), embed_group=e.group,
                       embed_exemplar=e.exemplar)
    return out

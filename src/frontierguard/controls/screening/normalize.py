"""Name normalisation for party screening.

A name becomes a :class:`NormName`: Latin-script, lower-case tokens in their original
order, with legal forms ("Co., Ltd.", "Company Limited", "有限公司") pulled out into a
canonical class, honorifics dropped and particles ("al", "de", "of") kept at low weight.
Transliteration (Cyrillic, Chinese, Arabic, Devanagari, ...) uses ``rigour.text.ascii_text``;
phonetic keys use ``rigour.text.metaphone``. The legal-form and stop-word tables are data
files (``data/legal_forms_v1.yaml``, ``data/stopwords_v1.yaml``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from rigour.text import ascii_text, metaphone

from frontierguard.core.datafiles import LineDict, field, load_yaml, package_data
from frontierguard.core.errors import DataFileError

_PACKAGE = "frontierguard.controls.screening"
_APOSTROPHES = re.compile(r"['’‘`´ʻʼ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
MINOR_WEIGHT = 0.25
MAX_TOKEN_WEIGHT = 10.0


@dataclass(frozen=True)
class WordTables:
    """The legal-form and stop-word tables a normaliser uses."""

    legal_version: str
    stop_version: str
    legal_forms: dict[tuple[str, ...], str]
    max_phrase: int
    drop: frozenset[str]
    minor: frozenset[str]


@dataclass(frozen=True)
class NormName:
    """A name ready for matching: tokens, their weights and phonetic codes."""

    original: str
    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    phonetic: tuple[str, ...]
    legal_forms: tuple[str, ...] = ()

    @property
    def total_weight(self) -> float:
        return sum(self.weights)


def fold(text: str) -> list[str]:
    """Transliterate to ASCII, lower-case, and split into alphanumeric tokens.

    Apostrophes are removed (``Qa'ida`` -> ``qaida``); every other non-alphanumeric
    character separates tokens (``AL-RAWI`` -> ``al rawi``, ``L.L.C.`` -> ``l l c``).
    """
    out: list[str] = []
    for chunk in unicodedata.normalize("NFC", text).split():
        out.extend(_fold_chunk(chunk))
    return out


@lru_cache(maxsize=200_000)
def _fold_chunk(chunk: str) -> tuple[str, ...]:
    latin = chunk if chunk.isascii() else ascii_text(chunk)
    latin = _APOSTROPHES.sub("", latin.lower())
    return tuple(t for t in _NON_ALNUM.split(latin) if t)


def _string_list(mapping: LineDict, key: str) -> list[str]:
    values = field(mapping, key, list)
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise DataFileError("expected a list of non-empty strings", mapping.file, mapping.at(key), key)
    return [str(v) for v in values]


@cache
def load_tables(legal: str = "legal_forms_v1.yaml", stop: str = "stopwords_v1.yaml") -> WordTables:
    """Load the shipped legal-form and stop-word tables (cached)."""
    legal_doc = load_yaml(package_data(_PACKAGE, f"data/{legal}"))
    stop_doc = load_yaml(package_data(_PACKAGE, f"data/{stop}"))
    for doc, name in ((legal_doc, legal), (stop_doc, stop)):
        if not isinstance(doc, LineDict):
            raise DataFileError("expected a mapping at the top level", name, 1)
        field(doc, "source", str)
        field(doc, "effective", object)
    forms: dict[tuple[str, ...], str] = {}
    for entry in field(legal_doc, "forms", list):
        if not isinstance(entry, LineDict):
            raise DataFileError("expected a mapping", legal_doc.file, legal_doc.at("forms"), "forms")
        cls = field(entry, "class", str)
        for variant in _string_list(entry, "variants"):
            key = tuple(fold(variant))
            if not key:
                raise DataFileError(f"variant {variant!r} has no letters", entry.file, entry.line)
            forms[key] = cls
    return WordTables(
        legal_version=field(legal_doc, "version", str),
        stop_version=field(stop_doc, "version", str),
        legal_forms=forms,
        max_phrase=max(len(k) for k in forms),
        drop=frozenset(_string_list(stop_doc, "drop")),
        minor=frozenset(_string_list(stop_doc, "minor")),
    )


def split_legal_forms(tokens: list[str], tables: WordTables) -> tuple[list[str], list[str]]:
    """Remove legal-form phrases (longest match first); return ``(rest, classes)``.

    If the whole name is a legal form, the tokens are kept as they are.
    """
    rest: list[str] = []
    classes: list[str] = []
    i = 0
    while i < len(tokens):
        for size in range(min(tables.max_phrase, len(tokens) - i), 0, -1):
            cls = tables.legal_forms.get(tuple(tokens[i:i + size]))
            if cls is not None:
                classes.append(cls)
                i += size
                break
        else:
            rest.append(tokens[i])
            i += 1
    return (rest, classes) if rest else (tokens, [])


@cache
def number_words() -> dict[int, list[str]]:
    """The shipped table of numbers and their written forms (``data/number_words_v1.yaml``)."""
    return load_number_words(package_data(_PACKAGE, "data/number_words_v1.yaml"))


def load_number_words(path: Path) -> dict[int, list[str]]:
    """A number-words file: ``version``, ``effective``, ``source`` and ``numbers`` (number ->
    its forms separated by ``"; "``); errors name the file, line and field."""
    doc = load_yaml(path)
    if not isinstance(doc, LineDict):
        raise DataFileError("expected a mapping at the top level", path, 1)
    for key in ("version", "source"):
        field(doc, key, str)
    field(doc, "effective", object)
    numbers = field(doc, "numbers", LineDict)
    table: dict[int, list[str]] = {}
    for number, forms in numbers.items():
        if not isinstance(number, int) or isinstance(number, bool) or not isinstance(forms, str):
            raise DataFileError("expected a number and its forms separated by '; '", numbers.file,
                                numbers.line, str(number))
        table[number] = forms.split("; ")
    return table


@cache
def number_phrases() -> dict[tuple[str, ...], str]:
    """Numbers and ordinals written as words or numerals (:func:`number_words`) -> digits.

    ``forty-four``, ``44th`` and ``XLIV`` all become ``44``. One- and two-letter forms
    (``I``, ``V``, ``er``) are left alone: they are far more often initials or particles.
    """
    table: dict[tuple[str, ...], str] = {}
    for number, forms in number_words().items():
        for form in forms:
            key = tuple(fold(form))
            if key and not (len(key) == 1 and key[0].isalpha() and len(key[0]) <= 2):
                table.setdefault(key, str(number))
    return table


def replace_numbers(tokens: list[str]) -> list[str]:
    """Replace number phrases (longest first) by their digits."""
    table = number_phrases()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for size in range(min(3, len(tokens) - i), 0, -1):
            digits = table.get(tuple(tokens[i:i + size]))
            if digits is not None:
                out.append(digits)
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def join_initials(tokens: list[str]) -> list[str]:
    """Runs of two or more single letters are one acronym: ``A.B.C.`` -> ``abc``."""
    out: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        out.extend(["".join(run)] if len(run) > 1 else run)
        run = []
        if token:
            out.append(token)
    return out


def token_weight(token: str, tables: WordTables) -> float:
    """Longer tokens identify more; particles and function words count a quarter."""
    weight = min(float(max(len(token), 2)), MAX_TOKEN_WEIGHT)
    return weight * MINOR_WEIGHT if token in tables.minor else weight


def normalize_name(text: str, tables: WordTables | None = None) -> NormName:
    """Normalise one name for matching (see the module docstring for the rules)."""
    tables = tables or load_tables()
    tokens = [t for t in fold(text) if t not in tables.drop] or fold(text)
    tokens = replace_numbers(join_initials(tokens))
    tokens, legal = split_legal_forms(tokens, tables)
    return NormName(
        original=text,
        tokens=tuple(tokens),
        weights=tuple(token_weight(t, tables) for t in tokens),
        phonetic=tuple(_phonetic(t) for t in tokens),
        legal_forms=tuple(sorted(set(legal))),
    )


@lru_cache(maxsize=200_000)
def _phonetic(token: str) -> str:
    return token if token.isdigit() else metaphone(token)

"""Records shared by the loaders, the indexes and the scorers: listed entries, parties, and
the pair of names an algorithm scores (each algorithm extends :class:`Pair` with its own
alignment)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Generic, TypeVar, overload

from rigour.territories import lookup_territory
from rigour.text.scripts import text_scripts

from frontierguard.controls.screening.normalize import NormName

T = TypeVar("T")


class cached_property(Generic[T]):
    """``functools.cached_property`` without its per-access lock (Python 3.11 takes one on
    every uncached access, a large share of scoring a pair): the value is computed on first
    access and stored in the instance, which then shadows this descriptor."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> cached_property[T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> T | cached_property[T]:
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


SYLLABIC = frozenset({"Han", "Hangul", "Hiragana", "Katakana"})
PER_CHARACTER = frozenset({"Han"})
KINDS = ("person", "organization", "vessel", "aircraft", "unknown")


@dataclass
class ListEntry:
    """One listed party: its primary name, aliases and qualifiers, as published."""

    entry_id: str
    list_name: str
    name: str
    kind: str = "unknown"
    aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    identifiers: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Party:
    """A party to screen: a name and, when known, country, address and identifiers."""

    name: str
    country: str | None = None
    address: str | None = None
    identifiers: tuple[str, ...] = ()
    query_id: str = ""


@lru_cache(maxsize=200_000)
def scripts(text: str) -> frozenset[str]:
    """The scripts ``text`` is written in (rigour; cached: listed names recur in every query)."""
    return frozenset(text_scripts(text))


def per_character(text: str) -> bool:
    """Whether ``text`` is written in Chinese characters only (each romanised as one token)."""
    found = scripts(text)
    return bool(found) and found <= PER_CHARACTER


def country_code(value: str | None) -> str | None:
    """ISO 3166 alpha-2 code (lower-case) for a country name or code, via rigour's territories."""
    if not value or not value.strip():
        return None
    territory = lookup_territory(value.strip())
    return territory.code.split("-")[0] if territory is not None else None


def normalize_identifier(value: str) -> str:
    """Identifiers compare on letters and digits only, upper-case."""
    return "".join(ch for ch in value.upper() if ch.isalnum())


@dataclass
class Pair:
    """A query name against one listed name, with the query's and the entry's qualifiers.

    An algorithm's package subclasses it with the alignment its features share (computed
    once per pair, on first use)."""

    query: NormName
    candidate: NormName
    party: Party
    entry: ListEntry

    @cached_property
    def query_per_character(self) -> bool:
        """The query is written in Chinese characters only: romanised one token per character."""
        return per_character(self.query.original)

    @cached_property
    def candidate_per_character(self) -> bool:
        """The listed name is written in Chinese characters only (one token per character)."""
        return per_character(self.candidate.original)

    @cached_property
    def syllabic(self) -> bool:
        """Both names are written in Chinese, Japanese or Korean script (one token a character)."""
        q, c = scripts(self.query.original), scripts(self.candidate.original)
        return bool(q) and bool(c) and q <= SYLLABIC and c <= SYLLABIC

    @cached_property
    def query_country(self) -> str | None:
        return country_code(self.party.country)

    @cached_property
    def entry_countries(self) -> set[str]:
        codes = (country_code(c) for c in self.entry.countries)
        return {c for c in codes if c}

"""Records shared by the loaders, the index and the scorers."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from rigour._core import text_scripts
from rigour.territories import lookup_territory

from frontierguard.controls.screening import align_v2
from frontierguard.controls.screening.align import Alignment, align
from frontierguard.controls.screening.normalize import NormName

SYLLABIC = frozenset({"Han", "Hangul", "Hiragana", "Katakana"})
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
    """A query name against one listed name, with the query's and the entry's qualifiers."""

    query: NormName
    candidate: NormName
    party: Party
    entry: ListEntry

    @cached_property
    def alignment(self) -> Alignment:
        return align(self.query, self.candidate)

    @cached_property
    def alignment_v2(self) -> Alignment:
        """The ``logic_v2`` alignment (equal tokens only between two syllabic-script names)."""
        return align_v2.align(self.query, self.candidate, self.syllabic)

    @cached_property
    def syllabic(self) -> bool:
        """Both names are written in Chinese, Japanese or Korean script (one token a character)."""
        q, c = text_scripts(self.query.original), text_scripts(self.candidate.original)
        return bool(q) and bool(c) and q <= SYLLABIC and c <= SYLLABIC

    @cached_property
    def query_country(self) -> str | None:
        return country_code(self.party.country)

    @cached_property
    def entry_countries(self) -> set[str]:
        codes = (country_code(c) for c in self.entry.countries)
        return {c for c in codes if c}

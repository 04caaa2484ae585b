"""Country and place words: an organisation name that differs from a listed one by such a
word (``Banco Santander Mexico`` against ``Banco Santander``) usually names another
national subsidiary (``logic_v2``, ``logic_v3``).

The words ship as ``data/territory_words_v1.yaml`` (taken from rigour's territory table,
which has no public accessor for them).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from frontierguard.controls.screening.compare.alignment import Alignment
from frontierguard.controls.screening.model import Pair
from frontierguard.core.datafiles import LineDict, field, load_yaml, package_data
from frontierguard.core.errors import DataFileError

ORGANISATION_KINDS = frozenset({"organization"})
TERRITORY_MIN = 4
WORDS_FILE = "territory_words_v1.yaml"


@cache
def territory_words() -> frozenset[str]:
    """One-word country, territory and place names, lower-case ASCII (the shipped table)."""
    return load_words(package_data("frontierguard.controls.screening", f"data/{WORDS_FILE}"))


def load_words(path: Path) -> frozenset[str]:
    """A territory-words file: ``version``, ``effective``, ``source`` and ``words`` (separated
    by spaces); errors name the file, line and field."""
    doc = load_yaml(path)
    if not isinstance(doc, LineDict):
        raise DataFileError("expected a mapping at the top level", path, 1)
    for key in ("version", "source"):
        field(doc, key, str)
    field(doc, "effective", object)
    words = field(doc, "words", str).split()
    bad = [w for w in words if not (w.isascii() and w.isalnum() and w == w.lower())]
    if bad:
        raise DataFileError(f"not a lower-case ASCII word: {bad[0]!r}", doc.file, doc.at("words"), "words")
    return frozenset(words)


def distinguishing(token: str) -> bool:
    """A country or territory name (four letters or more: shorter ones are particles)."""
    return len(token) >= TERRITORY_MIN and token in territory_words()


def distinct_weight(pair: Pair, al: Alignment) -> tuple[float, list[str]]:
    """Organisations: the weight and words of country names left over on one side of ``al``."""
    if pair.entry.kind not in ORGANISATION_KINDS:
        return 0.0, []
    sides = ((pair.query, al.unmatched_query), (pair.candidate, al.unmatched_candidate))
    found = [(name.tokens[i], name.weights[i]) for name, free in sides for i in free
             if distinguishing(name.tokens[i])]
    return sum(w for _, w in found), [t for t, _ in found]

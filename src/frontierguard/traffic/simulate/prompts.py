"""Prompt banks: built-in templates filled into pools once, plus optional public corpora.

Requests never format strings one by one: a bank holds every body, wrapper and system prompt
once, and a request is three indices (wrapper prefix + body + wrapper suffix) joined per batch
with Arrow string kernels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from string import Formatter

import numpy as np

from frontierguard.core.datafiles import LineDict, field, load_yaml, package_data
from frontierguard.core.errors import DataFileError
from frontierguard.traffic.simulate import checks as ck
from frontierguard.traffic.simulate.scenario import POOLS, SYSTEMS, WRAPPERS

NUMBER_SLOTS = {"n": (2, 1000), "m": (2, 100), "k": (2, 13), "year": (1995, 2026), "pct": (5, 96)}


@dataclass(frozen=True)
class PromptSpec:
    """The template file as loaded (``prompts_v1.yaml``)."""

    slots: dict[str, list[str]]
    pools: dict[str, list[str]]
    wrappers: dict[str, list[tuple[str, str]]]
    systems: dict[str, list[str]]
    file: str


def parse_spec(data: LineDict) -> PromptSpec:
    ck.keys(data, {"source", "effective", "slots", "pools", "wrappers", "system_prompts"})
    ck.date(data, "effective", None)
    field(data, "source", str)
    slots = ck.section(data, "slots", required=True)
    pools = ck.section(data, "pools", required=True)
    wraps = ck.section(data, "wrappers", required=True)
    systems = ck.section(data, "system_prompts", required=True)
    known = set(slots) | set(NUMBER_SLOTS)
    for name in POOLS:
        for tmpl in ck.str_list(pools, name, None):  # type: ignore[arg-type]
            for _, slot, _, _ in Formatter().parse(tmpl):
                if slot is not None and slot not in known:
                    raise DataFileError(f"unknown slot {{{slot}}} in template", pools.file,
                                        pools.at(name), name)
    wrappers: dict[str, list[tuple[str, str]]] = {}
    for fam in WRAPPERS:
        pairs = ck.sequence(wraps, fam)
        if any(
            not isinstance(p, list) or len(p) != 2 or not all(isinstance(x, str) for x in p) for p in pairs
        ):
            raise DataFileError("each wrapper is [prefix, suffix]", wraps.file, pairs.line, fam)
        wrappers[fam] = [(p[0], p[1]) for p in pairs]
    return PromptSpec(
        slots={str(k): ck.str_list(slots, k, None) for k in slots},  # type: ignore[arg-type]
        pools={p: ck.str_list(pools, p, None) for p in POOLS},  # type: ignore[arg-type]
        wrappers=wrappers,
        systems={s: ck.str_list(systems, s, None) for s in SYSTEMS},  # type: ignore[arg-type]
        file=data.file,
    )


@lru_cache(maxsize=1)
def load_spec() -> PromptSpec:
    return parse_spec(load_yaml(package_data("frontierguard.traffic.simulate", "data/prompts_v1.yaml")))


class _Filler(dict[str, str]):
    """Slot values for one fill: words from the slot lists, random numbers for numeric slots."""

    def __init__(self, rng: np.random.Generator, slots: dict[str, list[str]]) -> None:
        super().__init__()
        self.rng, self.slots = rng, slots

    def __missing__(self, key: str) -> str:
        if key in NUMBER_SLOTS:
            lo, hi = NUMBER_SLOTS[key]
            value = str(int(self.rng.integers(lo, hi)))
        else:
            words = self.slots[key]
            value = words[int(self.rng.integers(len(words)))]
        self[key] = value
        return value


def _fills(rng: np.random.Generator, template: str, slots: dict[str, list[str]], count: int) -> list[str]:
    """Distinct fills of one template (a slot-free template has exactly one)."""
    if not any(s for _, s, _, _ in Formatter().parse(template)):
        return [template.replace("{{", "{").replace("}}", "}")]
    return sorted({template.format_map(_Filler(rng, slots)) for _ in range(count)})


@dataclass
class PromptBank:
    """Every prompt body, wrapper and system prompt a simulation can use, by index."""

    bodies: list[str]
    body_len: np.ndarray  # characters per body
    template_start: np.ndarray  # first body of each template
    template_count: np.ndarray  # bodies per template
    pool_templates: dict[str, np.ndarray]
    prefixes: list[str]  # wrapper 0 is the empty wrapper
    suffixes: list[str]
    wrapper_len: np.ndarray
    family_wrappers: dict[str, np.ndarray]
    systems: list[str]
    family_systems: dict[str, np.ndarray]

    def add_pool(self, pool: str, groups: list[list[str]]) -> None:
        """Replace a pool's templates with ``groups`` (each a list of interchangeable bodies)."""
        starts, counts = [], []
        for g in groups:
            starts.append(len(self.bodies))
            counts.append(len(g))
            self.bodies.extend(g)
        base = len(self.template_start)
        self.template_start = np.concatenate([self.template_start, np.array(starts, dtype=np.int64)])
        self.template_count = np.concatenate([self.template_count, np.array(counts, dtype=np.int64)])
        self.pool_templates[pool] = np.arange(base, base + len(groups), dtype=np.int64)
        self.body_len = np.array([len(b) for b in self.bodies], dtype=np.int64)


def build_bank(
    rng: np.random.Generator, fills_per_template: int, corpus: dict[str, list[str]] | None = None
) -> PromptBank:
    """Fill every template; corpus pools (if given) replace the built-in pools they cover."""
    spec = load_spec()
    prefixes, suffixes = [""], [""]
    fam_w: dict[str, np.ndarray] = {}
    for fam, pairs in spec.wrappers.items():
        ids = []
        for pre, suf in pairs:
            for p2, s2 in zip(_fills(rng, pre, spec.slots, 8), _fills(rng, suf, spec.slots, 8), strict=False):
                ids.append(len(prefixes))
                prefixes.append(p2)
                suffixes.append(s2)
        fam_w[fam] = np.array(ids, dtype=np.int64)
    systems: list[str] = []
    fam_s: dict[str, np.ndarray] = {}
    for fam, texts in spec.systems.items():
        fam_s[fam] = np.arange(len(systems), len(systems) + len(texts), dtype=np.int64)
        systems.extend(texts)
    bank = PromptBank(
        [],
        np.empty(0, np.int64),
        np.empty(0, np.int64),
        np.empty(0, np.int64),
        {},
        prefixes,
        suffixes,
        np.array([len(p) + len(s) for p, s in zip(prefixes, suffixes, strict=True)]),
        fam_w,
        systems,
        fam_s,
    )
    for pool, templates in spec.pools.items():
        if corpus and len(corpus.get(pool, [])) >= 20:
            bank.add_pool(pool, [corpus[pool]])
        else:
            bank.add_pool(pool, [_fills(rng, t, spec.slots, fills_per_template) for t in templates])
    return bank


_CATEGORY_RULES = (
    (
        "coding",
        re.compile(
            r"(?i)(```|\bdef \w+\(|\bfunction\b|\bpython\b|\bjavascript\b|\bsql\b|"
            r"\bcode\b|\bprogram\b|\bscript\b|\balgorithm\b|\bregex\b|\bimport \w+)"
        ),
    ),
    (
        "math",
        re.compile(
            r"(?i)(\bsolve\b|\bequation\b|\bprobability\b|\bintegral\b|\bprove\b|"
            r"\d+.*\b(how many|how much|total|percent|cost|price|each|per)\b)"
        ),
    ),
    ("creative", re.compile(r"(?i)\b(poem|story|haiku|limerick|lyrics|song|fiction|sonnet)\b")),
)


def categorise(prompts: list[str]) -> dict[str, list[str]]:
    """Sort corpus prompts into pools by simple keyword rules (first rule that matches)."""
    out: dict[str, list[str]] = {}
    for p in prompts:
        pool = next((name for name, rx in _CATEGORY_RULES if rx.search(p)), "chat")
        out.setdefault(pool, []).append(p)
    return out

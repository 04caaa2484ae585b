"""Assembling one population's events: account attributes broadcast to their requests."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from corpus import Corpus


@dataclass(frozen=True)
class Ctx:
    """What every population generator needs."""

    rng: np.random.Generator
    corpus: Corpus
    t0: int  # ms
    days: int
    release_ms: int  # when NEW_MODEL was released
    models: tuple[str, ...] = ("atlas-3", "atlas-3-mini", "atlas-2")
    new_model: str = "atlas-4"


@dataclass
class Block:
    """Per-account attributes (``acct``) and per-event columns (``ev``, with ``acc`` index)."""

    population: str
    campaign: str
    acct: dict[str, object]
    ev: dict[str, object] = field(default_factory=dict)


def strs(prefix: str, values: np.ndarray) -> pa.Array:
    """``prefix`` followed by each integer."""
    return pc.binary_join_element_wise(prefix, pc.cast(pa.array(values), pa.string()), "")


def ipv4(a: np.ndarray | int, b: np.ndarray | int, c: np.ndarray | int,
         d: np.ndarray | int, n: int) -> pa.Array:
    parts = [pc.cast(pa.array(np.broadcast_to(x, n).astype(np.int64)), pa.string())
             for x in (a, b, c, d)]
    return pc.binary_join_element_wise(*parts, ".")


def pick(rng: np.random.Generator, options: pa.Array | list[str], n: int,
         p: list[float] | None = None) -> pa.Array:
    arr = options if isinstance(options, pa.Array) else pa.array(options)
    return arr.take(pa.array(rng.choice(len(arr), n, p=p)))


def join(*parts: pa.Array | str) -> pa.Array:
    return pc.binary_join_element_wise(*parts, "")


def hexes(rng: np.random.Generator, n: int, pool: int, prefix: str) -> pa.Array:
    """``n`` draws from a pool of ``pool`` opaque fingerprints of this block's own (a random
    base, so the pools of different campaigns do not share values by construction)."""
    base = int(rng.integers(10**9, 10**12))
    return strs(prefix, (base + rng.integers(0, pool, n)) * 7919 % 1_000_000_000_039)


def to_table(block: Block, n_events: int) -> pa.Table:
    """Broadcast account attributes to events and return the block as an Arrow table."""
    acc = pa.array(block.ev["acc"])
    cols: dict[str, object] = {}
    for name, values in block.acct.items():
        if name not in block.ev and not name.startswith("_"):
            cols[name] = pa.array(values).take(acc) if not isinstance(values, pa.Array) \
                else values.take(acc)
    for name, values in block.ev.items():
        if name != "acc":
            cols[name] = values
    assert all(len(v) == n_events for v in cols.values()), block.population  # type: ignore[arg-type]
    return pa.table(cols)

"""Held-out API traffic with labelled distillation campaigns, written independently of the
product's simulator (different generators, behaviours and prompt material).

Usage: python benchmarks/heldout/generate.py --out DIR [--accounts 3000] [--benign-accounts N]
       [--days 14] [--seed 7]
Writes DIR/events.parquet (EVENT_SCHEMA columns), DIR/labels.csv, DIR/releases.csv.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from attacks import ATTACKS
from benign import BENIGN
from blocks import Block, Ctx, to_table
from timing import DAY, HOUR

from frontierguard.traffic.schema import EVENT_SCHEMA

T0 = int(datetime(2026, 3, 2, tzinfo=UTC).timestamp() * 1000)
ATTACK_SHARE = 420 / 3000


def _blocks(ctx: Ctx, accounts: int, benign_accounts: int | None) -> list[Block]:
    n_attack = round(accounts * ATTACK_SHARE)
    n_benign = benign_accounts if benign_accounts is not None else accounts - n_attack
    out: list[Block] = []
    for fn, share in BENIGN.values():
        out.append(fn(ctx, max(2, round(n_benign * share))))
    scale = n_attack / sum(n for _, n in ATTACKS.values())
    attack_fn: Callable[[Ctx, int, str], Block]
    for name, (attack_fn, size) in ATTACKS.items():
        out.append(attack_fn(ctx, max(3, round(size * scale)), f"ho-{name}"))
    return out


def generate(out: Path, accounts: int, benign_accounts: int | None, days: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    release = T0 + (days // 2) * DAY + 17 * HOUR
    ctx = Ctx(rng, corpus.load(), T0, days, release)
    blocks = _blocks(ctx, accounts, benign_accounts)
    n_total = sum(len(b.acct["account_id"]) for b in blocks)  # type: ignore[arg-type]
    neutral = rng.permutation(n_total) * 7 + 1_000_003
    tables, labels, offset = [], [], 0
    for b in blocks:
        n = len(b.acct["account_id"])  # type: ignore[arg-type]
        ids = pa.array([f"acct_{v:x}" for v in neutral[offset:offset + n]])
        offset += n
        b.acct["account_id"] = ids
        active = np.bincount(np.asarray(b.ev["acc"]), minlength=n) > 0
        labels += [(a, b.campaign, b.population)
                   for a, on in zip(ids.to_pylist(), active.tolist(), strict=True) if on]
        tables.append(to_table(b, len(b.ev["acc"])))  # type: ignore[arg-type]
    table = pa.concat_tables(tables, promote_options="permissive")
    table = _finish(table, rng)
    out.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, out / "events.parquet", row_group_size=100_000)
    with (out / "labels.csv").open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["account_id", "campaign", "population"])
        w.writerows(labels)
    with (out / "releases.csv").open("w", newline="") as fh:
        fh.write("model,released_at\n")
        fh.write(f"atlas-2,{datetime.fromtimestamp((T0 - 400 * DAY) / 1000, UTC).isoformat()}\n")
        fh.write(f"atlas-3,{datetime.fromtimestamp((T0 - 90 * DAY) / 1000, UTC).isoformat()}\n")
        fh.write(f"atlas-4,{datetime.fromtimestamp(release / 1000, UTC).isoformat()}\n")
    n_attack = sum(1 for _, c, _ in labels if c)
    print(f"wrote {table.num_rows} events, {len(labels)} accounts ({n_attack} attacking) to {out}")


def _finish(table: pa.Table, rng: np.random.Generator) -> pa.Table:
    """Sort by time, clip to the window, add request ids and endpoint, cast to EVENT_SCHEMA."""
    ts = table["ts"].to_numpy()
    order = np.argsort(ts, kind="stable")
    table = table.take(pa.array(order))
    n = table.num_rows
    cols = {}
    for f in EVENT_SCHEMA:
        if f.name == "ts":
            cols[f.name] = pc.cast(table["ts"], pa.timestamp("ms", tz="UTC"))
        elif f.name == "request_id":
            cols[f.name] = pa.array([f"req_{i:08x}" for i in rng.permutation(n)])
        elif f.name == "endpoint":
            cols[f.name] = pa.array(["/v1/messages"] * n)
        elif f.name in table.column_names:
            cols[f.name] = pc.cast(table[f.name], f.type)
        else:
            cols[f.name] = pa.nulls(n, f.type)
    return pa.table(cols, schema=EVENT_SCHEMA)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--accounts", type=int, default=3000)
    ap.add_argument("--benign-accounts", type=int, default=None,
                    help="benign accounts (default: the accounts not attacking)")
    ap.add_argument("--days", type=int, default=14)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    generate(a.out, a.accounts, a.benign_accounts, a.days, a.seed)


if __name__ == "__main__":
    main()

"""Writing a simulation: ``events.parquet`` in row groups, ``labels.csv``, ``releases.csv``."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from frontierguard.traffic.schema import EVENT_SCHEMA, TS
from frontierguard.traffic.simulate.generate import STOP_REASONS, Events
from frontierguard.traffic.simulate.infra import Client, IpTable
from frontierguard.traffic.simulate.prompts import PromptBank


@dataclass
class Accounts:
    """Per-account columns (index = global account index)."""

    account_id: list[str]
    org_id: list[str]
    api_key_id: list[str]
    card: list[str]
    client: np.ndarray
    signup: list[str]
    created_ms: np.ndarray
    endpoint: list[str]
    campaign: list[str]
    population: list[str]


@dataclass
class Lookups:
    """Arrow arrays that per-request indices are taken from."""

    account_id: pa.Array
    org_id: pa.Array
    api_key_id: pa.Array
    card: pa.Array
    user_agent: pa.Array  # by client index
    tls: pa.Array
    signup: pa.Array
    created: pa.Array
    endpoint: pa.Array
    ip: pa.Array
    asn: pa.Array
    asn_type: pa.Array
    country: pa.Array
    model: pa.Array
    bodies: pa.Array
    prefixes: pa.Array
    suffixes: pa.Array
    systems: pa.Array
    stop: pa.Array


def lookups(
    acc: Accounts, clients: list[Client], ips: IpTable, bank: PromptBank, models: tuple[str, ...]
) -> Lookups:
    return Lookups(
        account_id=pa.array(acc.account_id),
        org_id=pa.array(acc.org_id),
        api_key_id=pa.array(acc.api_key_id),
        card=pa.array(acc.card),
        user_agent=pa.array([c.user_agent for c in clients]),
        tls=pa.array([c.tls for c in clients]),
        signup=pa.array(acc.signup),
        created=pa.array(acc.created_ms, type=pa.int64()).cast(TS),
        endpoint=pa.array(acc.endpoint),
        ip=pa.array(ips.ip),
        asn=pa.array(ips.asn, type=pa.int64()),
        asn_type=pa.array(ips.asn_type),
        country=pa.array(ips.country),
        model=pa.array(models),
        bodies=pa.array(bank.bodies),
        prefixes=pa.array(bank.prefixes),
        suffixes=pa.array(bank.suffixes),
        systems=pa.array([s or None for s in bank.systems], type=pa.string()),
        stop=pa.array(STOP_REASONS),
    )


def _chunk(ev: Events, sl: np.ndarray, first_row: int, run_id: str, lk: Lookups) -> pa.Table:
    acct = pa.array(ev["acct"][sl])
    client = pa.array(ev["client"][sl])
    ip = pa.array(ev["ip"][sl])
    wrapper = pa.array(ev["wrapper"][sl])
    rows = pa.array(np.arange(first_row, first_row + len(sl))).cast(pa.string())
    request_id = pc.binary_join_element_wise(run_id, pc.utf8_lpad(rows, width=9, padding="0"), "")
    prompt = pc.binary_join_element_wise(
        lk.prefixes.take(wrapper), lk.bodies.take(pa.array(ev["body"][sl])), lk.suffixes.take(wrapper), ""
    )
    cols = {
        "ts": pa.array(ev["ts"][sl], type=pa.int64()).cast(TS),
        "account_id": lk.account_id.take(acct),
        "model": lk.model.take(pa.array(ev["model"][sl])),
        "request_id": request_id,
        "org_id": lk.org_id.take(acct),
        "api_key_id": lk.api_key_id.take(acct),
        "ip": lk.ip.take(ip),
        "asn": lk.asn.take(ip),
        "asn_type": lk.asn_type.take(ip),
        "country": lk.country.take(ip),
        "user_agent": lk.user_agent.take(client),
        "tls_fingerprint": lk.tls.take(client),
        "payment_fingerprint": lk.card.take(acct),
        "account_created": lk.created.take(acct),
        "signup_channel": lk.signup.take(acct),
        "endpoint": lk.endpoint.take(acct),
        "prompt": prompt,
        "system_prompt": lk.systems.take(pa.array(ev["system"][sl])),
        "turns": ev["turns"][sl],
        "max_tokens": ev["max_tokens"][sl],
        "temperature": ev["temperature"][sl],
        "thinking": ev["thinking"][sl],
        "tools": ev["tools"][sl],
        "input_tokens": ev["input_tokens"][sl],
        "output_tokens": ev["output_tokens"][sl],
        "reasoning_tokens": ev["reasoning_tokens"][sl],
        "stop_reason": lk.stop.take(pa.array(ev["stop"][sl])),
        "refused": ev["refused"][sl],
    }
    arrays = [
        pa.array(cols[f.name]).cast(f.type)
        if isinstance(cols[f.name], np.ndarray)
        else cols[f.name].cast(f.type)
        for f in EVENT_SCHEMA
    ]
    return pa.Table.from_arrays(arrays, schema=EVENT_SCHEMA)


def write_events(
    path: Path,
    ev: Events,
    order: np.ndarray,
    run_id: str,
    lk: Lookups,
    row_group: int,
    advance: Callable[[float], None],
) -> None:
    """Write requests in ``order`` (time order) as row groups of ``row_group`` rows."""
    tmp = path.with_suffix(".parquet.tmp")
    with pq.ParquetWriter(tmp, EVENT_SCHEMA, compression="zstd") as writer:
        for start in range(0, len(order), row_group):
            sl = order[start : start + row_group]
            writer.write_table(_chunk(ev, sl, start, run_id, lk), row_group_size=row_group)
            advance(len(sl))
    tmp.replace(path)


def write_labels(path: Path, acc: Accounts) -> None:
    """One row per account, sorted by id; ``campaign`` is empty for benign accounts."""
    rows = sorted(zip(acc.account_id, acc.campaign, acc.population, strict=True))
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["account_id", "campaign", "population"])
        w.writerows(rows)


def write_releases(path: Path, models: tuple[str, ...], released_ms: tuple[int, ...]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["model", "released_at"])
        for name, ms in sorted(zip(models, released_ms, strict=True), key=lambda x: x[1]):
            when = dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC)
            w.writerow([name, when.strftime("%Y-%m-%dT%H:%M:%SZ")])

"""``simulate``: a labelled traffic sample from a scenario, deterministic for a seed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from frontierguard.core import settings
from frontierguard.core.errors import ConfigError, InputError
from frontierguard.traffic.simulate import infra as infra_mod
from frontierguard.traffic.simulate import output, prompts, timing
from frontierguard.traffic.simulate.corpus import load_corpus
from frontierguard.traffic.simulate.generate import Context, Events, group_events
from frontierguard.traffic.simulate.scenario import Group, Scenario, load

ROW_GROUP = settings.Setting(
    "simulate_row_group",
    int,
    131_072,
    "Rows per Parquet row group written by the simulator (bounds memory while writing).",
    "traffic",
)
TEMPLATE_FILLS = settings.Setting(
    "simulate_template_fills",
    int,
    400,
    "Slot fillings drawn per built-in prompt template (distinct bodies per template).",
    "traffic",
)
SETTINGS = [ROW_GROUP, TEMPLATE_FILLS]
settings.register(SETTINGS)


@dataclass
class SimulationResult:
    """What was written, and how much of each group."""

    out: Path
    scenario: str
    seed: int
    accounts: int
    events: int
    start: dt.date
    days: int
    groups: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "out": str(self.out),
            "scenario": self.scenario,
            "seed": self.seed,
            "accounts": self.accounts,
            "events": self.events,
            "start": self.start.isoformat(),
            "days": self.days,
            "groups": self.groups,
        }


def group_sizes(groups: Sequence[Group], accounts: int) -> list[int]:
    """Accounts per group: shares by largest remainder, each raised to its ``min_accounts``."""
    share = np.array([g.share for g in groups])
    exact = accounts * share / share.sum()
    sizes = np.floor(exact).astype(int)
    rest = accounts - sizes.sum()
    sizes[np.argsort(-(exact - sizes), kind="stable")[:rest]] += 1
    for i, g in enumerate(groups):
        if g.share > 0 and sizes[i] < g.min_accounts:
            sizes[i] = g.min_accounts
    while sizes.sum() > accounts:
        biggest = int(np.argmax(sizes - np.array([g.min_accounts for g in groups])))
        if sizes[biggest] <= groups[biggest].min_accounts:
            raise ConfigError(f"{accounts} accounts cannot hold every group's min_accounts")
        sizes[biggest] -= 1
    return [int(s) for s in sizes]


def _hex_ids(rng: np.random.Generator, prefix: str, n: int, digits: int = 12) -> list[str]:
    values = np.unique(rng.integers(0, min(16**digits, 2**63 - 1), n + 64, dtype=np.int64))
    values = rng.permutation(values)[:n]
    if len(values) < n:
        raise ConfigError("identifier space exhausted")
    return [f"{prefix}{v:0{digits}x}" for v in values]


def _endpoint(client: infra_mod.Client, system_family: str) -> str:
    if system_family == "batch":
        return "/v1/messages/batches"
    if client.family == "router" or "OpenAI" in client.user_agent:
        return "/v1/chat/completions"
    return "/v1/messages"


def _prepare(
    scenario: str | Path, accounts: int | None, days: int | None, seed: int, start: dt.date | None
) -> tuple[Scenario, int]:
    """The scenario resized to the requested window, and the number of accounts."""
    sc: Scenario = load(scenario, set(infra_mod.load_infra().utc_offsets))
    n_accounts = accounts if accounts is not None else sc.accounts
    n_days = days if days is not None else sc.days
    if n_accounts < 1 or n_days < 1 or seed < 0:
        raise ConfigError("accounts and days must be at least 1 and the seed not negative")
    # releases inside the window keep their relative position when the window length changes
    models = tuple(
        replace(m, released=m.released * n_days / sc.days) if m.released >= 0 else m for m in sc.models
    )
    return replace(sc, days=n_days, start=start or sc.start, models=models), n_accounts


@dataclass
class _Collected:
    """Requests and per-account columns of every group generated so far."""

    clients: list[infra_mod.Client]
    ips: infra_mod.IpTable = field(default_factory=infra_mod.IpTable)
    extra: list[infra_mod.Client] = field(default_factory=list)
    parts: list[Events] = field(default_factory=list)
    per: dict[str, list[Any]] = field(
        default_factory=lambda: {
            k: []
            for k in ("org", "card", "client", "signup", "created", "endpoint", "campaign", "population")
        }
    )
    summary: list[dict[str, Any]] = field(default_factory=list)
    first: int = 0
    org_base: int = 0

    def add_group(self, rng: np.random.Generator, ctx: Context, g: Group, size: int, seed: int) -> None:
        acc = infra_mod.assign(
            rng,
            infra_mod.load_infra(),
            g.infra,
            size,
            self.ips,
            ctx.start_ms,
            self.extra,
            f"{seed}:{g.name}",
            g.timing.timezone,
            ctx.days,
            g.timing.lifetime_days,
        )
        ev = group_events(rng, ctx, g, size, self.first, acc)
        self.parts.append(ev)
        table = self.clients + self.extra
        self.per["org"] += list(acc.org + self.org_base)
        self.per["card"] += [f"{g.name}:{c}" for c in acc.card]
        self.per["client"] += list(acc.client)
        self.per["signup"] += [acc.signups[s] for s in acc.signup]
        self.per["created"] += list(acc.created_ms)
        self.per["endpoint"] += [_endpoint(table[c], g.requests.system) for c in acc.client]
        self.per["campaign"] += [g.name if g.campaign else ""] * size
        self.per["population"] += [g.kind] * size
        self.summary.append(
            {"name": g.name, "campaign": g.campaign, "accounts": size, "events": len(ev["ts"])}
        )
        self.first += size
        self.org_base += int(acc.org.max()) + 1 if size else 0

    def accounts(self, rng: np.random.Generator) -> output.Accounts:
        """Per-account columns with random identifiers (nothing in an id reveals its group)."""
        per, n = self.per, self.first
        orgs = _hex_ids(rng, "org_", int(max(per["org"], default=0)) + 1, 10)
        names = sorted(set(per["card"]))
        cards = dict(zip(names, (f"pm_{h}" for h in _hex_ids(rng, "", len(names), 16)), strict=True))
        return output.Accounts(
            account_id=_hex_ids(rng, "acct_", n),
            org_id=[orgs[o] for o in per["org"]],
            api_key_id=_hex_ids(rng, "key_", n),
            card=[cards[c] for c in per["card"]],
            client=np.array(per["client"], dtype=np.int64),
            signup=per["signup"],
            created_ms=np.array(per["created"], dtype=np.int64),
            endpoint=per["endpoint"],
            campaign=per["campaign"],
            population=per["population"],
        )


def simulate(
    out: str | Path,
    *,
    scenario: str | Path = "default",
    accounts: int | None = None,
    days: int | None = None,
    seed: int = 0,
    start: dt.date | None = None,
    corpus: Sequence[Path] = (),
    overrides: dict[str, Any] | None = None,
    progress: Callable[[float], None] = lambda n: None,
) -> SimulationResult:
    """Simulate labelled API traffic into ``out``: events.parquet, labels.csv, releases.csv."""
    conf = settings.resolve(SETTINGS, overrides)
    sc, n_accounts = _prepare(scenario, accounts, days, seed, start)
    bank_seq, id_seq, *group_seqs = np.random.SeedSequence(seed).spawn(2 + len(sc.groups))
    corpus_pools = prompts.categorise(load_corpus(corpus)) if corpus else None
    bank = prompts.build_bank(np.random.default_rng(bank_seq), conf["simulate_template_fills"], corpus_pools)
    start_ms = timing.epoch_ms(sc.start)
    released = tuple(start_ms + round(m.released * timing.DAY_MS) for m in sc.models)
    ctx = Context(sc, bank, start_ms, sc.days, tuple(m.name for m in sc.models), released)
    got = _Collected(list(infra_mod.load_infra().clients))
    for g, size, seq in zip(sc.groups, group_sizes(sc.groups, n_accounts), group_seqs, strict=True):
        got.add_group(np.random.default_rng(seq), ctx, g, size, seed)
    ev = {k: np.concatenate([p[k] for p in got.parts]) for k in got.parts[0]}
    acc = got.accounts(np.random.default_rng(id_seq))
    target = Path(out)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the output folder: {exc.strerror}", target) from None
    order = np.lexsort((ev["acct"], ev["ts"]))
    lk = output.lookups(acc, got.clients + got.extra, got.ips, bank, ctx.model_names)
    output.write_events(
        target / "events.parquet", ev, order, f"req_{seed:x}_", lk, conf["simulate_row_group"], progress
    )
    output.write_labels(target / "labels.csv", acc)
    output.write_releases(target / "releases.csv", ctx.model_names, ctx.released_ms)
    return SimulationResult(
        target, sc.name, seed, len(acc.account_id), len(order), sc.start, sc.days, got.summary
    )

"""Requests of one group (a benign population or a campaign) as numpy arrays.

Everything here is vectorised over the group's requests: timestamps come from
:mod:`timing`, then each column is drawn for all requests at once. Strings are only
indices into the prompt bank and the account tables until the output stage.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from frontierguard.traffic.simulate import timing
from frontierguard.traffic.simulate.infra import AccountInfra
from frontierguard.traffic.simulate.prompts import PromptBank
from frontierguard.traffic.simulate.scenario import POOLS, WRAPPERS, Group, Scenario

STOP_REASONS = ("end_turn", "max_tokens", "tool_use", "refusal")
OUTPUT_MEDIAN = {
    "math": 420,
    "logic": 380,
    "coding": 700,
    "agentic": 450,
    "computer_use": 220,
    "creative": 520,
    "chat": 260,
    "safety_probe": 160,
    "extraction": 90,
}
WRAPPER_OUTPUT = {
    "step": 1.4,
    "eval_format": 1.3,
    "harvest": 2.6,
    "rubric": 1.8,
    "safe_rewrite": 2.0,
    "recall": 2.2,
    "paraphrase": 2.0,
}
REASONING_POOLS = ("math", "logic")
Events = dict[str, np.ndarray]


@dataclass(frozen=True)
class Context:
    """What every group's generation shares."""

    scenario: Scenario
    bank: PromptBank
    start_ms: int
    days: int
    model_names: tuple[str, ...]
    released_ms: tuple[int, ...]


def _choose(
    rng: np.random.Generator, weights: dict[str, float], names: tuple[str, ...], size: int
) -> np.ndarray:
    w = np.array([weights.get(n, 0.0) for n in names])
    out: np.ndarray = rng.choice(len(names), size=size, p=w / w.sum())
    return out


def personal_choice(
    rng: np.random.Generator,
    weights: dict[str, float],
    names: tuple[str, ...],
    acct: np.ndarray,
    n: int,
    concentration: float,
) -> np.ndarray:
    """Draw per request from each account's own mix, itself drawn around the group's mix.

    A Dirichlet with the given concentration: high values give every account the group's mix,
    low values give each account a few favourite kinds of request.
    """
    w = np.array([weights.get(x, 0.0) for x in names])
    w = w / w.sum()
    shape = w * concentration
    draws = rng.gamma(np.where(shape > 0, shape, 1.0), size=(n, len(names))) * (shape > 0)
    totals = draws.sum(axis=1, keepdims=True)
    rows = np.where(totals > 0, draws / np.where(totals > 0, totals, 1.0), w)
    cum = np.cumsum(rows, axis=1)[acct]
    u = rng.random(len(acct))[:, None]
    picked: np.ndarray = np.minimum((u > cum).sum(axis=1), len(names) - 1)
    return picked


def account_rates(rng: np.random.Generator, p: float, concentration: float, n: int) -> np.ndarray:
    """Per-account probabilities with mean ``p`` (a Beta; habits differ between accounts)."""
    if p <= 0 or p >= 1:
        return np.full(n, p)
    rates: np.ndarray = rng.beta(p * concentration, (1 - p) * concentration, n)
    return rates


def habit(
    rng: np.random.Generator, weights: dict[int, float], acct: np.ndarray, n: int, stick: float = 0.75
) -> np.ndarray:
    """A per-account usual value (hard-coded in a client) that requests keep most of the time."""
    usual = _pick_int(rng, weights, n)[acct]
    other = _pick_int(rng, weights, len(acct))
    chosen: np.ndarray = np.where(rng.random(len(acct)) < stick, usual, other)
    return chosen


def restricted(
    rng: np.random.Generator, options: np.ndarray, mode: str, k: int, acct: np.ndarray, n_accounts: int
) -> np.ndarray:
    """Pick from ``options`` per request: freely, from a campaign's k, or from each account's k."""
    if mode == "all" or len(options) <= 1:
        return options[rng.integers(0, len(options), len(acct))]
    if mode == "campaign":
        sub: np.ndarray = rng.choice(options, size=min(k, len(options)), replace=False)
        picked: np.ndarray = sub[rng.integers(0, len(sub), len(acct))]
        return picked
    table = options[rng.integers(0, len(options), (n_accounts, k))]
    per_account: np.ndarray = table[acct, rng.integers(0, k, len(acct))]
    return per_account


def _models(rng: np.random.Generator, ctx: Context, g: Group, ts: np.ndarray) -> np.ndarray:
    models = ctx.scenario.models
    base = {m.name: m.share for m in models if m.released < 0}
    out = _choose(rng, base, ctx.model_names, len(ts))
    for i, m in enumerate(models):
        if not 0 <= m.released < ctx.days:
            continue
        r = ctx.released_ms[i]
        u = rng.random(len(ts))
        first = (ts >= r) & (ts < r + timing.DAY_MS) & (u < g.adoption.first_day)
        later = (ts >= r + timing.DAY_MS) & (u < g.adoption.after)
        out[first | later] = i
    return out.astype(np.int16)


def _timestamps(
    rng: np.random.Generator, ctx: Context, g: Group, n: int, infra: AccountInfra
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Timestamps, accounts, session positions and models, including post-release runs."""
    act = timing.activity(rng, n, g.timing.spread)
    profile = np.array(ctx.scenario.hour_profiles[g.timing.profile])
    acct, ts, pos = timing.generate(
        rng, g.timing, act, ctx.scenario.start, ctx.days, infra.utc_offset, profile
    )
    model = _models(rng, ctx, g, ts)
    parts = [(acct, ts, pos, model)]
    if g.adoption.release_burst:
        for i, m in enumerate(ctx.scenario.models):
            if 0 <= m.released < ctx.days:
                a2, t2, p2 = timing.release_burst(
                    rng, act, g.adoption.release_burst, ctx.released_ms[i], g.adoption.burst_hours
                )
                parts.append((a2, t2, p2, np.full(len(a2), i, dtype=np.int16)))
    end = ctx.start_ms + ctx.days * timing.DAY_MS
    a, t, p, mo = (np.concatenate([x[j] for x in parts]) for j in range(4))
    keep = (t < end) & (t > infra.created_ms[a])
    if g.timing.lifetime_days is not None:
        # hydra accounts: active from shortly after creation for a limited lifetime only
        active = infra.created_ms + rng.exponential(6 * timing.HOUR_MS, n).astype(np.int64)
        keep &= (t >= active[a]) & (t < active[a] + int(g.timing.lifetime_days * timing.DAY_MS))
    return a[keep], t[keep], p[keep], mo[keep]


def _prompts(
    rng: np.random.Generator, ctx: Context, g: Group, acct: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pool, body and wrapper per request (cover traffic uses ordinary prompts, no wrapper)."""
    r, bank, size = g.requests, ctx.bank, len(acct)
    cover = rng.random(size) < r.cover_share
    pool = personal_choice(rng, r.mix, POOLS, acct, n, r.concentration)
    pool[cover] = _choose(rng, r.cover_mix, POOLS, int(cover.sum()))
    template = np.empty(size, dtype=np.int64)
    for pi, name in enumerate(POOLS):
        mask = pool == pi
        if mask.any():
            mode = np.where(cover[mask], 0, 1)
            picked = restricted(rng, bank.pool_templates[name], r.templates, r.templates_k, acct[mask], n)
            free = bank.pool_templates[name][rng.integers(0, len(bank.pool_templates[name]), mask.sum())]
            template[mask] = np.where(mode == 1, picked, free)
    body = bank.template_start[template] + (rng.random(size) * bank.template_count[template]).astype(np.int64)
    wrapper = np.zeros(size, dtype=np.int64)
    total = sum(r.wrappers.values())
    if total > 0:
        wrapped = (rng.random(size) < account_rates(rng, total, r.concentration, n)[acct]) & ~cover
        fam = _choose(rng, r.wrappers, WRAPPERS, size)
        for fi, name in enumerate(WRAPPERS):
            mask = wrapped & (fam == fi)
            if mask.any():
                wrapper[mask] = restricted(
                    rng, bank.family_wrappers[name], r.templates, r.templates_k, acct[mask], n
                )
    return pool, body, wrapper


def _turns(rng: np.random.Generator, g: Group, pos: np.ndarray) -> np.ndarray:
    if g.requests.turns == "session":
        grown: np.ndarray = np.minimum(pos + 1, 60).astype(np.int32)
        return grown
    if g.requests.turns == "single":
        return np.ones(len(pos), dtype=np.int32)
    multi = rng.random(len(pos)) < g.requests.multi_turn
    return np.where(multi, 1 + rng.geometric(0.3, len(pos)), 1).astype(np.int32)


def _pick_int(rng: np.random.Generator, weights: dict[int, float], size: int) -> np.ndarray:
    values = np.array(list(weights), dtype=np.int32)
    w = np.array(list(weights.values()))
    out: np.ndarray = values[rng.choice(len(values), size=size, p=w / w.sum())]
    return out


def _usage(rng: np.random.Generator, ctx: Context, g: Group, ev: Events) -> None:
    """Token counts, stop reasons and refusals, consistent with the request parameters."""
    size = len(ev["ts"])
    pool, wrapper = ev["pool"], ev["wrapper"]
    fam_of = np.zeros(len(ctx.bank.prefixes))
    for name, ids in ctx.bank.family_wrappers.items():
        fam_of[ids] = WRAPPER_OUTPUT[name]
    median = np.array([OUTPUT_MEDIAN[p] for p in POOLS])[pool] * g.requests.output_scale
    median = median * np.where(wrapper > 0, fam_of[wrapper], 1.0)
    out = rng.lognormal(np.log(median), 0.7)
    refused = rng.random(size) < np.where(pool == POOLS.index("safety_probe"), 0.55, 0.003)
    out = np.where(refused, rng.lognormal(np.log(60), 0.4, size), out)
    capped = out >= ev["max_tokens"]
    stop = np.where(capped, 1, np.where((ev["tools"] > 0) & (rng.random(size) < 0.5), 2, 0))
    ev["stop"] = np.where(refused, 3, stop).astype(np.int8)
    ev["output_tokens"] = np.minimum(out, ev["max_tokens"]).astype(np.int32) + 1
    reasoning_scale = np.where(np.isin(pool, [POOLS.index(p) for p in REASONING_POOLS]), 1800, 900)
    reasoning = rng.lognormal(np.log(reasoning_scale), 0.8)
    ev["reasoning_tokens"] = np.where(ev["thinking"], reasoning, 0).astype(np.int32)
    chars = ctx.bank.body_len[ev["body"]] + ctx.bank.wrapper_len[wrapper]
    ev["input_tokens"] = (chars / 4 + (ev["turns"] - 1) * 350 + ev["tools"] * 180 + 20).astype(np.int32)
    ev["refused"] = refused


def _ips(rng: np.random.Generator, infra: AccountInfra, acct: np.ndarray) -> np.ndarray:
    if len(infra.pool):
        return infra.pool[rng.integers(0, len(infra.pool), len(acct))]
    width = infra.ips.shape[1]
    w = 0.55 ** np.arange(width)  # the primary address carries most traffic
    out: np.ndarray = infra.ips[acct, rng.choice(width, size=len(acct), p=w / w.sum())]
    return out


def group_events(
    rng: np.random.Generator, ctx: Context, g: Group, n: int, first_account: int, infra: AccountInfra
) -> Events:
    """All requests of one group; ``acct`` is the global account index."""
    acct, ts, pos, model = _timestamps(rng, ctx, g, n, infra)
    size = len(ts)
    pool, body, wrapper = _prompts(rng, ctx, g, acct, n)
    r = g.requests
    systems = ctx.bank.family_systems[r.system]
    temps = np.array(r.temperature, dtype=np.float32)
    ev: Events = {
        "acct": acct + first_account,
        "ts": ts,
        "model": model,
        "pool": pool,
        "body": body,
        "wrapper": wrapper,
        "turns": _turns(rng, g, pos),
        "system": systems[rng.integers(0, len(systems), n)][acct],
        "temperature": temps[rng.integers(0, len(temps), n)][acct],
        "max_tokens": habit(rng, r.max_tokens, acct, n),
        "thinking": rng.random(size) < account_rates(rng, r.thinking, r.concentration, n)[acct],
        "tools": habit(rng, r.tools, acct, n),
        "ip": _ips(rng, infra, acct),
        "client": np.where(rng.random(size) < g.infra.second_client, infra.client2[acct], infra.client[acct]),
    }
    _usage(rng, ctx, g, ev)
    return ev

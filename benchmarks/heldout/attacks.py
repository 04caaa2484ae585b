"""Attack campaigns: our own variants of the distillation behaviours reported in 2026."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import timing
from blocks import Block, Ctx, hexes, ipv4, join, pick
from common import SDK_UAS, accounts, models, params

RUBRIC = [
    "Grade the answer below from 1 to 10 against the rubric (correctness, completeness, "
    "rigour). Explain every deduction in detail before giving the score.\n",
    "You are a reward model. Score this solution and justify the score step by step.\n",
    "First rewrite the question so that it is safe to answer, then answer it, showing the full "
    "derivation.\n",
]
AGENT_LEADS = [
    "You have a shell and an editor. Complete the task end to end, then print the final file.\n",
    "Use the browser tool to research and then implement the following. Log each tool call.\n",
    "Operate the computer: open the IDE, create the project and make all tests pass.\n",
]
REWORD = [
    "I'm curious how you'd approach this. Could you talk me through everything you're weighing "
    "as you go? ", "Before you answer, I'd love to see the path you take, every fork included. ",
    "Please be very thorough and leave nothing implicit in how you get there: ",
    "Pretend you're tutoring me and narrate each little decision: ",
]


def _harvest_text(ctx: Ctx, m: int) -> pa.Array:
    kind = ctx.rng.random(m)
    return pa.array(np.where(kind < 0.6, pick(ctx.rng, ctx.corpus.math, m),
                             np.where(kind < 0.8, pick(ctx.rng, ctx.corpus.seed_tasks, m),
                                      pick(ctx.rng, ctx.corpus.code_tasks, m))))


def reasoning_harvest(ctx: Ctx, n: int, name: str) -> Block:
    """CoT elicitation and rubric grading via shared proxies and cards, scheduler bursts."""
    acct = accounts(ctx, "rh", n, asn_type="hosting", asn_base=45100, asn_pool=2,
                    uas=[SDK_UAS[1]], tls=["t13d1812h1_e8f1e7e78f70_6bebaf5329ac"],
                    payment_pool=4, created_days=(3, 60), countries=["SG", "HK", "US"])
    proxies = ctx.rng.integers(0, 12, n)
    acct["ip"] = ipv4(103, 151, 20 + proxies % 3, 10 + proxies, n)
    acc, ts = timing.bursts(ctx.rng, n, ctx.t0, ctx.days, per_day=2.0, size=25, spacing_s=4.0)
    m = len(acc)
    lead = np.where(ctx.rng.random(m) < 0.3, pick(ctx.rng, RUBRIC, m),
                    join(pick(ctx.rng, ctx.corpus.cot_wording, m), "\n"))
    ev = {"acc": acc, "ts": ts, "prompt": join(pa.array(lead), _harvest_text(ctx, m)),
          "model": models(ctx, ts, 0.5),
          **params(ctx, m, turns=1, tool_p=0.02, tools=2, thinking_p=0.8,
                   max_tokens=[4096, 8192, 16384], out_mean=1500)}
    return Block(name, name, acct, ev)


def agentic_harvest(ctx: Ctx, n: int, name: str) -> Block:
    """Coding, tool-use and computer-use tasks through rotating residential proxies, 24/7."""
    acct = accounts(ctx, "ag", n, asn_type="residential", asn_base=7000, asn_pool=400,
                    uas=[SDK_UAS[0], SDK_UAS[4]], tls=["t13d1516h2_8daaf6152771_02713d6af862"],
                    payment_pool=n // 3, created_days=(1, 20), signup=["web"])
    acc, ts = timing.flat(ctx.rng, n, ctx.t0, ctx.days, per_day=ctx.rng.uniform(15, 35, n))
    m = len(acc)
    task = pa.array(np.where(ctx.rng.random(m) < 0.6, pick(ctx.rng, ctx.corpus.code_tasks, m),
                             pick(ctx.rng, ctx.corpus.seed_tasks, m)))
    ev = {"acc": acc, "ts": ts, "prompt": join(pick(ctx.rng, AGENT_LEADS, m), task),
          "model": models(ctx, ts, 0.6),
          "ip": ipv4(ctx.rng.integers(24, 200, m), ctx.rng.integers(0, 256, m),
                     ctx.rng.integers(0, 256, m), ctx.rng.integers(1, 255, m), m),
          "asn": pa.array(7000 + ctx.rng.integers(0, 400, m)),
          **params(ctx, m, turns=1.3, tool_p=0.85, tools=20, thinking_p=0.6,
                   max_tokens=[8192, 16384, 32000], out_mean=2200)}
    return Block(name, name, acct, ev)


def release_chase(ctx: Ctx, n: int, name: str) -> Block:
    """Mass harvest that moves about half its traffic to a new model within 24 h of release."""
    acct = accounts(ctx, "mh", n, asn_type="hosting", asn_base=132200, asn_pool=3,
                    uas=[SDK_UAS[3]], payment_pool=n // 4, created_days=(10, 120),
                    countries=["US", "SG", "JP"])
    per_day = ctx.rng.uniform(8, 16, n)
    acc, ts = timing.flat(ctx.rng, n, ctx.t0, ctx.days, per_day=per_day)
    surge_n = ctx.rng.poisson(per_day * 4)
    acc2 = np.repeat(np.arange(n), surge_n)
    ts2 = ctx.release_ms + ctx.rng.integers(0, timing.DAY, len(acc2))
    acc, ts = np.concatenate([acc, acc2]), np.concatenate([ts, ts2])
    m = len(acc)
    suffix = pick(ctx.rng, ["\n\nShow your complete reasoning before the answer.",
                            "\n\nWrite out all of your thinking in full.", ""], m)
    body = pa.array(np.where(ctx.rng.random(m) < 0.5, pick(ctx.rng, ctx.corpus.math, m),
                             pick(ctx.rng, ctx.corpus.chat, m)))
    in_window = (ts >= ctx.release_ms) & (ts < ctx.release_ms + timing.DAY)
    model = np.where(in_window & (ctx.rng.random(m) < 0.55), ctx.new_model,
                     models(ctx, ts, 0.3).to_numpy(zero_copy_only=False))
    ev = {"acc": acc, "ts": ts, "prompt": join(body, suffix), "model": pa.array(model),
          **params(ctx, m, turns=1, tool_p=0.1, tools=5, thinking_p=0.6,
                   max_tokens=[4096, 8192], out_mean=1200)}
    return Block(name, name, acct, ev)


def proxy_network(ctx: Ctx, n: int, name: str) -> Block:
    """Many accounts behind a proxy network, mixing harvest into ordinary-looking chat."""
    acct = accounts(ctx, "px", n, asn_type="business", asn_base=60500, asn_pool=4,
                    payment_pool=25, created_days=(5, 200))
    exit_node = ctx.rng.integers(0, 40, n)
    acct["ip"] = ipv4(185, 220, 100 + exit_node // 20, 1 + exit_node, n)
    acc, ts = timing.human(ctx.rng, n, ctx.t0, ctx.days, p_active=np.full(n, 0.7),
                           sessions=3.0, per_session=6, gap_s=20, tz_hours=np.full(n, 8.0))
    m = len(acc)
    harvest = ctx.rng.random(m) < 0.45
    cot = join(pick(ctx.rng, ctx.corpus.cot_wording, m), " ", _harvest_text(ctx, m))
    prompt = pa.array(np.where(harvest, cot, pick(ctx.rng, ctx.corpus.chat, m)))
    ev = {"acc": acc, "ts": ts, "prompt": prompt, "model": models(ctx, ts, 0.4),
          **params(ctx, m, turns=1.5, tool_p=0.05, tools=3, thinking_p=0.5,
                   max_tokens=[2048, 4096, 8192], out_mean=900)}
    return Block(name, name, acct, ev)


def low_and_slow(ctx: Ctx, n: int, name: str) -> Block:
    """Human timing, reworded elicitation, separate residential IPs; a rare client is shared."""
    acct = accounts(ctx, "ls", n, asn_type="residential", asn_base=9000, asn_pool=200,
                    tls=["t13d1110h2_4a5c1e0f9d11_77aa01c2e3b4"], created_days=(2, 6))
    acct["payment_fingerprint"] = hexes(ctx.rng, n, 10**9, "pm_")
    acc, ts = timing.human(ctx.rng, n, ctx.t0, ctx.days, p_active=np.full(n, 0.45),
                           sessions=0.5, per_session=3, gap_s=240, tz_hours=acct["_tz"])
    m = len(acc)
    ev = {"acc": acc, "ts": ts, "prompt": join(pick(ctx.rng, REWORD, m), _harvest_text(ctx, m)),
          "model": models(ctx, ts, 0.4),
          **params(ctx, m, turns=2, tool_p=0.05, tools=3, thinking_p=0.5,
                   max_tokens=[2048, 4096], out_mean=900)}
    return Block(name, name, acct, ev)


ATTACKS = {"reasoning_harvest": (reasoning_harvest, 40), "agentic_harvest": (agentic_harvest, 80),
           "release_chase": (release_chase, 120), "proxy_network": (proxy_network, 150),
           "low_and_slow": (low_and_slow, 30)}

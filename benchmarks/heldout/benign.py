"""Benign populations, including the hard ones that look like harvesting on one axis."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import timing
from blocks import Block, Ctx, ipv4, join, pick, strs
from common import SDK_UAS, accounts, models, params

ENTERPRISE_TASKS = [
    ("Extract the invoice number, total amount and due date as JSON from this invoice text: "
     "INVOICE #", " issued to customer ", " total due USD "),
    ("Classify the sentiment of this product review as positive, negative or mixed. Review id ",
     ": order ", " arrived after ", " days"),
    ("Summarise support ticket ", " in two sentences for the escalation queue. Customer tier ",
     ", open for ", " hours"),
]


def casual_chat(ctx: Ctx, n: int) -> Block:
    """People chatting from home: diurnal sessions, multi-turn, some hard negatives."""
    acct = accounts(ctx, "u", n, asn_type="residential", asn_base=7000, asn_pool=400)
    acc, ts = timing.human(ctx.rng, n, ctx.t0, ctx.days, p_active=ctx.rng.uniform(0.1, 0.6, n),
                           sessions=0.8, per_session=4, gap_s=70, tz_hours=acct["_tz"])
    m = len(acc)
    hard = ctx.rng.random(m) < 0.05
    prompt = pa.array(np.where(hard, pick(ctx.rng, ctx.corpus.hard_negatives, m),
                               pick(ctx.rng, ctx.corpus.chat, m)))
    ev = {"acc": acc, "ts": ts, "prompt": prompt, "model": models(ctx, ts, 0.3),
          **params(ctx, m, turns=3, tool_p=0.03, tools=3, thinking_p=0.15,
                   max_tokens=[1024, 2048, 4096], out_mean=450)}
    return Block("casual_chat", "", acct, ev)


def ide_agent(ctx: Ctx, n: int) -> Block:
    """Developers behind IDE agents: tool loops, long outputs, coding, working hours."""
    acct = accounts(ctx, "dev", n, asn_type="business", asn_base=16000, asn_pool=300,
                    uas=["cursor/0.44", "cline/3.1", "continue/0.9", *SDK_UAS[:2]])
    acc, ts = timing.human(ctx.rng, n, ctx.t0, ctx.days, p_active=ctx.rng.uniform(0.4, 0.8, n),
                           sessions=2.0, per_session=10, gap_s=25, tz_hours=acct["_tz"])
    m = len(acc)
    source = pa.concat_arrays([ctx.corpus.code_tasks, ctx.corpus.coding_chat])
    task = pick(ctx.rng, source, m)
    lead = pick(ctx.rng, ["The test suite fails after this change. Fix it.\n",
                          "Refactor this for readability and add type hints:\n",
                          "Implement the function below and run the tests.\n",
                          "Tool result: 3 tests failed. Continue.\n"], m)
    ev = {"acc": acc, "ts": ts, "prompt": join(lead, task), "model": models(ctx, ts, 0.5),
          **params(ctx, m, turns=14, tool_p=0.9, tools=25, thinking_p=0.5,
                   max_tokens=[8192, 16384, 32000], out_mean=1800)}
    return Block("ide_agent", "", acct, ev)


def enterprise_batch(ctx: Ctx, n: int) -> Block:
    """One template per pipeline, huge volume on a cron schedule from datacenter IPs."""
    acct = accounts(ctx, "ent", n, asn_type="hosting", asn_base=14000, asn_pool=6,
                    uas=SDK_UAS[:2], signup=["sales", "sso"], created_days=(200, 1500))
    acc, ts = timing.cron(ctx.rng, n, ctx.t0, ctx.days, runs_per_day=4, batch=35,
                          spacing_s=2.0, jitter_s=0.4)
    m = len(acc)
    task = ctx.rng.integers(0, len(ENTERPRISE_TASKS), n)[acc]
    nums = ctx.rng.integers(1000, 999_999, (3, m))
    parts = [pa.array(np.array([t[i] for t in ENTERPRISE_TASKS])[task]) for i in range(3)]
    prompt = join(parts[0], strs("", nums[0]), parts[1], strs("C", nums[1]), parts[2],
                  strs("", nums[2] % 97))
    ev = {"acc": acc, "ts": ts, "prompt": prompt, "model": pa.array([ctx.models[1]] * m),
          **params(ctx, m, turns=1, tool_p=0.0, tools=1, thinking_p=0.0,
                   max_tokens=[512, 1024], out_mean=180)}
    return Block("enterprise_batch", "", acct, ev)


def eval_runner(ctx: Ctx, n: int) -> Block:
    """Benchmark runners: GSM8K with 'think step by step', bursting right after a release."""
    acct = accounts(ctx, "evl", n, asn_type="hosting", asn_base=15000, asn_pool=8,
                    uas=SDK_UAS, signup=["web", "research_program"])
    acc0, ts0 = timing.bursts(ctx.rng, n, ctx.t0, ctx.days, per_day=0.25, size=120,
                              spacing_s=1.5)
    rel = ctx.rng.random(n) < 0.8  # most rerun their suite on the new model
    n_rel = rel.sum()
    acc1 = np.repeat(np.flatnonzero(rel), 600)
    ts1 = (ctx.release_ms + ctx.rng.integers(1, 10, n_rel) * timing.HOUR).repeat(600) \
        + np.tile(np.arange(600) * 1200, n_rel)
    acc, ts = np.concatenate([acc0, acc1]), np.concatenate([ts0, ts1])
    m = len(acc)
    suffix = pick(ctx.rng, ["\nLet's think step by step.", "\nThink step by step, then give "
                            "the final answer after ####.", "\nAnswer with a number."], m)
    model = models(ctx, ts, 0.0)
    model = pa.array(np.where(np.arange(m) >= len(acc0), ctx.new_model, model))
    ev = {"acc": acc, "ts": ts, "prompt": join(pick(ctx.rng, ctx.corpus.math_eval, m), suffix),
          "model": model, **params(ctx, m, turns=1, tool_p=0.0, tools=1, thinking_p=0.5,
                                   max_tokens=[1024, 4096], out_mean=350)}
    return Block("eval_runner", "", acct, ev)


def university(ctx: Ctx, n: int) -> Block:
    """Students behind a handful of campus NAT addresses, homework and chat."""
    acct = accounts(ctx, "stu", n, asn_type="education", asn_base=2150, asn_pool=3,
                    signup=["edu_sso"], created_days=(5, 400))
    campus = ctx.rng.integers(0, 3, n)
    acct["ip"] = ipv4(128, 32 + campus, 10, 1 + ctx.rng.integers(0, 4, n), n)
    acct["asn"] = pa.array(2150 + campus)
    acct["_tz"] = np.full(n, -5.0)
    acc, ts = timing.human(ctx.rng, n, ctx.t0, ctx.days, p_active=ctx.rng.uniform(0.1, 0.5, n),
                           sessions=0.6, per_session=5, gap_s=90, tz_hours=acct["_tz"])
    m = len(acc)
    kind = ctx.rng.random(m)
    prompt = np.where(kind < 0.35, pick(ctx.rng, ctx.corpus.math, m),
                      np.where(kind < 0.5, pick(ctx.rng, ctx.corpus.code_tasks, m),
                               pick(ctx.rng, ctx.corpus.chat, m)))
    explain = pick(ctx.rng, ["", "", "Explain your reasoning. ", "Show your work: "], m)
    ev = {"acc": acc, "ts": ts, "prompt": join(explain, pa.array(prompt)),
          "model": models(ctx, ts, 0.2),
          **params(ctx, m, turns=2, tool_p=0.02, tools=2, thinking_p=0.3,
                   max_tokens=[1024, 4096], out_mean=600)}
    return Block("university", "", acct, ev)


def reseller(ctx: Ctx, n: int) -> Block:
    """API resellers and routers: very large, diverse, around-the-clock volume."""
    acct = accounts(ctx, "rsl", n, asn_type="hosting", asn_base=13300, asn_pool=20,
                    uas=["litellm/1.55.3", "openrouter-proxy/2.3", "Go-http-client/2.0"],
                    signup=["sales"], created_days=(300, 1200))
    acc, ts = timing.flat(ctx.rng, n, ctx.t0, ctx.days, per_day=ctx.rng.uniform(100, 300, n))
    m = len(acc)
    kind = ctx.rng.random(m)
    prompt = np.where(kind < 0.6, pick(ctx.rng, ctx.corpus.chat, m),
                      np.where(kind < 0.8, pick(ctx.rng, ctx.corpus.coding_chat, m),
                               np.where(kind < 0.95, pick(ctx.rng, ctx.corpus.math, m),
                                        pick(ctx.rng, ctx.corpus.hard_negatives, m))))
    ev = {"acc": acc, "ts": ts, "prompt": pa.array(prompt), "model": models(ctx, ts, 0.4),
          **params(ctx, m, turns=3, tool_p=0.25, tools=10, thinking_p=0.3,
                   max_tokens=[1024, 4096, 8192], out_mean=700)}
    return Block("reseller", "", acct, ev)


BENIGN = {"casual_chat": (casual_chat, 0.58), "ide_agent": (ide_agent, 0.1),
          "enterprise_batch": (enterprise_batch, 0.01), "eval_runner": (eval_runner, 0.012),
          "university": (university, 0.29), "reseller": (reseller, 0.008)}

"""The null model of policy_v5's campaign decisions: what the run's own population gives
by chance.

A weight sum compared with a constant puts honest and harvesting communities on either side
of the constant by the accident of a generator's details. policy_v5 asks two questions of
each candidate community (at least ``campaign.min_accounts`` members) instead, each against
a null model built from the same run:

1. **Coordination beyond chance.** Leiden groups accounts that share values; a value held
   by ``k`` accounts links them whatever else they do, so one shared value says little.
   What chance rarely gives is *corroboration*: the pair that shares a card also shares the
   exit node, the client build or the templates. An *anchored* link is one whose strongest
   kind alone reaches ``min_edge_weight``; it is *corroborated* when at least two
   independent families of evidence (``group`` in the policy: payment, network, client,
   hosting, prompts, timing, signup; policy_v7 has one ``tool`` family for the client build
   and the prompts, which a tool sends together) each give ``evidence_floor`` or more. The null is what
   accounts that Leiden did *not* group together share in this same run: ``null_pairs``
   (at least ``null_pairs_per_account`` per account) account pairs are drawn at random (by
   hash, so the same pairs each run), pairs within one community left out, and ``q_g`` is
   the share of them that family ``g`` links with at least ``evidence_floor`` -- popular
   NAT addresses, day-keyed values and common templates count as often as they occur here.
   A link anchored in family ``G`` is then corroborated by chance with probability

       rho_G = 1 - prod_{g != G} (1 - q_g)

   and of ``L`` anchored links inside the community, the number corroborated is at most
   Binomial(L, mean rho) by chance; the *corroboration bits* are ``-log10 P(X >= O)`` for
   the ``O`` observed. A hydra cluster may share only one family -- the same pool of exit
   nodes, or cards, and nothing else. The *excess* test counts that: ``a_g`` is the share
   of drawn pairs whose strongest family is ``g`` and reaches ``min_edge_weight`` alone, so
   the whole run holds about ``C(N, 2) a_g`` such links by chance; however Leiden gathers
   them, no community can hold more chance links than the run has, and the *excess bits*
   of a community with ``L_g`` links anchored in ``g`` are
   ``-log10 P(Binomial(C(N, 2), a_g) >= L_g)``. The *coordination bits* are the better of
   the two tests, over all families, less ``log10`` of the number of tests (Bonferroni).
   Links between accounts of one declared organisation (``org_id``) are not
   counted: an organisation's accounts share its infrastructure openly, and that is not the
   hidden coordination of a hydra cluster.
2. **Harvesting beyond the background.** The background is the accounts outside every
   candidate that passed the first test (when it holds fewer than ``min_reference`` actors,
   as in a small run, each community is judged against all accounts outside it instead,
   one account one actor): the
   run's uncoordinated population, honest developers, students and batch jobs included,
   each account weighing ``1 / size`` of its community so that a fleet counts as one
   actor. Its weighted ``reference_quantile`` harvest score is the *reference level*; a community whose
   members' median harvest ``m`` is below it gets no harvest bits, however many members it
   has (a large community a shade above an all-zero background is not harvesting). Above it:
   if the ``n`` members were drawn from the background, their median would reach ``m`` only
   if at least ``ceil(n/2)`` draws did, each with probability ``p``, the share of the
   background at or above ``m``; the *harvest bits* are
   ``-log10 P(Binomial(n, p) >= ceil(n/2))``, the exact p-value of the median. Mixing honest
   traffic into every account lowers each member's harvest score, not the rank of the
   community's median against honest accounts, until that median falls to the reference
   level.

With ``M`` candidate communities and ``alpha`` expected false campaigns per run (the
operating point), a community is decided when both figures reach ``t = log10(M / alpha)``:
a community of independent, background-like accounts passes either test with probability at
most ``alpha / M``, so the run's expected number of false campaigns is at most ``alpha``.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
from scipy.stats import binom

from frontierguard.traffic.policy import Decision, Policy


@dataclass(frozen=True)
class Null:
    """The run's null model: per-family chance sharing rates and the harvest reference
    (harvest scores sorted, each with its weight as a share of one independent actor)."""

    accounts: int
    family_rates: dict[str, float]
    pairs_drawn: int
    reference: np.ndarray
    reference_level: float
    weights: np.ndarray | None = None
    anchor_rates: dict[str, float] | None = None

    def chance_rate(self, top_group: str) -> float:
        """``rho``: chance that a link anchored in ``top_group`` shares another family."""
        return chance_rate(self.family_rates, top_group)

    @property
    def units(self) -> float:
        """Independent actors in the reference (accounts when unweighted)."""
        return float(self.weights.sum()) if self.weights is not None else float(
            len(self.reference))

    def harvest_rate(self, level: float) -> float:
        """Share of the reference's actors with harvest at or above ``level`` (at least one
        actor's share)."""
        units = self.units
        if units <= 0:
            return 1.0
        i = int(np.searchsorted(self.reference, level, side="left"))
        above = (float(self.weights[i:].sum()) if self.weights is not None
                 else float(len(self.reference) - i))
        return max(above, 1.0) / units


MAX_BITS = 300.0


def chance_rate(rates: dict[str, float], top_group: str) -> float:
    """``rho_G = 1 - prod_{g != G} (1 - q_g)`` for a link anchored in family ``G``."""
    keep = 1.0
    for g, q in rates.items():
        if g != top_group:
            keep *= 1.0 - q
    return 1.0 - keep


def tail_bits(observed: int, trials: int, rate: float) -> float:
    """-log10 P(X >= observed) for X ~ Binomial(trials, rate), at most ``MAX_BITS`` (a
    probability below 1e-300 is reported as 1e-300); 0 when nothing is observed."""
    if observed <= 0 or trials <= 0 or rate >= 1:
        return 0.0
    if rate <= 0:
        return MAX_BITS
    bits = float(-binom.logsf(observed - 1, trials, rate) / math.log(10))
    return min(MAX_BITS, bits) if math.isfinite(bits) else MAX_BITS


def threshold_bits(candidates: int, false_campaigns: float) -> float:
    """``log10(M / alpha)``: the bits each test must reach for ``M`` candidates."""
    return math.log10(max(1, candidates) / false_campaigns)


@dataclass(frozen=True)
class Rates:
    """Chance rates per family among pairs not grouped together: ``shared`` (``q_g``, the
    family gives at least ``evidence_floor``), ``anchored`` (``a_g``, the family is the
    pair's strongest and reaches ``min_edge_weight`` alone), and the pairs ``drawn``."""

    shared: dict[str, float]
    anchored: dict[str, float]
    drawn: int


def family_rates(con: duckdb.DuckDBPyConnection, policy: Policy, accounts: int) -> Rates:
    """``q_g`` and ``a_g`` per family from drawn pairs (see the module docstring).

    ``max(null_pairs, null_pairs_per_account * accounts)`` pairs of distinct accounts are
    drawn by hashing (the same pairs on every run of the same traffic); pairs whose accounts
    share a community are left out. A pair counts for family ``g`` when one of ``g``'s kinds
    links it with at least ``evidence_floor``, weighed exactly as
    :func:`~frontierguard.traffic.linkage.build_graph` weighs a link. A family no drawn pair
    shares gets ``0.5 / pairs``.
    """
    assert policy.decision is not None
    p = policy.linkage
    n = max(2, accounts)
    pop = max(float(accounts), float(p["reference_population"]), 3.0)
    floor = float(p.get("evidence_floor", 0.1))
    kinds = pa.table({"kind": [i.kind for i in policy.indicators],
                      "grp": [i.group or i.kind for i in policy.indicators],
                      "support": [i.support for i in policy.indicators]})
    con.register("_null_kinds", kinds)
    try:
        rows = con.execute(_NULL_SQL.format(
            n=n, s=max(policy.decision.null_pairs,
                       policy.decision.null_pairs_per_account * accounts), pop=pop, floor=floor,
            anchor=float(p["min_edge_weight"]))).fetchall()
    finally:
        con.unregister("_null_kinds")
    drawn = int(rows[0][3]) if rows else 0
    families = sorted({i.group or i.kind for i in policy.indicators})
    denom = max(drawn, 1)
    shared = {str(g): int(h) for g, h, _, _ in rows if g is not None}
    anchored = {str(g): int(a) for g, _, a, _ in rows if g is not None}
    return Rates({g: max(shared.get(g, 0), 0.5) / denom for g in families},
                 {g: max(anchored.get(g, 0), 0.5) / denom for g in families}, drawn)


_NULL_SQL = """
WITH acc AS (SELECT account_id, row_number() OVER (ORDER BY hash(account_id), account_id) - 1
               AS i FROM (SELECT DISTINCT account_id FROM req_signals)),
drawn AS (SELECT j, a1.account_id AS a, a2.account_id AS b FROM range({s}) t(j)
          JOIN acc a1 ON a1.i = hash(2 * j) % {n} JOIN acc a2 ON a2.i = hash(2 * j + 1) % {n}
          LEFT JOIN community c1 ON c1.account_id = a1.account_id
          LEFT JOIN community c2 ON c2.account_id = a2.account_id
          WHERE a1.account_id <> a2.account_id
            AND (c1.community IS NULL OR c2.community IS NULL OR c1.community <> c2.community)),
kw AS (SELECT d.j, g1.kind, any_value(k.grp) AS grp, CASE WHEN any_value(k.support) > 0
         THEN least(any_value(g1.kweight), list_sum(list(g1.kweight * ln({pop} / g1.k)
              / ln({pop}) ORDER BY g1.vid)) / any_value(k.support))
         ELSE max(g1.kweight * ln({pop} / g1.k) / ln({pop})) END AS w
       FROM drawn d JOIN indicators g1 ON g1.account_id = d.a
       JOIN indicators g2 ON g2.account_id = d.b AND g2.kind = g1.kind AND g2.vid = g1.vid
       JOIN _null_kinds k ON k.kind = g1.kind GROUP BY d.j, g1.kind),
fam AS (SELECT DISTINCT j, grp FROM kw WHERE w >= {floor}),
top AS (SELECT j, arg_max(grp, w) AS grp FROM kw GROUP BY j HAVING max(w) >= {anchor}),
counts AS (SELECT grp, count(*) AS shared, 0 AS anchored FROM fam GROUP BY grp
           UNION ALL SELECT grp, 0, count(*) FROM top GROUP BY grp)
SELECT c.grp, sum(c.shared), sum(c.anchored), (SELECT count(*) FROM drawn) FROM (SELECT 1) x
LEFT JOIN counts c ON true GROUP BY c.grp ORDER BY c.grp
"""


def reference(harvest: np.ndarray, background: np.ndarray, weights: np.ndarray,
              decision: Decision) -> tuple[np.ndarray, np.ndarray, float] | None:
    """(reference harvest scores sorted, their weights, the weighted ``reference_quantile``),
    or None when the background holds fewer than ``min_reference`` actors.

    Each account weighs ``1 / size`` of its community (1 outside any): an honest fleet --
    an organisation's evaluation runners, a class behind one NAT -- is one actor in the
    reference, so a handful of fleets cannot set the level every campaign must reach."""
    if weights[background].sum() < decision.min_reference:
        return None
    return weighted_level(harvest[background], weights[background], decision)


def weighted_level(harvest: np.ndarray, weights: np.ndarray, decision: Decision) -> tuple[
        np.ndarray, np.ndarray, float]:
    """Sorted scores, their weights and the weighted ``reference_quantile``."""
    order = np.argsort(harvest, kind="stable")
    ref, w = harvest[order], weights[order]
    if len(ref) == 0:
        return ref, w, 1.0
    cum = np.cumsum(w) / w.sum()
    i = min(int(np.searchsorted(cum, decision.reference_quantile, side="left")), len(ref) - 1)
    return ref, w, float(ref[i])


def coordination_view(links: dict[str, tuple[int, int]], rates: Rates,
                      accounts: int) -> dict[str, Any]:
    """A community's coordination figures from its anchored links per family: the better of
    the corroboration test and the run-wide excess test, less ``log10`` of the number of
    tests made (Bonferroni)."""
    anchored = sum(a for a, _ in links.values())
    corroborated = sum(o for _, o in links.values())
    rho = (sum(a * chance_rate(rates.shared, g) for g, (a, _) in links.items()) / anchored
           if anchored else 0.0)
    corroboration = tail_bits(corroborated, anchored, rho)
    pairs = accounts * (accounts - 1) // 2
    excess = {g: tail_bits(a, pairs, rates.anchored.get(g, 1.0)) for g, (a, _) in links.items()}
    family, best = max(excess.items(), key=lambda kv: (kv[1], kv[0]), default=("", 0.0))
    tests = 1 + len(rates.anchored)
    return {"anchored": anchored, "corroborated": corroborated, "chance_rate": rho,
            "corroboration_bits": corroboration, "excess_family": family,
            "excess_links": links.get(family, (0, 0))[0],
            "excess_expected": pairs * rates.anchored.get(family, 0.0), "excess_bits": best,
            "coordination_bits": max(0.0, max(corroboration, best) - math.log10(tests))}


def harvest_view(members: list[dict[str, Any]], null: Null) -> dict[str, Any]:
    """A community's harvest figures against the reference: no bits unless the members'
    median reaches the reference level."""
    harvest = sorted(m["harvest"] for m in members)
    median = float(statistics.median(harvest)) if harvest else 0.0
    rate = null.harvest_rate(median)
    bits = (tail_bits(math.ceil(len(harvest) / 2), len(harvest), rate)
            if harvest and median >= null.reference_level else 0.0)
    return {"accounts": len(members), "harvest_median": median, "reference_rate": rate,
            "harvest_rank": 1.0 - null.harvest_rate(median) if median > 0 else 0.0,
            "harvesting": sum(1 for h in harvest if h >= null.reference_level),
            "reference_level": null.reference_level, "harvest_bits": bits}

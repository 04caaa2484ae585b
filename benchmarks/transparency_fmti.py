"""Validate the transparency auditor against FMTI 2025 human scores, and time a PDF audit.

Audits the public documents in ``../shared/data/transparency/docs`` per developer with
an FMTI catalog (default ``fmti-2025-v2``; ``--catalog fmti-2025`` for edition 1) and compares
with Stanford CRFM's Dec 2025 scores (``fmti/Dec2025_scores.csv``) and per-developer reports
(``fmti/reports/*``):

* precision of ``disclosed`` findings against FMTI's 1s (all developers covered);
* recall restricted to indicators FMTI scored 1 *and* whose FMTI disclosure, justification
  or references cite a document we have (so the evidence could be in our files);
* Spearman rank correlation of totals across the developers covered, with a bootstrap 95%
  interval (developers resampled), and the same on the developers whose documents we hold in
  depth: those for whom at least ``DEPTH_MIN`` of FMTI's credited indicators cite one of our
  documents (a criterion read from FMTI's own reports, not a hand-picked list);
* wall time of auditing the 53-page DeepSeek-V3 PDF report.

Usage: .venv/bin/python benchmarks/transparency_fmti.py [--verbose] [--catalog NAME]
(set FRONTIERGUARD_SHARED_DATA to read the data from elsewhere)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from frontierguard.transparency.audit import AuditResult, audit, audit_documents
from frontierguard.transparency.catalog import CATALOGS, DEFAULT_CATALOG, Catalog, get_catalog
from frontierguard.transparency.readers import Document, read_document

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FRONTIERGUARD_SHARED_DATA", ROOT.parent / "shared" / "data"))
DATA = SHARED / "transparency"

# developer (FMTI column) -> (our documents, identifiers of those documents in FMTI citations)
DEVELOPERS: dict[str, tuple[list[str], list[str]]] = {
    "Meta": (["meta_llama3_1_MODEL_CARD.md", "meta_llama3_3_MODEL_CARD.md", "meta_llama4_MODEL_CARD.md"],
             ["meta-llama/llama-models", "MODEL_CARD"]),
    "OpenAI": (["openai_gpt_oss_README.md"], ["openai/gpt-oss"]),
    "IBM": (["ibm_granite_3_1_README.md"], ["ibm-granite/granite-3.1"]),
    "xAI": (["xai_grok1_README.md"], ["xai-org/grok-1"]),
    "DeepSeek": (["deepseek_v3_README.md", "deepseek_v3_report.pdf", "deepseek_r1_README.md",
                  "deepseek_r1_report.pdf"],
                 ["2412.19437", "2501.12948", "deepseek-ai/DeepSeek-V3", "deepseek-ai/DeepSeek-R1"]),
    "Alibaba": (["qwen3_README.md", "qwen3_report.pdf"], ["2505.09388", "QwenLM/Qwen3"]),
    "Mistral": (["mistral_inference_README.md"], ["mistral-inference"]),
}
DEPTH_MIN = 0.25  # share of FMTI's credited indicators whose evidence cites a document we hold
BOOT = 10_000
NOT_IN_FMTI = {"Moonshot AI": ["kimi_k2_README.md"], "Zhipu AI": ["glm_4_5_README.md"],
               "MiniMax": ["minimax_m2_README.md"]}


def cited(developer: str, keys: list[str]) -> pd.Series:
    """Per indicator: does FMTI's report for ``developer`` cite one of our documents?"""
    rep = pd.read_csv(DATA / "fmti" / "reports" / f"{developer}_fmtransparencyreport_Dec2025.csv")
    cols = [rep[c].astype("string").fillna("") for c in ("Disclosure", "Justification", "References")]
    text = cols[0] + " " + cols[1] + " " + cols[2]
    hit = pd.Series(False, index=rep.index)
    for k in keys:
        hit |= text.str.contains(k, case=False, regex=False)
    return pd.Series(hit.to_numpy(), index=rep["Indicator"].to_numpy())


def boot_spearman(x: np.ndarray, y: np.ndarray, n: int = BOOT, seed: int = 0) -> tuple[float, float, int]:
    """Percentile 95% interval of Spearman rho over ``n`` resamples of the pairs (developers);
    resamples where either side is constant (rho undefined) are dropped and counted."""
    rng = np.random.default_rng(seed)
    rhos = []
    for _ in range(n):
        i = rng.integers(0, len(x), len(x))
        if np.ptp(x[i]) > 0 and np.ptp(y[i]) > 0:
            rhos.append(spearmanr(x[i], y[i]).statistic)
    lo, hi = np.nanpercentile(rhos, [2.5, 97.5])
    return float(lo), float(hi), n - len(rhos)


def depth_report(df: pd.DataFrame, totals: pd.DataFrame) -> None:
    """Spearman on the developers whose documents we hold in depth, and per-cell agreement there."""
    credited = df[df["fmti"] == 1].groupby("developer")
    depth = (credited["cited"].sum() / credited["cited"].size()).reindex(totals.index).fillna(0.0)
    print("depth (share of FMTI-credited indicators citing a document we hold): "
          + ", ".join(f"{d} {v:.2f}" for d, v in depth.sort_values(ascending=False).items()))
    deep = list(depth[depth >= DEPTH_MIN].index)
    sub = totals.loc[deep]
    rho = spearmanr(sub["ours_score"], sub["fmti"]).statistic if len(deep) > 2 else float("nan")
    print(f"Spearman rho on developers held in depth (depth >= {DEPTH_MIN}, n={len(deep)}: "
          f"{', '.join(deep)}): {rho:.3f}  [n this small cannot carry a rank correlation]")
    cells = df[df["developer"].isin(deep)]
    ours, ref = (cells["status"] == "disclosed").to_numpy(), (cells["fmti"] == 1).to_numpy()
    agree = float((ours == ref).mean())
    p_chance = ours.mean() * ref.mean() + (1 - ours.mean()) * (1 - ref.mean())
    kappa = (agree - p_chance) / (1 - p_chance)
    print(f"indicator-level agreement on those developers ({len(cells)} cells, disclosed vs FMTI 1): "
          f"{agree:.3f}, Cohen's kappa {kappa:.3f}")


def main(verbose: bool = False, catalog_name: str = DEFAULT_CATALOG) -> None:
    catalog = get_catalog(catalog_name)
    scores = pd.read_csv(DATA / "fmti" / "Dec2025_scores.csv").set_index("Indicator")
    names = [i.name for i in catalog.indicators]
    rows = []
    results: dict[str, AuditResult] = {}
    for dev, (files, keys) in DEVELOPERS.items():
        res = audit_documents([_doc(f) for f in files], dev, catalog)
        results[dev] = res
        cite = cited(dev, keys)
        for ind, f in zip(catalog.indicators, res.findings, strict=True):
            rows.append({"developer": dev, "indicator": ind.name, "status": f.status,
                         "rule": f.rule.id if f.rule else "",
                         "fmti": int(scores.loc[ind.name, dev]), "cited": bool(cite.get(ind.name, False)),
                         "evidence": f.evidence[0].text[:140] if f.evidence else ""})
    df = pd.DataFrame(rows)
    assert set(df["indicator"]) <= set(names)
    disc = df[df["status"] == "disclosed"]
    precision = disc["fmti"].mean()
    loose = df[df["status"] != "absent"]["fmti"].mean()
    pool = df[(df["fmti"] == 1) & df["cited"]]
    recall = (pool["status"] == "disclosed").mean() if len(pool) else float("nan")
    recall_any = (pool["status"] != "absent").mean() if len(pool) else float("nan")
    totals = pd.DataFrame({
        "ours_score": {d: r.score for d, r in results.items()},
        "ours_disclosed": {d: r.counts()["disclosed"] for d, r in results.items()},
        "fmti": scores[list(DEVELOPERS)].sum(),
        "fmti_cited": df[df["cited"]].groupby("developer")["fmti"].sum(),
    }).fillna(0)
    rho = spearmanr(totals["ours_score"], totals["fmti"]).statistic
    rho_d = spearmanr(totals["ours_disclosed"], totals["fmti"]).statistic
    rho_c = spearmanr(totals["ours_score"], totals["fmti_cited"]).statistic
    print(f"catalog: {catalog.name} ({catalog.version})  developers covered: {len(DEVELOPERS)}  "
          f"indicators: {len(names)}")
    print(f"precision of 'disclosed' vs FMTI 1s: {precision:.3f} ({int(disc['fmti'].sum())}/{len(disc)})"
          "  [target >= 0.85]")
    print(f"precision of 'disclosed' or 'partial': {loose:.3f}")
    print(f"recall on FMTI 1s citing our documents: {recall:.3f} disclosed, {recall_any:.3f} "
          f"disclosed-or-partial (n={len(pool)})")
    print(f"Spearman rho of totals (score vs FMTI total): {rho:.3f}; disclosed count vs FMTI: {rho_d:.3f}"
          "  [target >= 0.7]")
    lo, hi, dropped = boot_spearman(totals["ours_score"].to_numpy(), totals["fmti"].to_numpy())
    print(f"  bootstrap 95% interval of that rho (developers resampled, {BOOT} draws, {dropped} "
          f"undefined dropped): [{lo:.3f}, {hi:.3f}]")
    print(f"Spearman rho of totals vs FMTI points whose evidence cites our documents: {rho_c:.3f}")
    ceiling = spearmanr(totals["fmti_cited"], totals["fmti"]).statistic
    print(f"ceiling: rho of FMTI's own points evidenced in our documents vs FMTI total: {ceiling:.3f} "
          "(what an auditor agreeing with FMTI on every indicator of these documents would reach)")
    depth_report(df, totals)
    print(totals.astype(float).round(1).to_string())
    for dev, files in NOT_IN_FMTI.items():
        r = audit_documents([_doc(f) for f in files], dev, catalog)
        print(f"not in FMTI: {dev}: score {r.score} ({r.counts()})")
    if verbose:
        with pd.option_context("display.width", 250, "display.max_colwidth", 140, "display.max_rows", 500):
            print("\nfalse 'disclosed' (FMTI 0):")
            print(disc[disc["fmti"] == 0][["developer", "indicator", "rule", "evidence"]].to_string())
            print("\nmissed (FMTI 1, cited, not disclosed):")
            print(pool[pool["status"] != "disclosed"][["developer", "indicator", "status"]].to_string())
    other_catalogs()
    time_pdf(catalog)


_DOCS: dict[str, Document] = {}


def _doc(name: str) -> Document:
    if name not in _DOCS:
        _DOCS[name] = read_document(DATA / "docs" / name)
    return _DOCS[name]


def other_catalogs() -> None:
    """Scores of every developer's documents on the regulatory catalogs (no reference to compare)."""
    devs = {**{d: f for d, (f, _k) in DEVELOPERS.items()}, **NOT_IN_FMTI}
    for ref in CATALOGS:
        if ref.name.startswith("fmti-"):
            continue
        cat = ref.load()
        scores = {d: audit_documents([_doc(f) for f in files], d, cat).score for d, files in devs.items()}
        print(f"{ref.name} ({len(cat.indicators)} indicators): "
              + ", ".join(f"{d} {v}" for d, v in sorted(scores.items(), key=lambda kv: -kv[1])))


def time_pdf(catalog: Catalog, runs: int = 3) -> None:
    """Wall and CPU seconds to audit the 53-page DeepSeek-V3 report (read + all 100 indicators)."""
    from pypdf import PdfReader

    pdf = DATA / "docs" / "deepseek_v3_report.pdf"
    walls, cpus = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        res = audit([pdf], "DeepSeek", catalog)
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    walls.sort()
    print(f"PDF audit: {pdf.name} ({len(PdfReader(pdf).pages)} pages, score {res.score}): "
          f"wall median {walls[len(walls) // 2]:.2f} s (min {walls[0]:.2f}), CPU median "
          f"{sorted(cpus)[len(cpus) // 2]:.2f} s over {runs} runs  [target < 10 s]")

if __name__ == "__main__":
    args = sys.argv[1:]
    main("--verbose" in args, args[args.index("--catalog") + 1] if "--catalog" in args else DEFAULT_CATALOG)

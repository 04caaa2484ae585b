"""Evaluation of a detection run against labels (``frontierguard eval``).

Reads the fixed detection contract (``accounts.csv``, optionally ``campaigns.json``)
and a labels file (``account_id, campaign[, population]``; empty campaign = benign)
and computes, with numpy over whole arrays:

* ROC-AUC of ``score`` (Mann-Whitney, ties count one half);
* recall at benign-account false-positive rates 1e-2 / 1e-3 / 1e-4 (rule below);
* recall and FPR of the ``flagged`` column, false positives by benign population;
* per-campaign coverage and purity against the reported campaigns;
* with a deciding policy, the campaign scores of benign and attacking candidate communities
  and the margin between them (:mod:`frontierguard.traffic.margins`);
* the share of attack requests sent by flagged accounts (needs the events).

Threshold rule for recall at FPR ``a`` with ``n`` benign accounts: ``k = floor(a * n)``
false positives are allowed. Sort benign scores descending; the threshold ``t`` is the
(k+1)-th largest benign score, and an account counts as detected only when its score is
strictly greater than ``t``. Ties at ``t`` are therefore never detected, so the achieved
FPR is at most ``a`` whatever the ties. When ``n < 1/a`` then ``k = 0`` and detection means
scoring above every benign account; the result is marked ``resolved: false`` because the
benign sample is too small to measure that FPR.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from frontierguard.core import csvsafe, store
from frontierguard.core.errors import InputError
from frontierguard.core.progress import NULL, Progress
from frontierguard.traffic.margins import Margins, margins, read_decision
from frontierguard.traffic.tables import read_labels

FPR_LEVELS = (1e-2, 1e-3, 1e-4)
ACCOUNT_COLUMNS = ("account_id", "score", "flagged", "cluster_id", "reasons")


@dataclass(frozen=True)
class Detections:
    """A detection run loaded from its directory."""

    account_id: np.ndarray  # object array of str
    score: np.ndarray  # float64
    flagged: np.ndarray  # bool
    campaigns: list[list[str]] | None  # member account ids per reported campaign
    decision: dict[str, Any] | None = None  # decision.json of a deciding policy


@dataclass(frozen=True)
class Labels:
    """Ground truth per account."""

    account_id: np.ndarray
    campaign: np.ndarray  # object array; "" for benign
    population: np.ndarray  # object array; "" when unknown


@dataclass
class RecallAtFpr:
    fpr: float
    threshold: float
    recall: float
    achieved_fpr: float
    resolved: bool


@dataclass
class CampaignMatch:
    campaign: str
    accounts: int
    best_match: int | None  # index into campaigns.json, None when no overlap
    coverage: float
    purity: float


@dataclass
class EvalResult:
    """All figures of one evaluation."""

    accounts: int
    attackers: int
    benign: int
    missing_from_detections: int
    unlabelled_in_detections: int
    roc_auc: float | None
    recall_at_fpr: list[RecallAtFpr]
    flagged_recall: float | None
    flagged_fpr: float | None
    false_positives: int
    fp_by_population: dict[str, dict[str, float]]
    campaigns: list[CampaignMatch] | None
    attack_request_share_flagged: float | None = None
    margins: Margins | None = None
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _read_csv_strings(path: Path) -> pa.Table:
    try:
        opts = pacsv.ConvertOptions(column_types={c: pa.string() for c in ACCOUNT_COLUMNS},
                                    strings_can_be_null=False)
        return pacsv.read_csv(path, convert_options=opts)
    except FileNotFoundError:
        raise InputError("file not found", path) from None
    except pa.ArrowInvalid as exc:
        raise InputError(f"unreadable CSV: {exc}", path) from None


def _first_bad(mask: np.ndarray) -> int:
    """1-based file line of the first True in ``mask`` (line 1 is the header)."""
    return int(np.flatnonzero(mask)[0]) + 2


def read_accounts(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``accounts.csv`` as (account_id, score, flagged) arrays; bad cells name line and field."""
    table = _read_csv_strings(path)
    missing = [c for c in ("account_id", "score", "flagged") if c not in table.column_names]
    if missing:
        raise InputError(f"missing column(s): {', '.join(missing)}", path, 1)
    ids = np.asarray([csvsafe.restore(str(i)) for i in table["account_id"].to_pylist()], dtype=object)
    if len(ids) == 0:
        raise InputError("no accounts in file", path)
    empty = ids == ""
    if empty.any():
        raise InputError("empty account_id", path, _first_bad(empty), "account_id", "line")
    _uniq, first, counts = np.unique(ids.astype(str), return_index=True, return_counts=True)
    if (counts > 1).any():
        dup_line = int(np.sort(np.setdiff1d(np.arange(len(ids)), first))[0]) + 2
        raise InputError("duplicate account", path, dup_line, "account_id", "line")
    raw = np.asarray(table["score"].to_numpy(zero_copy_only=False), dtype=object).astype(str)
    score = np.full(len(raw), np.nan)
    numeric = np.char.str_len(raw) > 0
    try:
        score[numeric] = raw[numeric].astype(np.float64)
    except ValueError:
        bad = np.array([not csvsafe.is_number(s) for s in raw])
        raise InputError("score is not a number", path, _first_bad(bad), "score", "line") from None
    if not np.isfinite(score).all():
        raise InputError("score is missing or not finite", path, _first_bad(~np.isfinite(score)),
                         "score", "line")
    flag_text = np.char.lower(np.asarray(table["flagged"].to_numpy(zero_copy_only=False),
                                         dtype=object).astype(str))
    truthy = np.isin(flag_text, ["true", "1"])
    bad_flag = ~(truthy | np.isin(flag_text, ["false", "0"]))
    if bad_flag.any():
        raise InputError("flagged must be true or false", path, _first_bad(bad_flag), "flagged",
                         "line")
    return ids, score, truthy


def read_campaigns(path: Path) -> list[list[str]]:
    """Member lists from ``campaigns.json`` (a JSON list of objects with ``accounts``)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path, exc.lineno, row_kind="line") from None
    if not isinstance(data, list):
        raise InputError("expected a JSON list of campaigns", path)
    out: list[list[str]] = []
    for i, item in enumerate(data):
        accounts = item.get("accounts") if isinstance(item, dict) else None
        if not isinstance(accounts, list) or not all(isinstance(a, str) for a in accounts):
            raise InputError("campaign needs 'accounts': a list of account ids", path, i + 1,
                             "accounts", "item")
        out.append(accounts)
    return out


def load_detections(directory: Path) -> Detections:
    """Load ``accounts.csv`` (required) and ``campaigns.json`` (optional) from a run directory."""
    ids, score, flagged = read_accounts(directory / "accounts.csv")
    camp_path = directory / "campaigns.json"
    campaigns = read_campaigns(camp_path) if camp_path.exists() else None
    return Detections(ids, score, flagged, campaigns, read_decision(directory))


def load_labels(path: Path) -> Labels:
    table = read_labels(path)
    return Labels(
        np.asarray(table["account_id"].to_pylist(), dtype=object),
        np.asarray(pc.fill_null(table["campaign"], "").to_pylist(), dtype=object),
        np.asarray(pc.fill_null(table["population"], "").to_pylist(), dtype=object),
    )


def roc_auc(scores: np.ndarray, positive: np.ndarray) -> float | None:
    """Mann-Whitney AUC with average ranks for ties; None when a class is empty."""
    n_pos = int(positive.sum())
    n_neg = len(positive) - n_pos
    if n_pos == 0 or n_neg == 0:
        return None
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    upper = np.cumsum(counts)
    avg_rank = upper - (counts - 1) / 2.0  # 1-based average rank of each distinct value
    ranks = avg_rank[inverse]
    u = ranks[positive].sum() - n_pos * (n_pos + 1) / 2.0
    return float(u / (n_pos * n_neg))


def recall_at_fpr(scores: np.ndarray, positive: np.ndarray, fpr: float) -> RecallAtFpr:
    """Recall at a benign FPR by the strict-threshold rule in the module docstring."""
    benign = np.sort(scores[~positive])[::-1]
    n = len(benign)
    k = math.floor(fpr * n + 1e-9)
    threshold = float(benign[k]) if k < n else -math.inf
    detected = scores > threshold
    pos = int(positive.sum())
    recall = float(detected[positive].sum() / pos) if pos else math.nan
    achieved = float(detected[~positive].sum() / n) if n else math.nan
    return RecallAtFpr(fpr, threshold, recall, achieved, resolved=n * fpr >= 1.0)


def fp_by_population(flagged: np.ndarray, population: np.ndarray) -> dict[str, dict[str, float]]:
    """Per benign population: accounts, false positives and their rate."""
    names = np.where(population == "", "(unknown)", population).astype(str)
    pops, inverse = np.unique(names, return_inverse=True)
    total = np.bincount(inverse, minlength=len(pops))
    fps = np.bincount(inverse, weights=flagged.astype(np.float64), minlength=len(pops))
    return {str(p): {"accounts": int(t), "false_positives": int(f), "fpr": float(f / t)}
            for p, t, f in zip(pops, total, fps, strict=True)}


def campaign_matches(labels: Labels, campaigns: list[list[str]]) -> list[CampaignMatch]:
    """Best-matching reported campaign per true campaign: coverage and purity.

    The best match is the reported campaign holding most of the true campaign's accounts
    (ties: the earlier one in campaigns.json). Coverage = overlap / true campaign size;
    purity = overlap / reported campaign size.
    """
    attack = labels.campaign != ""
    names, camp_idx = np.unique(labels.campaign[attack].astype(str), return_inverse=True)
    sizes = np.bincount(camp_idx, minlength=len(names))
    lookup = dict(zip(labels.account_id[attack].tolist(), camp_idx.tolist(), strict=True))
    overlap = np.zeros((len(names), max(len(campaigns), 1)), dtype=np.int64)
    reported_sizes = np.array([len(set(c)) for c in campaigns] or [0])
    for j, members in enumerate(campaigns):
        idx = [lookup[a] for a in set(members) if a in lookup]
        overlap[:, j] = np.bincount(np.asarray(idx, dtype=np.int64), minlength=len(names))
    out = []
    for i, name in enumerate(names):
        j = int(np.argmax(overlap[i]))
        hit = int(overlap[i, j])
        out.append(CampaignMatch(
            str(name), int(sizes[i]), j if hit else None, hit / int(sizes[i]),
            hit / int(reported_sizes[j]) if hit else 0.0,
        ))
    return out


def align(det: Detections, labels: Labels) -> tuple[np.ndarray, np.ndarray, int, int]:
    """Scores and flags in label order; labelled accounts absent from detections score 0."""
    order = np.argsort(det.account_id.astype(str))
    sorted_ids = det.account_id[order].astype(str)
    lab_ids = labels.account_id.astype(str)
    pos = np.searchsorted(sorted_ids, lab_ids)
    pos_c = np.minimum(pos, len(sorted_ids) - 1)
    found = sorted_ids[pos_c] == lab_ids
    score = np.where(found, det.score[order][pos_c], 0.0)
    flagged = np.where(found, det.flagged[order][pos_c], False)
    unlabelled = len(sorted_ids) - int(np.isin(sorted_ids, lab_ids).sum())
    return score, flagged, int((~found).sum()), unlabelled


def request_counts(events: list[Path] | None, db: Path | None) -> dict[str, int]:
    """Requests per account from event files (Parquet, CSV, JSONL) or the store's events."""
    con = store.connect(db, read_only=True) if db and not events else store.connect(":memory:")
    try:
        if events:
            sources = [event_source(p) for p in events]
            sql = " UNION ALL ".join(f"SELECT account_id FROM {s}" for s in sources)
        else:
            sql = "SELECT account_id FROM events"
        rows = con.execute(f"SELECT account_id, count(*) FROM ({sql}) GROUP BY 1").fetchall()
    except duckdb.Error as exc:
        where = ", ".join(map(str, events)) if events else str(db)
        raise InputError(f"cannot count requests per account: {exc}", where) from None
    finally:
        con.close()
    return {str(a): int(n) for a, n in rows}


def event_source(path: Path) -> str:
    """A DuckDB table function reading an event file (Parquet, CSV or JSONL)."""
    if not path.exists():
        raise InputError("file not found", path)
    name = path.name.lower()
    quoted = str(path).replace("'", "''")
    if name.endswith(".parquet"):
        return f"read_parquet('{quoted}')"
    if name.endswith(".csv"):
        return f"read_csv('{quoted}', header=true)"
    if name.endswith((".jsonl", ".jsonl.gz", ".json", ".ndjson")):
        return f"read_json('{quoted}', format='newline_delimited')"
    raise InputError("unsupported events format (use Parquet, CSV or JSONL)", path)


def attack_request_share(labels: Labels, flagged: np.ndarray, counts: dict[str, int]) -> float | None:
    """Share of attack accounts' requests that came from flagged accounts."""
    n = np.array([counts.get(a, 0) for a in labels.account_id.tolist()], dtype=np.float64)
    attack = labels.campaign != ""
    total = n[attack].sum()
    return float(n[attack & flagged].sum() / total) if total else None


def evaluate(det: Detections, labels: Labels, counts: dict[str, int] | None = None) -> EvalResult:
    """Every metric of this module for one detection run."""
    score, flagged, missing, unlabelled = align(det, labels)
    positive = labels.campaign != ""
    n_pos, n_neg = int(positive.sum()), int((~positive).sum())
    notes = []
    if missing:
        notes.append(f"{missing} labelled accounts have no row in accounts.csv; scored 0, unflagged")
    if unlabelled:
        notes.append(f"{unlabelled} accounts in accounts.csv have no label; left out")
    fp = flagged & ~positive
    return EvalResult(
        accounts=len(positive), attackers=n_pos, benign=n_neg,
        missing_from_detections=missing, unlabelled_in_detections=unlabelled,
        roc_auc=roc_auc(score, positive),
        recall_at_fpr=[recall_at_fpr(score, positive, a) for a in FPR_LEVELS] if n_neg else [],
        flagged_recall=float(flagged[positive].mean()) if n_pos else None,
        flagged_fpr=float(fp.sum() / n_neg) if n_neg else None,
        false_positives=int(fp.sum()),
        fp_by_population=fp_by_population(flagged[~positive], labels.population[~positive]),
        campaigns=campaign_matches(labels, det.campaigns) if det.campaigns is not None else None,
        attack_request_share_flagged=(attack_request_share(labels, flagged, counts)
                                      if counts is not None else None),
        margins=(margins(det.decision, set(labels.account_id[positive].tolist()))
                 if det.decision is not None else None),
        notes=notes,
    )


def run_eval(detections: Path, labels: Path, events: list[Path] | None = None,
             db: Path | None = None, progress: Progress = NULL) -> EvalResult:
    """Load a detection run and labels, count requests when events are given, evaluate
    (reporting each stage to ``progress``)."""
    progress.stage("reading detections and labels")
    det = load_detections(detections)
    lab = load_labels(labels)
    if events or db:
        progress.stage("counting requests")
    counts = request_counts(events, db) if (events or db) else None
    progress.stage("evaluating")
    return evaluate(det, lab, counts)

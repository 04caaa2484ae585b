"""What every baseline shares: reading requests, hashed text vectors, writing accounts.csv."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
from scipy import sparse

from frontierguard.core import csvsafe, store
from frontierguard.core.errors import InputError
from frontierguard.traffic.evaluate import event_source

HASH_DIMS = 1 << 10


@dataclass(frozen=True)
class Requests:
    """Requests sorted by account then time, with per-account offsets.

    ``starts[i]:starts[i+1]`` are the rows of ``accounts[i]``.
    """

    accounts: np.ndarray  # distinct account ids (object array of str)
    starts: np.ndarray  # int64, len(accounts) + 1
    ts_ms: np.ndarray  # int64 per request
    vectors: sparse.csr_matrix | None  # L2-normalised hashed bag of words per request

    @property
    def counts(self) -> np.ndarray:
        return np.diff(self.starts)


@dataclass(frozen=True)
class BaselineScores:
    """One baseline's verdict per account, in the accounts.csv contract."""

    account_id: np.ndarray
    score: np.ndarray
    flagged: np.ndarray
    reasons: list[str]


def _requests_sql(paths: Sequence[Path], with_prompt: bool) -> str:
    cols = "account_id, ts" + (", prompt" if with_prompt else "")
    union = " UNION ALL ".join(f"SELECT {cols} FROM {event_source(p)}" for p in paths)
    prompt = ", coalesce(CAST(prompt AS VARCHAR), '') AS prompt" if with_prompt else ""
    return (
        "CREATE TEMP TABLE req AS SELECT (row_number() OVER (ORDER BY account_id, t) - 1) AS rid, "
        f"account_id, t{', prompt' if with_prompt else ''} FROM ("
        "SELECT CAST(account_id AS VARCHAR) AS account_id, "
        f"epoch_ms(CAST(ts AS TIMESTAMPTZ)) AS t{prompt} FROM ({union}))"
    )


def load_requests(paths: Sequence[Path], *, with_vectors: bool, dims: int = HASH_DIMS) -> Requests:
    """Requests from event files; optionally hashed word vectors (hashing trick, in DuckDB)."""
    if not paths:
        raise InputError("no event files given")
    con = store.connect(":memory:")
    try:
        con.execute("SET TimeZone = 'UTC'")
        con.execute("SET enable_progress_bar = false")
        con.execute("SET memory_limit = '1GB'")
        try:
            con.execute(_requests_sql(paths, with_vectors))
        except duckdb.Error as exc:
            raise InputError(f"cannot read events: {exc}", ", ".join(map(str, paths))) from None
        meta = con.execute("SELECT account_id, t FROM req ORDER BY rid").fetchnumpy()
        n = len(meta["t"])
        vectors = _hashed_vectors(con, n, dims) if with_vectors and n else None
    finally:
        con.close()
    if n == 0:
        raise InputError("no events in input", ", ".join(map(str, paths)))
    ids = np.asarray(meta["account_id"]).astype(str)
    change = np.flatnonzero(ids[1:] != ids[:-1]) + 1
    starts = np.concatenate([[0], change, [len(ids)]]).astype(np.int64)
    return Requests(ids[starts[:-1]].astype(object), starts,
                    np.asarray(meta["t"]).astype(np.int64), vectors)


def _hashed_vectors(con: duckdb.DuckDBPyConnection, n: int, dims: int) -> sparse.csr_matrix:
    trip = con.execute(
        "SELECT rid, CAST(hash(w) % ? AS INTEGER) AS col, CAST(count(*) AS FLOAT) AS v FROM ("
        "  SELECT rid, unnest(regexp_split_to_array(lower(left(prompt, 2000)), '[^a-z0-9]+')) AS w"
        "  FROM req) WHERE w <> '' GROUP BY ALL", [dims],
    ).fetchnumpy()
    mat = sparse.csr_matrix((trip["v"], (trip["rid"], trip["col"])), shape=(n, dims),
                            dtype=np.float32)
    norms = np.sqrt(np.asarray(mat.multiply(mat).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ mat, dtype=np.float32)


def ecdf_score(values: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """Share of ``reference`` strictly below each value: a score in [0, 1]."""
    ref = np.sort(reference[np.isfinite(reference)])
    if len(ref) == 0:
        return np.zeros(len(values))
    out = np.searchsorted(ref, values, side="left") / len(ref)
    return np.where(np.isfinite(values), out, 0.0)


def write_accounts(scores: BaselineScores, out_dir: Path) -> Path:
    """Write ``accounts.csv`` in the detection contract (cluster_id left empty)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    n = len(scores.account_id)
    table = pa.table({
        "account_id": pa.array([csvsafe.neutralise(a) for a in scores.account_id.astype(str)]),
        "score": pa.array(np.round(scores.score.astype(np.float64), 6)),
        "flagged": pa.array(np.where(scores.flagged, "true", "false")),
        "cluster_id": pa.array([""] * n),
        "reasons": pa.array(scores.reasons, pa.string()),
    })
    path = out_dir / "accounts.csv"
    pacsv.write_csv(table, path, pacsv.WriteOptions(quoting_style="needed"))
    return path

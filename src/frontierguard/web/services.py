"""The few compositions the service needs on top of one library call each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI

from frontierguard.core.store import table_exists


def start_detection(app: FastAPI, releases_csv: str | None, started_by: str | None) -> str:
    """Start a background detection run over the store's events."""
    import tempfile

    from frontierguard.core.errors import InputError
    from frontierguard.traffic.tables import read_releases

    db: Path = app.state.config.db
    con = app.state.con.cursor()
    if not table_exists(con, "events") or not con.execute("SELECT count(*) FROM events").fetchall()[0][0]:
        raise InputError("the store has no events yet: ingest traffic first")
    if releases_csv:
        with tempfile.TemporaryDirectory() as tmp:
            check = Path(tmp) / "releases.csv"
            check.write_text(releases_csv)
            read_releases(check)

    def runner(out: Path, progress: Callable[[float, str], None]) -> None:
        out.mkdir(parents=True, exist_ok=True)
        releases = None
        if releases_csv:
            releases = out / "releases.csv"
            releases.write_text(releases_csv)
        from frontierguard.traffic.detect import run_detection

        progress(0.05, "detecting")
        run_detection(None, db=db, releases=releases, out_dir=out, con=app.state.con.cursor())

    return str(app.state.jobs.start(runner, started_by))


def account_timeline(con: duckdb.DuckDBPyConnection, account_id: str) -> list[dict[str, Any]]:
    """Requests per hour and model for one account, from the store."""
    if not table_exists(con, "events"):
        return []
    rel = con.execute(
        "SELECT date_trunc('hour', ts) AS hour, model, count(*) AS requests FROM events "
        "WHERE account_id = ? GROUP BY ALL ORDER BY hour, model", [account_id],
    )
    return [{"hour": h.isoformat(), "model": m, "requests": n} for h, m, n in rel.fetchall()]


def _hourly(con: duckdb.DuckDBPyConnection, accounts: list[str]) -> list[tuple[Any, str, int]]:
    if not table_exists(con, "events") or not accounts:
        return []
    con.register("_members", __import__("pyarrow").table({"account_id": accounts}))
    try:
        return list(con.execute(
            "SELECT date_trunc('hour', ts) AS hour, model, count(*) FROM events "
            "SEMI JOIN _members USING (account_id) GROUP BY ALL ORDER BY hour"
        ).fetchall())
    finally:
        con.unregister("_members")


def _timeline_svg(rows: list[tuple[Any, str, int]], title: str) -> str:
    from frontierguard.core.report import figure_svg, new_figure

    fig, ax = new_figure(7.5, 2.4)
    models = sorted({m for _, m, _ in rows})
    for model in models:
        pts = [(h, n) for h, m, n in rows if m == model]
        ax.plot([p[0] for p in pts], [p[1] for p in pts], lw=1, label=model)
    ax.set_title(title, fontsize=9, loc="left")
    ax.set_ylabel("requests / hour")
    if models:
        ax.legend(fontsize=7, frameon=False)
    fig.autofmt_xdate()
    return str(figure_svg(fig))


def campaign_timeline_svg(con: duckdb.DuckDBPyConnection, campaign: dict[str, Any]) -> str:
    """Requests per hour of a campaign's accounts, one line per model."""
    return _timeline_svg(_hourly(con, list(campaign["accounts"])), "requests per hour by model")


def account_timeline_svg(con: duckdb.DuckDBPyConnection, account_id: str) -> str:
    return _timeline_svg(_hourly(con, [account_id]), "requests per hour by model")


def campaign_sparkline(con: duckdb.DuckDBPyConnection, campaign: dict[str, Any]) -> str:
    """A small inline SVG of hourly volume (no axes) for the campaign list."""
    rows = _hourly(con, list(campaign["accounts"]))
    totals: dict[Any, int] = {}
    for hour, _, n in rows:
        totals[hour] = totals.get(hour, 0) + n
    values = list(totals.values()) or [0]
    peak = max(values) or 1
    w, h = 160, 28
    step = w / max(1, len(values) - 1)
    pts = " ".join(f"{i * step:.1f},{h - v / peak * h:.1f}" for i, v in enumerate(values))
    return (f'<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" '
            f'aria-label="hourly volume"><polyline fill="none" stroke="#b42318" '
            f'stroke-width="1" points="{pts}"/></svg>')


def verdict_of(con: duckdb.DuckDBPyConnection, account_id: str) -> str | None:
    from frontierguard.traffic.feedback import latest_feedback

    table = latest_feedback(con)
    for row in table.to_pylist():
        if row["account_id"] == account_id:
            return str(row["verdict"])
    return None


async def ingest_upload(request: Any, upload: Any) -> str:
    """Ingest an uploaded events file from the runs page; returns a one-line summary."""
    import shutil
    import tempfile

    from frontierguard.core.errors import InputError
    from frontierguard.traffic.ingest import load_events

    if upload is None or not getattr(upload, "filename", ""):
        raise InputError("choose an events file to upload")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(upload.filename).name
        with path.open("wb") as fh:
            shutil.copyfileobj(upload.file, fh)
        con = request.app.state.con.cursor()
        report = load_events(con, [path])
    return f"ingested {report.inserted} new events ({report.duplicates} duplicates)"

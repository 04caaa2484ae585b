"""The few compositions the service needs on top of one library call each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI

from frontierguard.core.store import table_exists
from frontierguard.traffic.ingest import IngestReport, OnError


def check_releases(releases_csv: str | None) -> None:
    """Validate a releases CSV (``model,released_at``) before anything is written."""
    import tempfile

    from frontierguard.core.errors import InputError
    from frontierguard.traffic.tables import read_releases

    if not releases_csv:
        return
    with tempfile.TemporaryDirectory() as tmp:
        check = Path(tmp) / "releases.csv"
        check.write_text(releases_csv)
        try:
            read_releases(check)
        except InputError as exc:
            raise InputError(exc.message, "releases.csv", exc.row, exc.field, exc.row_kind) from None


def start_detection(app: FastAPI, releases_csv: str | None, started_by: str | None) -> str:
    """Start a background detection run over the store's events."""
    from frontierguard.core.errors import InputError

    db: Path = app.state.config.db
    con = app.state.con.cursor()
    if not table_exists(con, "events") or not con.execute("SELECT count(*) FROM events").fetchall()[0][0]:
        raise InputError("the store has no events yet: ingest traffic first")
    check_releases(releases_csv)

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

    fig, ax = new_figure(11.0, 2.6)
    models = sorted({m for _, m, _ in rows})
    for model in models:
        pts = [(h, n) for h, m, n in rows if m == model]
        ax.plot([p[0] for p in pts], [p[1] for p in pts], lw=0.8, marker=".", ms=3, label=model)
    ax.set_title(title, fontsize=9, loc="left")
    ax.set_ylabel("requests / hour")
    if models:
        ax.legend(fontsize=7, frameon=False)
    fig.autofmt_xdate()
    return str(figure_svg(fig))


def _campaign_hourly(con: duckdb.DuckDBPyConnection, campaign: dict[str, Any]) -> list[tuple[Any, str, int]]:
    """The campaign's hourly volume by model: from the run output, else from the store."""
    import datetime as dt

    if campaign.get("timeline"):
        return [(dt.datetime.fromisoformat(str(t["hour"])), str(t["model"]), int(t["requests"]))
                for t in campaign["timeline"]]
    return _hourly(con, list(campaign["accounts"]))


def campaign_timeline_svg(con: duckdb.DuckDBPyConnection, campaign: dict[str, Any]) -> str:
    """Requests per hour of a campaign's accounts, one line per model."""
    return _timeline_svg(_campaign_hourly(con, campaign), "requests per hour by model")


def account_timeline_svg(con: duckdb.DuckDBPyConnection, account_id: str) -> str:
    return _timeline_svg(_hourly(con, [account_id]), "requests per hour by model")


def campaign_sparkline(con: duckdb.DuckDBPyConnection, campaign: dict[str, Any]) -> str:
    """A small inline SVG of hourly volume (no axes) for the campaign list."""
    totals: dict[Any, int] = {}
    for hour, _, n in _campaign_hourly(con, campaign):
        totals[hour] = totals.get(hour, 0) + n
    values = [totals[h] for h in sorted(totals)] or [0]
    peak = max(values) or 1
    w, h = 180, 30
    step = w / max(1, len(values) - 1)
    pts = " ".join(f"{i * step:.1f},{h - v / peak * (h - 2):.1f}" for i, v in enumerate(values))
    return (f'<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" '
            f'aria-label="hourly volume, peak {peak} requests"><polyline fill="none" '
            f'stroke="#b42318" stroke-width="1.2" points="{pts}"/></svg>')


def verdict_of(con: duckdb.DuckDBPyConnection, account_id: str) -> str | None:
    """The account's latest analyst verdict, if any."""
    import pyarrow.compute as pc

    from frontierguard.traffic.feedback import latest_feedback

    table = latest_feedback(con)
    mine = table.filter(pc.equal(table["account_id"], account_id))
    return str(mine["verdict"][0]) if mine.num_rows else None


def load_upload(con: duckdb.DuckDBPyConnection, path: Path, name: str,
                on_error: OnError = "fail") -> IngestReport:
    """Ingest one uploaded file saved at ``path``; errors and the report name it ``name``,
    never the server's temporary path."""
    from frontierguard.core.errors import InputError
    from frontierguard.traffic.ingest import load_events

    try:
        report = load_events(con, [path], on_error)
    except InputError as exc:
        raise InputError(exc.message, name, exc.row, exc.field, exc.row_kind) from None
    report.files = [name]
    report.errors = [replace(err, file=name) for err in report.errors]
    return report


async def ingest_upload(request: Any, upload: Any) -> str:
    """Ingest an uploaded events file from the runs page; returns a one-line summary."""
    import shutil
    import tempfile

    from frontierguard.core.errors import InputError

    if upload is None or not getattr(upload, "filename", ""):
        raise InputError("choose an events file to upload")
    name = Path(upload.filename).name
    if name in ("", ".", ".."):
        raise InputError(f"unusable upload file name {upload.filename!r}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        with path.open("wb") as fh:
            shutil.copyfileobj(upload.file, fh)
        try:
            report = load_upload(request.app.state.con.cursor(), path, name)
        finally:
            request.app.state.reads.bump()
    return f"ingested {report.inserted} new events ({report.duplicates} duplicates)"


async def read_releases_upload(upload: Any) -> str | None:
    """The text of an optional releases CSV from a form (None when no file was chosen)."""
    from frontierguard.core.errors import InputError

    if upload is None or isinstance(upload, str) or not getattr(upload, "filename", ""):
        return None
    try:
        return str((await upload.read()).decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("releases file is not UTF-8 text", upload.filename) from None

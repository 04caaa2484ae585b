"""Every request becomes an event in the store, written off the request path, never lost.

The request path hands each event to :meth:`EventWriter.offer`, which never waits: the event
goes on a bounded in-memory queue or, when that is full, straight into a batch file on disk.
A background task takes events off the queue in batches, writes each batch as a Parquet file
to the spool folder (atomically: a temporary name, then a rename) and ingests every spooled
file into the store through the ``traffic`` ingest path (validated, deduplicated on the
gateway's request id, all or nothing). A file is deleted only once it is in the store; while
the store is locked by another process the files wait on disk and the writer retries, and
files left by a gateway that stopped are ingested when the next one starts.

Columns are the event model's; the decision and OpenTelemetry GenAI attributes
(``gen_ai.system``, ``gen_ai.operation.name``, ``gen_ai.response.id``, ...) are extra
columns, which ingest keeps in ``extra``.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from frontierguard.core.errors import InputError, StoreBusyError
from frontierguard.core.store import connect
from frontierguard.traffic.ingest import load_events
from frontierguard.traffic.schema import EVENT_SCHEMA

log = logging.getLogger("frontierguard.gateway")
EXTRA_COLUMNS = ("gen_ai.system", "gen_ai.operation.name", "gen_ai.request.model",
                 "gen_ai.response.id", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens",
                 "http.response.status_code", "frontierguard.gateway.action",
                 "frontierguard.gateway.reasons", "frontierguard.gateway.rules",
                 "frontierguard.gateway.standing", "frontierguard.gateway.cot_score",
                 "frontierguard.gateway.cot_rules")
_INTS = {"gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "http.response.status_code"}
SCHEMA = pa.schema([*EVENT_SCHEMA, *(pa.field(n, pa.int64() if n in _INTS else (
    pa.float64() if n.endswith("cot_score") else pa.string())) for n in EXTRA_COLUMNS)])


class EventWriter:
    """Bounded queue, Parquet spool and background ingest into the store at ``db``."""

    def __init__(self, db: Path, spool: Path, queue_size: int, batch_size: int,
                 flush_s: float, retry_s: float) -> None:
        self.db, self.spool = db, spool
        self.batch_size, self.flush_s, self.retry_s = batch_size, flush_s, retry_s
        self.queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize=queue_size)
        self.written = self.busy = self.spilled = 0
        self._seq = itertools.count()
        self._task: asyncio.Task[None] | None = None
        self._next_try = 0.0
        self._stopping = False

    def spool_files(self) -> list[Path]:
        return sorted(self.spool.glob("*.parquet"))

    def offer(self, event: dict[str, Any]) -> None:
        """Queue ``event``; when the queue is full, write it to disk now (never dropped)."""
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:
            self.spilled += 1
            self._spool([event])

    def _spool(self, batch: list[dict[str, Any]]) -> None:
        self.spool.mkdir(parents=True, exist_ok=True)
        name = f"{time.time_ns():020d}-{os.getpid()}-{next(self._seq):06d}"
        tmp = self.spool / f"{name}.tmp"
        pq.write_table(pa.Table.from_pylist(batch, schema=SCHEMA), tmp)
        os.replace(tmp, self.spool / f"{name}.parquet")

    def ingest(self) -> int:
        """Ingest every spooled file into the store; returns events written (0 if busy)."""
        files = self.spool_files()
        if not files:
            return 0
        try:
            con = connect(self.db)
        except StoreBusyError as exc:
            self.busy += 1
            log.warning("store busy, %d event file(s) wait on disk: %s", len(files), exc)
            return 0
        try:
            con.execute("SET threads = 1")  # leave the other cores to the request path
            report = load_events(con, files)
        except InputError as exc:  # a file ingest rejects is kept aside, not deleted
            log.error("event file rejected by ingest, kept in %s: %s", self.spool / "rejected", exc)
            self._set_aside(files, exc)
            return 0
        finally:
            con.close()
        for f in files:
            f.unlink()
        self.written += report.rows_read
        return report.rows_read

    def _set_aside(self, files: list[Path], exc: InputError) -> None:
        bad = Path(str(exc.file)) if exc.file else None
        (self.spool / "rejected").mkdir(exist_ok=True)
        for f in files:
            if bad is None or f == bad:
                os.replace(f, self.spool / "rejected" / f.name)

    def _drain(self) -> list[dict[str, Any]]:
        batch: list[dict[str, Any]] = []
        while len(batch) < self.batch_size:
            try:
                batch.append(self.queue.get_nowait())
            except asyncio.QueueEmpty:
                break
        return batch

    async def _step(self) -> None:
        batch: list[dict[str, Any]] = []
        with contextlib.suppress(TimeoutError):
            batch.append(await asyncio.wait_for(self.queue.get(), self.flush_s))
        if batch and self.queue.qsize() < self.batch_size - 1 and not self._stopping:
            await asyncio.sleep(self.flush_s)  # let the batch fill: one file per interval
        batch += self._drain()
        if batch:
            await asyncio.to_thread(self._spool, batch)
        due = self.spool_files() and time.monotonic() >= self._next_try
        if due and await asyncio.to_thread(self.ingest) == 0 and self.spool_files():
            self._next_try = time.monotonic() + self.retry_s

    async def _run(self) -> None:
        while not self._stopping:
            try:
                await self._step()
            except Exception:  # a full disk, say: log it and keep the events queued
                log.exception("event writer step failed; retrying")
                await asyncio.sleep(self.retry_s)

    def start(self) -> None:
        """Start the background writer (inside the running event loop)."""
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def close(self, deadline_s: float) -> None:
        """Stop the writer: spool what is queued and try the store until ``deadline_s``."""
        self._stopping = True  # the task ends after its current step (at most flush_s idle)
        if self._task is not None:
            await self._task
        while batch := self._drain():
            await asyncio.to_thread(self._spool, batch)
        end = time.monotonic() + deadline_s
        while self.spool_files() and time.monotonic() < end:
            if await asyncio.to_thread(self.ingest) == 0:
                await asyncio.sleep(min(self.retry_s, max(0.0, end - time.monotonic())))
        if self.spool_files():
            log.warning("%d event file(s) stay in %s for the next start", len(self.spool_files()),
                        self.spool)

"""No event lost: the gateway's event writer under a steady stream of events while another
process locks the store for a while midway.

Offers ``--events`` events (default 100,000) to an :class:`EventWriter` at ``--rate`` per
second from the event loop, as the request path does; after a third of them, a second
process takes the store's lock for ``--lock-s`` seconds (default 30). Prints how many events
were offered, how many went straight to disk because the queue was full, how many times
the writer found the store busy, the most batch files waiting on disk, and how many events
are in the store at the end (distinct request ids): the two counts must match. Usage::

    .venv/bin/python benchmarks/gateway_events.py [--events 100000] [--rate 2000] [--lock-s 30]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from frontierguard.core.store import connect
from frontierguard.gateway.events import EventWriter

HOLD = """
import sys, time, duckdb
while True:
    try:
        con = duckdb.connect(sys.argv[1])
        break
    except duckdb.IOException:
        time.sleep(0.01)
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def event(i: int) -> dict[str, object]:
    return {"ts": dt.datetime.now(dt.UTC), "account_id": f"acct-{i % 500}", "model": "frontier-1",
            "request_id": f"gw-bench-{i}", "prompt": f"question {i}", "endpoint": "/v1/messages",
            "input_tokens": 20, "output_tokens": 30, "frontierguard.gateway.action": "allow"}


async def offer_all(writer: EventWriter, n: int, rate: float, db: Path, lock_s: float) -> int:
    writer.start()
    start = time.perf_counter()
    holder = None
    most_files = 0
    for i in range(n):
        if i == n // 3:
            holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(lock_s)],
                                      stdout=subprocess.PIPE, text=True)
        writer.offer(event(i))
        if i % 200 == 0:
            most_files = max(most_files, len(writer.spool_files()))
            await asyncio.sleep(max(0.0, start + i / rate - time.perf_counter()))
    if holder is not None:
        await asyncio.to_thread(holder.wait)
    await writer.close(deadline_s=120)
    return most_files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rate", type=float, default=2000.0)
    parser.add_argument("--lock-s", type=float, default=30.0)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="fg-gateway-events-"))
    db = tmp / "store.duckdb"
    writer = EventWriter(db, tmp / "spool", queue_size=10_000, batch_size=5_000, flush_s=1.0,
                         retry_s=2.0)
    t0 = time.perf_counter()
    most_files = asyncio.run(offer_all(writer, args.events, args.rate, db, args.lock_s))
    con = connect(db)
    stored = con.execute("SELECT count(DISTINCT request_id) FROM events").fetchall()[0][0]
    con.close()
    print(f"offered {args.events} events at {args.rate:g}/s, store locked {args.lock_s:g} s "
          f"after {args.events // 3}")
    print(f"  straight to disk (queue full): {writer.spilled}")
    print(f"  writer found the store busy:   {writer.busy} times")
    print(f"  most batch files on disk:      {most_files}")
    print(f"  events in the store:           {stored} (lost: {args.events - stored})")
    print(f"  wall time:                     {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()

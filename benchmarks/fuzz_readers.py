"""Fuzz every reader for longer than `make test` does: prints examples run and wall time.

Usage: .venv/bin/python benchmarks/fuzz_readers.py [EXAMPLES_PER_READER]   (default 5000)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    examples = sys.argv[1] if len(sys.argv) > 1 else "5000"
    start = time.perf_counter()
    rc = subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          str(ROOT / "tests/traffic/test_fuzz_readers.py")],
                         env={**os.environ, "FUZZ_EXAMPLES": examples}, cwd=ROOT)
    print(f"fuzzed 8 readers x {examples} examples in {time.perf_counter() - start:.0f} s: "
          f"{'no exception other than input errors' if rc == 0 else 'FAILURES (see above)'}")
    return rc


if __name__ == "__main__":
    raise SystemExit(main())

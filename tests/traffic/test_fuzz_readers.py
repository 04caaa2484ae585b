"""Fuzzing the readers: whatever the bytes, a reader returns or raises the project's own input
errors, never anything else. A bounded run here (``FUZZ_EXAMPLES``, default 60 per reader);
``benchmarks/fuzz_readers.py`` runs the same properties far longer."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from frontierguard.core.datafiles import load_yaml, package_data
from frontierguard.core.errors import FrontierguardError
from frontierguard.core.store import connect
from frontierguard.traffic.ingest import load_events
from frontierguard.traffic.policy import load_policy
from frontierguard.traffic.rules import parse_capability, parse_cot

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None)
RECORD = {"ts": 1772359200000, "account_id": "a1", "model": "m", "prompt": "hi", "asn": 64500,
          "thinking": True, "country": "SG", "ip": "10.0.0.1"}
JSONL = "".join(json.dumps({**RECORD, "request_id": f"r{i}"}) + "\n" for i in range(3)).encode()
CSV = b"ts,account_id,model,prompt,asn\n1772359200000,a1,m,hi,64500\n1772359200001,a2,m,yo,1\n"
OTLP = json.dumps({"resourceSpans": [{"resource": {"attributes": [
    {"key": "enduser.id", "value": {"stringValue": "a1"}}]}, "scopeSpans": [{"spans": [{
        "spanId": "s1", "startTimeUnixNano": "1772359200000000000", "attributes": [
            {"key": "gen_ai.request.model", "value": {"stringValue": "m"}},
            {"key": "gen_ai.usage.output_tokens", "value": {"intValue": "12"}}]}]}]}]}).encode()


def _parquet() -> bytes:
    sink = io.BytesIO()
    pq.write_table(pa.table({k: [v] * 3 for k, v in RECORD.items()}), sink, compression="none")
    return sink.getvalue()


PARQUET = _parquet()


def _mutated(seed: bytes) -> st.SearchStrategy[bytes]:
    """The seed with a few bytes replaced, inserted or cut, or plain random bytes."""
    edit = st.tuples(st.integers(0, max(0, len(seed) - 1)), st.integers(0, 8), st.binary(max_size=8))

    def apply(edits: list[tuple[int, int, bytes]]) -> bytes:
        data = bytearray(seed)
        for at, cut, new in edits:
            data[at:at + cut] = new
        return bytes(data)

    return st.one_of(st.lists(edit, min_size=1, max_size=6).map(apply), st.binary(max_size=300))


def _only_input_errors(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        with contextlib.suppress(FrontierguardError):
            load_events(connect(":memory:"), [path], "skip")


@FUZZ
@given(_mutated(JSONL))
def test_fuzz_jsonl(data: bytes) -> None:
    _only_input_errors(data, "e.jsonl")


@FUZZ
@given(_mutated(gzip.compress(JSONL)))
def test_fuzz_jsonl_gz(data: bytes) -> None:
    _only_input_errors(data, "e.jsonl.gz")


@FUZZ
@given(_mutated(CSV))
def test_fuzz_csv(data: bytes) -> None:
    _only_input_errors(data, "e.csv")


@FUZZ
@given(_mutated(PARQUET))
def test_fuzz_parquet(data: bytes) -> None:
    _only_input_errors(data, "e.parquet")


@FUZZ
@given(_mutated(OTLP))
def test_fuzz_otlp(data: bytes) -> None:
    _only_input_errors(data, "e.json")


def _yaml_loader(seed: Path, load: Callable[[str], object]) -> Callable[[bytes], None]:
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / seed.name
            path.write_bytes(data)
            with contextlib.suppress(FrontierguardError):
                load(str(path))
    return run


COT = package_data("frontierguard.traffic.rules", "cot_v1.yaml")
CAPABILITY = package_data("frontierguard.traffic.rules", "capability_v1.yaml")
POLICY = package_data("frontierguard.traffic.policies", "policy_v4.yaml")


@FUZZ
@given(_mutated(COT.read_bytes()))
def test_fuzz_cot_rules(data: bytes) -> None:
    _yaml_loader(COT, lambda p: parse_cot(load_yaml(p), p))(data)


@FUZZ
@given(_mutated(CAPABILITY.read_bytes()))
def test_fuzz_capability_rules(data: bytes) -> None:
    _yaml_loader(CAPABILITY, lambda p: parse_capability(load_yaml(p), p))(data)


@FUZZ
@given(_mutated(POLICY.read_bytes()))
def test_fuzz_policy(data: bytes) -> None:
    _yaml_loader(POLICY, load_policy)(data)

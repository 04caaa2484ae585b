"""share push/pull against a real TAXII 2.1 server (medallion, memory backend, loopback)."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from frontierguard.cli import app
from frontierguard.traffic.sharing import api, match, partners, revoke
from frontierguard.traffic.sharing.keys import load_key
from support.sharing_data import lab_b

runner = CliRunner()
COLLECTION = "365fed99-08fa-fdcd-a1b3-fb247eb41d01"
USER, PASSWORD = "lab", "correct horse battery staple"
READY_DEADLINE_S = 120.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def medallion_files(folder: Path, port: int) -> Path:
    root = f"http://127.0.0.1:{port}/share/"
    data = {
        "/discovery": {"title": "sharing group", "default": root, "api_roots": [root]},
        "share": {
            "information": {"title": "distillation indicators",
                            "versions": ["application/taxii+json;version=2.1"],
                            "max_content_length": 50_000_000},
            "status": [],
            "collections": [{"id": COLLECTION, "title": "campaigns", "can_read": True,
                             "can_write": True, "objects": [], "manifest": [],
                             "media_types": ["application/stix+json;version=2.1"]}],
        },
    }
    (folder / "data.json").write_text(json.dumps(data))
    config = {"backend": {"module": "medallion.backends.memory_backend",
                          "module_class": "MemoryBackend", "filename": str(folder / "data.json")},
              "users": {USER: PASSWORD}, "taxii": {"max_page_size": 100}}
    (folder / "config.json").write_text(json.dumps(config))
    return folder / "config.json"


def wait_ready(proc: subprocess.Popen[bytes], url: str) -> None:
    deadline = time.monotonic() + READY_DEADLINE_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"medallion exited with {proc.returncode}")
        try:
            r = httpx.get(url, auth=(USER, PASSWORD), timeout=2.0,
                          headers={"Accept": "application/taxii+json;version=2.1"})
            if r.status_code == 200:
                return
        except httpx.TransportError:
            pass
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=0.2)  # a pause that ends early if the server dies
    raise RuntimeError("medallion did not answer before the deadline")


@pytest.fixture
def taxii(tmp_path: Path) -> Iterator[str]:
    """The API root URL of a fresh medallion server."""
    port = free_port()
    config = medallion_files(tmp_path, port)
    proc = subprocess.Popen([sys.executable, "-m", "medallion.scripts.run", "--host",
                             "127.0.0.1", "--port", str(port), str(config)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(proc, f"http://127.0.0.1:{port}/taxii2/")
        yield f"http://127.0.0.1:{port}/share/"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def cli(*args: str) -> tuple[int, str]:
    r = runner.invoke(app, ["share", *args])
    return r.exit_code, r.output


def test_round_trip_push_pull_match_and_revoke(taxii: str, detections: Path, key_file: Path,
                                               tmp_path: Path) -> None:
    api.export_bundle(detections, tmp_path / "a.json", key_file, "Lab A")
    auth = ("--taxii", taxii, "--collection", COLLECTION, "--user", USER, "--password", PASSWORD)
    code, out = cli("push", str(tmp_path / "a.json"), *auth, "--json")
    assert code == 0, out
    store = tmp_path / "lab_b.duckdb"
    code, out = cli("pull", *auth, "--key-file", str(key_file), "--db", str(store), "--json")
    assert code == 0, out
    assert json.loads(out)["indicators"] == 7
    found = match.matches(lab_b(), load_key(key_file), partners.read_active(store), 0.6)
    assert {m.account_id for m in found if m.linked} == {"b_card", "b_exit"}
    revoke.write(tmp_path / "a.json", ["C001"], tmp_path / "r.json")
    assert cli("push", str(tmp_path / "r.json"), *auth)[0] == 0
    assert cli("pull", *auth, "--key-file", str(key_file), "--db", str(store))[0] == 0
    assert partners.read_active(store) is None


def test_wrong_password_is_a_clear_error(taxii: str, detections: Path, key_file: Path,
                                         tmp_path: Path) -> None:
    api.export_bundle(detections, tmp_path / "a.json", key_file, "Lab A")
    code, out = cli("push", str(tmp_path / "a.json"), "--taxii", taxii, "--collection",
                    COLLECTION, "--user", USER, "--password", "wrong")
    assert code == 2
    assert f"{taxii}collections/{COLLECTION}/" in " ".join(out.split())


def test_empty_collection_stores_nothing(taxii: str, key_file: Path, tmp_path: Path) -> None:
    code, out = cli("pull", "--taxii", taxii, "--collection", COLLECTION, "--user", USER,
                    "--password", PASSWORD, "--key-file", str(key_file), "--db",
                    str(tmp_path / "b.duckdb"), "--json")
    assert code == 0, out
    assert json.loads(out)["indicators"] == 0 and not (tmp_path / "b.duckdb").exists()

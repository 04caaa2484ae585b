"""``frontierguard tokens create`` and ``serve``: loopback by default, no secrets in logs."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
from typer.testing import CliRunner

from frontierguard.cli import app
from frontierguard.core.store import connect

FG = [str(Path(sys.executable).parent / "frontierguard")]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_tokens_create_prints_once_and_stores_a_hash(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["tokens", "create", "--role", "admin", "--db", str(db)])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip()
    assert token.startswith("fg_")
    con = connect(db)
    stored = con.execute("SELECT token_id, secret_sha256, role FROM api_tokens").fetchall()
    con.close()
    assert stored[0][0] == token.split("_")[1] and stored[0][2] == "admin"
    assert token.split("_", 2)[2] not in stored[0][1]
    bad = CliRunner().invoke(app, ["tokens", "create", "--role", "root", "--db", str(db)])
    assert bad.exit_code == 2 and "role must be one of" in bad.output


def test_serve_binds_loopback_and_never_logs_tokens(tmp_path: Path, wait_until: Any) -> None:
    db = tmp_path / "s.duckdb"
    con = connect(db)
    from frontierguard.core.tokens import create_token

    token = create_token(con, "analyst", "logs")
    con.close()
    port = _port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([*FG, "serve", "--db", str(db), "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        def up() -> bool:
            assert proc.poll() is None, proc.communicate()[0]
            try:
                return httpx.get(f"http://127.0.0.1:{port}/health").status_code == 200
            except httpx.TransportError:
                return False

        wait_until(up, "frontierguard serve to answer /health", 120)
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(f"{base}/api/v1/settings",
                         headers={"Authorization": f"Bearer {token}"}).status_code == 200
        assert httpx.get(f"{base}/api/v1/settings",
                         headers={"Authorization": f"Bearer {token}x"}).status_code == 401
        assert httpx.post(f"{base}/login", data={"token": token}).status_code == 303
        assert httpx.get(f"{base}/?token={token}").status_code == 303
    finally:
        proc.terminate()
        output = proc.communicate(timeout=60)[0]
    assert f"http://127.0.0.1:{port}/" in output
    secret = token.split("_", 2)[2]
    assert secret not in output
    assert "GET /api/v1/settings" not in output  # no access log

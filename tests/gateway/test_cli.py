"""``frontierguard gateway``: bad options and files are clean errors (exit 2), no traceback;
the gateway's settings are listed; the package imports only core and traffic."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from typer.testing import CliRunner

import frontierguard.gateway
from frontierguard.cli import app

runner = CliRunner()


def test_help_names_every_option() -> None:
    result = runner.invoke(app, ["gateway", "--help"])
    assert result.exit_code == 0
    for option in ("--upstream", "--host", "--port", "--db", "--policy", "--watchlist", "--set"):
        assert option in result.output


BAD = [  # (extra arguments, words in the error)
    (["--upstream", "ftp://x"], "--upstream must be an http"),
    (["--upstream", "http://127.0.0.1:9", "--policy", "{policy}"], "line 3, field 'effective'"),
    (["--upstream", "http://127.0.0.1:9", "--policy", "gateway_v9"], "no shipped gateway policy"),
    (["--upstream", "http://127.0.0.1:9", "--set", "gateway_fail_mode=maybe"], "fail_mode"),
    (["--upstream", "http://127.0.0.1:9", "--set", "gateway_queue_size=lots"], "expects int"),
    (["--upstream", "http://127.0.0.1:9", "--set", "gateway_trusted_proxies=10.0.0.0/8,nope"],
     "'nope' is not an IP address or network"),
    (["--upstream", "http://127.0.0.1:9", "--set", "colour=red"], "unknown setting"),
]


@pytest.mark.parametrize(("args", "words"), BAD)
def test_bad_options_exit_2_with_a_located_message(tmp_path: Path, args: list[str],
                                                   words: str) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("name: p\nsource: s\neffective: someday\nrules: []\n", encoding="utf-8")
    args = [a.replace("{policy}", str(policy)) for a in args]
    result = runner.invoke(app, ["gateway", "--db", str(tmp_path / "s.duckdb"), *args])
    assert result.exit_code == 2, result.output
    assert words in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_settings_lists_the_gateway_tunables() -> None:
    """In a fresh process, so the listing cannot rely on a test having imported the package."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "from frontierguard.cli import main; main()",
                          "settings"], capture_output=True, text=True, check=True).stdout
    for name in ("gateway_fail_mode", "gateway_queue_size", "gateway_watchlist_poll_s"):
        assert name in out


def test_gateway_imports_only_core_traffic_and_itself() -> None:
    root = Path(frontierguard.gateway.__file__).parent
    allowed = ("frontierguard.core", "frontierguard.traffic", "frontierguard.gateway")
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                if name.startswith("frontierguard"):
                    assert name.startswith(allowed), f"{path.name} imports {name}"

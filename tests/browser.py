"""Headless Chromium for the tests, through Selenium and the system chromedriver.

``chromium`` is a pytest fixture: a fresh headless browser (its own ``--user-data-dir``) that the
test session starts and quits itself. Every request that is not ``file://`` (or ``data:``/``about:``)
is blocked through the DevTools protocol and recorded, so a test can assert that a page asked
nothing of any host (:func:`assert_clean`). When Chromium or chromedriver is missing, the fixture
FAILS (never skips). ``shots`` is the folder for screenshots ($VITALEGRAPH_SCREENSHOTS when set);
:func:`wait_for` waits for a script to return something true. A test module imports what it uses:
``from browser import assert_clean, chromium, shots, wait_for``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

__all__ = ["Browser", "chromium", "shots", "assert_clean", "wait_for", "CHROMIUM", "CHROMEDRIVER"]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
BLOCKED = ["http://*", "https://*", "ws://*", "wss://*", "ftp://*"]
#: not network: the file itself, inline data, and the browser's own internal pages (its start page)
LOCAL = ("file://", "data:", "about:", "blob:", "chrome://", "chrome-untrusted://", "chrome-extension://",
         "devtools://")


class Browser:
    """A started Chromium with helpers to open a file and collect what happened."""

    def __init__(self, width: int = 1400, height: int = 900):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        for exe in (CHROMIUM, CHROMEDRIVER):
            if not Path(exe).is_file():
                pytest.fail(f"{exe} is missing: install it with `apt-get install -y chromium chromium-driver`",
                            pytrace=False)
        self.profile = tempfile.mkdtemp(prefix="vg-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                    f"--user-data-dir={self.profile}", f"--window-size={width},{height}"):
            options.add_argument(arg)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        try:
            self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        except Exception as exc:  # noqa: BLE001 - any start failure fails the test with its reason
            shutil.rmtree(self.profile, ignore_errors=True)
            pytest.fail(f"cannot start headless Chromium: {str(exc).splitlines()[0]}", pytrace=False)
        self.driver.set_page_load_timeout(60)
        self.driver.execute_cdp_cmd("Network.enable", {})
        self.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": BLOCKED})
        self.console: list[dict] = []
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self._ids: dict[str, str] = {}

    def open(self, path: Path, ready_timeout: float = 30.0) -> float:
        """Open *path* (a local file) and wait until the picture has drawn; returns vgReady (ms)."""
        self.drain()
        self.console, self.requests, self.blocked = [], [], []
        self.driver.get(Path(path).resolve().as_uri())
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            ready = self.driver.execute_script("return window.vgReady || null")
            if ready is not None:
                return float(ready)
            time.sleep(0.05)
        raise AssertionError(f"{path} did not draw within {ready_timeout} s; console: {self.logs()}")

    def drain(self) -> None:
        """Collect the browser console and the network log so far (requests, and those blocked)."""
        self.console += self.driver.get_log("browser")
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message.get("method") == "Network.requestWillBeSent":
                self.requests.append(params["request"]["url"])
                self._ids[params["requestId"]] = params["request"]["url"]
            elif message.get("method") == "Network.loadingFailed" and params.get("blockedReason"):
                self.blocked.append(self._ids.get(params["requestId"], params["requestId"]))

    def logs(self) -> list[dict]:
        self.drain()
        return self.console

    def errors(self) -> list[str]:
        """Console messages of level SEVERE (errors, CSP violations, failed loads)."""
        return [m["message"] for m in self.logs() if m.get("level") == "SEVERE"]

    def outside_requests(self) -> list[str]:
        """Every request to something other than the local file, recorded or seen by the page."""
        self.drain()
        seen = list(self.requests)
        seen += self.driver.execute_script(
            "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
        return [u for u in seen if not u.startswith(LOCAL)]

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def quit(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def chromium():
    """A headless Chromium for the tests of one module; quit at the end."""
    browser = Browser()
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """The folder for screenshots: $VITALEGRAPH_SCREENSHOTS when set, else a pytest temporary folder."""
    folder = os.environ.get("VITALEGRAPH_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def assert_clean(browser: Browser) -> None:
    """No console error, no request outside the file, nothing blocked."""
    assert browser.errors() == [], "console errors"
    assert browser.outside_requests() == [], "a request left the file"
    assert browser.blocked == []


def wait_for(browser: Browser, script: str, timeout: float = 5.0):
    """What *script* returns, once it returns something true; fails after *timeout* seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = browser.js(script)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for: {script}")

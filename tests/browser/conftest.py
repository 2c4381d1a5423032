"""Playwright (sync API) driving Debian's Chromium against pytest-django's live server."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import require_service

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
SCREENSHOTS = Path(settings.BASE_DIR) / "test-output" / "browser"


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, started after the test database is set up, so it stops
    (and lets go of its connections) before the database is dropped."""
    return live_server


@pytest.fixture(autouse=True)
def _close_server_connections(monkeypatch):
    """The live server's request threads close their connections after each request, so the
    test database can be dropped at the end (CONN_MAX_AGE would keep them open)."""
    from django.db import connections

    monkeypatch.setitem(connections.settings["default"], "CONN_MAX_AGE", 0)


@pytest.fixture
def browser(monkeypatch):
    require_service(os.path.exists(CHROMIUM), f"needs Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread. Tests create their data in
    # fixtures listed before this one: a query made while Playwright runs would open a
    # second connection, in another context, that keeps the test database from being dropped.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take

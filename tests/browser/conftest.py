"""Browser tests: the session's Chromium (`browser`, tests/chromium.py) against
pytest-django's live server, and a helper to keep screenshots."""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

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
    monkeypatch.setitem(connections.settings["default"], "CONN_MAX_AGE", 0)


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take

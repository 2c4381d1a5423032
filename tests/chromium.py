"""The one Chromium launcher (a pytest plugin, registered in tests/conftest.py).

Every browser test asks for the session's `browser`: Playwright's sync API driving
Debian's Chromium, never a downloaded browser. The binary is $CHROMIUM_PATH when set,
else `chromium` on the PATH. A test that uses `browser` gets the `browser` marker
(`-m "not browser"` deselects it) and runs after every other test. Without Chromium or
without Playwright the browser tests are skipped, except under CI=true, where either is
a failure (tests.machine.require_service).
"""

import os
import shutil

import pytest
from django.db import connections

from tests.machine import require_service

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def chromium_path():
    """The Chromium binary to drive: $CHROMIUM_PATH, else `chromium` on the PATH; None if
    there is none."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured if os.path.isfile(configured) and os.access(configured, os.X_OK) else None
    return shutil.which("chromium")


def pytest_collection_modifyitems(config, items):
    """Mark every test that uses the browser, and run them last: while Playwright's sync
    API is started, this thread counts as running an event loop (see `browser`), which
    only the browser tests are prepared for."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def browser():
    """The session's Chromium (a playwright.sync_api.Browser). Tests open their own
    context (`browser.new_context(...)`) and close it."""
    executable = chromium_path()
    require_service(
        executable is not None,
        f"needs Chromium (CHROMIUM_PATH={os.environ['CHROMIUM_PATH']!r} is not an executable)"
        if os.environ.get("CHROMIUM_PATH")
        else "needs Chromium (no `chromium` on the PATH; set CHROMIUM_PATH)",
    )
    try:
        # Imported here: without Playwright the browser tests skip (or fail under CI),
        # and every other test runs.
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_service(False, "needs Playwright's Python package (make install)")

    with pytest.MonkeyPatch.context() as patch:
        # Between its calls, Playwright's sync API leaves this thread marked as running an
        # event loop. Django then refuses ORM calls unless told they are safe (they are: the
        # tests are synchronous), and keeps their connections apart from the thread's own.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            try:
                yield chromium
            finally:
                chromium.close()
                # The connections opened while Playwright ran, so that the test database
                # can be dropped at the end of the session.
                connections.close_all()

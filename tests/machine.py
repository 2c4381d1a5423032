"""What this machine provides. A test that needs a missing service (PostgreSQL, Redis,
Chromium, Playwright) is skipped on a developer's machine and fails under CI=true."""

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_service(available, reason):
    """Skip a test whose service is missing, except under CI, where it is a failure."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{reason} (required under CI=true)", pytrace=False)
    pytest.skip(reason)

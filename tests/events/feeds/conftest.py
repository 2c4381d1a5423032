"""Fixtures the feed tests share."""

import datetime as dt

import pytest

from tests import factories


@pytest.fixture
def summit(db):
    return factories.EventFactory(
        name="Open Source Summit Japan 2025",
        start_date=dt.date(2025, 12, 8),
        end_date=dt.date(2025, 12, 9),
        timezone="Asia/Tokyo",
        city="Tokyo",
        country="JP",
        venue="Toranomon Hills",
        website_url="https://events.example.org/ossjapan/",
        cfp_url="https://events.example.org/ossjapan/cfp/",
    )


@pytest.fixture(autouse=True)
def _whole_history(settings):
    # The feed tests' data sets are dated (2025–2027) whenever the suite runs; the feeds'
    # history window has tests of its own (test_ical_window.py).
    settings.CALENDAR_FEED_HISTORY_DAYS = 100 * 365

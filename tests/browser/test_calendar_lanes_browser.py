"""The month grid's lanes in Chromium: a three-day event's name is written once across its
days at laptop width, its bars line up with a spacer where a lane is free; on a phone each
day lists its events with their names."""

import datetime as dt

import pytest

from tests import factories
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _open_month(browser, live_server, width, locale="en-US"):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale)
    page = context.new_page()
    log_in(page, live_server.url, "member")
    page.goto(f"{live_server.url}/?month=2025-07")
    return context, page


@pytest.fixture
def week(db):
    factories.EventFactory(
        name="Open Source Summit Japan 2025", start_date=dt.date(2025, 7, 7), end_date=dt.date(2025, 7, 9)
    )
    factories.EventFactory(name="Meetup", start_date=dt.date(2025, 7, 8), end_date=dt.date(2025, 7, 10))
    factories.EventFactory(name="Early", start_date=dt.date(2025, 7, 7), end_date=dt.date(2025, 7, 7))


def test_a_long_name_runs_across_its_days_at_laptop_width(
    member_user, week, live_server, browser, screenshot
):
    context, page = _open_month(browser, live_server, 1366)
    name = page.locator(".chip-name", has_text="Open Source Summit Japan 2025")
    cell = page.locator("td", has=page.locator('time[datetime="2025-07-07"]'))
    assert name.bounding_box()["width"] > 2.5 * cell.bounding_box()["width"]
    # The whole name shows (nothing cut with an ellipsis).
    assert name.evaluate("e => e.scrollWidth <= e.clientWidth")
    # Meetup keeps one height over its three days although Summit ends before it.
    tops = {
        round(
            page.locator(
                f'td:has(time[datetime="2025-07-{day:02d}"]) .chip', has_text="Meetup"
            ).bounding_box()["y"]
        )
        if day == 8
        else round(
            page.locator(
                f'td:has(time[datetime="2025-07-{day:02d}"]) a.chip.span-{position}'
            ).last.bounding_box()["y"]
        )
        for day, position in [(8, "start"), (9, "middle"), (10, "end")]
    }
    assert len(tops) == 1, tops
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "calendar-lanes-1366")
    context.close()


@pytest.mark.parametrize("locale", ["en-US", "zh-CN"])
def test_on_a_phone_each_day_lists_its_events_by_name(
    member_user, week, live_server, browser, screenshot, locale
):
    context, page = _open_month(browser, live_server, 390, locale)
    tuesday = page.locator("td", has=page.locator('time[datetime="2025-07-08"]'))
    assert "Open Source Summit Japan 2025" in tuesday.inner_text() and "Meetup" in tuesday.inner_text()
    assert page.locator(".chip-spacer").first.is_hidden()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"calendar-lanes-390-{locale}")
    context.close()

"""The month grid's deadlines in Chromium (issue 14, item 10): on their day in the viewer's
zone, readable at laptop and phone width, without widening the page."""

import datetime as dt

import pytest

from events.models import Deadline
from members.models import Member
from tests import factories
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_grid_shows_deadlines_on_their_day_in_the_viewers_zone(
    member_user, live_server, browser, screenshot, width
):
    Member.objects.filter(user=member_user).update(timezone="Asia/Shanghai")
    gosim = factories.EventFactory(name="GOSIM Hangzhou 2025")
    coscup = factories.EventFactory(name="COSCUP 2025", start_date=dt.date(2025, 8, 9), end_date=None)
    factories.DeadlineFactory(event=gosim, due_at=dt.datetime(2025, 7, 14, 23, 30, tzinfo=dt.UTC))
    factories.DeadlineFactory(
        event=coscup, kind=Deadline.Kind.REGISTRATION, due_at=dt.datetime(2025, 7, 20, 4, 0, tzinfo=dt.UTC)
    )
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="en-US")
    page = context.new_page()
    log_in(page, live_server.url, "member")
    page.goto(f"{live_server.url}/?month=2025-07")
    cell = page.locator("td", has=page.locator('time[datetime="2025-07-15"]'))
    chip = cell.locator(".deadline-chip")
    assert chip.inner_text().split() == ["CFP", "closes", "07:30", "GOSIM", "Hangzhou", "2025"]
    assert chip.is_visible()
    assert (
        page.locator('td:has(time[datetime="2025-07-20"]) .deadline-chip')
        .inner_text()
        .startswith("Registration")
    )
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"calendar-deadlines-{width}")
    context.close()

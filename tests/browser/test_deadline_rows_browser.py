"""A deadline row keeps its columns apart in Chromium: an estimated, date-only deadline's
time line ("2027-07-14 23:59 UTC+08:00 (end of day) estimated from last year") wraps inside its
column instead of running over the countdown (seen on the CFP board with the demo's next
editions). English and Chinese, laptop and phone. Screenshots in
test-output/browser/deadline-rows-*.png."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests import factories
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A cell whose text is wider than the cell spills over its neighbour (the grid keeps the
# cells' boxes apart, not their text).
TEXT_OVERFLOWS = """() => [...document.querySelectorAll('li.deadline .deadline-when')]
  .filter(cell => cell.scrollWidth > cell.clientWidth + 1)
  .map(cell => cell.closest('li').querySelector('.event-name').textContent)"""


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("width", [1366, 390])
def test_an_estimated_date_only_deadline_wraps_inside_its_column(
    member_user, live_server, browser, screenshot, language, width
):
    day = timezone.localdate() + dt.timedelta(days=221)
    for name, zone, date_only, local in [
        ("GOSIM Hangzhou 2027", "Asia/Shanghai", True, dt.time(23, 59)),
        ("Open Source Summit Korea 2027", "Asia/Seoul", False, dt.time(15, 59)),
    ]:
        event = factories.EventFactory(name=name, cfp_url="https://example.org/cfp")
        due_at = dt.datetime.combine(day, local, tzinfo=ZoneInfo(zone))
        factories.DeadlineFactory(
            event=event, due_at=due_at, timezone=zone, is_date_only=date_only, due_estimated=True
        )
    phone = width < 500
    context = browser.new_context(
        viewport={"width": width, "height": 900}, is_mobile=phone, timezone_id="Europe/Brussels"
    )
    page = context.new_page()
    try:
        log_in(page, live_server.url, "member")
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page.goto(f"{live_server.url}/cfp/")
        screenshot(page, f"deadline-rows-{language}-{width}")
        assert page.locator("li.deadline .badge.estimated").count() == 2
        assert page.evaluate(TEXT_OVERFLOWS) == []
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    finally:
        context.close()

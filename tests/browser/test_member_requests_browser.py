"""In Chromium at phone width, in Chinese: a member asks on an event's page for its new dates,
a coordinator accepts on the triage page (with a new idea waiting beside it), and the member
sees the answer on their plan; screenshots of each step."""

import datetime as dt

import pytest

from events import services
from events.models import DateChangeRequest
from tests import factories
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, base_url, username):
    log_in(page, base_url, username, next="/me/")


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_member_asks_for_dates_and_coordinator_accepts_on_a_phone_in_chinese(
    member_user, coordinator, live_server, browser, screenshot
):
    event = factories.EventFactory(
        name="EthCC 2026",
        start_date=None,
        end_date=None,
        date_precision="late_month",
        approx_year=2026,
        approx_month=6,
        city="Cannes",
        country="FR",
    )
    services.idea_propose(user=member_user, kind="idea", title="为 EthCC 准备中英文传单")
    base = live_server.url
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, locale="zh-CN")
    page = context.new_page()
    page.set_extra_http_headers({"Accept-Language": "zh-hans"})
    _log_in(page, base, "member")
    page.goto(f"{base}/events/{event.pk}/")
    page.click("details.date-change summary")
    page.select_option("#id_date_precision", "exact")
    page.fill("#id_start_date", "2026-06-30")
    page.fill("#id_end_date", "2026-07-03")
    page.fill("#id_reason", "主办方已公布 6 月 30 日至 7 月 3 日")
    _fits(page)
    screenshot(page, "20-phone-ask-for-dates")
    page.click("form.date-change-form button[type=submit]")
    page.wait_for_url(f"{base}/events/{event.pk}/")
    assert "你的改期申请已发给协调人。" in page.content()
    assert DateChangeRequest.objects.get().start_date == dt.date(2026, 6, 30)

    page.context.clear_cookies()
    _log_in(page, base, "coordinator")
    page.goto(f"{base}/triage/")
    assert "改期申请" in page.content() and "新想法" in page.content()
    _fits(page)
    screenshot(page, "21-phone-triage-date-change")
    page.fill("#date-changes input[name=reason]", "已核对官网")
    page.click("#date-changes button[value=accept]")
    page.wait_for_url(f"{base}/triage/")
    event.refresh_from_db()
    assert (event.start_date, event.end_date) == (dt.date(2026, 6, 30), dt.date(2026, 7, 3))

    page.context.clear_cookies()
    _log_in(page, base, "member")
    _fits(page)
    assert "已核对官网" in page.content()
    page.locator("#my-date-changes").scroll_into_view_if_needed()
    screenshot(page, "22-phone-my-plan-answer")
    context.close()

"""A visitor's first page is in their browser's zone (portal.js sets the cookie the server
reads and reloads once); a member's saved zone stays whatever their browser says."""

import datetime as dt

import pytest
from django.utils import timezone

from members.models import Member
from tests import factories
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seoul_cfp(db):
    due = (timezone.now() + dt.timedelta(days=10)).replace(hour=6, minute=59, second=0, microsecond=0)
    factories.DeadlineFactory(event__name="FOSSASIA 2027", due_at=due, timezone="Asia/Seoul")
    return due


def _watch(page):
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


@pytest.mark.parametrize("language", ["en-US", "zh-CN"])
@pytest.mark.parametrize("width", [390, 1366])
def test_visitor_sees_beijing_times_on_the_first_visit(
    seoul_cfp, live_server, browser, screenshot, language, width
):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, timezone_id="Asia/Shanghai", locale=language
    )
    page = context.new_page()
    problems = _watch(page)
    loads = []
    page.on("request", lambda request: request.resource_type == "document" and loads.append(request.url))
    page.goto(f"{live_server.url}/cfp/")
    # Imported here: without Playwright the browser tests skip (tests/chromium.py).
    from playwright.sync_api import expect

    expect(page.locator("#viewer-timezone")).to_have_value("Asia/Shanghai")
    beijing = timezone.localtime(seoul_cfp, dt.timezone(dt.timedelta(hours=8)))
    assert f"{beijing:%Y-%m-%d %H:%M} UTC+08:00" in page.inner_text(".time-viewer >> nth=0")
    assert page.locator("html").get_attribute("lang") == ("zh-hans" if language == "zh-CN" else "en")
    assert len(loads) == 2  # the first answer in UTC, then once more in the browser's zone
    assert {c["name"]: c["value"] for c in context.cookies()}["browser_zone"] == "Asia/Shanghai"
    page.goto(f"{live_server.url}/")
    page.goto(f"{live_server.url}/cfp/")
    assert len(loads) == 4  # no further reloads
    assert not page.locator("[data-browser-zone]").is_visible()  # nothing to offer: it is in use
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"zone-visitor-beijing-{language}-{width}")
    assert problems == []
    context.close()


def test_member_keeps_the_saved_zone_in_another_browser_zone(seoul_cfp, member_user, live_server, browser):
    # Shanghai, not Tokyo: a Seoul deadline read in Tokyo shows one time only (the same clock).
    Member.objects.filter(user=member_user).update(timezone="Asia/Shanghai")
    context = browser.new_context(viewport={"width": 1366, "height": 900}, timezone_id="Europe/Brussels")
    page = context.new_page()
    log_in(page, live_server.url, "member", next="/cfp/")
    assert page.input_value("#viewer-timezone") == "Asia/Shanghai"
    assert "UTC+08:00" in page.inner_text(".time-viewer >> nth=0")
    assert page.locator("[data-browser-zone]").is_visible()  # the offer stays a click away
    context.close()

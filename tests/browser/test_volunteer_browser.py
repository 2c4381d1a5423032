"""A member volunteers on an event page and a coordinator accepts on /triage/, in Chinese,
in Chromium, on a laptop (1366 px) and a phone (390 px); screenshots of each step."""

import datetime as dt

import pytest
from django.utils import timezone

from events.models import Event, Participation
from tests import factories
from tests.browser.helpers import choose_language, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(context, base_url, username):
    page = context.new_page()
    log_in(page, base_url, username)
    choose_language(page, "zh-hans")
    page.wait_for_load_state()
    return page


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


@pytest.mark.parametrize("width", [1366, 390])
def test_member_volunteers_and_coordinator_accepts_in_chinese(
    coordinator, member_user, live_server, browser, screenshot, width
):
    member = member_user.member
    member.name_zh = "李明"
    member.save()
    start = timezone.localdate() + dt.timedelta(days=90)
    event = factories.EventFactory(
        name="COSCUP 2027",
        start_date=start,
        end_date=start + dt.timedelta(days=1),
        city="台北",
        country="TW",
        status=Event.Status.CONSIDERING,
    )
    factories.GoalFactory(event=event, kind="talk")
    options = {"viewport": {"width": width, "height": 900}, "is_mobile": width < 500, "locale": "zh-CN"}

    volunteer = browser.new_context(**options)
    try:
        page = _log_in(volunteer, live_server.url, "member")
        page.goto(f"{live_server.url}/events/{event.pk}/")
        assert "还没有人报名" in page.locator("main").inner_text()
        form = page.locator("form.volunteer-form")
        form.locator("select[name=role]").select_option("speaker")
        form.locator("textarea[name=note]").fill("我可以讲 openEuler 的社区治理。")
        screenshot(page, f"volunteer-form-zh-{width}")
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        main = page.locator("main").inner_text()
        assert "你已报名为志愿者" in page.locator("body").inner_text()
        assert "李明" in main and "讲者" in main
        _fits(page)
        screenshot(page, f"volunteer-done-zh-{width}")
    finally:
        volunteer.close()
    participation = Participation.objects.get(event=event, member=member)
    assert (participation.role, participation.status) == ("speaker", "proposed")

    triage = browser.new_context(**options)
    try:
        page = _log_in(triage, live_server.url, "coordinator")
        page.goto(f"{live_server.url}/triage/")
        assert page.locator("h1").inner_text() == "待处理"
        item = page.locator("#volunteers .triage-item", has_text="COSCUP 2027")
        assert "李明" in item.inner_text() and "讲者" in item.inner_text()
        _fits(page)
        screenshot(page, f"triage-volunteer-zh-{width}")
        item.locator("input[name=note]").fill("欢迎！请准备一份 CFP 提案。")
        item.locator("button[value=confirmed]").click()
        page.wait_for_load_state()
        assert "没有待处理的志愿报名" in page.locator("#volunteers").inner_text()
        screenshot(page, f"triage-accepted-zh-{width}")
        page.goto(f"{live_server.url}/events/{event.pk}/")
        row = page.locator("#who-goes tr", has_text="李明")
        assert "已确认" in row.inner_text()
        _fits(page)
        screenshot(page, f"event-after-triage-zh-{width}")
    finally:
        triage.close()
    participation.refresh_from_db()
    assert participation.status == "confirmed"


@pytest.mark.parametrize("width", [1366, 390])
def test_coordinator_confirms_an_estimated_copy_in_chinese(
    coordinator, live_server, browser, screenshot, width
):
    copy = factories.estimated_copy(
        user=coordinator, days_ahead=120, cfp_days_before=40, goal_owner=coordinator.member
    )
    options = {"viewport": {"width": width, "height": 900}, "is_mobile": width < 500, "locale": "zh-CN"}
    context = browser.new_context(**options)
    try:
        page = _log_in(context, live_server.url, "coordinator")
        page.goto(f"{live_server.url}/events/{copy.pk}/")
        assert page.locator(".badge.estimated").count() == 2
        assert (
            "按去年推算" in page.locator("#dates").inner_text()
            or "推算" in page.locator("#dates").inner_text()
        )
        _fits(page)
        screenshot(page, f"estimated-copy-zh-{width}")
        for name, url in (("list", f"/?view=list&year={copy.start_date.year}"), ("cfp", "/cfp/")):
            page.goto(f"{live_server.url}{url}")
            assert page.locator(".badge.estimated").count() == 1, name
            _fits(page)
            screenshot(page, f"estimated-{name}-zh-{width}")
        page.goto(f"{live_server.url}/events/{copy.pk}/")
        page.locator("#dates button[type=submit]").click()
        page.wait_for_load_state()
        assert "日期已确认" in page.locator("body").inner_text()
        page.locator("#deadlines button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".badge.estimated").count() == 0
        screenshot(page, f"estimated-confirmed-zh-{width}")
    finally:
        context.close()

"""The plan in Chinese on a phone (390 px), in Chromium: the main pages, and the admin's
two-list picker, whose words come from the admin's JavaScript catalogue (ours for zh_Hans)."""

import pytest
from django.contrib.auth.models import Group

from events.models import Event
from intl_portal.demo.loader import load_demo
from members.groups import COORDINATORS, ensure_standard_groups
from members.models import Member
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan(settings):
    settings.DEMO_MODE = False
    load_demo(with_accounts=False)
    ensure_standard_groups()
    user = factories.UserFactory(username="emily", is_staff=True)
    user.groups.add(Group.objects.get(name=COORDINATORS))
    Member.objects.filter(display_name="Emily").update(user=user)
    return Event.objects.get(name="Open Source Summit Japan 2025")


def _chinese_page(browser, base, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN")
    context.add_cookies([{"name": "django_language", "value": "zh-hans", "url": base}])
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", "emily")
    page.fill("#id_password", "password")
    page.click("main button[type=submit]")
    return context, page


def test_chinese_pages_on_a_phone(plan, live_server, browser, screenshot):
    context, page = _chinese_page(browser, live_server.url, 390)
    for name, path, expected in [
        ("zh-01-calendar-list", "/?view=list&year=2025", "东京"),
        ("zh-02-calendar-month", "/?month=2025-12", "上个月"),
        ("zh-03-event", f"/events/{plan.pk}/", "日本东京"),
        ("zh-04-cfp", "/cfp/", "CFP"),
        ("zh-05-my-plan", "/me/", "我的安排"),
        ("zh-06-program", "/program/", "大使计划"),
    ]:
        page.goto(f"{live_server.url}{path}")
        assert expected in page.inner_text("body"), path
        assert page.title().endswith("国际接轨组门户"), path
        screenshot(page, name)
    context.close()


def test_admin_two_list_picker_speaks_chinese(plan, live_server, browser, screenshot):
    context, page = _chinese_page(browser, live_server.url, 1366)
    page.goto(f"{live_server.url}/admin/events/reminderpreference/add/")
    page.wait_for_selector(".selector-chooseall")
    picker = page.inner_text(".selector")
    assert "全部选择" in picker
    assert "Choose all" not in picker
    assert "Remove all" not in picker
    assert page.inner_text("h1") == "添加提醒偏好"
    screenshot(page, "zh-07-admin-picker")
    context.close()

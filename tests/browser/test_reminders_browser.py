"""In Chromium, in Chinese, at phone width: a member asks for the weekly digest on their
reminders page and sees it planned; a coordinator sends a test message to a WeCom robot
from admin and reads its answer."""

import pytest

from tests import factories
from tests.browser.helpers import choose_language, log_in
from tests.events.reminders.reminder_helpers import RecordingServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, base_url, username):
    log_in(page, base_url, username)


def test_a_member_asks_for_the_weekly_digest_on_a_phone_in_chinese(
    member_user, live_server, browser, screenshot
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, locale="zh-CN")
    page = context.new_page()
    try:
        _log_in(page, live_server.url, "member")
        choose_language(page, "zh-hans")
        page.goto(f"{live_server.url}/me/reminders/")
        assert page.locator("legend", has_text="每周摘要").is_visible()
        page.check("#id_digest_by_email")
        page.click("form.reminders-form button[type=submit]")
        page.wait_for_selector("text=每周摘要：")
        assert page.is_checked("#id_digest_by_email")
        row = page.locator(".reminders-table tbody tr").first
        assert "每周摘要" in row.inner_text()
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        screenshot(page, "reminders-digest-zh-phone")
    finally:
        context.close()


def test_a_coordinator_tests_a_wecom_robot_from_admin(coordinator, live_server, browser, screenshot):
    from members.groups import ensure_standard_groups

    ensure_standard_groups()
    with RecordingServer(body=b'{"errcode":0,"errmsg":"ok"}') as server:
        channel = factories.ReminderChannelFactory(
            name="合作伙伴企业微信群",
            kind="wecom",
            url=server.url("/cgi-bin/webhook/send?key=0a1b2c3d-secret-key"),
            language="zh-hans",
            digest=True,
        )
        context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="zh-CN")
        page = context.new_page()
        try:
            _log_in(page, live_server.url, "coordinator")
            choose_language(page, "zh-hans")
            page.goto(f"{live_server.url}/admin/events/reminderchannel/{channel.pk}/change/")
            assert "0a1b2c3d-secret-key" not in page.content()
            page.click("button.test-channel")
            page.wait_for_selector("ul.messagelist li.success")
            message = page.locator("ul.messagelist li.success").inner_text()
            assert message.startswith("“合作伙伴企业微信群”已收到测试消息。对方回复：HTTP 200")
            screenshot(page, "admin-channel-test-zh")
        finally:
            context.close()
    assert server.requests[0]["json"]["markdown"]["content"].startswith("**intl_portal：测试消息**")

"""The program page in Chinese, in Debian's Chromium: translated, styled, no CSP error."""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from members.models import Enrolment
from members.program import services
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OUTPUT = Path(settings.BASE_DIR) / "test-output"


def test_program_page_in_chinese_for_a_member(browser, live_server, client, coordinator):
    factories.PointRuleFactory(points=20)
    translator = factories.MemberFactory(display_name="Wang Fang", name_zh="王芳")
    factories.EnrolmentFactory(
        member=translator,
        track="translator",
        status=Enrolment.Status.ACTIVE,
        term_start=timezone.localdate() - dt.timedelta(days=10),
        language_pair="zh→en",
        show_publicly=True,
    )
    contribution = factories.ContributionFactory(
        member=translator, title_zh="开源社区如何走向国际", title_en="Taking a community global"
    )
    services.contribution_accept(contribution=contribution, user=coordinator)
    client.force_login(coordinator)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value

    context = browser.new_context(locale="zh-CN", viewport={"width": 1200, "height": 800})
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    page = context.new_page()
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    problems = []
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    response = page.goto(f"{live_server.url}/program/")

    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.locator("main h1").inner_text().startswith("大使计划")
    row = page.locator("table.program-table tbody tr").first
    assert "王芳" in row.inner_text()
    assert "译道师" in row.inner_text()
    assert row.locator("td.points").inner_text() == "20"
    assert "开源社区如何走向国际" in row.inner_text()
    assert page.locator("a", has_text="证书").count() == 1
    # program.css is loaded from the portal itself and applies.
    collapse = page.locator("table.program-table").evaluate("t => getComputedStyle(t).borderCollapse")
    assert collapse == "collapse"
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "program-zh.png"), full_page=True)

    page.goto(f"{live_server.url}/program/certificate/{translator.pk}/")
    assert "感谢证书" in page.locator(".certificate h1").inner_text()
    assert "Certificate of Appreciation" in page.locator(".certificate h1").inner_text()
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    page.screenshot(path=str(OUTPUT / "certificate-print.png"), full_page=True)
    assert problems == []
    context.close()

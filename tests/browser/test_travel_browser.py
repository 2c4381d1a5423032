"""The travel board in Chinese, in Chromium, as a coordinator: a laptop and a phone."""

import pytest

from events.models import TravelRequirement
from events.travel.seed import requirement_rows
from tests.browser.helpers import choose_language, log_in
from tests.events.travel.travel_helpers import event_in, traveller, trip

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, base_url, username):
    log_in(page, base_url, username)


@pytest.mark.parametrize("width", [1366, 390])
def test_the_travel_board_in_chinese(coordinator, live_server, browser, screenshot, width):
    from members.groups import ensure_standard_groups

    ensure_standard_groups()
    # The requirement table is seeded by a migration, which a transactional test's flush empties.
    TravelRequirement.objects.bulk_create(
        (TravelRequirement(**row) for row in requirement_rows()), ignore_conflicts=True
    )
    trip(event_in("US"), traveller(display_name="张伟"))
    trip(event_in("BE"), traveller(display_name="李娜", email="li@example.org"))
    trip(
        event_in("TW", start_date=None, end_date=None),
        traveller(display_name="王芳", email="wang@example.org"),
    )
    context = browser.new_context(
        viewport={"width": width, "height": 900}, is_mobile=width < 500, locale="zh-CN"
    )
    page = context.new_page()
    try:
        _log_in(page, live_server.url, "coordinator")
        choose_language(page, "zh-hans")
        page.goto(f"{live_server.url}/travel/")
        assert page.locator("h1").inner_text() == "差旅看板"
        body = page.locator("main").inner_text()
        assert all(name in body for name in ("PyCon US 2027", "张伟", "李娜", "COSCUP 2027", "王芳"))
        assert "等待日期" in body or "待定" in body or "日期" in body
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        screenshot(page, f"travel-board-zh-{width}")
        page.locator("main a", has_text="PyCon US 2027").first.click()
        page.wait_for_load_state()
        assert "申请签证" in page.locator("main").inner_text()
        screenshot(page, f"travel-trip-zh-{width}")
    finally:
        context.close()

"""The year in review in Chromium, as a coordinator, in English and in Chinese, on a laptop
and a phone: the hand-checked 2025 data, its charts, no horizontal scroll."""

import pytest

from tests.browser.helpers import choose_language, log_in
from tests.events.outcomes.review_data import build_year

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, base_url, username):
    log_in(page, base_url, username)


@pytest.mark.parametrize(
    "language, width, heading",
    [
        ("en", 1366, "The year in review 2025"),
        ("zh-hans", 1366, "年度回顾 2025"),
        ("zh-hans", 390, "年度回顾 2025"),
    ],
)
def test_the_year_in_review_page(coordinator, live_server, browser, screenshot, language, width, heading):
    from members.groups import ensure_standard_groups

    ensure_standard_groups()
    build_year()
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500)
    page = context.new_page()
    try:
        _log_in(page, live_server.url, "coordinator")
        choose_language(page, language)
        page.goto(f"{live_server.url}/review/2025/")
        assert page.locator("h1").inner_text() == heading
        main = page.locator("main").inner_text()
        assert "FOSDEM 2025" in main
        # Amounts as the budget pages write them, grouped in both languages.
        assert page.locator("#spent").inner_text() == "13,700.00 CNY"
        assert page.locator("main svg").count() >= 3
        # The charts' words are as large on screen on a phone as on a laptop (the SVG scales
        # down with the page; its text is set larger in its own units there).
        for label in page.locator("svg.count-chart text.bar-label").all():
            assert label.bounding_box()["height"] >= 10, label.inner_text()
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        screenshot(page, f"review-2025-{language}-{width}")
    finally:
        context.close()

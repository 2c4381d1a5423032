"""What issue 14's reviewer saw, in Chromium, in both languages at 390 and 1366 px: the API
token is copied with its button and the calendar feed's token is drawn whole; dates stay on
one line in table cells."""

import datetime as dt

import pytest

from tests import factories
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = [("en-US", 390), ("en-US", 1366), ("zh-CN", 390), ("zh-CN", 1366)]


def _log_in(page, base_url, username):
    log_in(page, base_url, username)


def _context(browser, language, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=language)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    return context


def _fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize(("language", "width"), SIZES)
def test_the_api_token_is_copied_with_its_button(
    member_user, live_server, browser, screenshot, language, width
):
    context = _context(browser, language, width)
    page = context.new_page()
    try:
        _log_in(page, live_server.url, "member")
        page.goto(f"{live_server.url}/me/api-tokens/")
        page.click(".api-token-actions button[type=submit]")
        page.wait_for_selector("#api-token")
        key = page.inner_text("#api-token")
        page.click("button.copy[data-copy]")
        assert page.evaluate("navigator.clipboard.readText()") == key
        assert _fits(page)
        screenshot(page, f"findings-api-token-{language}-{width}")
        page.goto(f"{live_server.url}/me/api-tokens/")
        assert ".." not in page.inner_text("main")
    finally:
        context.close()


@pytest.mark.parametrize(("language", "width"), SIZES)
def test_the_feed_address_is_drawn_whole(member_user, live_server, browser, screenshot, language, width):
    context = _context(browser, language, width)
    page = context.new_page()
    try:
        _log_in(page, live_server.url, "member")
        page.goto(f"{live_server.url}/me/calendar/")
        field = page.locator("#feed-url")
        # The text (an underscore sits below the baseline) fits the field's height.
        sizes = field.evaluate("input => [input.scrollHeight, input.clientHeight]")
        path = screenshot(page, f"findings-feed-{language}-{width}")
        page.locator(".copy-row").screenshot(path=str(path.with_name(f"{path.stem}-field.png")))
        assert sizes[0] <= sizes[1], sizes
        assert _fits(page), page.evaluate("document.documentElement.scrollWidth")
    finally:
        context.close()


@pytest.mark.parametrize(("language", "width"), [("en-US", 390), ("zh-CN", 390)])
def test_dates_stay_on_one_line_in_table_cells(approver, live_server, browser, screenshot, language, width):
    for day in range(3):
        factories.ExpenseFactory(spent_on=dt.date(2026, 11, 20 + day), description="Taxi to the venue " * 4)
    context = _context(browser, language, width)
    page = context.new_page()
    try:
        _log_in(page, live_server.url, "approver")
        page.goto(f"{live_server.url}/budget/expenses/")
        cell = page.locator("td.nowrap", has_text="2026-11-20").first
        lines = cell.evaluate(
            "td => { const range = document.createRange(); range.selectNodeContents(td);"
            " return new Set(Array.from(range.getClientRects()).map(rect => Math.round(rect.top))).size; }"
        )
        assert lines == 1
        screenshot(page, f"findings-expenses-{language}-{width}")
    finally:
        context.close()


@pytest.mark.parametrize(("language", "width"), SIZES)
def test_the_contribution_form_and_an_empty_certificate(
    member_user, live_server, browser, screenshot, language, width
):
    context = _context(browser, language, width)
    page = context.new_page()
    try:
        _log_in(page, live_server.url, "member")
        page.goto(f"{live_server.url}/program/contributions/new/")
        page.click("form.program-form button[type=submit]")
        page.wait_for_selector(".errorlist")
        assert _fits(page)
        screenshot(page, f"findings-contribution-form-{language}-{width}")
        page.goto(f"{live_server.url}/program/mine/")
        assert page.locator("a", has_text="certificate").count() == 0
        assert page.locator("a", has_text="证书").count() == 0
        response = page.goto(f"{live_server.url}/program/certificate/{member_user.member.pk}/")
        assert response.status == 404
        assert _fits(page)
        screenshot(page, f"findings-certificate-empty-{language}-{width}")
    finally:
        context.close()

"""The report page in a real browser (Debian's Chromium through Playwright): the bar chart
renders as SVG with one bar group per event, nothing is blocked by the CSP."""

from pathlib import Path

import pytest

from tests.budget.budget_data import demo_budget

OUTPUT = Path(__file__).resolve().parents[2] / "test-output"

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 1600})
    yield context
    context.close()


def test_budget_report_bar_chart_renders_in_the_browser(live_server, client, approver, browser_page):
    budget = demo_budget(approver=approver)
    client.force_login(approver)
    session = client.cookies["sessionid"].value
    host = live_server.url.split("//", 1)[1].split(":")[0]
    browser_page.add_cookies([{"name": "sessionid", "value": session, "domain": host, "path": "/"}])
    page = browser_page.new_page()
    problems = []
    page.on(
        "console",
        lambda message: (
            message.type == "error" and "status of 404" not in message.text and problems.append(message.text)
        ),
    )
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and not response.url.endswith("/favicon.ico")
            and problems.append(f"{response.status} {response.url}")
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(f"{live_server.url}/budget/{budget.pk}/")

    chart = page.locator("svg.bar-chart")
    assert chart.is_visible()
    assert chart.locator("g.bar-row").count() == 4
    box = chart.bounding_box()
    assert box["width"] > 400 and box["height"] > 150
    # The COSCUP row: planned 19,200 drawn wider than approved 5,640.
    coscup = chart.locator("g.bar-row", has_text="COSCUP 2025")
    planned = coscup.locator("rect.bar-planned").bounding_box()["width"]
    approved = coscup.locator("rect.bar-approved").bounding_box()["width"]
    assert planned > approved > 0
    # CSS from the portal applies (a coloured fill, not the SVG default black).
    fill = coscup.locator("rect.bar-approved").evaluate("e => getComputedStyle(e).fill")
    assert fill == "rgb(31, 111, 191)"
    assert page.locator("#fig-remaining").inner_text() == "70,655.00 CNY"
    assert problems == []
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "budget-report.png"), full_page=True)

    page.click("text=By category")
    assert page.locator("svg.bar-chart g.bar-row").count() == 3


def _contrast(foreground, background):
    """WCAG 2 contrast ratio of two computed "rgb(r, g, b)" colours."""

    def luminance(colour):
        channels = [int(part) / 255 for part in colour[colour.index("(") + 1 : -1].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_expense_status_badges_are_readable(live_server, client, approver, browser_page, screenshot):
    from budget.models import Expense
    from tests import factories

    demo_budget(approver=approver)
    for status in (Expense.Status.SUBMITTED, Expense.Status.APPROVED, Expense.Status.REJECTED):
        factories.ExpenseFactory(status=status)
    client.force_login(approver)
    session = client.cookies["sessionid"].value
    host = live_server.url.split("//", 1)[1].split(":")[0]
    browser_page.add_cookies([{"name": "sessionid", "value": session, "domain": host, "path": "/"}])
    page = browser_page.new_page()
    page.goto(f"{live_server.url}/budget/expenses/")
    badges = page.locator("span.status")
    assert badges.count() >= 3
    for index in range(badges.count()):
        colours = badges.nth(index).evaluate(
            "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
        )
        assert _contrast(*colours) >= 4.5, (badges.nth(index).inner_text(), colours)
    screenshot(page, "budget-expense-badges")


def test_the_budget_chart_stays_readable_at_phone_width(live_server, client, approver, browser, screenshot):
    budget = demo_budget(approver=approver)
    client.force_login(approver)
    context = browser.new_context(viewport={"width": 390, "height": 900}, is_mobile=True)
    host = live_server.url.split("//", 1)[1].split(":")[0]
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "domain": host, "path": "/"}]
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/budget/{budget.pk}/")
        labels = page.locator("svg.bar-chart text.bar-label").all()
        assert labels and all(label.bounding_box()["height"] >= 10 for label in labels)
        # The chart scrolls in its frame; the page itself does not scroll sideways.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        screenshot(page, "budget-report-390")
    finally:
        context.close()

"""The year in review, budget and program pages after the designer's pass, in Chromium as a
coordinator: English and Chinese, laptop and phone. Each page fits the width; the figures are
cards (two a row on a phone); the program's Return button is one line; the sub-nav marks the
page shown and stays one row on a phone. Screenshots in test-output/browser/design-*.png."""

import datetime as dt
from decimal import Decimal

import pytest

from members.models import Contribution
from tests import factories
from tests.browser.helpers import log_in
from tests.events.outcomes.review_data import build_year

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, base_url, username, language, phone):
    log_in(page, base_url, username)
    if phone:
        page.click("[data-menu-toggle]")
    page.click(f"button[value={language}]")


def _fits(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("width", [1366, 390])
def test_designed_pages(coordinator, live_server, browser, screenshot, language, width):
    from members.groups import ensure_standard_groups

    ensure_standard_groups()
    ev, _goals, people = build_year()
    budget = factories.BudgetFactory(title="2025 国际接轨组预算", status="approved", approved_revision=1)
    for key, who in [("fosdem", "Richard"), ("coscup", "许银"), ("fosdem", "Emily")]:
        factories.BudgetLineFactory(budget=budget, event=ev[key], member=people[who], description="Flight")
    expense = factories.ExpenseFactory(
        budget=budget,
        event=ev["fosdem"],
        member=people["Richard"],
        description="Flight Shanghai–Brussels, economy",
        amount=Decimal("6500.00"),
        spent_on=dt.date(2025, 1, 20),
        status="submitted",
    )
    factories.ExpenseFactory(budget=budget, event=ev["fosdem"], member=people["Emily"], status="approved")
    factories.ContributionFactory(
        title_en="A talk write-up", title_zh="演讲回顾", status=Contribution.Status.SUBMITTED
    )
    keeper = factories.MemberFactory(display_name="Corrie", name_en="Corrie")
    factories.StockLocationFactory(name="Corrie 的房间", holder=keeper)
    factories.SwagVariantFactory(label="L")
    phone = width < 500
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=phone)
    page = context.new_page()
    pages = {
        "review-year": "/review/2025/",
        "review-next-year": "/review/2025/next-year/",
        "review-outcomes": f"/events/{ev['coscup'].pk}/outcomes/",
        "budget-index": "/budget/",
        "budget-detail": f"/budget/{budget.pk}/",
        "expense-list": "/budget/expenses/",
        "expense-detail": f"/budget/expenses/{expense.pk}/",
        "program-page": "/program/",
        "program-mine": "/program/mine/",
        "program-calendar": "/program/calendar/",
        "program-swag": "/program/swag/",
        "program-review": "/program/review/",
    }
    try:
        _log_in(page, live_server.url, "coordinator", language, phone)
        for name, path in pages.items():
            page.goto(f"{live_server.url}{path}")
            screenshot(page, f"design-{name}-{language}-{width}")
            assert _fits(page), name
            if name in {"review-year", "budget-detail"}:
                cards = page.locator(".figures dl > div")
                first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
                assert abs(first["y"] - second["y"]) < 2, f"{name}: two cards a row"
            if name == "review-year" and phone:
                # An event's card leaves out 0 / 0 talks or booths, a missing cost or review.
                assert not page.locator("table.review-events td.nothing").first.is_visible()
            if name == "program-review":
                button = page.locator("td.actions button").last
                assert button.bounding_box()["height"] < 48, "the Return button is one line"
            if name.startswith("program-"):
                nav = page.locator(".program-nav")
                assert nav.locator('[aria-current="page"]').count() == 1
                if phone:
                    assert nav.bounding_box()["height"] < 60, "the sub-nav is one row"
    finally:
        context.close()

"""At a phone's width (390 px) a table's rows are cards whose every value carries its
column's name: the goals and "who goes" of an event page, the expenses list. Nothing widens
the page (the expenses table made it 699 px wide, the budget 905 px)."""

import pytest
from django.conf import settings
from django.test import Client

from budget.models import Expense
from events.models import Goal, Participation
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LABEL = "(cell) => getComputedStyle(cell, '::before').content"


@pytest.fixture
def phone(browser, live_server, member_user):
    client = Client()
    client.force_login(member_user)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    yield context.new_page()
    context.close()


def _fits(page):
    width, inner = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{page.url} is {width} px wide in {inner}"


def test_goals_and_who_goes_are_labelled_cards(phone, live_server, member_user, screenshot):
    event = factories.EventFactory(name="Open Source Summit Japan 2025")
    factories.GoalFactory(event=event, kind=Goal.Kind.TALK, details="A talk on the travel board")
    factories.ParticipationFactory(event=event, member=member_user.member, role=Participation.Role.SPEAKER)

    phone.goto(f"{live_server.url}/events/{event.pk}/")

    _fits(phone)
    goal = phone.locator("section", has=phone.locator("h2", has_text="Goals")).locator("tbody tr").first
    cells = goal.locator("td")
    assert [cells.nth(i).evaluate(LABEL) for i in range(2)] == ['"Goal"', '"Status"']
    assert cells.nth(0).bounding_box()["width"] > 300  # one line per value, not a squeezed column
    person = (
        phone.locator("section", has=phone.locator("h2", has_text="Who goes"))
        .locator("tbody tr")
        .first.locator("td")
    )
    assert [person.nth(i).evaluate(LABEL) for i in range(3)] == ['"Person"', '"Role"', '"Status"']
    assert "Speaker" in person.nth(1).inner_text()
    screenshot(phone, "phone-event-tables")


def test_expenses_fit_a_phone(phone, live_server, member_user, screenshot):
    for status in (Expense.Status.SUBMITTED, Expense.Status.APPROVED):
        factories.ExpenseFactory(
            member=member_user.member, status=status, description="Flight Shanghai–Tokyo, economy, return"
        )

    phone.goto(f"{live_server.url}/budget/expenses/")

    _fits(phone)
    amount = phone.locator("tbody tr").first.locator("td.num")
    assert amount.evaluate(LABEL) == '"Amount"'
    assert "3,200.00" in amount.inner_text()
    screenshot(phone, "phone-expenses")

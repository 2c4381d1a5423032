"""Admin changelists and inline rows at a laptop's width (1366 px, the navigation open) and
a phone's (issue 14): at 1366 px every column of a changelist shows inside its box (no
column pushed past the edge), titles are not squeezed into a few characters a line, and an
inline row's event select shows the event's name."""

import datetime as dt

import pytest
from django.utils import timezone

from events.models import Participation
from events.reminders.planning import reminders_plan_event
from members.models import Contribution
from tests import factories
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_TITLE = "顾问委员会关于“主权AI”这个话题线下讨论的纪要整理与后续行动"


@pytest.fixture
def busy_lists(coordinator):
    budget = factories.BudgetFactory(title="2026 国际接轨组预算")
    names = [
        "The Global Sovereign AI Opportunity Webinar: APAC Edition",
        "FOSDEM 2026",
        "State of Open Con 2026",
    ]
    events = [
        factories.EventFactory(name=name, country=country)
        for name, country in zip(names, ["MY", "BE", "GB"], strict=True)
    ]
    for event in events:
        factories.BudgetLineFactory(budget=budget, event=event)
        factories.ParticipationFactory(
            event=event, needs_travel=True, needs_visa=True, status=Participation.Status.CONFIRMED
        )
        factories.ActionItemFactory(event=event, title=LONG_TITLE, due_date=dt.date(2025, 1, 1))
        factories.IdeaFactory(title=LONG_TITLE)
        factories.ContributionFactory()
    deadline = factories.DeadlineFactory(event=events[0], due_at=timezone.now() + dt.timedelta(days=30))
    reminders_plan_event(event_id=deadline.event_id)
    return budget


def _log_in(page, base_url):
    log_in(page, base_url, "coordinator", next="/admin/", admin=True)


PAGES = [
    "budget/budget",
    "budget/expense",
    "events/event",
    "events/actionitem",
    "events/idea",
    "events/participation",
]
PAGES += [
    "events/deadline",
    "events/reminder",
    "members/member",
    "members/contribution",
    "events/travelrequirement",
]


@pytest.mark.parametrize("language", ["en-US", "zh-CN"])
@pytest.mark.parametrize("width", [1366, 390])
def test_changelists_fit_and_inline_events_are_readable(
    busy_lists, live_server, browser, screenshot, language, width
):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=language)
    page = context.new_page()
    _log_in(page, live_server.url)
    problems = []
    for path in PAGES:
        page.goto(f"{live_server.url}/admin/{path}/")
        screenshot(page, f"admin-{path.replace('/', '-')}-changelist-{width}-{language}")
        if width < 1000 or not page.locator("#result_list").count():
            continue
        overflow = page.evaluate(
            "(() => { const r = document.querySelector('#changelist .results');"
            " return r.scrollWidth - r.clientWidth; })()"
        )
        if overflow > 1:
            problems.append(f"{path}: the table is {overflow}px wider than its box")
        title = page.locator("#result_list td.field-title, #result_list th.field-title").first
        if title.count() and title.bounding_box()["width"] < 150:
            problems.append(f"{path}: the title column is squeezed")
    assert problems == []

    page.goto(f"{live_server.url}/admin/budget/budget/{busy_lists.pk}/change/")
    screenshot(page, f"admin-budget-change-{width}-{language}")
    event_select = page.locator("td.field-event select").first
    assert event_select.bounding_box()["width"] > 150
    assert not page.locator(".inline-group .related-widget-wrapper-link").count()
    if width > 1000:  # every column of the budget's lines shows, the status included
        inline = page.evaluate(
            "(() => { const t = document.querySelector('.inline-group .tabular');"
            " return t.scrollWidth - t.clientWidth; })()"
        )
        columns = page.evaluate(
            "Array.from(document.querySelectorAll('.inline-group .tabular thead th'))"
            ".map(th => th.textContent.trim() + ':' + Math.round(th.getBoundingClientRect().width))"
        )
        assert inline <= 1, " ".join(columns)
    # A reminder's page: what it is in the reader's words, the plumbing folded away.
    page.goto(f"{live_server.url}/admin/events/reminder/")
    page.locator("#result_list th.field-what a").first.click()
    screenshot(page, f"admin-reminder-change-{width}-{language}")
    assert not page.locator(".field-lease_until").is_visible()
    contribution = Contribution.objects.first()
    page.goto(f"{live_server.url}/admin/members/contribution/{contribution.pk}/change/")
    screenshot(page, f"admin-contribution-change-{width}-{language}")
    assert page.locator(".field-member .select2-container").is_visible()
    context.close()

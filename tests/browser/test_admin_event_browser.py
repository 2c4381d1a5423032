"""The event change form in admin at a laptop's width (1366 px) and a phone's: its deadline,
goal, participant and action item rows fit the window, in English and Chinese."""

import datetime as dt

import pytest

from events.models import Deadline, Goal
from tests import factories
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def busy_event(coordinator):
    event = factories.EventFactory(
        name="Open Source Summit Japan 2026", city="Tokyo", country="JP", timezone="Asia/Tokyo"
    )
    factories.DeadlineFactory(
        event=event,
        kind=Deadline.Kind.CFP_CLOSE,
        title="Call for proposals (talks and lightning talks)",
        due_at=dt.datetime(2026, 6, 30, 11, 59, tzinfo=dt.UTC),
        timezone="Etc/GMT+12",
        url="https://events.linuxfoundation.org/open-source-summit-japan/program/cfp/",
    )
    factories.DeadlineFactory(event=event, kind=Deadline.Kind.REGISTRATION, timezone="Asia/Tokyo")
    factories.GoalFactory(event=event, kind=Goal.Kind.TALK, details="A talk on the community's CI " * 3)
    factories.GoalFactory(event=event, kind=Goal.Kind.BOOTH)
    factories.ParticipationFactory(event=event)
    factories.ActionItemFactory(event=event, title="Book the booth")
    return event


def _log_in(page, base_url):
    log_in(page, base_url, "coordinator", next="/admin/", admin=True)


@pytest.mark.parametrize("language", ["en-US", "zh-CN"])
@pytest.mark.parametrize("width", [1366, 390])
def test_the_event_change_form_fits_the_window(busy_event, live_server, browser, screenshot, language, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=language)
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", lambda response: response.status >= 400 and problems.append(response.url))
    try:
        _log_in(page, live_server.url)
        page.goto(f"{live_server.url}/admin/events/event/{busy_event.pk}/change/")
        assert page.locator("#deadlines-group").is_visible()
        zones = page.eval_on_selector_all(
            "#deadlines-group tr:not(.empty-form) input[name$='-timezone']",
            "inputs => inputs.map(input => input.value)",
        )
        assert sorted(zones) == ["AoE", "Asia/Tokyo"]
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        path = screenshot(page, f"admin-event-change-{language}-{width}")
        page.locator("#deadlines-group").screenshot(path=str(path.with_name(f"{path.stem}-deadlines.png")))
        if width >= 1366:
            assert widths[0] <= widths[1], widths
            # Each row's last cells (the UTC instant, link, public, delete) are on screen.
            for selector in ["#deadlines-group td.delete", "#deadlines-group td.field-utc_instant"]:
                box = page.locator(selector).first.bounding_box()
                assert box["x"] + box["width"] <= widths[1], (selector, box)
        assert problems == []
    finally:
        context.close()

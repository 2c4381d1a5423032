"""The public "where to meet us" window (issue 12): a visitor sees only public events the
group is going to, went to or is considering — never an idea, a declined or a cancelled
event, even one marked public — with approximate dates shown as such. One rule
(events.selectors.public_events / public_deadlines), and every door agrees: the calendar's
grid and year list, the event page, the CFP board, both public feeds and the API."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from events.models import Event
from events.selectors import events_visible_to, public_deadlines, public_events
from tests import factories

from .feeds.ical_helpers import parse, vevents_by_uid

pytestmark = pytest.mark.django_db

DAY = dt.date(2027, 6, 10)
SHOWN = ("considering", "planned", "confirmed", "attended")
HIDDEN = ("idea", "declined", "cancelled")


@pytest.fixture
def world(settings):
    settings.CALENDAR_FEED_HISTORY_DAYS = 100 * 365
    events = {}
    for index, status in enumerate(SHOWN + HIDDEN):
        event = factories.EventFactory(
            name=f"Conf {status}", status=status, start_date=DAY + dt.timedelta(days=index), end_date=None
        )
        factories.DeadlineFactory(event=event, due_at=dt.datetime(2027, 5, 1, 12, tzinfo=dt.UTC))
        events[status] = event
    events["internal"] = factories.EventFactory(
        name="Conf internal", start_date=DAY, end_date=None, is_public=False
    )
    events["late june"] = factories.EventFactory(
        name="EthCC 2027",
        start_date=None,
        end_date=None,
        date_precision=Event.DatePrecision.LATE_MONTH,
        approx_year=2027,
        approx_month=6,
        status=Event.Status.CONSIDERING,
    )
    return events


def _names(events):
    return {event.name for event in events}


def test_the_rule(world):
    assert _names(public_events()) == {f"Conf {status}" for status in SHOWN} | {"EthCC 2027"}
    assert {d.event.name for d in public_deadlines()} == {f"Conf {status}" for status in SHOWN}


def test_members_still_see_everything(world, member_user):
    assert len(events_visible_to(user=member_user)) == len(world)


@pytest.mark.parametrize(
    "url",
    [
        "/?month=2027-06",
        "/?view=list&year=2027",
        "/cfp/",
        "/calendar/events.ics",
        "/calendar/cfp.ics",
    ],
)
def test_each_page_and_feed_shows_a_visitor_only_the_window(client, world, url):
    body = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for status in SHOWN:
        assert f"Conf {status}" in body, (url, status)
    for status in (*HIDDEN, "internal"):
        assert f"Conf {status}" not in body, (url, status)


def test_the_event_page_of_a_hidden_event_is_404_for_a_visitor(client, world):
    for status in SHOWN:
        assert client.get(f"/events/{world[status].pk}/").status_code == 200, status
    for status in (*HIDDEN, "internal"):
        assert client.get(f"/events/{world[status].pk}/").status_code == 404, status


def test_the_api_shows_a_visitor_only_the_window(world):
    api = APIClient()
    events = api.get("/api/events/?page_size=100").json()["results"]
    assert {row["name"] for row in events} == {f"Conf {status}" for status in SHOWN} | {"EthCC 2027"}
    deadlines = api.get("/api/deadlines/?page_size=100").json()["results"]
    assert len(deadlines) == len(SHOWN)
    assert api.get(f"/api/events/{world['cancelled'].pk}/").status_code == 404


def test_approximate_dates_are_shown_as_such_to_a_visitor(client, world):
    page = client.get("/?view=list&year=2027", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "late June 2027" in page
    grid = client.get("/?month=2027-06", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "2027年6月下旬" in grid
    entry = vevents_by_uid(parse(client.get("/calendar/events.ics")))[world["late june"].ical_uid]
    assert str(entry["SUMMARY"]) == "EthCC 2027 (dates approximate)"
    detail = client.get(f"/events/{world['late june'].pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "late June 2027" in detail and "(approximate)" in detail

"""Dates and instants outside 1990–2100 are refused at every door with one clear message and
never stored (issue: extreme input never breaks a page)."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from budget.services import expense_submit
from events.models import Deadline, Event
from events.services import deadline_set, event_create
from members.permissions import OPERATOR
from tests import factories

MESSAGE = "Dates must fall between 1990 and 2100."


def _messages(response):
    body = response.json()
    return [message for value in body.values() for message in (value if isinstance(value, list) else [value])]


@pytest.mark.parametrize(
    "payload",
    [
        {"due_at": "0001-01-01T00:00:00Z", "timezone": "AoE"},
        {"due_at": "9999-12-31T23:59:59Z", "timezone": "Pacific/Kiritimati"},
        {"due_date": "9999-12-31", "timezone": "AoE"},
        {"due_at": "1989-12-31T23:59:00Z", "timezone": "UTC"},
    ],
)
def test_api_refuses_a_deadline_outside_the_range_and_stores_nothing(api_as, coordinator, payload):
    event = factories.EventFactory(is_public=True)
    response = api_as("coordinator").post("/api/deadlines/", {"event": event.pk, **payload}, format="json")
    assert response.status_code == 400
    assert MESSAGE in _messages(response)
    assert not Deadline.objects.exists()
    # Nothing broke: the public pages and feeds still answer.
    for path in ("/api/events/", "/api/deadlines/", "/cfp/", f"/events/{event.pk}/", "/calendar/cfp.ics"):
        assert api_as("anonymous").get(path).status_code == 200, path


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2101-01-01"])
def test_api_refuses_an_event_dated_outside_the_range(api_as, coordinator, day):
    response = api_as("coordinator").post(
        "/api/events/", {"name": "Far future", "start_date": day}, format="json"
    )
    assert response.status_code == 400
    assert MESSAGE in _messages(response)
    assert not Event.objects.filter(name="Far future").exists()
    assert api_as("anonymous").get("/calendar/events.ics").status_code == 200


def test_admin_refuses_an_event_dated_outside_the_range(coordinator_client):
    response = coordinator_client.post(
        "/admin/events/event/add/",
        {
            "name": "Far future",
            "kind": "conference",
            "format": "in_person",
            "status": "considering",
            "priority": 2,
            "start_date": "9999-12-31",
        },
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not Event.objects.filter(name="Far future").exists()


def test_services_refuse_and_the_database_enforces_the_range(coordinator, member_user):
    event = factories.EventFactory()
    with pytest.raises(Exception, match="1990 and 2100"):
        deadline_set(user=OPERATOR, event=event, kind="cfp_close", local=dt.date(9999, 12, 31), zone="AoE")
    with pytest.raises(Exception, match="1990 and 2100"):
        event_create(user=OPERATOR, name="Old", start_date=dt.date(1900, 1, 1))
    with pytest.raises(Exception, match="1990 and 2100"):
        expense_submit(
            user=member_user,
            description="Taxi",
            amount="10.00",
            currency="CNY",
            spent_on=dt.date(9999, 1, 1),
            category="travel",
        )
    # A write that skips the services (a raw update) is stopped by the database itself.
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(start_date=dt.date(9999, 12, 31), end_date=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Deadline.objects.create(event=event, due_at=dt.datetime(1, 1, 1, tzinfo=dt.UTC))

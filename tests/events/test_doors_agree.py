"""One rule, every door: confirming a participation gives the same outcome whether it comes
through the admin's action, the event's participation inline, the member's participation
inline, the participation's change form or the API; a refusal is the same refusal
everywhere and changes nothing.

(The event page changes a participation's role and a goal's owner through the same services,
with the same refusals as the API: tests/events/test_assign_on_event_page.py.)"""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from budget.models import BudgetLine
from events.models import Deadline, Participation, Reminder
from events.services import deadline_set
from members.permissions import OPERATOR
from tests import factories

from .admin_forms import changeform_data

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
STATUS_DOORS = ["admin_inline", "admin_member_inline", "admin_change", "api_patch"]
DOORS = ["admin_action", *STATUS_DOORS]


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)


@pytest.fixture
def trip(coordinator):
    """A declined trip to a September event that needs travel; a CFP deadline ahead."""
    factories.BudgetFactory()
    event = factories.EventFactory(start_date=dt.date(2025, 9, 13), end_date=dt.date(2025, 9, 14))
    deadline_set(
        user=OPERATOR, event=event, kind=Deadline.Kind.CFP_CLOSE, local=dt.date(2025, 7, 14), zone="UTC"
    )
    member = factories.MemberFactory(display_name="Traveller Tang")
    return factories.ParticipationFactory(
        event=event, member=member, status=Participation.Status.DECLINED, needs_travel=True
    )


def _row_post(client, url, formset_prefix, participation, **changes):
    data, rows = changeform_data(client, url)
    row = rows[(formset_prefix, participation.pk)]
    for name, value in changes.items():
        data[f"{row}-{name}"] = value
    return client.post(url, data)


def set_status(door, client, participation, status, user):
    """Ask `door` to move the participation to `status`. Returns (http status, page text)."""
    if door == "admin_action":
        assert status == Participation.Status.CONFIRMED
        response = client.post(
            reverse("admin:events_participation_changelist"),
            {"action": "confirm_participations", "_selected_action": [participation.pk]},
        )
        shown = " ".join(str(message) for message in get_messages(response.wsgi_request))
        return response.status_code, shown
    if door == "admin_inline":
        url = reverse("admin:events_event_change", args=[participation.event_id])
        response = _row_post(client, url, "participations", participation, status=status)
    elif door == "admin_member_inline":
        url = reverse("admin:members_member_change", args=[participation.member_id])
        response = _row_post(client, url, "participations", participation, status=status)
    elif door == "admin_change":
        url = reverse("admin:events_participation_change", args=[participation.pk])
        data, _rows = changeform_data(client, url)
        response = client.post(url, {**data, "status": status})
    else:  # api_patch
        api = APIClient()
        api.force_login(user)
        response = api.patch(f"/api/participations/{participation.pk}/", {"status": status}, format="json")
    return response.status_code, response.content.decode()


@pytest.fixture
def as_coordinator(client, coordinator):
    client.force_login(coordinator)
    return client


def outcome(participation):
    participation.refresh_from_db()
    lines = list(
        BudgetLine.objects.filter(participation=participation).values_list(
            "status", "category", "person_trips"
        )
    )
    reminders = sorted(
        # The CFP's reminders (a trip's own steps have theirs: tests/events/travel).
        Reminder.objects.filter(member=participation.member, travel_step__isnull=True).values_list(
            "offset", "state", "send_at"
        )
    )
    return participation.status, lines, reminders


@pytest.mark.parametrize("door", DOORS)
def test_confirming_a_trip_proposes_one_budget_line_and_plans_its_reminders(
    door, as_coordinator, coordinator, trip
):
    assert outcome(trip) == ("declined", [], [])

    code, _text = set_status(door, as_coordinator, trip, Participation.Status.CONFIRMED, coordinator)

    assert code in (200, 302)
    status, lines, reminders = outcome(trip)
    assert (status, lines) == ("confirmed", [("proposed", "travel", 1)])
    due = dt.datetime(2025, 7, 14, 23, 59, tzinfo=dt.UTC)
    offsets = [dt.timedelta(hours=2), dt.timedelta(days=1), dt.timedelta(days=3), dt.timedelta(days=7)]
    offsets.append(dt.timedelta(days=14))
    assert reminders == [(offset, Reminder.State.PENDING, due - offset) for offset in offsets]


@pytest.mark.parametrize("door", DOORS)
def test_confirming_an_inactive_members_trip_is_refused_alike_and_changes_nothing(
    door, as_coordinator, coordinator, trip
):
    trip.member.active = False
    trip.member.save()
    before = outcome(trip)

    code, text = set_status(door, as_coordinator, trip, Participation.Status.CONFIRMED, coordinator)

    assert code in (200, 302, 400)
    assert "Traveller Tang is not an active member." in text
    assert outcome(trip) == before
    if door == "api_patch":
        assert code == 400
    elif door != "admin_action":
        assert code == 200  # the change form again, the refusal on the row


@pytest.mark.parametrize("door", STATUS_DOORS)
def test_an_unknown_status_is_refused_alike_and_changes_nothing(door, as_coordinator, coordinator, trip):
    before = outcome(trip)

    code, text = set_status(door, as_coordinator, trip, "maybe-later", coordinator)

    assert code in (200, 400)
    assert "maybe-later" in text and "valid choice" in text
    assert outcome(trip) == before


def test_the_refusal_is_shown_on_the_inline_row_it_came_from(as_coordinator, trip):
    trip.member.active = False
    trip.member.save()
    other = factories.ParticipationFactory(event=trip.event, status=Participation.Status.TENTATIVE)
    url = reverse("admin:events_event_change", args=[trip.event_id])
    data, rows = changeform_data(as_coordinator, url)
    data[f"{rows[('participations', trip.pk)]}-status"] = "confirmed"
    data[f"{rows[('participations', other.pk)]}-status"] = "confirmed"
    data["name"] = "Renamed in the same save"

    response = as_coordinator.post(url, data)

    assert response.status_code == 200
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "participations"
    )
    errors = {form.instance.pk: form.non_field_errors() + form.errors.get("member", []) for form in formset}
    assert errors == {trip.pk: ["Traveller Tang is not an active member."], other.pk: []}
    # The whole save was rolled back: the other row and the event's name are as they were.
    other.refresh_from_db()
    name = trip.event.name
    trip.event.refresh_from_db()
    assert (other.status, trip.event.name) == (Participation.Status.TENTATIVE, name)
    assert BudgetLine.objects.count() == 0


# --- deadlines: a move raises the SEQUENCE once and moves the reminders; a deletion cancels them

DEADLINE_DOORS = ["admin_inline", "admin_change", "api"]


@pytest.fixture
def cfp(trip, coordinator):
    """The trip's CFP deadline, its participant going (reminders planned)."""
    trip.status = Participation.Status.TENTATIVE
    trip.save()
    deadline = Deadline.objects.get(event=trip.event)
    return deadline_set(
        user=OPERATOR,
        event=deadline.event,
        kind=deadline.kind,
        local=dt.date(2025, 7, 14),
        zone="UTC",
        deadline=deadline,
    )


def move_deadline(door, client, user, deadline):
    """Move the deadline to 2025-07-21 23:59 in Asia/Seoul (date only) through `door`."""
    if door == "api":
        api = APIClient()
        api.force_login(user)
        response = api.patch(
            f"/api/deadlines/{deadline.pk}/",
            {"due_date": "2025-07-21", "timezone": "Asia/Seoul"},
            format="json",
        )
        return response.status_code
    if door == "admin_inline":
        url = reverse("admin:events_event_change", args=[deadline.event_id])
        data, rows = changeform_data(client, url)
        row = rows[("deadlines", deadline.pk)]
        data.update(
            {f"{row}-local_date": "2025-07-21", f"{row}-local_time": "", f"{row}-timezone": "Asia/Seoul"}
        )
    else:
        url = reverse("admin:events_deadline_change", args=[deadline.pk])
        data, _rows = changeform_data(client, url)
        data.update({"local_date": "2025-07-21", "local_time": "", "timezone": "Asia/Seoul"})
    return client.post(url, data).status_code


def delete_deadline(door, client, user, deadline):
    if door == "api":
        api = APIClient()
        api.force_login(user)
        return api.delete(f"/api/deadlines/{deadline.pk}/").status_code
    if door == "admin_inline":
        url = reverse("admin:events_event_change", args=[deadline.event_id])
        data, rows = changeform_data(client, url)
        data[f"{rows[('deadlines', deadline.pk)]}-DELETE"] = "on"
        return client.post(url, data).status_code
    url = reverse("admin:events_deadline_delete", args=[deadline.pk])
    return client.post(url, {"post": "yes"}).status_code


@pytest.mark.parametrize("door", DEADLINE_DOORS)
def test_moving_a_deadline_raises_its_sequence_once_and_moves_its_reminders(
    door, as_coordinator, coordinator, cfp
):
    assert cfp.sequence == 0

    assert move_deadline(door, as_coordinator, coordinator, cfp) in (200, 302)

    cfp.refresh_from_db()
    due = dt.datetime(2025, 7, 21, 14, 59, tzinfo=dt.UTC)  # 23:59 KST
    assert (cfp.due_at, cfp.timezone, cfp.is_date_only, cfp.sequence) == (due, "Asia/Seoul", True, 1)
    rows = Reminder.objects.filter(deadline=cfp)
    assert {(row.state, row.send_at) for row in rows} == {
        (Reminder.State.PENDING, due - row.offset) for row in rows
    }
    assert rows.count() == 5


@pytest.mark.parametrize("door", DEADLINE_DOORS)
def test_deleting_a_deadline_cancels_its_reminders(door, as_coordinator, coordinator, cfp):
    assert Reminder.objects.filter(deadline=cfp, state=Reminder.State.PENDING).count() == 5

    assert delete_deadline(door, as_coordinator, coordinator, cfp) in (204, 302)

    assert not Deadline.objects.filter(pk=cfp.pk).exists()
    states = list(Reminder.objects.filter(travel_step__isnull=True).values_list("state", flat=True))
    assert states == [Reminder.State.CANCELLED] * 5

"""A zone chosen as "AoE" in admin (the event's deadline rows, the deadline's own page, the
event's zone) is stored as Etc/GMT+12 and comes back as AoE when the page is opened again."""

import datetime as dt

import pytest
from django.urls import reverse

from events.models import Deadline, Event
from events.services import deadline_set, event_update
from members.permissions import OPERATOR
from tests import factories

from .admin_forms import changeform_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_coordinator(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def cfp():
    return deadline_set(
        user=OPERATOR,
        event=factories.EventFactory(name="GOSIM 2026"),
        kind=Deadline.Kind.CFP_CLOSE,
        local=dt.date(2026, 7, 14),
        zone="Asia/Shanghai",
    )


def _shown_zone(client, url, field):
    """The zone field's value on the page as rendered again."""
    data, _rows = changeform_data(client, url)
    return data[field]


def test_aoe_round_trips_through_the_event_deadline_rows(as_coordinator, cfp):
    url = reverse("admin:events_event_change", args=[cfp.event_id])
    data, rows = changeform_data(as_coordinator, url)
    row = rows[("deadlines", cfp.pk)]
    data[f"{row}-timezone"] = "AoE"

    response = as_coordinator.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    cfp.refresh_from_db()
    assert cfp.timezone == "Etc/GMT+12"
    assert cfp.due_at == dt.datetime(2026, 7, 15, 11, 59, tzinfo=dt.UTC)  # 23:59 AoE
    assert _shown_zone(as_coordinator, url, f"{row}-timezone") == "AoE"
    assert 'value="AoE"' in as_coordinator.get(url).text


def test_a_new_deadline_row_in_aoe_is_shown_as_aoe(as_coordinator):
    event = factories.EventFactory()
    url = reverse("admin:events_event_change", args=[event.pk])
    data, _rows = changeform_data(as_coordinator, url)
    data.update(
        {
            "deadlines-TOTAL_FORMS": "1",
            "deadlines-0-kind": Deadline.Kind.CFP_CLOSE,
            "deadlines-0-local_date": "2026-03-01",
            "deadlines-0-timezone": "aoe",
            "deadlines-0-is_public": "on",
        }
    )

    response = as_coordinator.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    deadline = Deadline.objects.get(event=event)
    assert (deadline.timezone, deadline.zone_label) == ("Etc/GMT+12", "AoE")
    assert _shown_zone(as_coordinator, url, "deadlines-0-timezone") == "AoE"


def test_aoe_round_trips_through_the_deadline_form(as_coordinator, cfp):
    url = reverse("admin:events_deadline_change", args=[cfp.pk])
    data, _rows = changeform_data(as_coordinator, url)
    assert data["timezone"] == "Asia/Shanghai"

    response = as_coordinator.post(url, {**data, "timezone": "AoE"})

    assert response.status_code == 302
    cfp.refresh_from_db()
    assert cfp.timezone == "Etc/GMT+12"
    assert _shown_zone(as_coordinator, url, "timezone") == "AoE"
    # Saved again unchanged, it stays AoE and does not move.
    due = cfp.due_at
    response = as_coordinator.post(url, changeform_data(as_coordinator, url)[0])
    cfp.refresh_from_db()
    assert (response.status_code, cfp.timezone, cfp.due_at) == (302, "Etc/GMT+12", due)


def test_aoe_round_trips_as_the_event_zone(as_coordinator):
    event = factories.EventFactory(timezone="Europe/Brussels")
    url = reverse("admin:events_event_change", args=[event.pk])
    data, _rows = changeform_data(as_coordinator, url)

    response = as_coordinator.post(url, {**data, "timezone": "AoE"})

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.timezone == "Etc/GMT+12"
    assert event.tz.key == "Etc/GMT+12"
    assert _shown_zone(as_coordinator, url, "timezone") == "AoE"


def test_an_unknown_zone_in_a_deadline_row_is_refused_and_changes_nothing(as_coordinator, cfp):
    url = reverse("admin:events_event_change", args=[cfp.event_id])
    data, rows = changeform_data(as_coordinator, url)
    data[f"{rows[('deadlines', cfp.pk)]}-timezone"] = "Mars/Olympus"

    response = as_coordinator.post(url, data)

    assert response.status_code == 200
    assert "“Mars/Olympus” is not a known time zone" in response.text
    cfp.refresh_from_db()
    assert cfp.timezone == "Asia/Shanghai"


def test_the_event_service_stores_aoe_by_its_iana_name():
    event = factories.EventFactory()
    event_update(user=OPERATOR, event=event, timezone="AoE")
    assert Event.objects.get(pk=event.pk).timezone == "Etc/GMT+12"


def test_a_zone_field_is_labelled_like_every_other_admin_field(db):
    from django.contrib import admin as django_admin

    from members.models import Member

    model_admin = django_admin.site._registry[Member]
    field = model_admin.formfield_for_dbfield(Member._meta.get_field("timezone"), request=None)
    assert str(field.label) == "Time zone"

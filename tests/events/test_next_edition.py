"""Copy to the next edition: refused a second time for the same series and year (page and
admin), and estimated from last year until a coordinator confirms the dates."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from events import services
from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db


def approx(**fields):
    defaults = {"name": "EthCC", "start_date": None, "end_date": None, "edition_year": 2026}
    return factories.EventFactory(**{**defaults, **fields})


# --- copy to next edition ------------------------------------------------------------------------


def test_copy_to_next_edition_is_refused_a_second_time(coordinator):
    event = factories.EventFactory(name="FOSDEM 2026", series="FOSDEM", edition_year=2026)
    copy = services.event_copy_to_next_edition(user=coordinator, event=event)
    with pytest.raises(ValidationError) as refusal:
        services.event_copy_to_next_edition(user=coordinator, event=event)
    assert f"/events/{copy.pk}/" in " ".join(refusal.value.messages)
    assert Event.objects.filter(series="FOSDEM", edition_year=2027).count() == 1


def test_admin_copy_action_refuses_a_second_copy_with_a_link(coordinator_client):
    event = factories.EventFactory(name="COSCUP 2026", series="COSCUP", edition_year=2026)
    url = "/admin/events/event/"
    coordinator_client.post(url, {"action": "copy_to_next_edition", "_selected_action": [event.pk]})
    copy = Event.objects.get(series="COSCUP", edition_year=2027)
    response = coordinator_client.post(
        url,
        {"action": "copy_to_next_edition", "_selected_action": [event.pk]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert f"/events/{copy.pk}/" in response.content.decode()
    assert Event.objects.filter(series="COSCUP", edition_year=2027).count() == 1


def test_a_copy_is_estimated_from_last_year_until_confirmed(coordinator, member_client):
    event = factories.EventFactory(name="FOSDEM 2026", series="FOSDEM", edition_year=2026)
    copy = services.event_copy_to_next_edition(user=coordinator, event=event)
    assert copy.dates_estimated is True
    page = member_client.get(f"/events/{copy.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "estimated from last year" in page
    services.event_confirm_dates(user=coordinator, event=copy)
    copy.refresh_from_db()
    assert copy.dates_estimated is False
    page = member_client.get(f"/events/{copy.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "estimated from last year" not in page


def test_setting_a_copys_dates_by_hand_ends_the_estimate(coordinator):
    event = factories.EventFactory(name="FOSDEM 2026", series="FOSDEM", edition_year=2026)
    copy = services.event_copy_to_next_edition(user=coordinator, event=event)
    services.event_update(
        user=coordinator, event=copy, start_date=dt.date(2027, 2, 6), end_date=dt.date(2027, 2, 7)
    )
    copy.refresh_from_db()
    assert copy.dates_estimated is False


def test_only_coordinators_confirm_dates(member_user):
    event = factories.EventFactory(dates_estimated=True)
    with pytest.raises(PermissionDenied):
        services.event_confirm_dates(user=member_user, event=event)
    event.refresh_from_db()
    assert event.dates_estimated is True

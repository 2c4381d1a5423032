import datetime as dt

import pytest
from django.urls import reverse

from events import services
from events.models import Event, Goal
from members.permissions import OPERATOR
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def fosdem():
    event = factories.EventFactory(
        name="FOSDEM 2025",
        series="FOSDEM",
        edition_year=2025,
        start_date=dt.date(2025, 2, 1),
        end_date=dt.date(2025, 2, 2),
        timezone="Europe/Brussels",
        status=Event.Status.ATTENDED,
        review="Great booth traffic.",
    )
    factories.GoalFactory(
        event=event, kind="talk", status=Goal.Status.SECURED, outcome="Talk given", details="Main track"
    )
    factories.ParticipationFactory(event=event)
    services.deadline_set(
        user=OPERATOR,
        event=event,
        kind="cfp_close",
        local=dt.datetime(2024, 12, 1, 23, 59),
        zone="Europe/Brussels",
    )
    return event


def test_copy_to_next_edition_shifts_dates_and_resets_outcomes(fosdem):
    copy = services.event_copy_to_next_edition(user=OPERATOR, event=fosdem)
    assert copy.name == "FOSDEM 2026"
    assert copy.edition_year == 2026
    assert (copy.start_date, copy.end_date) == (dt.date(2026, 2, 1), dt.date(2026, 2, 2))
    assert copy.status == Event.Status.CONSIDERING
    assert copy.review == ""
    goal = copy.goals.get()
    assert (goal.kind, goal.status, goal.outcome, goal.details) == (
        "talk",
        Goal.Status.WANTED,
        "",
        "Main track",
    )
    assert copy.participations.count() == 0
    deadline = copy.deadlines.get()
    # Same local time a year later, in the announced zone.
    assert deadline.local_due_at.replace(tzinfo=None) == dt.datetime(2025, 12, 1, 23, 59)
    assert deadline.timezone == "Europe/Brussels"
    fosdem.refresh_from_db()
    assert fosdem.status == Event.Status.ATTENDED


def test_copy_on_29_february_lands_on_28th():
    event = factories.EventFactory(
        name="Leap Con 2024",
        edition_year=2024,
        start_date=dt.date(2024, 2, 29),
        end_date=dt.date(2024, 2, 29),
    )
    copy = services.event_copy_to_next_edition(user=OPERATOR, event=event)
    assert copy.start_date == dt.date(2025, 2, 28)


def test_copy_action_in_admin(coordinator_client, fosdem):
    response = coordinator_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "copy_to_next_edition", "_selected_action": [fosdem.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert Event.objects.filter(name="FOSDEM 2026", status=Event.Status.CONSIDERING).count() == 1
    assert "FOSDEM 2026" in response.content.decode()

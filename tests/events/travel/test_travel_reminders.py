"""Travel steps in the reminder outbox: planned with the trip, moved with the event, sent once
in the traveller's language."""

import datetime as dt

import pytest
from django.core import mail

from events.models import Reminder, TravelStep
from events.reminders.dispatch import reminders_dispatch
from events.services import event_update
from events.travel.services import travel_step_set_state
from members.permissions import OPERATOR

from .travel_helpers import event_in, traveller, trip

pytestmark = pytest.mark.django_db
K = TravelStep.Kind
NOW = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)


def _rows(participation, kind):
    return Reminder.objects.filter(travel_step__participation=participation, travel_step__kind=kind)


def test_steps_are_planned_for_their_owners(coordinator):
    participation = trip(event_in("BE"), traveller())
    apply = _rows(participation, K.APPLY_VISA)
    # The traveller's step: a week and a day before 2026-12-12 23:59 Brussels (22:59 UTC), by e-mail.
    assert sorted((r.member_id, r.send_at) for r in apply) == [
        (participation.member_id, dt.datetime(2026, 12, 5, 22, 59, tzinfo=dt.UTC)),
        (participation.member_id, dt.datetime(2026, 12, 11, 22, 59, tzinfo=dt.UTC)),
    ]
    later = trip(event_in("JP"), participation.member)  # its support letter is due 2027-05-06
    support = _rows(later, K.SUPPORT_LETTER)
    assert {r.member_id for r in support} == {coordinator.member.pk}


def test_moved_event_moves_steps_and_replans_reminders(coordinator):
    event = event_in("BE")
    participation = trip(event, traveller())
    event_update(user=OPERATOR, event=event, start_date=dt.date(2027, 2, 13), end_date=dt.date(2027, 2, 14))
    apply = _rows(participation, K.APPLY_VISA).filter(state=Reminder.State.PENDING)
    assert sorted(r.send_at for r in apply) == [
        dt.datetime(2026, 12, 12, 22, 59, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 18, 22, 59, tzinfo=dt.UTC),
    ]
    assert _rows(participation, K.APPLY_VISA).count() == 2  # moved, not doubled


def test_step_reminder_sent_once_in_travellers_language_and_rearmed_when_moved(coordinator):
    event = event_in("BE")
    participation = trip(event, traveller(preferred_language="zh-hans"))
    at = dt.datetime(2026, 12, 5, 23, 0, tzinfo=dt.UTC)  # just after the week-before reminder
    reminders_dispatch(now=at)
    reminders_dispatch(now=at + dt.timedelta(minutes=5))
    to_traveller = [m for m in mail.outbox if m.to == ["zhang@example.org"]]
    subjects = sorted(m.subject for m in to_traveller)
    assert len(to_traveller) == 2  # apply for the visa, book travel (both due 2026-12-12)
    assert all("FOSDEM 2027" in s for s in subjects)
    assert any("申请签证或许可" in s for s in subjects)
    # The event moves a week later: the sent week-before reminder is due again on its new date.
    event_update(user=OPERATOR, event=event, start_date=dt.date(2027, 2, 13), end_date=dt.date(2027, 2, 14))
    row = _rows(participation, K.APPLY_VISA).get(offset=dt.timedelta(days=7))
    assert (row.state, row.send_at) == (
        Reminder.State.PENDING,
        dt.datetime(2026, 12, 12, 22, 59, tzinfo=dt.UTC),
    )


def test_done_step_cancels_its_reminders(member_user):
    member_user.member.passport_country = "CN"
    member_user.member.save()
    participation = trip(event_in("BE"), member_user.member)
    step = participation.travel_steps.get(kind=K.APPLY_VISA)
    travel_step_set_state(user=member_user, step=step, state=TravelStep.State.DONE, now=NOW)
    assert set(_rows(participation, K.APPLY_VISA).values_list("state", flat=True)) == {
        Reminder.State.CANCELLED
    }

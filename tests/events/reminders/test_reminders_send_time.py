"""A member's contact details are read when a reminder is sent, not when it is planned:
rows are planned whatever the member's address or active flag, and the dispatcher skips,
with the reason recorded on the row, what it cannot deliver."""

import datetime as dt

import pytest
from django.core import mail

from events.models import Reminder
from events.models.reminder_settings import ReminderDefaults
from events.reminders.dispatch import reminders_dispatch
from events.reminders.planning import reminders_plan_event
from tests import factories

from . import reminder_helpers

clock = reminder_helpers.clock  # the fixture that fixes planning's clock

State = Reminder.State
DUE = dt.datetime(2025, 6, 30, 6, 59, tzinfo=dt.UTC)
AT = DUE - dt.timedelta(days=1)


@pytest.fixture
def event(db, clock):
    ReminderDefaults.objects.create(offsets="1d")
    return factories.EventFactory(name="KubeCon China 2025")


def going(event, **member_fields):
    member = factories.MemberFactory(**member_fields)
    factories.ParticipationFactory(event=event, member=member)
    return member


def planned(event):
    factories.DeadlineFactory(event=event, due_at=DUE)
    reminders_plan_event(event_id=event.pk)
    return dict(Reminder.objects.filter(state=State.PENDING).values_list("member_id", "via"))


def outbox_rows():
    return list(Reminder.objects.order_by("pk").values())


def test_inactive_member_is_planned_then_skipped_when_sending(event):
    active = going(event, email="active@example.org")
    inactive = going(event, email="left@example.org", active=False)
    assert planned(event) == {active.pk: "email", inactive.pk: "email"}
    result = reminders_dispatch(now=AT)
    assert (result.sent, result.skipped, result.cancelled) == (1, 1, 0)
    assert [message.to for message in mail.outbox] == [["active@example.org"]]
    row = Reminder.objects.get(member=inactive)
    assert (row.state, row.last_error, row.sent_at) == (State.SKIPPED, "member inactive", None)


def test_member_without_address_is_planned_then_skipped_when_sending(event):
    reachable = going(event, email="li@example.org")
    no_address = going(event, email="")
    assert planned(event) == {reachable.pk: "email", no_address.pk: "email"}
    result = reminders_dispatch(now=AT)
    assert (result.sent, result.skipped) == (1, 1)
    assert [message.to for message in mail.outbox] == [["li@example.org"]]
    row = Reminder.objects.get(member=no_address)
    assert (row.state, row.last_error) == (State.SKIPPED, "member has no e-mail address")


def test_send_due_reminders_reports_the_skip(event):
    going(event, email="", active=False)
    planned(event)
    assert reminders_dispatch(now=AT, dry_run=True).skipped == 1
    assert reminders_dispatch(now=AT).line() == "sent=0 failed=0 skipped=1 cancelled=0"
    assert mail.outbox == []


def test_address_and_active_flag_changes_need_no_replan(event):
    member = going(event, email="", active=False)
    planned(event)
    before = outbox_rows()
    member.email, member.active = "back@example.org", True
    member.save()
    assert outbox_rows() == before  # nothing re-planned, nothing needed
    assert reminders_dispatch(now=AT).sent == 1
    assert [message.to for message in mail.outbox] == [["back@example.org"]]

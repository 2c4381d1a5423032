"""The weekly digest exactly once under concurrency: two dispatchers racing, and one killed
while it sends (PostgreSQL: SKIP LOCKED, a database shared with a child process)."""

import datetime as dt

import pytest
from django.core import mail

from events.models import Reminder
from events.reminders.dispatch import reminders_dispatch
from tests import factories

from .reminder_helpers import kill_a_dispatcher_mid_send, race_dispatchers
from .test_reminders_digest import MONDAY_10

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
State = Reminder.State


def test_two_dispatchers_racing_send_the_digest_once():
    factories.ActionItemFactory(title="Something due", due_date=dt.date(2026, 12, 8))
    for n in range(5):
        factories.ReminderChannelFactory(kind="email", url="", email=f"group{n}@example.org", digest=True)
    results = race_dispatchers(now=MONDAY_10, batch_size=1)
    assert sum(result.sent for result in results) == 5
    assert sorted(m.to[0] for m in mail.outbox) == [f"group{n}@example.org" for n in range(5)]
    # Both planned this week's and next week's rows: one of each per channel.
    assert Reminder.objects.filter(kind="digest").count() == 10


def test_a_dispatcher_killed_mid_digest_leaves_it_to_be_sent_once_after_the_lease(tmp_path, settings):
    factories.ActionItemFactory(title="Something due", due_date=dt.date(2026, 12, 8))
    factories.ReminderChannelFactory(kind="email", url="", email="wg@example.org", digest=True)
    kill_a_dispatcher_mid_send(now=MONDAY_10, tmp_path=tmp_path)
    row = Reminder.objects.get(kind="digest", period=dt.date(2026, 12, 7))
    assert (row.state, row.attempts) == (State.SENDING, 0)
    lease = dt.timedelta(seconds=settings.REMINDER_LEASE_SECONDS)
    assert reminders_dispatch(now=MONDAY_10 + lease - dt.timedelta(seconds=5)).sent == 0
    assert reminders_dispatch(now=MONDAY_10 + lease + dt.timedelta(seconds=1)).sent == 1
    assert reminders_dispatch(now=MONDAY_10 + lease + dt.timedelta(minutes=5)).sent == 0
    row.refresh_from_db()
    assert (row.state, row.attempts, len(mail.outbox)) == (State.SENT, 1, 1)
    assert mail.outbox[0].extra_headers["X-Intl-Portal-Reminder"] == f"digest-{row.pk}-20261207"

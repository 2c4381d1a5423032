"""Exactly-once under concurrency, leases after a killed dispatcher, and a real Celery
worker on Redis. These need PostgreSQL (SKIP LOCKED, a database shared with children)."""

import collections
import datetime as dt
import socket
import subprocess
import sys

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events.models import Reminder
from events.models.reminder_settings import ReminderChannel, ReminderDefaults
from events.reminders.dispatch import reminders_dispatch
from events.reminders.planning import reminders_plan_deadlines
from members.groups import ensure_standard_groups
from tests import factories

from . import reminder_helpers
from .reminder_helpers import (
    ROOT,
    RecordingServer,
    celery_worker,
    kill_a_dispatcher_mid_send,
    race_dispatchers,
    subprocess_env,
    wait_for,
)
from .test_reminders_delivery import Recorder

clock = reminder_helpers.clock  # the fixture that fixes planning's clock

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
UTC = dt.UTC
DUE = dt.datetime(2025, 6, 30, 6, 59, tzinfo=UTC)
AT = dt.datetime(2025, 6, 29, 6, 59, tzinfo=UTC)
State = Reminder.State


def _members_due(count):
    ReminderDefaults.objects.create(offsets="1d")
    event = factories.EventFactory()
    for _ in range(count):
        factories.ParticipationFactory(event=event)
    reminders_plan_deadlines(deadlines=[factories.DeadlineFactory(event=event, due_at=DUE)])
    assert Reminder.objects.filter(state=State.PENDING).count() == count


def test_two_threads_racing_deliver_each_reminder_once(clock):
    _members_due(300)
    results = race_dispatchers(now=AT, batch_size=7)
    recipients = collections.Counter(m.to[0] for m in mail.outbox)
    assert sum(r.sent for r in results) == 300
    assert len(recipients) == 300
    assert max(recipients.values()) == 1
    assert Reminder.objects.filter(state=State.SENT).count() == 300


def test_two_processes_racing_post_each_webhook_once(clock):
    ReminderDefaults.objects.create(offsets="1d")
    with RecordingServer(body=b"{}") as server:
        for _ in range(120):
            factories.ReminderChannelFactory(kind="webhook", url=server.url())
        reminders_plan_deadlines(deadlines=[factories.DeadlineFactory(due_at=DUE)])
        command = [sys.executable, "manage.py", "send_due_reminders", "--now", "2025-06-29T06:59Z"]
        env = subprocess_env()
        children = [
            subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True) for _ in range(2)
        ]
        outputs = [child.communicate(timeout=120)[0].strip() for child in children]
    sent = [int(out.split()[0].removeprefix("sent=")) for out in outputs]
    per_reminder = collections.Counter(r["json"]["reminder_id"] for r in server.requests)
    assert sum(sent) == 120
    assert len(per_reminder) == 120
    assert max(per_reminder.values()) == 1
    assert all(child.returncode == 0 for child in children)


def test_killed_dispatcher_reminder_sent_once_after_lease(clock, tmp_path, settings):
    _members_due(1)
    kill_a_dispatcher_mid_send(now=AT, tmp_path=tmp_path)
    row = Reminder.objects.get()
    # Claimed, never tried: no attempt counted.
    assert (row.state, row.attempts) == (State.SENDING, 0)
    lease = dt.timedelta(seconds=settings.REMINDER_LEASE_SECONDS)
    assert reminders_dispatch(now=AT + lease - dt.timedelta(seconds=5)).sent == 0
    assert mail.outbox == []
    assert reminders_dispatch(now=AT + lease + dt.timedelta(seconds=1)).sent == 1
    assert reminders_dispatch(now=AT + lease + dt.timedelta(minutes=5)).sent == 0
    row.refresh_from_db()
    assert (row.state, row.attempts, len(mail.outbox)) == (State.SENT, 1, 1)


@pytest.mark.redis
def test_celery_worker_sends_email_and_webhook_and_outbox_says_sent(tmp_path):
    from events.reminders.tasks import dispatch_due_reminders
    from intl_portal.celery import app

    ReminderDefaults.objects.create(offsets="1d")
    handler = Recorder()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        smtp_port = sock.getsockname()[1]
    smtp = Controller(handler, hostname="127.0.0.1", port=smtp_port)
    smtp.start()
    try:
        with RecordingServer(body=b"{}") as server:
            event = factories.EventFactory(name="Open Source Summit 2025")
            member = factories.MemberFactory(email="wang@example.org")
            factories.ParticipationFactory(event=event, member=member)
            factories.ReminderChannelFactory(kind="webhook", url=server.url())
            # Due for real: one day before a deadline a minute from a day from now.
            deadline = factories.DeadlineFactory(
                event=event, due_at=timezone.now() + dt.timedelta(days=1, seconds=-30)
            )
            reminders_plan_deadlines(deadlines=[deadline])
            with celery_worker(
                tmp_path / "worker.log",
                EMAIL_HOST="127.0.0.1",
                EMAIL_PORT=str(smtp_port),
                EMAIL_USE_TLS="false",
                EMAIL_USE_SSL="false",
            ):
                assert dispatch_due_reminders.name == "events.dispatch_due_reminders"
                app.send_task("events.dispatch_due_reminders")
                done = wait_for(lambda: Reminder.objects.filter(state=State.SENT).count() == 2, timeout=90)
                assert done, (tmp_path / "worker.log").read_text()[-3000:]
            assert len(server.requests) == 1
            assert server.requests[0]["json"]["event"]["name"] == "Open Source Summit 2025"
    finally:
        smtp.stop()
    assert [rcpt for env in handler.envelopes for rcpt in env.rcpt_tos] == ["wang@example.org"]
    assert "Open Source Summit 2025" in handler.envelopes[0].content.decode()


@pytest.mark.redis
def test_channel_saved_in_admin_is_planned_by_a_celery_worker_after_commit(coordinator_client, tmp_path):
    """Saving a group channel in admin plans nothing inside the request; it enqueues one
    re-plan on commit, and a real worker performs it."""
    ensure_standard_groups()  # the events app's permissions, granted after a flush
    deadline = factories.DeadlineFactory(due_at=timezone.now() + dt.timedelta(days=30))
    factories.ParticipationFactory(event=deadline.event)
    reminders_plan_deadlines(deadlines=[deadline])
    assert not Reminder.objects.filter(channel__isnull=False).exists()
    response = coordinator_client.post(
        reverse("admin:events_reminderchannel_add"),
        {
            "name": "WG Feishu",
            "kind": "feishu",
            "new_url": "https://open.feishu.cn/open-apis/bot/v2/hook/abc",
            "language": "zh-hans",
            "offsets": "3d, 1d",
            "active": "on",
            "send_reminders": "on",
            "digest_weekday": "0",
            "digest_time": "10:00",
            "timezone": "Asia/Shanghai",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    channel = ReminderChannel.objects.get(name="WG Feishu")
    assert not Reminder.objects.filter(channel=channel).exists()  # committed, not yet planned
    with celery_worker(tmp_path / "worker.log"):
        done = wait_for(lambda: Reminder.objects.filter(channel=channel).count() == 2, timeout=90)
        assert done, (tmp_path / "worker.log").read_text()[-3000:]
    assert set(Reminder.objects.filter(channel=channel).values_list("offset", "state")) == {
        (dt.timedelta(days=3), State.PENDING),
        (dt.timedelta(days=1), State.PENDING),
    }

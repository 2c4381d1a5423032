"""An SMTP outage holds back no other channel, counts no attempt it did not make, and loses
no reminder: a real SMTP server (aiosmtpd) on loopback, stopped and started again."""

import datetime as dt
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.test import override_settings

from events.models import Reminder
from events.models.reminder_settings import ReminderDefaults
from events.reminders import delivery
from events.reminders.dispatch import idempotency_key, reminders_dispatch
from events.reminders.health import dispatch_is_late, last_dispatch
from events.reminders.planning import reminders_plan_deadlines
from tests import factories

from . import reminder_helpers
from .reminder_helpers import RecordingServer
from .test_reminders_delivery import Recorder

clock = reminder_helpers.clock  # the fixture that fixes planning's clock

DUE = dt.datetime(2025, 6, 30, 6, 59, tzinfo=dt.UTC)
AT = dt.datetime(2025, 6, 29, 6, 59, tzinfo=dt.UTC)
State = Reminder.State
MEMBERS = 12


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _smtp(port):
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
    )


@pytest.fixture
def mixed_outbox(db, clock):
    """MEMBERS e-mail reminders and one group webhook, all due at AT."""
    ReminderDefaults.objects.create(offsets="1d")
    event = factories.EventFactory(name="FOSSASIA 2025")
    for index in range(MEMBERS):
        member = factories.MemberFactory(email=f"m{index}@example.org")
        factories.ParticipationFactory(event=event, member=member)
    deadline = factories.DeadlineFactory(event=event, due_at=DUE)
    return deadline


def test_smtp_outage_holds_back_no_webhook_and_loses_no_email(mixed_outbox):
    port = _free_port()  # nothing listens there yet: the mail server is down
    with RecordingServer(body=b"{}") as hook:
        factories.ReminderChannelFactory(kind="webhook", url=hook.url())
        reminders_plan_deadlines(deadlines=[mixed_outbox])
        with _smtp(port):
            during = reminders_dispatch(now=AT)  # returns normally: no ConnectionRefusedError
        assert (during.sent, during.failed) == (1, 0)
        assert len(hook.requests) == 1  # the webhook went out in the same pass
    emails = Reminder.objects.filter(via="email")
    assert set(emails.values_list("state", flat=True)) == {State.PENDING}
    # One connection was tried (one attempt); the others were not tried at all.
    assert sorted(emails.values_list("attempts", flat=True)) == [0] * (MEMBERS - 1) + [1]
    assert all("mail server unreachable" in error for error in emails.values_list("last_error", flat=True))
    retry_at = emails.order_by("not_before").first().not_before
    assert AT + dt.timedelta(minutes=1) <= retry_at < AT + dt.timedelta(minutes=2)

    # Still down a few passes later: retried with backoff, never failed while it matters.
    with _smtp(port):
        for minutes in (2, 5, 12):
            assert reminders_dispatch(now=AT + dt.timedelta(minutes=minutes)).failed == 0

    handler = Recorder()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with _smtp(port):
            after = reminders_dispatch(now=AT + dt.timedelta(minutes=30))
            again = reminders_dispatch(now=AT + dt.timedelta(minutes=45))
    finally:
        controller.stop()
    assert (after.sent, again.sent) == (MEMBERS, 0)
    recipients = sorted(rcpt for envelope in handler.envelopes for rcpt in envelope.rcpt_tos)
    assert recipients == sorted(f"m{index}@example.org" for index in range(MEMBERS))  # each once
    assert set(emails.values_list("state", flat=True)) == {State.SENT}


def test_each_reminder_is_recorded_sent_before_the_next_goes_out(mixed_outbox, monkeypatch):
    reminders_plan_deadlines(deadlines=[mixed_outbox])
    seen_unrecorded = []
    real_send = delivery.send_email

    def send_and_look(**kwargs):
        # Every message sent before this one is already recorded as sent.
        delivered = len(mail.outbox)
        recorded = Reminder.objects.filter(state=State.SENT).count()
        seen_unrecorded.append(delivered - recorded)
        return real_send(**kwargs)

    monkeypatch.setattr(delivery, "send_email", send_and_look)
    assert reminders_dispatch(now=AT).sent == MEMBERS
    assert seen_unrecorded == [0] * MEMBERS


def test_every_message_carries_a_stable_idempotency_key(mixed_outbox):
    with RecordingServer(body=b"{}") as hook:
        factories.ReminderChannelFactory(kind="webhook", url=hook.url())
        reminders_plan_deadlines(deadlines=[mixed_outbox])
        reminders_dispatch(now=AT)
    webhook_row = Reminder.objects.get(via="webhook")
    key = idempotency_key(webhook_row)
    assert key == f"reminder-{webhook_row.pk}-{int(DUE.timestamp())}"
    request = hook.requests[0]
    assert request["json"]["idempotency_key"] == key
    assert request["headers"]["Idempotency-Key"] == key
    keys = {message.extra_headers["X-Intl-Portal-Reminder"] for message in mail.outbox}
    expected = {idempotency_key(row) for row in Reminder.objects.filter(via="email")}
    assert keys == expected and len(keys) == MEMBERS
    assert all(
        message.extra_headers["Message-ID"]
        == f"<{message.extra_headers['X-Intl-Portal-Reminder']}@intl-portal.calendar>"
        for message in mail.outbox
    )


def test_each_finished_pass_is_recorded_for_the_health_check(mixed_outbox):
    assert last_dispatch() is None and dispatch_is_late()
    reminders_dispatch(now=AT)
    assert last_dispatch() is not None and not dispatch_is_late()

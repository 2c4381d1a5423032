"""Delivery against real local servers: webhooks over HTTP, e-mail over SMTP."""

import base64
import datetime as dt
import hashlib
import hmac
import json
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Sink
from django.core import mail
from django.test import override_settings

from events.models import Reminder
from events.models.reminder_settings import ReminderDefaults
from events.reminders.dispatch import reminders_dispatch
from events.reminders.planning import reminders_plan_deadlines
from tests import factories

from . import reminder_helpers
from .reminder_helpers import RecordingServer

clock = reminder_helpers.clock  # the fixture that fixes planning's clock

UTC = dt.UTC
DUE = dt.datetime(2025, 6, 30, 6, 59, tzinfo=UTC)
AT = dt.datetime(2025, 6, 29, 6, 59, tzinfo=UTC)
State = Reminder.State


@pytest.fixture
def deadline(db, clock):
    ReminderDefaults.objects.create(offsets="1d")
    event = factories.EventFactory(name="FOSSASIA 2025", cfp_url="https://example.org/cfp")

    def make_deadline():
        made = factories.DeadlineFactory(event=event, due_at=DUE, timezone="Asia/Seoul")
        reminders_plan_deadlines(deadlines=[made])
        return made

    return event, make_deadline


def test_feishu_bot_receives_a_signed_interactive_card(deadline):
    _event, make_deadline = deadline
    with RecordingServer() as server:
        factories.ReminderChannelFactory(
            kind="feishu",
            url=server.url("/open-apis/bot/v2/hook/x"),
            secret="s3cret",
            language="zh-hans",
        )
        make_deadline()
        result = reminders_dispatch(now=AT)
    assert (result.sent, len(server.requests)) == (1, 1)
    body = server.requests[0]["json"]
    # Recomputed here from Feishu's documented rule, not with the portal's function.
    expected = base64.b64encode(
        hmac.new(f"{body['timestamp']}\ns3cret".encode(), b"", hashlib.sha256).digest()
    ).decode()
    assert body["sign"] == expected
    assert body["msg_type"] == "interactive"
    card = body["card"]
    assert card["header"]["title"]["content"].startswith("FOSSASIA 2025")
    fields = [field["text"]["content"] for field in card["elements"][0]["fields"]]
    assert fields == [
        "**活动**\nFOSSASIA 2025",
        "**截止事项**\nCFP 截止",
        "**剩余时间**\n1 天",
        "**截止时间**\n2025-06-30 15:59 KST (Asia/Seoul)",
        "**北京时间**\n2025-06-30 14:59 UTC+08:00 (Asia/Shanghai)",
        "**UTC 时间**\n2025-06-30 06:59 UTC",
    ]
    buttons = card["elements"][-1]["actions"]
    event = Reminder.objects.get().deadline.event
    assert [(b["text"]["content"], b["url"]) for b in buttons] == [
        ("CFP 链接", "https://example.org/cfp"),
        ("门户链接", f"http://127.0.0.1:8000/events/{event.pk}/"),
    ]
    assert len(server.requests[0]["raw"]) <= 20_000
    assert Reminder.objects.get().state == State.SENT


def test_feishu_error_code_fails_without_retry(deadline):
    _event, make_deadline = deadline
    with RecordingServer(body=b'{"code": 19021, "msg": "sign match fail"}') as server:
        factories.ReminderChannelFactory(kind="feishu", url=server.url(), secret="wrong")
        make_deadline()
        result = reminders_dispatch(now=AT)
    row = Reminder.objects.get()
    assert (result.sent, result.failed, row.state) == (0, 1, State.FAILED)
    assert "19021" in row.last_error


def test_slack_webhook_receives_text(deadline):
    _event, make_deadline = deadline
    with RecordingServer(body=b"ok") as server:
        factories.ReminderChannelFactory(kind="slack", url=server.url("/services/T/B/x"))
        make_deadline()
        reminders_dispatch(now=AT)
    text = server.requests[0]["json"]["text"]
    assert text.startswith("*FOSSASIA 2025: CFP closes in 1 day*")
    assert "<https://example.org/cfp|CFP link>" in text
    assert "Closes: 2025-06-30 15:59 KST (Asia/Seoul)" in text
    assert "Beijing time: 2025-06-30 14:59 UTC+08:00 (Asia/Shanghai)" in text


def test_generic_webhook_payload_and_hmac(deadline):
    _event, make_deadline = deadline
    with RecordingServer(body=b"{}") as server:
        factories.ReminderChannelFactory(kind="webhook", url=server.url(), secret="k")
        d = make_deadline()
        reminders_dispatch(now=AT)
    request = server.requests[0]
    digest = hmac.new(b"k", request["raw"], hashlib.sha256).hexdigest()
    assert request["headers"]["X-Intl-Portal-Signature"] == f"sha256={digest}"
    payload = request["json"]
    assert payload["deadline"] == {
        "id": d.pk,
        "kind": "cfp_close",
        "title": "",
        "due_at": "2025-06-30T06:59:00Z",
        "timezone": "Asia/Seoul",
        "local": "2025-06-30T15:59:00+09:00",
        "is_date_only": False,
        "estimated": False,
    }
    assert payload["offset_seconds"] == 86400
    assert payload["time_left"] == "1 day"


def test_server_error_is_retried_with_backoff_while_the_reminder_matters(deadline):
    _event, make_deadline = deadline
    ReminderDefaults.objects.update(max_attempts=2)  # for crashes only: an outage is retried
    with RecordingServer(status=503, body=b"busy") as server:
        factories.ReminderChannelFactory(kind="webhook", url=server.url())
        made = make_deadline()
        first = reminders_dispatch(now=AT)
        row = Reminder.objects.get()
        assert (first.sent, first.failed, row.state, row.attempts) == (0, 0, State.PENDING, 1)
        backoff = row.not_before - AT
        assert dt.timedelta(minutes=1) <= backoff < dt.timedelta(minutes=1, seconds=5)
        assert "HTTP 503" in row.last_error
        assert reminders_dispatch(now=AT + dt.timedelta(seconds=30)).line().startswith("sent=0")
        second = reminders_dispatch(now=AT + dt.timedelta(minutes=2))
        row.refresh_from_db()
        assert (second.failed, row.state, row.attempts) == (0, State.PENDING, 2)
        assert (
            dt.timedelta(minutes=2)
            <= row.not_before - (AT + dt.timedelta(minutes=2))
            < dt.timedelta(minutes=3)
        )
        third = reminders_dispatch(now=AT + dt.timedelta(minutes=5))
        assert (third.failed, len(server.requests)) == (0, 3)
    # The deadline passes before the server is back: a failure, with the reason, in admin.
    final = reminders_dispatch(now=made.due_at + dt.timedelta(minutes=1))
    row.refresh_from_db()
    assert (final.failed, row.state, row.attempts) == (1, State.FAILED, 3)
    assert row.last_error.startswith("not delivered (deadline passed) after 3 attempts; last error: HTTP 503")


def test_unreachable_webhook_is_transient(deadline):
    _event, make_deadline = deadline
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    factories.ReminderChannelFactory(kind="webhook", url=f"http://127.0.0.1:{port}/")
    make_deadline()
    reminders_dispatch(now=AT)
    row = Reminder.objects.get()
    assert (row.state, row.attempts) == (State.PENDING, 1)


class Recorder(Sink):
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


def test_email_through_a_real_smtp_server(deadline):
    event, make_deadline = deadline
    handler = Recorder()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        member = factories.MemberFactory(email="li@example.org")
        factories.ParticipationFactory(event=event, member=member)
        factories.ReminderChannelFactory(kind="email", url="", email="wg@example.org")
        make_deadline()
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
        ):
            result = reminders_dispatch(now=AT)
    finally:
        controller.stop()
    assert result.sent == 2
    recipients = sorted(rcpt for env in handler.envelopes for rcpt in env.rcpt_tos)
    assert recipients == ["li@example.org", "wg@example.org"]
    text = handler.envelopes[0].content.decode()
    assert "FOSSASIA 2025" in text
    assert mail.outbox == []


def test_email_to_djangos_outbox(deadline):
    event, make_deadline = deadline
    factories.ParticipationFactory(event=event, member=factories.MemberFactory(email="a@example.org"))
    make_deadline()
    assert reminders_dispatch(now=AT).sent == 1
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert "2025-06-30 06:59 UTC" in mail.outbox[0].body
    assert json.dumps(mail.outbox[0].subject)  # a plain string

"""A deadline copied to the next edition is estimated from last year until a coordinator
confirms it: its reminders say so, in the reader's language, until then (issue 12)."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from events import services
from events.models import Deadline, Reminder
from events.reminders.digests import digest_content, render_digest
from members.permissions import OPERATOR
from tests import factories

from . import reminder_helpers

clock = reminder_helpers.clock  # the fixture that fixes planning's clock


@pytest.fixture
def copied_deadline(db, clock):
    """KubeCon China 2025's CFP (2025-06-30 15:59 KST) copied to 2026, with two goal owners
    who read English and Chinese."""
    event = factories.EventFactory(name="KubeCon China 2025", edition_year=2025, series="KubeCon China")
    services.deadline_set(
        user=OPERATOR,
        event=event,
        kind=Deadline.Kind.CFP_CLOSE,
        local=dt.datetime(2025, 6, 30, 15, 59),
        zone="Asia/Seoul",
    )
    english = factories.MemberFactory(display_name="Owner En", email="en@example.org")
    chinese = factories.MemberFactory(
        display_name="Owner Zh", email="zh@example.org", preferred_language="zh-hans"
    )
    factories.GoalFactory(event=event, owner=english)
    factories.GoalFactory(event=event, owner=chinese, kind="booth")
    copy = services.event_copy_to_next_edition(user=OPERATOR, event=event)
    return copy.deadlines.get()


def _send(now):
    call_command("send_due_reminders", "--now", now, stdout=StringIO())
    by_address = {message.to[0]: message for message in mail.outbox}
    mail.outbox.clear()
    return by_address


def test_reminders_of_an_estimated_deadline_say_so_in_both_languages(copied_deadline):
    assert copied_deadline.due_estimated is True
    assert copied_deadline.due_at == dt.datetime(2026, 6, 30, 6, 59, tzinfo=dt.UTC)
    sent = _send("2026-06-29T06:59:00Z")
    english, chinese = sent["en@example.org"], sent["zh@example.org"]
    assert english.subject.endswith("(estimated from last year)")
    assert "This date is estimated from last year's edition and not confirmed yet" in english.body
    assert chinese.subject.endswith("（按去年推算）")
    assert "此日期按去年的活动推算，尚未确认" in chinese.body


def test_once_confirmed_the_reminders_no_longer_say_it(copied_deadline):
    services.deadline_confirm_date(user=OPERATOR, deadline=copied_deadline)
    sent = _send("2026-06-29T06:59:00Z")
    assert "estimated" not in sent["en@example.org"].subject
    assert "estimated" not in sent["en@example.org"].body
    assert "推算" not in sent["zh@example.org"].body
    assert Reminder.objects.filter(deadline=copied_deadline, state=Reminder.State.SENT).count() == 2


def test_the_weekly_digest_marks_an_estimated_deadline(copied_deadline):
    now = dt.datetime(2026, 6, 25, 0, 0, tzinfo=dt.UTC)
    content, today = digest_content(now=now, zone="Asia/Shanghai", public_only=False, member=None)
    for language, mark in (("en", "(estimated from last year)"), ("zh-hans", "（按去年推算）")):
        message = render_digest(
            content=content,
            today=today,
            period=dt.date(2026, 6, 22),
            language=language,
            now=now,
            public_only=False,
        )
        line = next(line for line in message.lines if "KubeCon China 2026" in line)
        assert line.endswith(mark)

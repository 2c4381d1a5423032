"""Reminder planning and dispatch: who gets what, when, and what happens on change."""

import datetime as dt
import os
import subprocess
import sys

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction

from events import services
from events.models import Deadline, Event, Goal, Participation, Reminder
from events.models.reminder_settings import ReminderDefaults
from events.reminders.dispatch import reminders_dispatch
from events.reminders.planning import reminders_plan_all, reminders_plan_event
from events.reminders.services import reminder_defaults_save
from members.permissions import OPERATOR
from tests import factories

from . import reminder_helpers
from .reminder_helpers import ROOT

clock = reminder_helpers.clock  # the fixture that fixes planning's clock

State = Reminder.State
UTC = dt.UTC
# The plan's example: "closes June 30, 3:59 PM KST" = 2025-06-30T06:59Z.
KST_DUE = dt.datetime(2025, 6, 30, 6, 59, tzinfo=UTC)


@pytest.fixture
def kst_deadline(db, clock):
    event = factories.EventFactory(name="KubeCon China 2025", cfp_url="https://example.org/cfp")
    speaker = factories.MemberFactory(display_name="Speaker Zhang", email="zhang@example.org")
    factories.ParticipationFactory(event=event, member=speaker, role=Participation.Role.SPEAKER)
    deadline = services.deadline_set(
        user=OPERATOR,
        event=event,
        kind=Deadline.Kind.CFP_CLOSE,
        local=dt.datetime(2025, 6, 30, 15, 59),
        zone="Asia/Seoul",
    )
    return deadline


def run(now, *args):
    from io import StringIO

    out = StringIO()
    call_command("send_due_reminders", "--now", now, *args, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def test_kst_deadline_reminded_one_day_before_at_0659_utc(kst_deadline):
    rows = {r.offset: r for r in Reminder.objects.filter(deadline=kst_deadline)}
    assert kst_deadline.due_at == KST_DUE
    assert rows[dt.timedelta(days=1)].send_at == dt.datetime(2025, 6, 29, 6, 59, tzinfo=UTC)
    assert sorted(rows) == [
        dt.timedelta(hours=2),
        dt.timedelta(days=1),
        dt.timedelta(days=3),
        dt.timedelta(days=7),
        dt.timedelta(days=14),
    ]
    assert {r.state for r in rows.values()} == {State.PENDING}


def test_send_due_reminders_sends_once_then_nothing(kst_deadline):
    for moment in ("2025-06-16T06:59:00Z", "2025-06-23T06:59:00Z", "2025-06-27T06:59:00Z"):
        assert run(moment) == "sent=1 failed=0 skipped=0 cancelled=0"
    assert run("2025-06-29T06:58:00Z") == "sent=0 failed=0 skipped=0 cancelled=0"
    assert run("2025-06-29T06:59:00Z") == "sent=1 failed=0 skipped=0 cancelled=0"
    assert run("2025-06-29T06:59:00Z") == "sent=0 failed=0 skipped=0 cancelled=0"
    assert len(mail.outbox) == 4
    message = mail.outbox[-1]
    assert message.to == ["zhang@example.org"]
    assert "KubeCon China 2025" in message.subject
    assert "1 day" in message.subject
    assert "2025-06-30 15:59 KST (Asia/Seoul)" in message.body
    event = Participation.objects.get().event
    assert f"http://127.0.0.1:8000/events/{event.pk}/" in message.body
    assert "2025-06-30 06:59 UTC" in message.body
    assert "https://example.org/cfp" in message.body
    assert "http://127.0.0.1:8000/" in message.body
    row = Reminder.objects.get(deadline=kst_deadline, offset=dt.timedelta(days=1))
    assert (row.state, row.attempts, row.sent_at is not None) == (State.SENT, 1, True)


def test_reminder_rendered_in_recipients_language(kst_deadline):
    member = Participation.objects.get().member
    member.preferred_language = "zh-hans"
    member.save()
    run("2025-06-29T06:59:00Z")
    message = mail.outbox[0]
    assert "剩余时间" in message.body
    assert "1 天" in message.subject
    assert "2025-06-30 15:59 KST (Asia/Seoul)" in message.body


def test_one_pass_renders_each_language_for_its_readers(kst_deadline):
    """A pass renders a deadline's reminder once per language and minute: each reader still
    gets theirs, in their language."""
    for n, language in enumerate(["zh-hans", "en", "zh-hans", "en"]):
        member = factories.MemberFactory(email=f"m{n}@example.org", preferred_language=language)
        factories.ParticipationFactory(event=kst_deadline.event, member=member)
    from events.reminders.planning import reminders_plan_deadlines

    reminders_plan_deadlines(deadlines=[kst_deadline])
    run("2025-06-29T06:59:00Z")
    by_address = {m.to[0]: m.subject for m in mail.outbox}
    assert "剩余" in by_address["m0@example.org"] and "剩余" in by_address["m2@example.org"]
    assert "in 1 day" in by_address["m1@example.org"] and "in 1 day" in by_address["m3@example.org"]


def test_rolled_back_deadline_leaves_no_reminder(db, clock):
    event = factories.EventFactory()
    factories.ParticipationFactory(event=event)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.deadline_set(
            user=OPERATOR, event=event, kind=Deadline.Kind.CFP_CLOSE, local=dt.date(2025, 7, 1), zone="UTC"
        )
        assert Reminder.objects.count() == 5
        raise RuntimeError("roll back")
    assert (Deadline.objects.count(), Reminder.objects.count()) == (0, 0)


def test_recipients_are_participants_goal_owners_followers_and_channels(db, clock):
    event = factories.EventFactory()
    participant = factories.ParticipationFactory(event=event).member
    declined = factories.ParticipationFactory(event=event, status=Participation.Status.DECLINED).member
    owner = factories.MemberFactory()
    factories.GoalFactory(event=event, owner=owner)
    follower = factories.MemberFactory()
    factories.ReminderPreferenceFactory(member=follower).followed_events.add(event)
    muted = factories.MemberFactory()
    factories.ParticipationFactory(event=event, member=muted)
    factories.ReminderPreferenceFactory(member=muted).muted_events.add(event)
    no_address = factories.MemberFactory(email="")
    factories.ParticipationFactory(event=event, member=no_address)
    channel = factories.ReminderChannelFactory(offsets="1d")
    factories.DeadlineFactory(event=event)
    reminders_plan_event(event_id=event.pk)
    members = set(Reminder.objects.filter(member__isnull=False).values_list("member", flat=True))
    # A member without an address is planned too: the dispatcher skips their e-mail when
    # sending (test_reminders_send_time.py).
    assert members == {participant.pk, owner.pk, follower.pk, no_address.pk}
    assert declined.pk not in members
    assert list(Reminder.objects.filter(channel=channel).values_list("offset", flat=True)) == [
        dt.timedelta(days=1)
    ]


def test_member_offsets_replace_the_defaults(db, clock, coordinator):
    member = factories.MemberFactory()
    factories.ReminderPreferenceFactory(member=member, offsets="2d, 30m")
    deadline = factories.DeadlineFactory()
    factories.ParticipationFactory(event=deadline.event, member=member)
    reminders_plan_event(event_id=deadline.event_id)
    offsets = set(Reminder.objects.filter(member=member).values_list("offset", flat=True))
    assert offsets == {dt.timedelta(days=2), dt.timedelta(minutes=30)}


def test_moved_deadline_moves_pending_reminders(kst_deadline, clock):
    assert run("2025-06-16T06:59:00Z").startswith("sent=1 ")  # the 14-day reminder goes out
    clock["now"] = dt.datetime(2025, 6, 17, tzinfo=UTC)  # then the CFP is extended by a week
    services.deadline_set(
        user=OPERATOR,
        event=kst_deadline.event,
        kind=kst_deadline.kind,
        local=dt.datetime(2025, 7, 7, 15, 59),
        zone="Asia/Seoul",
        deadline=kst_deadline,
    )
    rows = {r.offset: r for r in Reminder.objects.filter(deadline=kst_deadline)}
    assert rows[dt.timedelta(days=1)].send_at == dt.datetime(2025, 7, 6, 6, 59, tzinfo=UTC)
    assert rows[dt.timedelta(days=1)].state == State.PENDING
    # The extension re-opens the 14-day reminder: its new moment is still ahead.
    assert rows[dt.timedelta(days=14)].state == State.PENDING
    assert rows[dt.timedelta(days=14)].send_at == dt.datetime(2025, 6, 23, 6, 59, tzinfo=UTC)
    assert run("2025-06-23T06:59:00Z") == "sent=1 failed=0 skipped=0 cancelled=0"  # 14d again
    assert run("2025-06-29T06:59:00Z") == "sent=0 failed=0 skipped=0 cancelled=0"
    assert run("2025-07-06T06:59:00Z") == "sent=1 failed=0 skipped=2 cancelled=0"
    assert "2025-07-07 15:59 KST" in mail.outbox[-1].body


def test_deleted_deadline_cancels_its_reminders(kst_deadline):
    services.deadline_delete(user=OPERATOR, deadline=kst_deadline)
    assert set(Reminder.objects.values_list("state", flat=True)) == {State.CANCELLED}
    assert run("2025-06-29T06:59:00Z") == "sent=0 failed=0 skipped=0 cancelled=0"


def test_declined_event_cancels_and_reconsidering_rearms(kst_deadline):
    services.event_decline(user=OPERATOR, event=kst_deadline.event)
    assert set(Reminder.objects.values_list("state", flat=True)) == {State.CANCELLED}
    services.event_set_status(user=OPERATOR, event=kst_deadline.event, status=Event.Status.PLANNED)
    assert set(Reminder.objects.values_list("state", flat=True)) == {State.PENDING}


def test_dispatch_cancels_a_row_whose_event_was_declined_behind_its_back(kst_deadline):
    Event.objects.filter(pk=kst_deadline.event_id).update(status=Event.Status.DECLINED)
    assert run("2025-06-29T06:59:00Z") == "sent=0 failed=0 skipped=0 cancelled=4"
    assert mail.outbox == []


def test_grace_period_skips_late_reminders_but_sends_the_last_one(kst_deadline):
    # The server was down for two weeks: at 10:00 on the deadline's day everything is late.
    assert run("2025-06-30T05:00:00Z") == "sent=1 failed=0 skipped=4 cancelled=0"
    sent = Reminder.objects.get(state=State.SENT)
    assert sent.offset == dt.timedelta(hours=2)
    assert "1 hour 59 minutes" in mail.outbox[0].subject


def test_grace_period_skips_when_a_later_reminder_is_still_ahead(kst_deadline):
    # 12 hours before: 14d…1d are late beyond grace; 2h is still ahead, so nothing is sent now.
    assert run("2025-06-29T18:59:00Z") == "sent=0 failed=0 skipped=4 cancelled=0"
    assert mail.outbox == []
    assert run("2025-06-30T04:59:00Z") == "sent=1 failed=0 skipped=0 cancelled=0"


def test_reminder_within_grace_is_still_sent(kst_deadline, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        reminder_defaults_save(
            defaults=ReminderDefaults(offsets="3d, 1d", grace_period=dt.timedelta(hours=1))
        )
    reminder_helpers.run_enqueued_replan(callbacks)
    assert run("2025-06-27T07:30:00Z") == "sent=1 failed=0 skipped=0 cancelled=0"
    assert run("2025-06-29T08:00:00Z") == "sent=1 failed=0 skipped=0 cancelled=0"  # last one


def test_past_deadline_is_skipped(kst_deadline):
    assert run("2025-07-01T00:00:00Z") == "sent=0 failed=0 skipped=5 cancelled=0"


def test_defaults_change_replans_every_future_deadline(
    kst_deadline, clock, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        reminder_defaults_save(defaults=ReminderDefaults(offsets="5d"))
    # Saving plans nothing itself: it enqueues one re-plan, run when the transaction commits.
    assert Reminder.objects.filter(state=State.CANCELLED).count() == 0
    reminder_helpers.run_enqueued_replan(callbacks)
    assert set(Reminder.objects.filter(state=State.PENDING).values_list("offset", flat=True)) == {
        dt.timedelta(days=5)
    }
    assert Reminder.objects.filter(state=State.CANCELLED).count() == 5
    assert reminders_plan_all() == (0, 0, 0)  # planning again changes nothing


def test_dry_run_changes_nothing(kst_deadline):
    assert run("2025-06-29T06:59:00Z", "--dry-run") == "sent=1 failed=0 skipped=3 cancelled=0"
    assert mail.outbox == []
    assert set(Reminder.objects.values_list("state", flat=True)) == {State.PENDING}


def test_goal_owner_removed_cancels_pending(kst_deadline):
    owner = factories.MemberFactory()
    goal = factories.GoalFactory(event=kst_deadline.event, owner=owner)
    reminders_plan_event(event_id=goal.event_id)
    assert Reminder.objects.filter(member=owner, state=State.PENDING).count() == 5
    goal.status = Goal.Status.DROPPED
    goal.save()
    reminders_plan_event(event_id=goal.event_id)
    assert Reminder.objects.filter(member=owner, state=State.CANCELLED).count() == 5


def test_copy_to_next_edition_plans_reminders(kst_deadline):
    owner = factories.MemberFactory()
    factories.GoalFactory(event=kst_deadline.event, owner=owner)
    copy = services.event_copy_to_next_edition(user=OPERATOR, event=kst_deadline.event)
    assert Reminder.objects.filter(deadline__event=copy, member=owner).count() == 5


def test_bad_now_exits_2_with_one_line_reason():
    result = subprocess.run(
        [sys.executable, "manage.py", "send_due_reminders", "--now", "yesterday-ish"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"},
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "ISO 8601" in result.stderr


def test_dispatch_with_the_clock_uses_now(kst_deadline, clock):
    clock["now"] = dt.datetime(2025, 6, 29, 7, 0, tzinfo=UTC)
    result = reminders_dispatch()
    assert (result.sent, result.skipped) == (1, 3)


def test_beat_schedule_runs_the_dispatch_task_every_minute(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["dispatch-due-reminders"]
    from intl_portal.celery import app

    assert entry["task"] == "events.dispatch_due_reminders"
    assert entry["schedule"] == 60.0
    app.loader.import_default_modules()
    assert "events.dispatch_due_reminders" in app.tasks


def test_plan_flag_shows_the_demos_2025_reminders_on_the_console(db, settings, capsys):
    from django.core.management import call_command as run_command

    from intl_portal.demo import load_demo

    settings.DEMO_MODE = True
    load_demo(with_accounts=False)
    assert Reminder.objects.count() == 0  # every demo deadline is in the past
    # One day before GOSIM's date-only CFP closes (2025-07-14 23:59 in Hangzhou = 15:59Z):
    # its liaisons Emily and Anni Lai hear of it at their demo addresses.
    run_command("send_due_reminders", "--now", "2025-07-13T15:59:00Z", "--plan")
    # The 14-, 7- and 3-day reminders of those two are long past at that moment: skipped.
    assert capsys.readouterr().out.strip().splitlines()[-1] == "sent=2 failed=0 skipped=6 cancelled=0"
    assert sorted(message.to[0] for message in mail.outbox) == ["anni.lai@example.org", "emily@example.org"]
    assert all("GOSIM Hangzhou 2025" in message.subject for message in mail.outbox)


def test_personal_chat_hosts_are_read_from_the_environment():
    code = "from django.conf import settings; print(sorted(settings.REMINDER_PERSONAL_CHAT_HOSTS.items()))"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "REMINDER_FEISHU_HOSTS": "",
            "REMINDER_SLACK_HOSTS": "hooks.slack.com, hooks.example.org",
            "REMINDER_DINGTALK_HOSTS": "oapi.dingtalk.com",
        },
        timeout=60,
    )
    assert result.stdout.strip().splitlines()[-1] == (
        "[('dingtalk', ['oapi.dingtalk.com']), ('feishu', []), "
        "('slack', ['hooks.slack.com', 'hooks.example.org']), ('wecom', ['qyapi.weixin.qq.com'])]"
    )

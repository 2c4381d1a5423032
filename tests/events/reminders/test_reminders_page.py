"""The member page /me/reminders/ and the admin of the reminder models."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Reminder, ReminderPreference
from events.models.reminder_settings import ReminderChannel
from events.reminders.planning import reminders_plan_event, reminders_plan_member
from events.reminders.services import reminder_preferences_update
from events.services import deadline_set, participation_create
from members.groups import ensure_standard_groups
from members.permissions import OPERATOR
from tests import factories

from . import reminder_helpers
from .reminder_helpers import planning_passes

clock = reminder_helpers.clock  # the fixture that fixes planning's clock

URL = "/me/reminders/"


def test_page_needs_login(client, db):
    assert client.get(URL).status_code == 302


def test_outsider_without_member_is_refused(client, outsider):
    client.force_login(outsider)
    assert client.get(URL).status_code == 403


def test_member_saves_offsets_follows_and_mutes(member_client, member_user, clock):
    followed = factories.EventFactory(name="PyCon APAC")
    muted = factories.EventFactory(name="Noisy Summit")
    member = member_user.member
    factories.ParticipationFactory(event=muted, member=member)
    deadline_set(
        user=OPERATOR,
        event=followed,
        kind="cfp_close",
        local=dt.datetime(2025, 7, 1, tzinfo=dt.UTC),
        zone="UTC",
    )
    deadline_set(
        user=OPERATOR, event=muted, kind="cfp_close", local=dt.datetime(2025, 7, 1, tzinfo=dt.UTC), zone="UTC"
    )
    assert Reminder.objects.filter(member=member, deadline__event=muted).count() == 5
    response = member_client.post(
        URL,
        {
            "offsets": "3d, 2h",
            "by_email": "on",
            "followed_events": [followed.pk],
            "muted_events": [muted.pk],
        },
    )
    assert response.status_code == 302
    pref = ReminderPreference.objects.get(member=member)
    assert pref.offsets == "3d, 2h"
    pending = Reminder.objects.filter(member=member, state=Reminder.State.PENDING)
    assert {(r.deadline.event_id, r.offset) for r in pending} == {
        (followed.pk, dt.timedelta(days=3)),
        (followed.pk, dt.timedelta(hours=2)),
    }
    page = member_client.get(URL).content.decode()
    assert "PyCon APAC" in page


def test_saving_the_page_plans_the_member_once(member_client, member_user, clock):
    member = member_user.member
    followed, muted, kept = (factories.EventFactory() for _ in range(3))
    for event in (muted, kept):
        factories.ParticipationFactory(event=event, member=member)
    for event in (followed, muted, kept):
        factories.DeadlineFactory(event=event, due_at=dt.datetime(2025, 7, 1, tzinfo=dt.UTC))
        reminders_plan_event(event_id=event.pk)
    previously_followed = factories.EventFactory()
    reminder_preferences_update(member=member, followed_events=[previously_followed])
    # One planning pass reads the outbox once (the yardstick for the count below).
    with CaptureQueriesContext(connection) as one_pass:
        reminders_plan_member(member_id=member.pk)
    assert planning_passes(one_pass.captured_queries) == 1
    with CaptureQueriesContext(connection) as saving:
        response = member_client.post(
            URL,
            {"offsets": "3d", "by_email": "on", "followed_events": [followed.pk], "muted_events": [muted.pk]},
        )
    assert response.status_code == 302
    # Preferences, follows (one added, one removed) and mutes changed: one pass, not four.
    assert planning_passes(saving.captured_queries) == 1
    pending = Reminder.objects.filter(member=member, state=Reminder.State.PENDING)
    assert sorted((r.deadline.event_id, r.offset) for r in pending) == sorted(
        [(followed.pk, dt.timedelta(days=3)), (kept.pk, dt.timedelta(days=3))]
    )


def test_bad_offsets_show_a_form_error_and_change_nothing(member_client, member_user):
    response = member_client.post(URL, {"offsets": "soon", "by_email": "on"})
    assert response.status_code == 200
    assert "is not an offset" in response.content.decode()
    assert ReminderPreference.objects.get(member=member_user.member).offsets == ""


def test_personal_bot_must_go_to_a_known_host(member_client, member_user):
    response = member_client.post(
        URL, {"by_email": "on", "chat_kind": "slack", "chat_url": "https://10.0.0.1/hook"}
    )
    assert response.status_code == 200
    assert "hooks.slack.com" in response.content.decode()
    assert ReminderPreference.objects.get(member=member_user.member).chat_url == ""


def test_personal_bot_hosts_come_from_the_setting(member_client, member_user, settings):
    settings.REMINDER_PERSONAL_CHAT_HOSTS = {"slack": ["hooks.example.org"], "feishu": []}
    response = member_client.post(
        URL, {"by_email": "on", "chat_kind": "feishu", "chat_url": "https://open.feishu.cn/hook/x"}
    )
    assert response.status_code == 200
    assert "This portal takes no personal bots of this kind." in response.content.decode()
    response = member_client.post(
        URL, {"by_email": "on", "chat_kind": "slack", "chat_url": "https://hooks.example.org/T1/B2"}
    )
    assert response.status_code == 302
    assert (
        ReminderPreference.objects.get(member=member_user.member).chat_url
        == "https://hooks.example.org/T1/B2"
    )


def test_group_channel_secret_never_on_member_page(member_client, db):
    ReminderChannel.objects.create(
        name="WG Feishu", kind="feishu", url="https://open.feishu.cn/hook/abc", secret="topsecret"
    )
    page = member_client.get(URL).content.decode()
    assert "topsecret" not in page
    assert "open.feishu.cn/hook/abc" not in page


@pytest.mark.parametrize("count", [1, 6])
def test_page_query_count_is_bounded(member_client, member_user, clock, count, django_assert_max_num_queries):
    for _ in range(count):
        event = factories.EventFactory()
        factories.ParticipationFactory(event=event, member=member_user.member)
        deadline_set(
            user=OPERATOR,
            event=event,
            kind="cfp_close",
            local=dt.datetime(2025, 7, 1, tzinfo=dt.UTC),
            zone="UTC",
        )
    with django_assert_max_num_queries(24):
        response = member_client.get(URL)
    assert response.content.decode().count("<tr>") == 1 + 5 * count


def test_page_in_chinese(member_client):
    page = member_client.get(URL, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "我的提醒" in page


@pytest.fixture
def coordinator_perms(db):
    # members.apps runs ensure_standard_groups on members' post_migrate, before the events
    # app's permissions exist in a fresh database: grant them again (reported to the lead).
    ensure_standard_groups()


def test_admin_lists_reminders_and_channels(coordinator_perms, coordinator_client, clock):
    factories.ParticipationFactory(event=factories.DeadlineFactory().event)
    factories.ReminderChannelFactory()
    for name in ("reminder", "reminderchannel", "reminderdefaults", "reminderpreference"):
        response = coordinator_client.get(reverse(f"admin:events_{name}_changelist"))
        assert response.status_code == 200, name


def test_admin_retry_action_requeues_failed(coordinator_perms, coordinator, coordinator_client, clock):
    event = factories.DeadlineFactory().event
    participation_create(user=coordinator, event=event, member=factories.MemberFactory())
    row = Reminder.objects.first()
    Reminder.objects.filter(pk=row.pk).update(state=Reminder.State.FAILED, attempts=5)
    response = coordinator_client.post(
        reverse("admin:events_reminder_changelist"),
        {"action": "retry", "_selected_action": [row.pk]},
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.state, row.attempts) == (Reminder.State.PENDING, 0)


def test_an_event_both_followed_and_muted_is_refused_and_nothing_changes(member_client, member_user, clock):
    event = factories.EventFactory(name="PyCon APAC")
    response = member_client.post(
        URL, {"offsets": "3d", "by_email": "on", "followed_events": [event.pk], "muted_events": [event.pk]}
    )
    assert response.status_code == 200
    assert (
        "An event cannot be both followed and muted: choose one for PyCon APAC." in response.content.decode()
    )
    assert not ReminderPreference.objects.filter(member=member_user.member, offsets="3d").exists()


def test_only_events_still_ahead_are_offered_to_follow_or_mute(member_client, clock):
    factories.EventFactory(
        name="Long gone 2024", start_date=dt.date(2024, 5, 1), end_date=dt.date(2024, 5, 2)
    )
    factories.EventFactory(name="Under way", start_date=dt.date(2025, 5, 30), end_date=dt.date(2025, 6, 2))
    factories.EventFactory(name="Dates not announced", start_date=None, end_date=None)
    factories.EventFactory(name="Ahead", start_date=dt.date(2025, 9, 1), end_date=None)
    page = member_client.get(URL).content.decode()
    assert "Long gone 2024" not in page
    assert all(name in page for name in ("Under way", "Dates not announced", "Ahead"))

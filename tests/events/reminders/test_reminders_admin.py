"""Admin of the group's channels and defaults and of members' preferences: every save goes
through the reminders' services. A group change plans nothing inside the request: it
enqueues one re-plan on commit (a real worker runs it in test_reminders_concurrency)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Reminder, ReminderPreference
from events.models.reminder_settings import ReminderChannel
from events.reminders.planning import reminders_plan_event
from events.reminders.services import reminder_preferences_update
from members.groups import ensure_standard_groups
from tests import factories

from . import reminder_helpers
from .reminder_helpers import RecordingServer, planning_passes, run_enqueued_replan

clock = reminder_helpers.clock  # the fixture that fixes planning's clock

State = Reminder.State
DUE = dt.datetime(2025, 7, 1, tzinfo=dt.UTC)
CHANNEL = {
    "name": "WG Feishu",
    "kind": "feishu",
    "new_url": "https://open.feishu.cn/open-apis/bot/v2/hook/abc",
    "email": "",
    "send_reminders": "on",
    "digest_weekday": "0",
    "digest_time": "10:00",
    "timezone": "Asia/Shanghai",
    "new_secret": "",
    "language": "zh-hans",
    "offsets": "3d, 1d",
    "active": "on",
}


@pytest.fixture
def coordinator_perms(db):
    # members.apps grants the standard groups' permissions on members' post_migrate, before
    # the events app's permissions exist in a fresh database: grant them again.
    ensure_standard_groups()


@pytest.fixture
def going(db, clock):
    """A member going to an event with a deadline ahead, planned."""
    deadline = factories.DeadlineFactory(due_at=DUE)
    member = factories.ParticipationFactory(event=deadline.event).member
    reminders_plan_event(event_id=deadline.event_id)
    return member


def post(client, url, data, callbacks_fixture):
    with callbacks_fixture() as callbacks, CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    return response, callbacks, planning_passes(queries.captured_queries)


def test_channel_added_in_admin_enqueues_one_replan_on_commit(
    coordinator_perms, coordinator_client, going, django_capture_on_commit_callbacks
):
    response, callbacks, passes = post(
        coordinator_client,
        reverse("admin:events_reminderchannel_add"),
        CHANNEL,
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert (len(callbacks), passes) == (1, 0)  # one re-plan enqueued, nothing planned in the request
    channel = ReminderChannel.objects.get(name="WG Feishu")
    assert not Reminder.objects.filter(channel=channel).exists()
    run_enqueued_replan(callbacks)
    assert set(Reminder.objects.filter(channel=channel).values_list("offset", flat=True)) == {
        dt.timedelta(days=3),
        dt.timedelta(days=1),
    }


def test_channel_turned_off_in_admin_is_cancelled_by_the_replan(
    coordinator_perms, coordinator_client, going, django_capture_on_commit_callbacks
):
    channel = factories.ReminderChannelFactory(offsets="1d")
    reminders_plan_event(event_id=going.participations.get().event_id)
    assert Reminder.objects.get(channel=channel).state == State.PENDING
    data = {**CHANNEL, "name": channel.name, "kind": "webhook", "url": channel.url, "offsets": "1d"}
    del data["active"]
    response, callbacks, passes = post(
        coordinator_client,
        reverse("admin:events_reminderchannel_change", args=[channel.pk]),
        data,
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    assert (len(callbacks), passes) == (1, 0)
    run_enqueued_replan(callbacks)
    assert Reminder.objects.get(channel=channel).state == State.CANCELLED


def test_channel_secret_is_kept_unless_replaced_or_cleared(
    coordinator_perms, coordinator_client, django_capture_on_commit_callbacks
):
    channel = factories.ReminderChannelFactory(kind="feishu", url=CHANNEL["new_url"], secret="old")
    url = reverse("admin:events_reminderchannel_change", args=[channel.pk])
    for data, expected in (
        ({}, "old"),
        ({"new_secret": "new"}, "new"),
        ({"clear_secret": "on"}, ""),
    ):
        response, _callbacks, _passes = post(
            coordinator_client,
            url,
            {**CHANNEL, "name": channel.name, **data},
            django_capture_on_commit_callbacks,
        )
        assert response.status_code == 302
        channel.refresh_from_db()
        assert channel.secret == expected


def test_incomplete_channel_is_a_form_error_and_enqueues_nothing(
    coordinator_perms, coordinator_client, django_capture_on_commit_callbacks
):
    data = {**CHANNEL, "kind": "email", "url": "", "email": ""}
    response, callbacks, _passes = post(
        coordinator_client,
        reverse("admin:events_reminderchannel_add"),
        data,
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 200
    assert callbacks == []
    assert not ReminderChannel.objects.exists()


def test_defaults_changed_in_admin_enqueue_one_replan(
    coordinator_perms, coordinator_client, going, django_capture_on_commit_callbacks
):
    response, callbacks, passes = post(
        coordinator_client,
        reverse("admin:events_reminderdefaults_add"),
        {"offsets": "2d", "grace_period": "06:00:00", "max_attempts": "5"},
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert (len(callbacks), passes) == (1, 0)
    run_enqueued_replan(callbacks)
    pending = Reminder.objects.filter(member=going, state=State.PENDING)
    assert list(pending.values_list("offset", flat=True)) == [dt.timedelta(days=2)]


# --- a member's preferences: the page and admin are two doors to one service ---------------


def save_preferences(door, client, member, data):
    """The same choices through the member's page or admin; returns the response."""
    if door == "web":
        client.force_login(member.user)
        return client.post("/me/reminders/", data)
    preference, _created = ReminderPreference.objects.get_or_create(member=member)
    return client.post(reverse("admin:events_reminderpreference_change", args=[preference.pk]), data)


@pytest.fixture
def member_going(coordinator_perms, clock):
    deadline = factories.DeadlineFactory(due_at=DUE)
    member = factories.MemberFactory(user=factories.UserFactory(username="li"))
    factories.ParticipationFactory(event=deadline.event, member=member)
    reminders_plan_event(event_id=deadline.event_id)
    return member


@pytest.mark.parametrize("door", ["web", "admin"])
def test_doors_agree_on_saving_preferences(client, coordinator, member_going, door):
    if door == "admin":
        client.force_login(coordinator)
    data = {"offsets": "2h, 3d", "by_email": "on", "chat_kind": "", "chat_url": ""}
    with CaptureQueriesContext(connection) as queries:
        response = save_preferences(door, client, member_going, data)
    assert response.status_code == 302
    assert planning_passes(queries.captured_queries) == 1
    assert ReminderPreference.objects.get(member=member_going).offsets == "3d, 2h"
    pending = Reminder.objects.filter(member=member_going, state=State.PENDING)
    assert sorted(pending.values_list("offset", flat=True)) == [dt.timedelta(hours=2), dt.timedelta(days=3)]


@pytest.mark.parametrize("door", ["web", "admin"])
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"chat_kind": "slack", "chat_url": "https://10.0.0.1/hook"}, "hooks.slack.com"),
        ({"offsets": "soon"}, "is not an offset"),
    ],
)
def test_doors_agree_on_refusing_preferences(client, coordinator, member_going, door, data, message):
    if door == "admin":
        client.force_login(coordinator)
    before = list(Reminder.objects.order_by("pk").values())
    response = save_preferences(door, client, member_going, {"by_email": "on", **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    preference = ReminderPreference.objects.filter(member=member_going).first()
    assert preference is None or (preference.offsets, preference.chat_url) == ("", "")
    assert list(Reminder.objects.order_by("pk").values()) == before


def test_preferences_deleted_in_admin_fall_back_to_the_defaults(
    coordinator_perms, coordinator_client, member_going
):
    muted = member_going.participations.get().event
    preference = reminder_preferences_update(member=member_going, offsets="1d", muted_events=[muted])
    assert not Reminder.objects.filter(member=member_going, state=State.PENDING).exists()
    response = coordinator_client.post(
        reverse("admin:events_reminderpreference_delete", args=[preference.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not ReminderPreference.objects.exists()
    assert Reminder.objects.filter(member=member_going, state=State.PENDING).count() == 5


def test_outbox_is_read_only_in_admin(coordinator_perms, coordinator_client, going):
    row = Reminder.objects.first()
    url = reverse("admin:events_reminder_change", args=[row.pk])
    assert coordinator_client.get(url).status_code == 200
    coordinator_client.post(url, {"label": "changed"})
    row.refresh_from_db()
    assert row.label != "changed"
    assert coordinator_client.get(reverse("admin:events_reminder_delete", args=[row.pk])).status_code == 403


def test_preferences_added_in_admin_are_saved_and_planned_by_the_service(client, coordinator, member_going):
    client.force_login(coordinator)
    followed = factories.EventFactory()
    factories.DeadlineFactory(event=followed, due_at=DUE)
    response = client.post(
        reverse("admin:events_reminderpreference_add"),
        {"member": member_going.pk, "offsets": "1d", "by_email": "on", "followed_events": [followed.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    preference = ReminderPreference.objects.get(member=member_going)
    assert response["Location"].endswith(reverse("admin:events_reminderpreference_changelist"))
    assert list(preference.followed_events.all()) == [followed]
    pending = Reminder.objects.filter(member=member_going, state=State.PENDING)
    assert sorted(pending.values_list("deadline__event_id", "offset")) == sorted(
        [
            (followed.pk, dt.timedelta(days=1)),
            (member_going.participations.get().event_id, dt.timedelta(days=1)),
        ]
    )


# --- a robot's URL is a secret; "test this channel" -------------------------------------------

WECOM_URL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=6b3c9d1e-aaaa-4bc4-97a0-0ec2sifa5aaa"


def test_a_robots_url_is_never_shown_again_and_kept_when_left_empty(
    coordinator_perms, coordinator_client, django_capture_on_commit_callbacks
):
    data = {**CHANNEL, "name": "Partners WeCom", "kind": "wecom", "new_url": WECOM_URL}
    response, _callbacks, _passes = post(
        coordinator_client,
        reverse("admin:events_reminderchannel_add"),
        data,
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    channel = ReminderChannel.objects.get(name="Partners WeCom")
    assert channel.url == WECOM_URL
    change = reverse("admin:events_reminderchannel_change", args=[channel.pk])
    page = coordinator_client.get(change).content.decode()
    assert "6b3c9d1e-aaaa-4bc4-97a0-0ec2sifa5aaa" not in page
    assert "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=•••" in page
    listing = coordinator_client.get(reverse("admin:events_reminderchannel_changelist")).content.decode()
    assert "6b3c9d1e" not in listing
    response, _callbacks, _passes = post(
        coordinator_client,
        change,
        {**data, "new_url": "", "offsets": "2d"},
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    channel.refresh_from_db()
    assert (channel.url, channel.offsets) == (WECOM_URL, "2d")


def test_a_robot_without_a_url_is_a_form_error(
    coordinator_perms, coordinator_client, django_capture_on_commit_callbacks
):
    data = {**CHANNEL, "name": "No URL", "kind": "dingtalk", "new_url": ""}
    response, callbacks, _passes = post(
        coordinator_client,
        reverse("admin:events_reminderchannel_add"),
        data,
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 200
    assert "This kind of channel needs a webhook URL." in response.content.decode()
    assert (callbacks, ReminderChannel.objects.filter(name="No URL").exists()) == ([], False)


def _test_button(client, channel):
    url = reverse("admin:events_reminderchannel_test", args=[channel.pk])
    response = client.post(url, follow=True)
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def test_the_test_button_sends_to_the_channel_and_shows_its_answer(coordinator_perms, coordinator_client):
    with RecordingServer(body=b'{"errcode":0,"errmsg":"ok"}') as server:
        channel = factories.ReminderChannelFactory(
            name="Partners",
            kind="wecom",
            url=server.url("/cgi-bin/webhook/send?key=SECRETKEY1234"),
            language="zh-hans",
        )
        page = coordinator_client.get(reverse("admin:events_reminderchannel_change", args=[channel.pk]))
        assert "Send a test message" in page.content.decode()
        messages = _test_button(coordinator_client, channel)
    assert messages == ['“Partners” took the test message. Its answer: HTTP 200: {"errcode":0,"errmsg":"ok"}']
    content = server.requests[0]["json"]["markdown"]["content"]
    assert content.startswith("**intl_portal：测试消息**\n> 渠道：Partners")


def test_the_test_button_shows_the_channels_error_without_its_secret(coordinator_perms, coordinator_client):
    body = b'{"errcode":93000,"errmsg":"invalid webhook url, hint: key SECRETKEY1234"}'
    with RecordingServer(body=body) as server:
        channel = factories.ReminderChannelFactory(
            name="Partners", kind="wecom", url=server.url("/cgi-bin/webhook/send?key=SECRETKEY1234")
        )
        [message] = _test_button(coordinator_client, channel)
    assert message.startswith(
        "“Partners” did not take the test message. Its answer: WeCom code 93000: invalid webhook"
    )
    assert "SECRETKEY1234" not in message


def test_the_test_button_says_when_a_throttled_channel_can_be_tried(coordinator_perms, coordinator_client):
    with RecordingServer(body=b'{"errcode":130101,"errmsg":"send too fast"}') as server:
        channel = factories.ReminderChannelFactory(
            name="DT", kind="dingtalk", url=server.url("/robot/send?access_token=t")
        )
        [first] = _test_button(coordinator_client, channel)
        [second] = _test_button(coordinator_client, channel)
    assert first.startswith("“DT” is throttled: try again after ")
    assert "130101" in first
    assert second.startswith("“DT” is throttled: try again after ")
    assert len(server.requests) == 1  # the second did not even try


def test_the_test_button_needs_the_change_permission_and_a_post(
    client, coordinator_perms, coordinator_client
):
    channel = factories.ReminderChannelFactory()
    url = reverse("admin:events_reminderchannel_test", args=[channel.pk])
    assert coordinator_client.get(url).status_code == 405
    member = factories.MemberFactory(user=factories.UserFactory(is_staff=True))
    client.force_login(member.user)
    assert client.post(url).status_code == 403

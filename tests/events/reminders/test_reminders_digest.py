"""The weekly digest: its words on a hand-made data set in both languages, once a week per
channel and member, nothing in an empty week, the day and time in the channel's zone, and
a member choosing it on their reminders page."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from events.models import Event, Participation, Reminder
from events.reminders.digests import digests_plan
from events.reminders.dispatch import reminders_dispatch
from tests import factories

from .reminder_helpers import RecordingServer

UTC = dt.UTC
# Monday 2026-12-07 10:00 in Beijing.
MONDAY_10 = dt.datetime(2026, 12, 7, 2, 0, tzinfo=UTC)
State = Reminder.State
QUERIES_OF_A_DIGEST_PASS = 23


@pytest.fixture
def week(db):
    """The group's data as it stands on Monday 2026-12-07."""
    wang = factories.MemberFactory(display_name="Wang Wei")
    li = factories.MemberFactory(display_name="Li Na")
    zhao = factories.MemberFactory(display_name="Zhao Lei")
    fosdem = factories.EventFactory(
        name="FOSDEM 2027",
        start_date=dt.date(2027, 1, 30),
        end_date=dt.date(2027, 1, 31),
        city="Brussels",
        country="BE",
        timezone="Europe/Brussels",
    )
    # 23:59 in Brussels (CET) is 22:59Z.
    factories.DeadlineFactory(
        event=fosdem, due_at=dt.datetime(2026, 12, 15, 22, 59, tzinfo=UTC), timezone="Europe/Brussels"
    )
    # Beyond the next 14 days.
    factories.DeadlineFactory(
        event=fosdem, kind="booth_application", due_at=dt.datetime(2027, 1, 10, tzinfo=UTC)
    )
    ossj = factories.EventFactory(
        name="Open Source Summit Japan 2026",
        status=Event.Status.CONFIRMED,
        start_date=dt.date(2026, 12, 20),
        end_date=dt.date(2026, 12, 21),
        city="Tokyo",
        country="JP",
        timezone="Asia/Tokyo",
    )
    # Internal: 09:00 in Tokyo is 00:00Z.
    factories.DeadlineFactory(
        event=ossj,
        kind="travel_grant",
        due_at=dt.datetime(2026, 12, 10, 0, 0, tzinfo=UTC),
        timezone="Asia/Tokyo",
        is_public=False,
    )
    factories.ParticipationFactory(event=ossj, member=wang, role=Participation.Role.SPEAKER)
    factories.ParticipationFactory(
        event=ossj, member=li, role=Participation.Role.BOOTH_STAFF, status=Participation.Status.TENTATIVE
    )
    factories.ParticipationFactory(event=ossj, member=zhao, status=Participation.Status.DECLINED)
    declined = factories.EventFactory(name="Declined Conf", status=Event.Status.DECLINED)
    factories.DeadlineFactory(event=declined, due_at=dt.datetime(2026, 12, 9, tzinfo=UTC))
    factories.EventFactory(name="EthCC 2027", status=Event.Status.IDEA, start_date=None, end_date=None)
    factories.ActionItemFactory(title="Book booth furniture", owner=li, due_date=dt.date(2026, 12, 5))
    factories.ActionItemFactory(title="Send visa letters", event=ossj, due_date=dt.date(2026, 12, 12))
    factories.ActionItemFactory(title="Later", owner=wang, due_date=dt.date(2026, 12, 30))
    factories.ActionItemFactory(title="Finished", owner=wang, due_date=dt.date(2026, 12, 1), status="done")
    return {"wang": wang, "li": li, "ossj": ossj, "fosdem": fosdem}


def _body_lines(message):
    return message.body.split("\n\n")[0].splitlines()


def test_the_digest_in_english_says_what_is_due_on_a_hand_checked_week(week):
    factories.ReminderChannelFactory(kind="email", url="", email="wg@example.org", digest=True, language="en")
    result = reminders_dispatch(now=MONDAY_10)
    assert result.sent == 1
    message = mail.outbox[0]
    assert message.to == ["wg@example.org"]
    assert message.subject == "[intl_portal] Weekly digest: the week of 2026-12-07"
    assert _body_lines(message) == [
        "Deadlines closing in the next 14 days",
        "· Open Source Summit Japan 2026 · Travel grant: 2026-12-10 09:00 JST (Asia/Tokyo)"
        " (2 days 22 hours left)",
        "· FOSDEM 2027 · CFP closes: 2026-12-15 23:59 CET (Europe/Brussels) (8 days 20 hours left)",
        "Events starting in the next 30 days",
        "· Open Source Summit Japan 2026 · 2026-12-20 – 2026-12-21 · Tokyo, Japan"
        " — who goes: Li Na (Booth staff, tentative), Wang Wei (Speaker)",
        "Action items due or overdue",
        "· Book booth furniture · Li Na · overdue since 2026-12-05",
        "· Send visa letters · Open Source Summit Japan 2026 · no owner · due 2026-12-12",
        "1 proposed event awaits triage",
        "· EthCC 2027",
        "Calendar: http://127.0.0.1:8000/",
        "CFP deadlines: http://127.0.0.1:8000/cfp/",
    ]


def test_the_digest_in_chinese_reads_naturally(week):
    factories.ReminderChannelFactory(
        kind="email", url="", email="wg@example.org", digest=True, language="zh-hans"
    )
    reminders_dispatch(now=MONDAY_10)
    message = mail.outbox[0]
    assert message.subject == "[intl_portal] 每周摘要：2026-12-07 这一周"
    lines = _body_lines(message)
    assert lines[:3] == [
        "未来 14 天内截止",
        "· Open Source Summit Japan 2026 · 差旅资助：2026-12-10 09:00 JST (Asia/Tokyo)（还剩 2 天 22 小时）",
        "· FOSDEM 2027 · CFP 截止：2026-12-15 23:59 CET (Europe/Brussels)（还剩 8 天 20 小时）",
    ]
    assert lines[3:5] == [
        "未来 30 天内开始的活动",
        "· Open Source Summit Japan 2026 · 2026-12-20 – 2026-12-21 · 日本东京"
        " — 参加者：Li Na（展位人员，待确认）、Wang Wei（讲者）",
    ]
    assert lines[5:] == [
        "即将到期或已逾期的待办事项",
        "· Book booth furniture · Li Na · 自 2026-12-05 起逾期",
        "· Send visa letters · Open Source Summit Japan 2026 · 无负责人 · 2026-12-12 到期",
        "1 个提议的活动等待处理",
        "· EthCC 2027",
        "活动日历：http://127.0.0.1:8000/",
        "CFP 截止日期：http://127.0.0.1:8000/cfp/",
    ]


def test_a_public_only_channel_gets_public_items_and_no_names(week):
    factories.ReminderChannelFactory(
        kind="email", url="", email="partners@example.org", digest=True, public_only=True, language="en"
    )
    reminders_dispatch(now=MONDAY_10)
    lines = _body_lines(mail.outbox[0])
    assert lines == [
        "Deadlines closing in the next 14 days",
        "· FOSDEM 2027 · CFP closes: 2026-12-15 23:59 CET (Europe/Brussels) (8 days 20 hours left)",
        "Events starting in the next 30 days",
        "· Open Source Summit Japan 2026 · 2026-12-20 – 2026-12-21 · Tokyo, Japan",
        "Calendar: http://127.0.0.1:8000/",
        "CFP deadlines: http://127.0.0.1:8000/cfp/",
    ]


def test_sent_once_a_week_at_the_channels_day_and_time(week):
    factories.ReminderChannelFactory(kind="email", url="", email="wg@example.org", digest=True)
    assert reminders_dispatch(now=MONDAY_10 - dt.timedelta(minutes=1)).sent == 0
    assert reminders_dispatch(now=MONDAY_10).sent == 1
    for hours in (1, 30, 24 * 6):
        assert reminders_dispatch(now=MONDAY_10 + dt.timedelta(hours=hours)).sent == 0
    assert reminders_dispatch(now=MONDAY_10 + dt.timedelta(days=7)).sent == 1
    rows = Reminder.objects.filter(kind="digest").order_by("period")
    assert [(r.period, r.state) for r in rows] == [
        (dt.date(2026, 12, 7), State.SENT),
        (dt.date(2026, 12, 14), State.SENT),
        (dt.date(2026, 12, 21), State.PENDING),
    ]
    assert len(mail.outbox) == 2


def test_a_friday_afternoon_digest_in_another_zone(week):
    channel = factories.ReminderChannelFactory(
        kind="email",
        url="",
        email="eu@example.org",
        digest=True,
        digest_weekday=4,
        digest_time=dt.time(16, 30),
        timezone="Europe/Brussels",
    )
    friday = dt.datetime(2026, 12, 11, 15, 30, tzinfo=UTC)  # 16:30 CET
    assert reminders_dispatch(now=friday - dt.timedelta(seconds=1)).sent == 0
    assert reminders_dispatch(now=friday).sent == 1
    row = Reminder.objects.get(channel=channel, state=State.SENT)
    assert (row.period, row.send_at) == (dt.date(2026, 12, 7), friday)


def _trip_steps(week):
    """Wang's trip to Tokyo: one step due in 3 days, one late since yesterday, one done."""
    trip = Participation.objects.get(event=week["ossj"], member=week["wang"])
    trip.needs_travel = True
    trip.save()
    factories.TravelStepFactory(
        participation=trip,
        kind="apply_visa",
        due_date=dt.date(2026, 12, 10),
        due_at=MONDAY_10 + dt.timedelta(days=3),
    )
    factories.TravelStepFactory(
        participation=trip,
        kind="invitation_letter",
        due_date=dt.date(2026, 12, 6),
        due_at=MONDAY_10 - dt.timedelta(days=1),
    )
    factories.TravelStepFactory(
        participation=trip, kind="check_requirement", due_at=MONDAY_10 - dt.timedelta(days=9), state="done"
    )


def test_a_group_hears_how_many_travel_steps_are_due_but_not_whose(week):
    _trip_steps(week)
    factories.ReminderChannelFactory(kind="email", url="", email="wg@example.org", digest=True, language="en")
    reminders_dispatch(now=MONDAY_10)
    lines = _body_lines(mail.outbox[0])
    start = lines.index("Travel steps")
    assert lines[start : start + 3] == [
        "Travel steps",
        "· 2 steps of the group's trips are due in the next 14 days, 1 of them late.",
        "· Coordinators: see the travel board.",
    ]
    assert "Apply for the visa" not in mail.outbox[0].body
    assert "invitation letter" not in mail.outbox[0].body


def test_a_member_hears_of_their_own_travel_steps(week, client):
    _trip_steps(week)
    wang = week["wang"]
    wang.timezone = "Asia/Shanghai"
    wang.save()
    from events.reminders.services import reminder_preferences_update

    reminder_preferences_update(member=wang, by_email=False, digest_by_email=True)
    reminders_dispatch(now=MONDAY_10)
    [message] = [m for m in mail.outbox if "Weekly digest" in m.subject]
    lines = _body_lines(message)
    start = lines.index("Your travel steps")
    assert lines[start : start + 3] == [
        "Your travel steps",
        "· Request the organiser's invitation letter · Open Source Summit Japan 2026 · late since 2026-12-06",
        "· Apply for the visa or permit · Open Source Summit Japan 2026 · due 2026-12-10",
    ]
    assert "Travel steps" not in lines  # a member's own digest lists their steps, not the group's count


def test_nothing_to_say_sends_nothing(db):
    factories.ReminderChannelFactory(kind="email", url="", email="wg@example.org", digest=True)
    result = reminders_dispatch(now=MONDAY_10)
    assert (result.sent, result.skipped, mail.outbox) == (0, 1, [])
    row = Reminder.objects.get(kind="digest", period=dt.date(2026, 12, 7))
    assert (row.state, row.last_error) == (State.SKIPPED, "nothing to say this week")


def test_a_digest_missed_by_more_than_half_a_day_is_skipped(week):
    factories.ReminderChannelFactory(kind="email", url="", email="wg@example.org", digest=True)
    digests_plan(now=MONDAY_10 - dt.timedelta(days=1))
    result = reminders_dispatch(now=MONDAY_10 + dt.timedelta(hours=13))
    assert (result.sent, result.skipped) == (0, 1)
    assert mail.outbox == []


def test_changing_the_day_moves_the_planned_digest(week):
    channel = factories.ReminderChannelFactory(kind="email", url="", email="wg@example.org", digest=True)
    digests_plan(now=MONDAY_10 - dt.timedelta(days=2))
    assert Reminder.objects.get(kind="digest", period=dt.date(2026, 12, 7)).send_at == MONDAY_10
    from events.reminders.services import reminder_channel_save

    channel.digest_weekday = 2
    reminder_channel_save(channel=channel)
    assert reminders_dispatch(now=MONDAY_10).sent == 0
    assert reminders_dispatch(now=MONDAY_10 + dt.timedelta(days=2)).sent == 1


def test_a_turned_off_digest_is_cancelled(week):
    channel = factories.ReminderChannelFactory(kind="email", url="", email="wg@example.org", digest=True)
    digests_plan(now=MONDAY_10 - dt.timedelta(days=1))
    type(channel).objects.filter(pk=channel.pk).update(digest=False)  # e.g. a raw fix
    result = reminders_dispatch(now=MONDAY_10)
    assert (result.sent, result.cancelled) == (0, 1)


def test_a_member_chooses_the_digest_on_their_page_and_gets_it_in_their_zone_and_language(week, client):
    member = week["wang"]
    member.preferred_language = "zh-hans"
    member.timezone = "Europe/Berlin"
    member.save()
    user = factories.UserFactory()
    member.user = user
    member.save()
    client.force_login(user)
    response = client.post(
        reverse("my_reminders"), {"by_email": "on", "digest_by_email": "on", "offsets": ""}
    )
    assert response.status_code == 302
    page = client.get(reverse("my_reminders")).content.decode()
    assert 'name="digest_by_email" id="id_digest_by_email" checked' in page
    berlin_monday_10 = dt.datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    digests = Reminder.objects.filter(kind="digest", state=State.SENT)
    reminders_dispatch(now=MONDAY_10)  # 03:00 in Berlin
    assert not digests.exists()
    reminders_dispatch(now=berlin_monday_10)
    assert digests.get().member == member
    [message] = [m for m in mail.outbox if "每周摘要" in m.subject]
    assert message.to == [member.email]
    assert message.subject == "[intl_portal] 每周摘要：2026-12-07 这一周"


def test_a_member_cannot_take_the_digest_on_a_chat_bot_they_do_not_have(week, client):
    user = factories.UserFactory()
    member = week["li"]
    member.user = user
    member.save()
    client.force_login(user)
    response = client.post(reverse("my_reminders"), {"by_email": "on", "digest_by_chat": "on"})
    assert response.status_code == 200
    assert "webhook" in response.content.decode().lower()
    assert not member.reminder_preference.digest_by_chat


def test_a_feishu_digest_is_a_card_with_sections_and_within_20_kb(week):
    for n in range(60):
        factories.ActionItemFactory(title=f"任务 {n} " + "很长的说明" * 40, due_date=dt.date(2026, 12, 8))
    with RecordingServer() as server:
        factories.ReminderChannelFactory(
            kind="feishu",
            url=server.url("/open-apis/bot/v2/hook/abcdefabcdef"),
            digest=True,
            language="zh-hans",
        )
        result = reminders_dispatch(now=MONDAY_10)
        assert (result.sent, result.deferred) == (0, 1)  # 10:00:00 sharp: Feishu throttles then
        row = Reminder.objects.get(kind="digest", period=dt.date(2026, 12, 7))
        assert reminders_dispatch(now=row.not_before).sent == 1
    raw = server.requests[0]["raw"]
    assert len(raw) <= 20_000
    card = server.requests[0]["json"]["card"]
    assert card["header"]["title"]["content"] == "每周摘要：2026-12-07 这一周"
    texts = [element["text"]["content"] for element in card["elements"] if element["tag"] == "div"]
    assert texts[0].startswith("**未来 14 天内截止**\n")
    actions = next(text for text in texts if text.startswith("**即将到期或已逾期的待办事项**"))
    assert actions.splitlines()[-1].startswith("……另有 ")  # cut to fit, and says so
    assert card["elements"][-1]["actions"][0]["url"] == "http://127.0.0.1:8000/"


@pytest.mark.parametrize("size", [4, 40])
def test_the_digest_costs_a_fixed_number_of_queries(week, size, django_assert_num_queries):
    factories.ReminderChannelFactory(kind="email", url="", email="wg@example.org", digest=True)
    reminders_dispatch(now=MONDAY_10 - dt.timedelta(days=1))  # planned, not due
    for n in range(size):
        event = factories.EventFactory(name=f"Event {n}", start_date=dt.date(2026, 12, 20), end_date=None)
        factories.ParticipationFactory(event=event)
        factories.DeadlineFactory(event=event, due_at=dt.datetime(2026, 12, 12, tzinfo=UTC))
        factories.ActionItemFactory(title=f"Item {n}", due_date=dt.date(2026, 12, 8))
    # The same count at 4 and at 40 events: the digest's reads do not grow with its rows.
    with django_assert_num_queries(QUERIES_OF_A_DIGEST_PASS):
        assert reminders_dispatch(now=MONDAY_10).sent == 1

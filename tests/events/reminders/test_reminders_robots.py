"""WeCom and DingTalk robots, Feishu's rate rules and Slack's Retry-After, each against a
real local HTTP server that checks what the real service checks: the exact payload, the
signature (recomputed here from the services' documented rules), the size limits, the
documented error codes and the rate limits."""

import base64
import collections
import datetime as dt
import hashlib
import hmac
import json
import logging
from urllib.parse import parse_qs, urlsplit

import pytest

from events.models import Event, Reminder
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
WECOM_KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"
DINGTALK_TOKEN = "d7c1f0a5b3e24c0c9f8e6a1b2c3d4e5f"
DINGTALK_SECRET = "SEC0123456789abcdef"


@pytest.fixture
def reminders(db, clock):
    """make(count) → that many deadlines of distinct events, each due for a 1-day reminder."""
    ReminderDefaults.objects.create(offsets="1d")

    def make(count=1, due_at=DUE, **deadline):
        made = []
        for index in range(count):
            event = factories.EventFactory(name=f"Conference {index:02d}", cfp_url="https://example.org/cfp")
            made.append(
                factories.DeadlineFactory(event=event, due_at=due_at, timezone="Asia/Seoul", **deadline)
            )
        reminders_plan_deadlines(deadlines=made)
        return made

    return make


def _near(instant, expected, seconds=3):
    """A dispatch pass's clock runs on from the `now` it is given: equal within seconds."""
    return expected <= instant < expected + dt.timedelta(seconds=seconds)


def _wecom_answer(code=0, message="ok"):
    return json.dumps({"errcode": code, "errmsg": message}).encode()


# --- WeCom -------------------------------------------------------------------------------------


def test_wecom_robot_gets_markdown_in_the_channels_language(reminders):
    with RecordingServer(body=_wecom_answer()) as server:
        factories.ReminderChannelFactory(
            kind="wecom", url=server.url(f"/cgi-bin/webhook/send?key={WECOM_KEY}"), language="zh-hans"
        )
        reminders()
        result = reminders_dispatch(now=AT)
    assert result.sent == 1
    request = server.requests[0]
    assert request["path"] == f"/cgi-bin/webhook/send?key={WECOM_KEY}"
    body = request["json"]
    assert list(body) == ["msgtype", "markdown"] and body["msgtype"] == "markdown"
    content = body["markdown"]["content"]
    assert content.splitlines() == [
        "**Conference 00：CFP 截止，剩余 1 天**",
        "> 活动：Conference 00",
        "> 截止事项：CFP 截止",
        "> 剩余时间：1 天",
        "> 截止时间：2025-06-30 15:59 KST (Asia/Seoul)",
        "> 北京时间：2025-06-30 14:59 UTC+08:00 (Asia/Shanghai)",
        "> UTC 时间：2025-06-30 06:59 UTC",
        f"[CFP 链接](https://example.org/cfp)  [门户链接](http://127.0.0.1:8000/events/"
        f"{Reminder.objects.get().deadline.event_id}/)",
    ]
    assert len(content.encode()) <= 2048


def test_wecom_content_is_cut_to_2048_bytes_on_a_character_boundary(reminders):
    with RecordingServer(body=_wecom_answer()) as server:
        factories.ReminderChannelFactory(kind="wecom", url=server.url("/send?key=k"), language="zh-hans")
        [deadline] = reminders(title="很长的截止事项" * 28)
        Event.objects.filter(pk=deadline.event_id).update(name="很长的活动名称" * 28)
        reminders_dispatch(now=AT)
    content = server.requests[0]["json"]["markdown"]["content"]
    assert 2000 < len(content.encode()) <= 2048
    assert content.endswith("…")


def test_wecom_bad_key_fails_with_a_clear_error_that_does_not_show_the_key(reminders, caplog):
    with RecordingServer(body=_wecom_answer(93000, f"invalid webhook url, key={WECOM_KEY}")) as server:
        factories.ReminderChannelFactory(
            kind="wecom", url=server.url(f"/cgi-bin/webhook/send?key={WECOM_KEY}")
        )
        reminders()
        with caplog.at_level(logging.WARNING):
            result = reminders_dispatch(now=AT)
    row = Reminder.objects.get()
    assert (result.failed, row.state, row.attempts) == (1, State.FAILED, 1)
    assert "WeCom code 93000: invalid webhook: the robot's key is wrong" in row.last_error
    assert WECOM_KEY not in row.last_error
    assert WECOM_KEY not in caplog.text
    assert "•••" in row.last_error


def test_wecom_throttled_answer_waits_a_minute_then_sends_once(reminders):
    answers = iter([_wecom_answer(45009, "api freq out of limit"), _wecom_answer()])
    with RecordingServer(respond=lambda request: (200, next(answers))) as server:
        factories.ReminderChannelFactory(kind="wecom", url=server.url("/send?key=k"))
        reminders()
        first = reminders_dispatch(now=AT)
        row = Reminder.objects.get()
        assert (first.sent, first.failed, first.deferred) == (0, 0, 1)
        assert (row.state, row.attempts) == (State.PENDING, 0)
        assert _near(row.not_before, AT + dt.timedelta(minutes=1))
        assert "45009" in row.last_error
        assert reminders_dispatch(now=AT + dt.timedelta(seconds=30)).sent == 0
        assert reminders_dispatch(now=AT + dt.timedelta(minutes=1, seconds=1)).sent == 1
        assert reminders_dispatch(now=AT + dt.timedelta(minutes=5)).sent == 0
    assert len(server.requests) == 2
    row.refresh_from_db()
    assert (row.state, row.attempts, row.last_error) == (State.SENT, 1, "")


# --- DingTalk ----------------------------------------------------------------------------------


def _dingtalk_sign(timestamp, secret):
    """DingTalk's documented rule: base64(HMAC-SHA256(key=secret, msg="timestamp\\nsecret"))."""
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


class DingTalkRobot:
    """A local stand-in that checks what DingTalk checks: the signature, and at most 20
    messages in any minute (by the signed timestamps); beyond that it answers 130101."""

    def __init__(self, secret=DINGTALK_SECRET):
        self.secret = secret
        self.accepted = []  # (timestamp ms, title)
        self.refused = 0

    def __call__(self, request):
        query = parse_qs(urlsplit(request["path"]).query)
        timestamp = int(query["timestamp"][0])
        if query["sign"][0] != _dingtalk_sign(timestamp, self.secret):
            return 200, json.dumps({"errcode": 310000, "errmsg": "sign not match"}).encode()
        window = [stamp for stamp, _title in self.accepted if stamp > timestamp - 60_000]
        if len(window) >= 20:
            self.refused += 1
            return 200, json.dumps({"errcode": 130101, "errmsg": "send too fast"}).encode()
        self.accepted.append((timestamp, request["json"]["markdown"]["title"]))
        return 200, b'{"errcode":0,"errmsg":"ok"}'


def test_dingtalk_robot_gets_signed_markdown(reminders):
    robot = DingTalkRobot()
    with RecordingServer(respond=robot) as server:
        factories.ReminderChannelFactory(
            kind="dingtalk",
            url=server.url(f"/robot/send?access_token={DINGTALK_TOKEN}"),
            secret=DINGTALK_SECRET,
            language="en",
        )
        reminders()
        assert reminders_dispatch(now=AT).sent == 1
    request = server.requests[0]
    query = parse_qs(urlsplit(request["path"]).query)
    assert query["access_token"] == [DINGTALK_TOKEN]
    assert abs(int(query["timestamp"][0]) - AT.timestamp() * 1000) < 60_000
    # The sign travels URL-encoded: "+" and "/" of base64 must arrive intact.
    assert query["sign"] == [_dingtalk_sign(int(query["timestamp"][0]), DINGTALK_SECRET)]
    markdown = request["json"]["markdown"]
    assert request["json"]["msgtype"] == "markdown"
    assert markdown["title"] == "Conference 00: CFP closes in 1 day"
    assert markdown["text"].split("\n\n") == [
        "#### Conference 00: CFP closes in 1 day",
        "- Event: Conference 00",
        "- Deadline: CFP closes",
        "- Time left: 1 day",
        "- Closes: 2025-06-30 15:59 KST (Asia/Seoul)",
        "- Beijing time: 2025-06-30 14:59 UTC+08:00 (Asia/Shanghai)",
        "- In UTC: 2025-06-30 06:59 UTC",
        f"[CFP link](https://example.org/cfp)  [Portal link](http://127.0.0.1:8000/events/"
        f"{Reminder.objects.get().deadline.event_id}/)",
    ]
    assert robot.accepted and robot.refused == 0


def test_dingtalk_wrong_secret_fails_with_a_clear_error(reminders):
    robot = DingTalkRobot(secret="the real one")
    with RecordingServer(respond=robot) as server:
        factories.ReminderChannelFactory(
            kind="dingtalk", url=server.url(f"/robot/send?access_token={DINGTALK_TOKEN}"), secret="wrong"
        )
        reminders()
        result = reminders_dispatch(now=AT)
    row = Reminder.objects.get()
    assert (result.failed, row.state) == (1, State.FAILED)
    assert "DingTalk code 310000: refused by the robot's security settings" in row.last_error
    assert DINGTALK_TOKEN not in row.last_error


def test_a_burst_of_50_reminders_to_one_dingtalk_robot_is_delivered_once_each_within_its_limit(
    reminders,
):
    robot = DingTalkRobot()
    with RecordingServer(respond=robot) as server:
        factories.ReminderChannelFactory(
            kind="dingtalk",
            url=server.url(f"/robot/send?access_token={DINGTALK_TOKEN}"),
            secret=DINGTALK_SECRET,
        )
        reminders(50)
        passes = [reminders_dispatch(now=AT + dt.timedelta(seconds=61 * n)) for n in range(4)]
    assert [p.sent for p in passes] == [20, 20, 10, 0]
    assert robot.refused == 0  # never faster than 20 a minute
    titles = collections.Counter(title for _stamp, title in robot.accepted)
    assert len(titles) == 50 and set(titles.values()) == {1}
    stamps = sorted(stamp for stamp, _title in robot.accepted)
    assert all(later - earlier >= 60_000 for earlier, later in zip(stamps, stamps[20:], strict=False))
    assert Reminder.objects.filter(state=State.SENT).count() == 50
    assert set(Reminder.objects.values_list("attempts", flat=True)) == {1}


def test_dingtalk_throttle_blocks_the_robot_for_ten_minutes_for_every_row(reminders):
    """DingTalk refused (another system posts with the same robot): nothing goes to it for
    10 minutes, then everything goes once."""
    robot = DingTalkRobot()
    robot.accepted = [(int(AT.timestamp() * 1000) - 1000, "someone else")] * 20
    with RecordingServer(respond=robot) as server:
        factories.ReminderChannelFactory(
            kind="dingtalk", url=server.url("/robot/send?access_token=t"), secret=DINGTALK_SECRET
        )
        reminders(3)
        first = reminders_dispatch(now=AT)
        assert (first.sent, first.failed, first.deferred) == (0, 0, 3)
        assert len(server.requests) == 1  # the first refused; the others did not try
        assert all(
            _near(at, AT + dt.timedelta(minutes=10))
            for at in Reminder.objects.values_list("not_before", flat=True)
        )
        assert reminders_dispatch(now=AT + dt.timedelta(minutes=9)).sent == 0
        assert len(server.requests) == 1
        robot.accepted = []
        assert reminders_dispatch(now=AT + dt.timedelta(minutes=10, seconds=1)).sent == 3
    assert Reminder.objects.filter(state=State.SENT, attempts=1).count() == 3


# --- Feishu and Slack --------------------------------------------------------------------------


def test_feishu_sends_keep_clear_of_the_first_seconds_of_the_half_hour(reminders):
    on_the_hour = dt.datetime(2025, 6, 29, 2, 0, tzinfo=UTC)  # 10:00 in Beijing
    with RecordingServer() as server:
        factories.ReminderChannelFactory(kind="feishu", url=server.url("/open-apis/bot/v2/hook/abcdefabcdef"))
        reminders(due_at=on_the_hour + dt.timedelta(days=1))
        first = reminders_dispatch(now=on_the_hour)
        row = Reminder.objects.get()
        assert (first.sent, first.deferred, len(server.requests)) == (0, 1, 0)
        assert (
            on_the_hour + dt.timedelta(seconds=5) <= row.not_before < on_the_hour + dt.timedelta(seconds=25)
        )
        assert reminders_dispatch(now=row.not_before).sent == 1
    assert len(server.requests) == 1


def test_feishu_throttled_code_is_retried_later_not_failed(reminders):
    answers = iter([b'{"code": 11232, "msg": "frequency limited"}', b'{"code": 0}'])
    with RecordingServer(respond=lambda request: (200, next(answers))) as server:
        factories.ReminderChannelFactory(kind="feishu", url=server.url("/open-apis/bot/v2/hook/abcdefabcdef"))
        reminders()
        assert reminders_dispatch(now=AT).deferred == 1
        row = Reminder.objects.get()
        assert (row.state, row.attempts) == (State.PENDING, 0)
        assert "Feishu code 11232: throttled" in row.last_error
        assert "abcdefabcdef" not in row.last_error
        # Its minute ends at 07:00:00, the first seconds of an hour: it waits those out too.
        assert _near(row.not_before, dt.datetime(2025, 6, 29, 7, 0, tzinfo=UTC))
        assert reminders_dispatch(now=row.not_before + dt.timedelta(seconds=1)).deferred == 1
        assert reminders_dispatch(now=row.not_before + dt.timedelta(seconds=30)).sent == 1
    assert len(server.requests) == 2


def test_feishu_keeps_to_five_a_second(reminders):
    with RecordingServer() as server:
        factories.ReminderChannelFactory(kind="feishu", url=server.url("/open-apis/bot/v2/hook/abcdefabcdef"))
        reminders(8)
        first = reminders_dispatch(now=AT)
        assert (first.sent, first.deferred) == (5, 3)
        assert reminders_dispatch(now=AT + dt.timedelta(seconds=2)).sent == 3
    assert len(server.requests) == 8


def test_slack_429_waits_as_long_as_retry_after_says(reminders):
    answers = iter([(429, b"rate_limited", {"Retry-After": "30"}), (200, b"ok")])
    with RecordingServer(respond=lambda request: next(answers)) as server:
        factories.ReminderChannelFactory(kind="slack", url=server.url("/services/T0/B0/secretsecretsecret"))
        reminders()
        assert reminders_dispatch(now=AT).deferred == 1
        row = Reminder.objects.get()
        assert (row.state, row.attempts) == (State.PENDING, 0)
        assert AT + dt.timedelta(seconds=30) <= row.not_before < AT + dt.timedelta(seconds=32)
        assert "secretsecretsecret" not in row.last_error
        assert reminders_dispatch(now=row.not_before + dt.timedelta(seconds=1)).sent == 1
    assert len(server.requests) == 2

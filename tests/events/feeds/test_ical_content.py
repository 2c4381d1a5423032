"""What a subscriber reads in the feeds: cancelled events, online places, links back to the
portal, the language, natural Chinese, UIDs that never change, the history window."""

import datetime as dt
import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from events.feeds.services import calendar_feed_for_member
from events.models import CalendarFeed, Deadline, Event
from events.services import deadline_set, event_set_status, event_update
from members.permissions import OPERATOR, member_of
from tests import factories

from .ical_helpers import deadline_uid, event_uid, parse, vevents_by_uid

CFP = "/calendar/cfp.ics"
EVENTS = "/calendar/events.ics"
SOON = (timezone.now() + dt.timedelta(days=40)).replace(second=0, microsecond=0)


def _cfp(client, **query):
    return vevents_by_uid(parse(client.get(CFP, query)))


def test_cancelled_event_entries_stay_marked_cancelled_without_alarms_in_a_members_feed(
    client, summit, member_user
):
    feed = calendar_feed_for_member(member=member_of(member_user))
    CalendarFeed.objects.filter(pk=feed.pk).update(include_events=True)
    personal = reverse("calendar:personal", kwargs={"token": feed.token})
    deadline = factories.DeadlineFactory(event=summit, due_at=SOON)
    before = vevents_by_uid(parse(client.get(personal)))[deadline_uid(deadline.pk)]
    assert len(before.walk("VALARM")) == 2 and "STATUS" not in before
    event_set_status(user=OPERATOR, event=summit, status=Event.Status.CANCELLED)
    after = vevents_by_uid(parse(client.get(personal)))[deadline_uid(deadline.pk)]
    assert str(after["STATUS"]) == "CANCELLED"
    assert after.walk("VALARM") == []
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert str(after["SUMMARY"]) == "Cancelled: CFP closes: Open Source Summit Japan 2025"
    assert "This event is cancelled." in str(after["DESCRIPTION"])
    entry = vevents_by_uid(parse(client.get(personal)))[event_uid(summit.pk)]
    assert str(entry["STATUS"]) == "CANCELLED" and int(entry["SEQUENCE"]) == 1
    zh = vevents_by_uid(parse(client.get(personal, {"lang": "zh-hans"})))[deadline_uid(deadline.pk)]
    assert str(zh["SUMMARY"]).startswith("已取消：")
    # The public feeds show only where the group goes: the cancelled event has left them.
    assert deadline_uid(deadline.pk) not in _cfp(client)
    assert event_uid(summit.pk) not in vevents_by_uid(parse(client.get(EVENTS)))
    # Revived: the alarms come back and the entry is an update again, in both feeds.
    event_set_status(user=OPERATOR, event=summit, status=Event.Status.PLANNED)
    revived = vevents_by_uid(parse(client.get(personal)))[deadline_uid(deadline.pk)]
    assert "STATUS" not in revived and len(revived.walk("VALARM")) == 2
    assert int(revived["SEQUENCE"]) == int(after["SEQUENCE"]) + 1
    assert "STATUS" not in _cfp(client)[deadline_uid(deadline.pk)]


def test_moving_an_event_raises_the_sequence_of_its_entries_once(client, summit):
    deadline = factories.DeadlineFactory(event=summit)
    event_update(user=OPERATOR, event=summit, name="OSS Japan 2025")  # a rename is not a move
    assert Event.objects.get(pk=summit.pk).sequence == 0
    event_update(user=OPERATOR, event=summit, start_date=dt.date(2025, 12, 9), end_date=dt.date(2025, 12, 10))
    assert Event.objects.get(pk=summit.pk).sequence == 1
    entry = vevents_by_uid(parse(client.get(EVENTS)))[event_uid(summit.pk)]
    assert int(entry["SEQUENCE"]) == 1 and entry.decoded("DTSTART") == dt.date(2025, 12, 9)
    assert int(_cfp(client)[deadline_uid(deadline.pk)]["SEQUENCE"]) == 1


@pytest.mark.parametrize(
    ("event_format", "lang", "location"),
    [
        ("online", "en", "Online"),
        ("online", "zh-hans", "线上"),
        ("hybrid", "en", "Toranomon Hills, Tokyo, Japan and online"),
        ("in_person", "en", "Toranomon Hills, Tokyo, Japan"),
    ],
)
def test_location_of_online_and_hybrid_events(client, summit, event_format, lang, location):
    summit.format = event_format
    summit.save()
    entry = vevents_by_uid(parse(client.get(EVENTS, {"lang": lang})))[event_uid(summit.pk)]
    assert str(entry["LOCATION"]) == location


def test_url_falls_back_to_the_portals_event_page(client, db):
    event = factories.EventFactory(name="No links", website_url="", cfp_url="")
    deadline = factories.DeadlineFactory(event=event, url="")
    page = f"http://127.0.0.1:8000/events/{event.pk}/"
    assert str(_cfp(client)[deadline_uid(deadline.pk)]["URL"]) == page
    assert str(vevents_by_uid(parse(client.get(EVENTS)))[event_uid(event.pk)]["URL"]) == page
    # With its own link, the portal's page is still one line of the description.
    linked = factories.DeadlineFactory(event=event, url="https://cfp.example.org/")
    entry = _cfp(client)[deadline_uid(linked.pk)]
    assert str(entry["URL"]) == "https://cfp.example.org/"
    assert f"On the portal: {page}" in str(entry["DESCRIPTION"])


@pytest.mark.parametrize(
    ("query", "header"), [({}, "en"), ({"lang": "en"}, "en"), ({"lang": "zh-hans"}, "zh-Hans")]
)
def test_content_language_follows_the_feeds_language(client, summit, query, header):
    factories.DeadlineFactory(event=summit)
    assert client.get(CFP, query)["Content-Language"] == header
    assert client.get(EVENTS, query)["Content-Language"] == header


def test_chinese_description_reads_naturally_with_full_width_punctuation(client, summit):
    deadline_set(
        user=OPERATOR,
        event=summit,
        kind="cfp_close",
        local=dt.datetime(2025, 7, 14, 15, 59),
        zone="Asia/Tokyo",
    )
    deadline_set(user=OPERATOR, event=summit, kind="cfp_open", local=dt.date(2025, 3, 1), zone="AoE")
    entries = list(parse(client.get(CFP, {"lang": "zh-hans"})).walk("VEVENT"))
    texts = [str(entry["DESCRIPTION"]) for entry in entries]
    assert any("截止时间（按公布时区）：2025-07-14 15:59（Asia/Tokyo）" in text for text in texts)
    assert any("截止时间（按公布时区）：2025-03-01 当天结束（AoE）" in text for text in texts)
    assert all(f"活动页面：http://127.0.0.1:8000/events/{summit.pk}/" in text for text in texts)
    for text in texts:
        for line in text.splitlines():
            if re.search(r"[\u4e00-\u9fff]", line) and "://" not in line:
                assert not re.search(r"[():]", re.sub(r"\d:\d", "", line)), (
                    line
                )  # Chinese lines use （）： only
        assert "公布时间" not in text


def test_uids_do_not_change_with_the_sites_address_or_the_uid_domain(client, summit, settings):
    deadline = factories.DeadlineFactory(event=summit)
    first = set(_cfp(client)) | set(vevents_by_uid(parse(client.get(EVENTS))))
    settings.PORTAL_BASE_URL = "https://portal.example.org:8102"
    settings.CALENDAR_UID_DOMAIN = "elsewhere.example"
    second = set(_cfp(client)) | set(vevents_by_uid(parse(client.get(EVENTS))))
    assert second == first == {deadline.ical_uid, summit.ical_uid}
    new = factories.DeadlineFactory(event=summit)
    assert new.ical_uid.endswith("@elsewhere.example") and new.ical_uid not in first
    # The page link follows the site's address; the UID does not.
    page = f"https://portal.example.org:8102/events/{summit.pk}/"
    assert page in str(_cfp(client)[deadline.ical_uid]["DESCRIPTION"])


def test_migration_keeps_the_uids_subscribers_already_have(db, settings):
    migration = __import__("events.migrations.0005_calendar_uid_and_event_sequence", fromlist=["x"])
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    deadline = factories.DeadlineFactory()
    migration.keep_published_uids(apps, None)
    assert Deadline.objects.get(pk=deadline.pk).ical_uid == f"deadline-{deadline.pk}@portal.example.org"
    assert Event.objects.get(pk=deadline.event_id).ical_uid == f"event-{deadline.event_id}@portal.example.org"


def test_feeds_keep_a_year_of_history_and_no_alarms_on_past_items(client, db, settings):
    settings.CALENDAR_FEED_HISTORY_DAYS = 365
    now = timezone.now()
    old = factories.EventFactory(start_date=(now - dt.timedelta(days=400)).date(), end_date=None)
    recent = factories.EventFactory(start_date=(now - dt.timedelta(days=100)).date(), end_date=None)
    upcoming = factories.EventFactory(start_date=(now + dt.timedelta(days=100)).date(), end_date=None)
    too_old = factories.DeadlineFactory(event=old, due_at=now - dt.timedelta(days=400))
    past = factories.DeadlineFactory(event=recent, due_at=now - dt.timedelta(days=100))
    ahead = factories.DeadlineFactory(event=upcoming, due_at=now + dt.timedelta(days=30))
    entries = _cfp(client)
    assert set(entries) == {deadline_uid(past.pk), deadline_uid(ahead.pk)}
    assert deadline_uid(too_old.pk) not in entries
    assert entries[deadline_uid(past.pk)].walk("VALARM") == []
    assert len(entries[deadline_uid(ahead.pk)].walk("VALARM")) == 2
    events = vevents_by_uid(parse(client.get(EVENTS)))
    assert set(events) == {event_uid(recent.pk), event_uid(upcoming.pk)}
    settings.CALENDAR_FEED_HISTORY_DAYS = 30
    assert set(_cfp(client)) == {deadline_uid(ahead.pk)}


def test_a_deadline_that_passes_loses_its_alarms_at_the_next_request(client, db):
    deadline = factories.DeadlineFactory(due_at=timezone.now() + dt.timedelta(days=3))
    first = client.get(CFP)
    assert len(vevents_by_uid(parse(first))[deadline_uid(deadline.pk)].walk("VALARM")) == 2
    Deadline.objects.filter(pk=deadline.pk).update(due_at=timezone.now() - dt.timedelta(seconds=1))
    # No save: only time went by. The feed's validators change with what is past.
    again = client.get(CFP, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200
    assert vevents_by_uid(parse(again))[deadline_uid(deadline.pk)].walk("VALARM") == []

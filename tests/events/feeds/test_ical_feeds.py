"""Public calendar feeds: /calendar/cfp.ics and /calendar/events.ics."""

import datetime as dt

import pytest
from django.utils import timezone
from django.utils.http import http_date

from events.models import CalendarRevision, Deadline
from events.services import deadline_set
from members.permissions import OPERATOR
from tests import factories
from tests.events.feeds.ical_helpers import deadline_uid, event_uid

from .ical_helpers import (
    content_lines,
    defined_tzids,
    instant,
    parse,
    used_tzids,
    vevents_by_uid,
)

CFP = "/calendar/cfp.ics"
EVENTS = "/calendar/events.ics"


@pytest.fixture
def mixed_deadlines(summit):
    """Deadlines announced in several zones, one date-only in AoE, one across DST."""
    berlin = factories.EventFactory(name="FOSDEM 2026", country="BE", timezone="Europe/Brussels")
    return [
        deadline_set(
            user=OPERATOR,
            event=summit,
            kind="cfp_close",
            local=dt.datetime(2025, 7, 14, 15, 59),
            zone="Asia/Tokyo",
        ),
        deadline_set(user=OPERATOR, event=summit, kind="cfp_open", local=dt.date(2025, 3, 1), zone="AoE"),
        deadline_set(
            user=OPERATOR,
            event=berlin,
            kind="cfp_close",
            local=dt.datetime(2025, 10, 26, 2, 30),
            zone="Europe/Berlin",
        ),
        deadline_set(
            user=OPERATOR,
            event=berlin,
            kind="registration",
            local=dt.datetime(2026, 1, 31, 12, 0),
            zone="UTC",
        ),
    ]


def test_deadline_announced_1559_jst_lands_at_0659_utc(client, summit):
    deadline = deadline_set(
        user=OPERATOR,
        event=summit,
        kind="cfp_close",
        local=dt.datetime(2025, 7, 14, 15, 59),
        zone="Asia/Tokyo",
    )
    vevent = vevents_by_uid(parse(client.get(CFP)))[deadline_uid(deadline.pk)]
    assert instant(vevent) == dt.datetime(2025, 7, 14, 6, 59, tzinfo=dt.UTC)
    # The instant in UTC, the announced zone kept beside it (no TZID for a client to misread).
    assert vevent["DTSTART"].to_ical() == b"20250714T065900Z"
    assert "TZID" not in vevent["DTSTART"].params
    assert str(vevent["X-INTL-PORTAL-ANNOUNCED-TZID"]) == "Asia/Tokyo"
    assert str(vevent["SUMMARY"]) == "CFP closes: Open Source Summit Japan 2025"
    assert str(vevent["URL"]) == "https://events.example.org/ossjapan/cfp/"
    description = str(vevent["DESCRIPTION"])
    assert "Dates: 2025-12-08 – 2025-12-09" in description
    assert "Place: Toranomon Hills, Tokyo, Japan" in description
    assert "Deadline as announced: 2025-07-14 15:59 (Asia/Tokyo)" in description
    assert f"On the portal: http://127.0.0.1:8000/events/{summit.pk}/" in description


def test_every_deadline_instant_matches_the_database(client, mixed_deadlines):
    vevents = vevents_by_uid(parse(client.get(CFP)))
    assert len(vevents) == len(mixed_deadlines)
    for deadline in Deadline.objects.all():
        assert instant(vevents[deadline_uid(deadline.pk)]) == deadline.due_at


def test_date_only_aoe_deadline_closes_at_2359_aoe(client, mixed_deadlines):
    aoe = mixed_deadlines[1]
    vevent = vevents_by_uid(parse(client.get(CFP)))[deadline_uid(aoe.pk)]
    assert str(vevent["X-INTL-PORTAL-ANNOUNCED-TZID"]) == "Etc/GMT+12"
    assert instant(vevent) == dt.datetime(2025, 3, 2, 11, 59, tzinfo=dt.UTC)
    assert "2025-03-01, end of day (AoE)" in str(vevent["DESCRIPTION"])


def test_feed_is_rfc5545_text_crlf_folded_in_utc(client, mixed_deadlines):
    body = client.get(CFP).content
    lines = content_lines(body)
    assert max(len(line) for line in lines) <= 75
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-1] == b"END:VCALENDAR"
    # Every instant in UTC: no TZID, so no VTIMEZONE to be misread by a client.
    assert used_tzids(body) == defined_tzids(body) == set()
    assert b"BEGIN:VTIMEZONE" not in body
    assert all(line.endswith(b"Z") for line in lines if line.startswith(b"DTSTART:"))
    calendar = parse(client.get(CFP))
    assert calendar.get_missing_tzids() == set()
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "CFP deadlines · International outreach"
    assert calendar["REFRESH-INTERVAL"].to_ical() == b"PT1H"
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT1H"
    for vevent in calendar.walk("VEVENT"):
        assert vevent.decoded("DTSTAMP").tzinfo is not None
        assert "SEQUENCE" in vevent


def test_long_chinese_text_is_folded_on_character_boundaries(client, summit):
    summit.name = "开源峰会" * 40
    summit.save()
    deadline_set(
        user=OPERATOR, event=summit, kind="cfp_close", local=dt.date(2025, 7, 1), zone="Asia/Shanghai"
    )
    body = client.get(CFP).content
    lines = content_lines(body)
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # no multi-byte character cut in two
    vevent = parse(client.get(CFP)).walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == "CFP closes: " + "开源峰会" * 40


def test_chinese_and_special_characters_round_trip(client, db):
    event = factories.EventFactory(name="开源峰会, 2025; A\\B", venue="会场; 一号厅")
    deadline = deadline_set(
        user=OPERATOR,
        event=event,
        kind="cfp_close",
        local=dt.datetime(2025, 8, 1, 18, 0),
        zone="Asia/Shanghai",
        title="Track: a,b;c",
    )
    body = client.get(CFP).content
    assert "开源峰会\\, 2025\\; A\\\\B".encode() in body
    vevent = vevents_by_uid(parse(client.get(CFP)))[deadline_uid(deadline.pk)]
    assert str(vevent["SUMMARY"]) == "CFP closes: 开源峰会, 2025; A\\B (Track: a,b;c)"
    assert "会场; 一号厅" in str(vevent["DESCRIPTION"])


def test_chinese_feed_text_with_lang_zh_hans(client, summit):
    deadline_set(user=OPERATOR, event=summit, kind="cfp_close", local=dt.date(2025, 7, 1), zone="Asia/Tokyo")
    calendar = parse(client.get(CFP, {"lang": "zh-hans"}))
    vevent = calendar.walk("VEVENT")[0]
    assert "日期：2025-12-08 – 2025-12-09" in str(vevent["DESCRIPTION"])
    assert "地点：Toranomon Hills, Tokyo, 日本" in str(vevent["DESCRIPTION"])
    assert str(calendar["X-WR-CALNAME"]) == "CFP 截止日期 · 国际接轨组"


def test_uids_unique_and_stable_and_a_moved_deadline_is_not_doubled(client, mixed_deadlines):
    first = vevents_by_uid(parse(client.get(CFP)))
    assert len(first) == len(mixed_deadlines) == len(set(first))
    moved = mixed_deadlines[0]
    deadline_set(
        user=OPERATOR,
        event=moved.event,
        kind=moved.kind,
        local=dt.datetime(2025, 7, 21, 15, 59),
        zone="Asia/Tokyo",
        deadline=moved,
    )
    second = vevents_by_uid(parse(client.get(CFP)))
    assert set(second) == set(first)
    uid = deadline_uid(moved.pk)
    assert int(second[uid]["SEQUENCE"]) == int(first[uid]["SEQUENCE"]) + 1
    assert instant(second[uid]) == dt.datetime(2025, 7, 21, 6, 59, tzinfo=dt.UTC)


def test_deadline_saved_like_the_admin_does_raises_sequence_once(db, summit):
    # Admin, API and importers all save a deadline through deadline_set.
    def save(deadline, local, **fields):
        return deadline_set(
            user=OPERATOR,
            event=summit,
            kind="cfp_close",
            local=local,
            zone="UTC",
            deadline=deadline,
            **fields,
        )

    deadline = save(None, dt.datetime(2025, 7, 14, 15, 59, tzinfo=dt.UTC))
    assert deadline.sequence == 0
    save(deadline, deadline.due_at, title="Main track")
    assert Deadline.objects.get(pk=deadline.pk).sequence == 0
    save(deadline, deadline.due_at + dt.timedelta(days=7))
    assert Deadline.objects.get(pk=deadline.pk).sequence == 1
    save(deadline, deadline.due_at + dt.timedelta(days=1))
    assert Deadline.objects.get(pk=deadline.pk).sequence == 2
    moved = deadline_set(
        user=OPERATOR,
        event=summit,
        kind="cfp_close",
        local=dt.date(2025, 9, 1),
        zone="UTC",
        deadline=deadline,
    )
    assert Deadline.objects.get(pk=moved.pk).sequence == 3


def test_deleted_deadline_disappears_even_for_a_conditional_get(client, mixed_deadlines):
    first = client.get(CFP)
    gone = mixed_deadlines[2]
    gone_uid = deadline_uid(gone.pk)
    assert gone_uid in vevents_by_uid(parse(first))
    gone.delete()
    again = client.get(
        CFP,
        headers={"If-None-Match": first["ETag"], "If-Modified-Since": first["Last-Modified"]},
    )
    assert again.status_code == 200
    assert gone_uid not in vevents_by_uid(parse(again))
    assert again["ETag"] != first["ETag"]


def test_conditional_get_answers_304_with_validators(client, mixed_deadlines):
    first = client.get(CFP)
    assert first["Cache-Control"] == "public, max-age=3600"
    assert first["ETag"].startswith('"') and first["Last-Modified"]
    by_etag = client.get(CFP, headers={"If-None-Match": first["ETag"]})
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"]
    assert by_etag["Cache-Control"] == "public, max-age=3600"
    by_date = client.get(CFP, headers={"If-Modified-Since": first["Last-Modified"]})
    assert by_date.status_code == 304
    earlier = http_date(dt.datetime(2020, 1, 1, tzinfo=dt.UTC).timestamp())
    assert client.get(CFP, headers={"If-Modified-Since": earlier}).status_code == 200


def test_edit_of_the_event_changes_the_etag_and_the_text(client, mixed_deadlines):
    first = client.get(CFP)
    event = mixed_deadlines[0].event
    event.name = "OSS Japan 2025"
    event.save()
    again = client.get(CFP, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200
    vevent = vevents_by_uid(parse(again))[deadline_uid(mixed_deadlines[0].pk)]
    assert str(vevent["SUMMARY"]) == "CFP closes: OSS Japan 2025"


def test_public_feed_leaves_out_internal_events_and_deadlines(client, summit):
    public = factories.DeadlineFactory(event=summit)
    hidden_deadline = factories.DeadlineFactory(event=summit, is_public=False)
    internal_event = factories.EventFactory(is_public=False)
    internal = factories.DeadlineFactory(event=internal_event)
    uids = set(vevents_by_uid(parse(client.get(CFP))))
    assert uids == {deadline_uid(public.pk)}
    assert deadline_uid(hidden_deadline.pk) not in uids and deadline_uid(internal.pk) not in uids
    events = set(vevents_by_uid(parse(client.get(EVENTS))))
    assert events == {event_uid(summit.pk)}


def test_valarms_remind_seven_days_and_one_day_before(client, summit):
    factories.DeadlineFactory(event=summit, due_at=timezone.now() + dt.timedelta(days=30))
    vevent = parse(client.get(CFP)).walk("VEVENT")[0]
    alarms = vevent.walk("VALARM")
    assert [alarm.decoded("TRIGGER") for alarm in alarms] == [
        -dt.timedelta(days=7),
        -dt.timedelta(days=1),
    ]
    assert all(str(alarm["ACTION"]) == "DISPLAY" for alarm in alarms)
    assert str(alarms[0]["DESCRIPTION"]).startswith("Reminder: CFP closes: ")


def test_events_feed_all_day_with_exclusive_end_location_and_url(client, summit):
    factories.EventFactory(name="No dates yet", start_date=None, end_date=None)
    one_day = factories.EventFactory(
        name="Meetup", start_date=dt.date(2025, 10, 1), end_date=None, city="", venue="", country=""
    )
    vevents = vevents_by_uid(parse(client.get(EVENTS)))
    assert set(vevents) == {event_uid(summit.pk), event_uid(one_day.pk)}
    vevent = vevents[event_uid(summit.pk)]
    assert vevent.decoded("DTSTART") == dt.date(2025, 12, 8)
    assert vevent.decoded("DTEND") == dt.date(2025, 12, 10)
    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    assert str(vevent["LOCATION"]) == "Toranomon Hills, Tokyo, Japan"
    assert str(vevent["URL"]) == "https://events.example.org/ossjapan/"
    assert vevents[event_uid(one_day.pk)].decoded("DTEND") == dt.date(2025, 10, 2)


def test_head_request_has_headers_and_no_body(client, summit):
    factories.DeadlineFactory(event=summit)
    response = client.head(CFP)
    assert response.status_code == 200
    assert response["ETag"] and response.content == b""
    assert client.post(CFP).status_code == 405


@pytest.mark.parametrize("size", [1, 12])
def test_cfp_feed_query_count_is_constant(client, db, django_assert_num_queries, size):
    tag = factories.TagFactory(slug="cloud")
    for _index in range(size):
        event = factories.EventFactory()
        event.tags.add(tag)
        factories.DeadlineFactory.create_batch(3, event=event, timezone="Asia/Tokyo")
    # The validators, one read of the rows.
    with django_assert_num_queries(2):
        assert client.get(CFP).status_code == 200
    with django_assert_num_queries(3):
        assert client.get(CFP, {"tag": "cloud", "lang": "zh-hans"}).status_code == 200
    with django_assert_num_queries(2):
        assert client.get(EVENTS, {"country": "CN"}).status_code == 200
    # After an edit: the validators, the ids in order, the changed rows.
    event.name = "Renamed"
    event.save()
    with django_assert_num_queries(3):
        assert client.get(CFP).status_code == 200


def test_feed_starts_the_revision_when_rows_were_only_bulk_created(client, summit):
    Deadline.objects.bulk_create([Deadline(event=summit, due_at=dt.datetime(2025, 7, 1, tzinfo=dt.UTC))])
    CalendarRevision.objects.all().delete()
    response = client.get(CFP)
    assert response.status_code == 200
    assert len(vevents_by_uid(parse(response))) == 1
    assert CalendarRevision.objects.count() == 1
    assert client.get(CFP, headers={"If-None-Match": response["ETag"]}).status_code == 304

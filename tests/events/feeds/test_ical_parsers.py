"""Every deadline at the same instant in every calendar client.

A data set of deadlines in nine zones over two years — DST gaps and overlaps, AoE,
date-only, zones without DST, the southern hemisphere, UTC+14 — is read back from the
feeds by icalendar, vobject, ical.js and libical, and each reading is compared with the
instant in the database.
"""

import datetime as dt

import pytest
from django.urls import reverse

from events.feeds.services import calendar_feed_for_member
from events.models import CalendarFeed, Deadline, Event
from events.services import deadline_set, event_set_status, event_update
from events.services.deadlines import deadline_instant
from members.permissions import OPERATOR
from tests import factories

from .calendar_parsers import PARSERS, read_libical
from .ical_helpers import deadline_uid, event_uid

CFP = "/calendar/cfp.ics"
EVENTS = "/calendar/events.ics"
ZONES = (
    "Europe/Brussels",
    "America/Los_Angeles",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Kiritimati",
    "America/Sao_Paulo",
    "AoE",
    "UTC",
)
# (zone, local time as announced, the instant RFC 5545 §3.3.5 gives it), checked by hand.
DST_EDGES = (
    # Spring forward, 02:00–03:00 does not exist: read with the offset before the gap.
    ("Europe/Brussels", dt.datetime(2026, 3, 29, 2, 30), dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)),
    ("America/Los_Angeles", dt.datetime(2026, 3, 8, 2, 30), dt.datetime(2026, 3, 8, 10, 30, tzinfo=dt.UTC)),
    ("Australia/Sydney", dt.datetime(2026, 10, 4, 2, 30), dt.datetime(2026, 10, 3, 16, 30, tzinfo=dt.UTC)),
    # Just around the change.
    ("Europe/Brussels", dt.datetime(2026, 3, 29, 1, 59), dt.datetime(2026, 3, 29, 0, 59, tzinfo=dt.UTC)),
    ("Europe/Brussels", dt.datetime(2026, 3, 29, 3, 0), dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)),
    # Fall back, the hour happens twice: the first occurrence.
    ("Europe/Brussels", dt.datetime(2027, 10, 31, 2, 30), dt.datetime(2027, 10, 31, 0, 30, tzinfo=dt.UTC)),
    ("America/Los_Angeles", dt.datetime(2026, 11, 1, 1, 30), dt.datetime(2026, 11, 1, 8, 30, tzinfo=dt.UTC)),
    ("Australia/Sydney", dt.datetime(2026, 4, 5, 2, 30), dt.datetime(2026, 4, 4, 15, 30, tzinfo=dt.UTC)),
)


@pytest.fixture
def data_set(db):
    """One public event per zone; a deadline on the 1st of every month of 2026–2027 at 09:00
    local, a date-only one on the 15th, and the DST edge cases (~470 deadlines)."""
    rows = []
    for index, zone in enumerate(ZONES):
        event = factories.EventFactory(
            name=f"Conference {index} in {zone}",
            start_date=dt.date(2027, 12, 1) + dt.timedelta(days=index),
            end_date=dt.date(2027, 12, 3) + dt.timedelta(days=index),
        )
        for month in range(24):
            year, month0 = divmod(month, 12)
            day = dt.date(2026 + year, month0 + 1, 1)
            for local, date_only in (
                (dt.datetime.combine(day, dt.time(9)), False),
                (day.replace(day=15), True),
            ):
                due_at, zone_name = deadline_instant(local=local, zone=zone, date_only=date_only)
                rows.append(Deadline(event=event, due_at=due_at, timezone=zone_name, is_date_only=date_only))
    Deadline.objects.bulk_create(rows)
    edges = factories.EventFactory(name="DST edges", start_date=dt.date(2027, 11, 1), end_date=None)
    for zone, local, _expected in DST_EDGES:
        deadline_set(user=OPERATOR, event=edges, kind="other", local=local, zone=zone)
    return Deadline.objects.all()


def test_dst_edge_instants_are_stored_as_rfc5545_reads_them(data_set):
    stored = {
        (d.timezone, d.local_due_at.replace(tzinfo=None)): d.due_at
        for d in data_set.filter(event__name="DST edges")
    }
    for zone, local, expected in DST_EDGES:
        # A time in a gap is stored at the instant it names with the offset before the gap.
        key = (zone, local) if (zone, local) in stored else (zone, local + dt.timedelta(hours=1))
        assert stored[key] == expected, (zone, local)


@pytest.mark.parametrize("parser", list(PARSERS))
@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_every_parser_reads_every_deadline_at_its_instant(client, data_set, parser, lang):
    body = client.get(CFP, {"lang": lang}).content
    read = PARSERS[parser](body)
    expected = dict(data_set.values_list("ical_uid", "due_at"))
    assert len(expected) == 9 * 48 + len(DST_EDGES)
    assert set(read) == set(expected)
    wrong = {
        uid: (read[uid], due_at) for uid, due_at in expected.items() if read[uid][:2] != ("instant", due_at)
    }
    assert wrong == {}


@pytest.mark.parametrize("parser", list(PARSERS))
def test_every_parser_reads_the_events_days(client, data_set, parser):
    read = PARSERS[parser](client.get(EVENTS).content)
    events = Event.objects.filter(start_date__isnull=False)
    assert set(read) == set(events.values_list("ical_uid", flat=True))
    for event in events:
        assert read[event.ical_uid][:2] == ("date", event.start_date.isoformat())


@pytest.mark.parametrize("path", [CFP, EVENTS])
def test_libical_restriction_check_finds_nothing(client, data_set, path):
    errors = []
    read_libical(client.get(path).content, errors=errors)
    assert errors == []


@pytest.mark.parametrize("parser", list(PARSERS))
def test_every_parser_sees_a_cancelled_event_and_a_moved_one_as_updates(client, db, parser):
    event = factories.EventFactory(name="Moved and cancelled", start_date=dt.date(2027, 5, 10), end_date=None)
    deadline = deadline_set(
        user=OPERATOR, event=event, kind="cfp_close", local=dt.date(2027, 3, 1), zone="AoE"
    )
    # A member's feed with the events: the public ones leave out a cancelled event.
    feed = calendar_feed_for_member(member=factories.MemberFactory(user=factories.UserFactory()))
    CalendarFeed.objects.filter(pk=feed.pk).update(include_events=True)
    url = reverse("calendar:personal", kwargs={"token": feed.token})
    before = PARSERS[parser](client.get(url).content)
    event_update(user=OPERATOR, event=event, start_date=dt.date(2027, 5, 17))
    event_set_status(user=OPERATOR, event=event, status=Event.Status.CANCELLED)
    after = PARSERS[parser](client.get(url).content)
    for uid in (event_uid(event.pk), deadline_uid(deadline.pk)):
        assert after[uid][2] > before[uid][2], uid  # SEQUENCE raised: an update, not a new entry
        assert before[uid][3] is None and after[uid][3] == "CANCELLED"
    assert after[event_uid(event.pk)][1] == "2027-05-17"

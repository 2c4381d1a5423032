"""The feeds say what is only estimated or approximate (issue 12): a copy's dates and
deadlines, estimated from last year until a coordinator confirms them, carry a SUMMARY
suffix, a DESCRIPTION line and STATUS:TENTATIVE, in the feed's language; events known
only to a month, part of one or a quarter are all-day entries over that period, marked
approximate ("not announced yet" stays out). Read back with the parsers clients use."""

import datetime as dt

import pytest
from icalendar import Calendar

from events import services
from events.models import Event
from members.permissions import OPERATOR
from tests import factories

from .calendar_parsers import PARSERS
from .ical_helpers import deadline_uid, event_uid, parse, vevents_by_uid

CFP = "/calendar/cfp.ics"
EVENTS = "/calendar/events.ics"


@pytest.fixture
def copy(db):
    event = factories.EventFactory(
        name="FOSDEM 2026",
        series="FOSDEM",
        edition_year=2026,
        start_date=dt.date(2026, 1, 31),
        end_date=dt.date(2026, 2, 1),
        timezone="Europe/Brussels",
    )
    services.deadline_set(
        user=OPERATOR, event=event, kind="cfp_close", local=dt.date(2025, 12, 1), zone="AoE"
    )
    return services.event_copy_to_next_edition(user=OPERATOR, event=event)


def _approx(name, precision, **fields):
    return factories.EventFactory(
        name=name, start_date=None, end_date=None, date_precision=precision, approx_year=2027, **fields
    )


@pytest.fixture
def approximate(db):
    return {
        "month": _approx("Open Source Congress", Event.DatePrecision.MONTH, approx_month=11),
        "late": _approx("EthCC", Event.DatePrecision.LATE_MONTH, approx_month=6),
        "quarter": _approx("DevConnect", Event.DatePrecision.QUARTER, approx_quarter=4),
        "unannounced": _approx("Secret Summit", Event.DatePrecision.UNANNOUNCED),
    }


def test_an_estimated_event_and_deadline_are_marked_in_english_and_chinese(client, copy):
    deadline = copy.deadlines.get()
    entry = vevents_by_uid(parse(client.get(EVENTS)))[event_uid(copy.pk)]
    assert str(entry["SUMMARY"]) == "FOSDEM 2027 (estimated from last year)"
    assert "Dates estimated from last year's edition; not confirmed yet." in str(entry["DESCRIPTION"])
    assert str(entry["STATUS"]) == "TENTATIVE"
    assert entry.decoded("DTSTART") == dt.date(2027, 1, 31)
    cfp = vevents_by_uid(parse(client.get(CFP)))[deadline_uid(deadline.pk)]
    assert str(cfp["SUMMARY"]) == "CFP closes: FOSDEM 2027 (estimated from last year)"
    assert "Date estimated from last year's edition; not confirmed yet." in str(cfp["DESCRIPTION"])
    assert str(cfp["STATUS"]) == "TENTATIVE"
    zh_entry = vevents_by_uid(parse(client.get(EVENTS, {"lang": "zh-hans"})))[event_uid(copy.pk)]
    assert str(zh_entry["SUMMARY"]) == "FOSDEM 2027（按去年推算）"
    assert "日期按去年的活动推算，尚未确认。" in str(zh_entry["DESCRIPTION"])
    zh_cfp = vevents_by_uid(parse(client.get(CFP, {"lang": "zh-hans"})))[deadline_uid(deadline.pk)]
    assert str(zh_cfp["SUMMARY"]).endswith("（按去年推算）")
    assert "截止日期按去年的活动推算，尚未确认。" in str(zh_cfp["DESCRIPTION"])


def test_confirming_takes_the_marks_off_and_changes_the_etag(client, copy):
    deadline = copy.deadlines.get()
    first = client.get(CFP)
    services.deadline_confirm_date(user=OPERATOR, deadline=deadline)
    assert client.get(CFP, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    cfp = vevents_by_uid(parse(client.get(CFP)))[deadline_uid(deadline.pk)]
    assert str(cfp["SUMMARY"]) == "CFP closes: FOSDEM 2027" and "STATUS" not in cfp
    services.event_confirm_dates(user=OPERATOR, event=copy)
    entry = vevents_by_uid(parse(client.get(EVENTS)))[event_uid(copy.pk)]
    assert str(entry["SUMMARY"]) == "FOSDEM 2027" and "STATUS" not in entry
    assert "estimated" not in str(entry["DESCRIPTION"])


def test_approximate_events_span_their_period_marked_approximate(client, approximate):
    read = vevents_by_uid(Calendar.from_ical(client.get(EVENTS).content))
    expected = {
        "month": (dt.date(2027, 11, 1), dt.date(2027, 12, 1), "November 2027"),
        "late": (dt.date(2027, 6, 21), dt.date(2027, 7, 1), "late June 2027"),
        "quarter": (dt.date(2027, 10, 1), dt.date(2028, 1, 1), "Q4 2027"),
    }
    for key, (start, end, when) in expected.items():
        entry = read[event_uid(approximate[key].pk)]
        assert (entry.decoded("DTSTART"), entry.decoded("DTEND")) == (start, end), key
        assert str(entry["SUMMARY"]) == f"{approximate[key].name} (dates approximate)"
        assert f"Dates known only approximately: {when}" in str(entry["DESCRIPTION"])
        assert str(entry["STATUS"]) == "TENTATIVE"
    assert event_uid(approximate["unannounced"].pk) not in read


def test_approximate_events_in_chinese(client, approximate):
    read = vevents_by_uid(Calendar.from_ical(client.get(EVENTS, {"lang": "zh-hans"}).content))
    entry = read[event_uid(approximate["late"].pk)]
    assert str(entry["SUMMARY"]) == "EthCC（日期为大致时间）"
    assert "日期仅大致确定：2027年6月下旬" in str(entry["DESCRIPTION"])


@pytest.mark.parametrize("parser", list(PARSERS))
def test_every_parser_reads_an_approximate_period_as_all_day(client, approximate, parser):
    read = PARSERS[parser](client.get(EVENTS).content)
    assert read[event_uid(approximate["late"].pk)][:2] == ("date", "2027-06-21")
    assert read[event_uid(approximate["quarter"].pk)][:2] == ("date", "2027-10-01")
    assert read[event_uid(approximate["quarter"].pk)][3] == "TENTATIVE"
    assert event_uid(approximate["unannounced"].pk) not in read


def test_the_public_feed_keeps_approximate_ideas_out(client, approximate):
    idea = _approx("Somebody's idea", Event.DatePrecision.MONTH, approx_month=3, status=Event.Status.IDEA)
    assert event_uid(idea.pk) not in vevents_by_uid(parse(client.get(EVENTS)))


def test_an_approximate_event_past_the_history_window_leaves(client, approximate, settings):
    settings.CALENDAR_FEED_HISTORY_DAYS = 1
    old = _approx("Old Congress", Event.DatePrecision.MONTH, approx_month=1)
    type(old).objects.filter(pk=old.pk).update(approx_year=2001)
    read = vevents_by_uid(parse(client.get(EVENTS)))
    assert event_uid(old.pk) not in read
    assert event_uid(approximate["month"].pk) in read

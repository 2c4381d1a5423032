"""Helpers for the iCal tests: fetch a feed and parse it back with icalendar."""

import datetime as dt
import re

from icalendar import Calendar


def parse(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents_by_uid(calendar):
    return {str(vevent["UID"]): vevent for vevent in calendar.walk("VEVENT")}


def instant(vevent):
    """DTSTART as an aware UTC datetime, resolved through its TZID."""
    start = vevent.decoded("DTSTART")
    assert isinstance(start, dt.datetime) and start.tzinfo is not None
    return start.astimezone(dt.UTC)


def content_lines(body):
    """The physical lines of an iCalendar body, checking every one ends with CRLF."""
    assert body.endswith(b"\r\n")
    lines = body.split(b"\r\n")[:-1]
    assert not any(b"\n" in line or b"\r" in line for line in lines)
    return lines


def used_tzids(body):
    return set(re.findall(rb";TZID=([^:;]+)[:;]", body))


def defined_tzids(body):
    return set(re.findall(rb"^TZID:(.+)$", body.replace(b"\r\n", b"\n"), re.MULTILINE))


def deadline_uid(pk):
    """The UID a deadline's VEVENT carries: the one stored with the row."""
    from events.models import Deadline

    return Deadline.objects.values_list("ical_uid", flat=True).get(pk=pk)


def event_uid(pk):
    from events.models import Event

    return Event.objects.values_list("ical_uid", flat=True).get(pk=pk)

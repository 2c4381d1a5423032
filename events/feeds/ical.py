"""iCalendar (RFC 5545) documents for the portal's calendar feeds, built with `icalendar`.

Every deadline is a VEVENT with a fixed UID (`deadline-<pk>@<host>`), its exact instant
in the zone it was announced in (with a VTIMEZONE for every TZID), SEQUENCE from
`Deadline.sequence`, DTSTAMP from its last revision, and VALARM reminders. Events are
all-day VEVENTs whose DTEND is the day after their last day (exclusive).
"""

import datetime as dt
import zoneinfo
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Timezone, vDuration
from icalendar import Event as VEvent

from ..models import Deadline, Event
from ..models.feeds import DEFAULT_ALARM_MINUTES

PRODID = "-//intl_portal//Calendar feeds 1.0//EN"
# Calendar clients are asked to poll once an hour (REFRESH-INTERVAL, X-PUBLISHED-TTL).
REFRESH_INTERVAL = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


def uid_host():
    return urlsplit(settings.PORTAL_BASE_URL).hostname or "intl-portal.invalid"


def deadline_uid(pk, host=None):
    return f"deadline-{pk}@{host or uid_host()}"


def event_uid(pk, host=None):
    return f"event-{pk}@{host or uid_host()}"


@lru_cache(maxsize=512)
def vtimezone(zone_name, first_year, last_year):
    """A VTIMEZONE for `zone_name` valid from 1 January `first_year` to `last_year`.

    Computing one walks the zone's transitions; the result is cached and never mutated.
    """
    return Timezone.from_tzid(
        zone_name, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year, 1, 1)
    )


def _dates_text(event):
    if event.start_date is None:
        return ""
    if event.end_date and event.end_date != event.start_date:
        return f"{event.start_date.isoformat()} – {event.end_date.isoformat()}"
    return event.start_date.isoformat()


def _place_text(event):
    parts = [event.venue, event.city, event.country.name if event.country else ""]
    return ", ".join(part for part in parts if part)


class _EventTexts:
    """Per-request texts of each event, computed once however many deadlines it has."""

    def __init__(self):
        self._cache = {}

    def lines(self, event):
        lines = self._cache.get(event.pk)
        if lines is None:
            lines = [event.name]
            dates, place = _dates_text(event), _place_text(event)
            if dates:
                lines.append(_("Dates: %(dates)s") % {"dates": dates})
            if place:
                lines.append(_("Place: %(place)s") % {"place": place})
            self._cache[event.pk] = lines
        return lines


def _new_calendar(*, name, description):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    if description:
        calendar.add("x-wr-caldesc", description)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    return calendar


def _alarms(summary, alarm_minutes):
    text = _("Reminder: %(summary)s") % {"summary": summary}
    for minutes in alarm_minutes:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", -dt.timedelta(minutes=minutes))
        alarm.add("description", text)
        yield alarm


def feed_calendar(
    *,
    name,
    description="",
    deadlines=(),
    events=(),
    language="en",
    alarm_minutes=DEFAULT_ALARM_MINUTES,
    mark_private=False,
):
    """An icalendar.Calendar of `deadlines` (with `event` selected) and all-day `events`.

    Texts are in `language`; `mark_private` sets CLASS:PRIVATE on what is not public.
    """
    host = uid_host()
    with translation.override(language):
        calendar = _new_calendar(name=name, description=description)
        kind_labels = {value: str(label) for value, label in Deadline.Kind.choices}
        event_kind_labels = {value: str(label) for value, label in Event.Kind.choices}
        texts = _EventTexts()
        zones = set()
        years = set()
        components = []
        for deadline in deadlines:
            components.append(
                _deadline_vevent(deadline, host, kind_labels, texts, alarm_minutes, mark_private)
            )
            if deadline.timezone != "UTC":
                zones.add(deadline.timezone)
                years.add(deadline.due_at.year)
        for event in events:
            components.append(_event_vevent(event, host, event_kind_labels, texts, mark_private))
        if zones:
            first_year, last_year = min(years) - 1, max(years) + 2
            for zone_name in sorted(zones):
                calendar.add_component(vtimezone(zone_name, first_year, last_year))
        calendar.subcomponents.extend(components)
    return calendar


def _deadline_vevent(deadline, host, kind_labels, texts, alarm_minutes, mark_private):
    event = deadline.event
    kind = kind_labels.get(deadline.kind, deadline.kind)
    if deadline.title:
        summary = _("%(kind)s: %(event)s (%(title)s)") % {
            "kind": kind,
            "event": event.name,
            "title": deadline.title,
        }
    else:
        summary = _("%(kind)s: %(event)s") % {"kind": kind, "event": event.name}
    if deadline.timezone == "UTC":
        start = deadline.due_at
    else:
        start = deadline.due_at.astimezone(zoneinfo.ZoneInfo(deadline.timezone))
    zone = "AoE" if deadline.timezone == "Etc/GMT+12" else deadline.timezone
    if deadline.is_date_only:
        announced = _("%(date)s, end of day (%(zone)s)") % {
            "date": start.date().isoformat(),
            "zone": zone,
        }
    else:
        announced = f"{start:%Y-%m-%d %H:%M} ({zone})"
    url = deadline.url or event.cfp_url or event.website_url
    lines = [*texts.lines(event), _("As announced: %(time)s") % {"time": announced}]
    if url:
        lines.append(url)

    vevent = VEvent()
    vevent.add("uid", deadline_uid(deadline.pk, host))
    # No METHOD: DTSTAMP is when the entry was last revised (RFC 5545, 3.8.7.2).
    vevent.add("dtstamp", max(deadline.updated_at, event.updated_at))
    vevent.add("dtstart", start)
    vevent.add("sequence", deadline.sequence)
    vevent.add("summary", summary)
    vevent.add("description", "\n".join(lines))
    if url:
        vevent.add("url", url)
    vevent.add("categories", [kind])
    vevent.add("transp", "TRANSPARENT")
    if mark_private and not (deadline.is_public and event.is_public):
        vevent.add("class", "PRIVATE")
    for alarm in _alarms(summary, alarm_minutes):
        vevent.add_component(alarm)
    return vevent


def _event_vevent(event, host, kind_labels, texts, mark_private):
    lines = texts.lines(event)[1:]
    if event.organizer:
        lines.append(_("Organiser: %(name)s") % {"name": event.organizer})
    if event.description:
        lines.append(event.description)
    if event.website_url:
        lines.append(event.website_url)
    vevent = VEvent()
    vevent.add("uid", event_uid(event.pk, host))
    vevent.add("dtstamp", event.updated_at)
    vevent.add("dtstart", event.start_date)
    # All-day: DTEND is the day after the last day (exclusive).
    vevent.add("dtend", event.last_day + DAY)
    vevent.add("summary", event.name)
    if lines:
        vevent.add("description", "\n".join(lines))
    place = _place_text(event)
    if place:
        vevent.add("location", place)
    if event.website_url:
        vevent.add("url", event.website_url)
    vevent.add("categories", [kind_labels.get(event.kind, event.kind)])
    vevent.add("transp", "TRANSPARENT")
    if mark_private and not event.is_public:
        vevent.add("class", "PRIVATE")
    return vevent


def calendar_bytes(calendar):
    """The RFC 5545 text: UTF-8, CRLF line endings, lines folded at 75 octets."""
    return calendar.to_ical()

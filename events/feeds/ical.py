"""The iCalendar (RFC 5545) text of the portal's calendar feeds, written directly.

Every deadline is a VEVENT whose DTSTART is its instant in UTC (`DTSTART:20260701T070000Z`):
no VTIMEZONE to get wrong, so every client — ical.js, vobject, libical, icalendar, Google,
Apple, Outlook — reads the same instant, on daylight-saving change days too. The zone the
organisers announced it in stays in the text ("Deadline as announced: 2026-07-01 09:00
(Europe/Brussels)") and in `X-INTL-PORTAL-ANNOUNCED-TZID`. Events are all-day VEVENTs whose
DTEND is the day after their last day (exclusive). An event known only to a month, part of
one or a quarter spans that period, marked approximate in its SUMMARY and DESCRIPTION and
`STATUS:TENTATIVE`; "not announced yet" has no period and is left out. Dates and deadlines
copied from last year's edition and not confirmed yet say so the same way.

UIDs are stored with the rows (`ical_uid`), so they never change. SEQUENCE is the deadline's
plus its event's: it rises when the deadline moves, when the event's dates move and when the
event is cancelled or revived. A cancelled event's entries stay, marked `STATUS:CANCELLED`,
without alarms, so that subscribed clients update their copy instead of keeping a stale one.
Items already past carry no alarms.

Each VEVENT is rendered on its own (`FeedWriter.deadline` / `FeedWriter.event` return its
bytes) so that the feeds can cache and reassemble them one by one (assembly.py).
"""

import datetime as dt
import zoneinfo

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

from ..models import Deadline, Event

PRODID = "-//intl_portal//Calendar feeds 2.0//EN"
DAY = dt.timedelta(days=1)
AOE = "Etc/GMT+12"
ANNOUNCED_ZONE_PROPERTY = "X-INTL-PORTAL-ANNOUNCED-TZID"
# Longer descriptions are cut in the feeds (the event page has the whole text).
DESCRIPTION_LIMIT = 2000
CLOSED = frozenset(Event.CLOSED_STATUSES)

# TEXT values (RFC 5545 §3.3.11): control characters other than TAB are not allowed.
_CONTROLS = dict.fromkeys((*range(0, 9), *range(10, 32), 127))
_CONTROLS[10] = "\\n"


def escape_text(value):
    """A TEXT value: backslash, semicolon and comma escaped, newlines as \\n."""
    value = str(value).replace("\r\n", "\n").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.translate(_CONTROLS)


def fold(line):
    """One content line as UTF-8 bytes, folded at 75 octets (never inside a character)."""
    data = line.encode()
    if len(data) <= 75:
        return data + b"\r\n"
    parts, start, limit = [], 0, 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        parts.append(data[start:end])
        start, limit = end, 74  # continuation lines begin with one space
    parts.append(data[start:])
    return b"\r\n ".join(parts) + b"\r\n"


def utc_stamp(instant):
    return instant.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _trigger(minutes):
    if minutes == 0:
        return "PT0S"
    if minutes % (24 * 60) == 0:
        return f"-P{minutes // (24 * 60)}D"
    if minutes % 60 == 0:
        return f"-PT{minutes // 60}H"
    return f"-PT{minutes}M"


def calendar_head(*, name, description=""):
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"NAME:{escape_text(name)}",
    ]
    if description:
        lines.append(f"X-WR-CALDESC:{escape_text(description)}")
    # Calendar clients are asked to poll once an hour.
    lines += ["REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H"]
    return b"".join(fold(line) for line in lines)


CALENDAR_TAIL = b"END:VCALENDAR\r\n"


def portal_event_url(event_id):
    return f"{settings.PORTAL_BASE_URL}{reverse('events:event_detail', kwargs={'pk': event_id})}"


class FeedWriter:
    """Renders VEVENTs in one language, with the feed's alarms; labels are looked up once.

    Rows are dictionaries (`.values()` of selectors.DEADLINE_FIELDS / EVENT_FIELDS)."""

    def __init__(self, *, language, alarm_minutes=(), mark_private=False):
        self.language = language
        self.alarm_minutes = tuple(alarm_minutes)
        self.mark_private = mark_private
        self._place = {}
        with translation.override(language):
            self.kinds = {value: str(label) for value, label in Deadline.Kind.choices}
            self.event_kinds = {value: str(label) for value, label in Event.Kind.choices}
            self.t = {
                "kind_event": _("%(kind)s: %(event)s"),
                "kind_event_title": _("%(kind)s: %(event)s (%(title)s)"),
                "cancelled_summary": _("Cancelled: %(summary)s"),
                "cancelled_line": _("This event is cancelled."),
                "dates": _("Dates: %(dates)s"),
                "place": _("Place: %(place)s"),
                "online": _("Online"),
                "and_online": _("%(place)s and online"),
                "announced": _("Deadline as announced: %(time)s"),
                "when_zone": _("%(when)s (%(zone)s)"),
                "end_of_day": _("%(date)s, end of day (%(zone)s)"),
                "portal": _("On the portal: %(url)s"),
                "organiser": _("Organiser: %(name)s"),
                "reminder": _("Reminder: %(summary)s"),
                "estimated_summary": _("%(summary)s (estimated from last year)"),
                "estimated_dates": _("Dates estimated from last year's edition; not confirmed yet."),
                "estimated_deadline": _("Date estimated from last year's edition; not confirmed yet."),
                "approximate_summary": _("%(summary)s (dates approximate)"),
                "approximate_dates": _("Dates known only approximately: %(when)s"),
            }
            self._country_names = {}
        self._portal_prefix = portal_event_url(0)[: -len("0/")]

    # --- shared texts ------------------------------------------------------------------------

    def portal_url(self, event_id):
        return f"{self._portal_prefix}{event_id}/"

    def _country(self, code):
        name = self._country_names.get(code)
        if name is None:
            with translation.override(self.language):
                name = self._country_names[code] = str(countries.name(code)) if code else ""
        return name

    def place(self, row, prefix=""):
        """Where the event is, online ones included ("Online" / "线上")."""
        key = row[f"{prefix}id"]
        place = self._place.get(key)
        if place is None:
            parts = [row[f"{prefix}venue"], row[f"{prefix}city"], self._country(row[f"{prefix}country"])]
            place = ", ".join(part for part in parts if part)
            event_format = row[f"{prefix}format"]
            if event_format == Event.Format.ONLINE:
                place = self.t["online"]
            elif event_format == Event.Format.HYBRID:
                place = self.t["and_online"] % {"place": place} if place else self.t["online"]
            self._place[key] = place
        return place

    @staticmethod
    def dates(start, end):
        if start is None:
            return ""
        if end and end != start:
            return f"{start.isoformat()} – {end.isoformat()}"
        return start.isoformat()

    # --- VEVENTs -----------------------------------------------------------------------------

    def deadline(self, row, *, past):
        """The VEVENT of one deadline row (with `event__…` fields) as bytes."""
        t = self.t
        event_name = row["event__name"]
        kind = self.kinds.get(row["kind"], row["kind"])
        if row["title"]:
            summary = t["kind_event_title"] % {"kind": kind, "event": event_name, "title": row["title"]}
        else:
            summary = t["kind_event"] % {"kind": kind, "event": event_name}
        estimated = row["due_estimated"]
        if estimated:
            summary = t["estimated_summary"] % {"summary": summary}
        cancelled = row["event__status"] == Event.Status.CANCELLED
        if cancelled:
            summary = t["cancelled_summary"] % {"summary": summary}
        zone_name = row["timezone"]
        zone = "AoE" if zone_name == AOE else zone_name
        local = row["due_at"].astimezone(_zone(zone_name))
        if row["is_date_only"]:
            announced = t["end_of_day"] % {"date": local.date().isoformat(), "zone": zone}
        else:
            announced = t["when_zone"] % {"when": f"{local:%Y-%m-%d %H:%M}", "zone": zone}
        portal = self.portal_url(row["event"])
        url = row["url"] or row["event__cfp_url"] or row["event__website_url"] or portal
        lines = [event_name]
        if cancelled:
            lines.append(t["cancelled_line"])
        dates = self.dates(row["event__start_date"], row["event__end_date"])
        if dates:
            lines.append(t["dates"] % {"dates": dates})
        place = self.place(row, "event__")
        if place:
            lines.append(t["place"] % {"place": place})
        lines.append(t["announced"] % {"time": announced})
        if estimated:
            lines.append(t["estimated_deadline"])
        if url != portal:
            lines.append(url)
        lines.append(t["portal"] % {"url": portal})
        stamp = max(row["updated_at"], row["event__updated_at"])
        out = [
            "BEGIN:VEVENT",
            f"UID:{row['ical_uid']}",
            f"DTSTAMP:{utc_stamp(stamp)}",
            f"DTSTART:{utc_stamp(row['due_at'])}",
            f"SEQUENCE:{row['sequence'] + row['event__sequence']}",
            f"SUMMARY:{escape_text(summary)}",
            f"DESCRIPTION:{escape_text(chr(10).join(lines))}",
            f"URL:{url}",
            f"CATEGORIES:{escape_text(kind)}",
            "TRANSP:TRANSPARENT",
            f"{ANNOUNCED_ZONE_PROPERTY}:{zone_name}",
        ]
        if cancelled:
            out.append("STATUS:CANCELLED")
        elif estimated:
            out.append("STATUS:TENTATIVE")
        if self.mark_private and not (row["is_public"] and row["event__is_public"]):
            out.append("CLASS:PRIVATE")
        if not past and row["event__status"] not in CLOSED:
            reminder = escape_text(t["reminder"] % {"summary": summary})
            for minutes in self.alarm_minutes:
                out += [
                    "BEGIN:VALARM",
                    "ACTION:DISPLAY",
                    f"TRIGGER:{_trigger(minutes)}",
                    f"DESCRIPTION:{reminder}",
                    "END:VALARM",
                ]
        out.append("END:VEVENT")
        return b"".join(fold(line) for line in out)

    def event(self, row):
        """The all-day VEVENT of one event row as bytes."""
        t = self.t
        cancelled = row["status"] == Event.Status.CANCELLED
        first_day, last_day = row["start_date"], row["end_date"] or row["start_date"]
        approximate_when = None
        if first_day is None:  # known only to a month, part of one or a quarter
            first_day, last_day, approximate_when = self._approximate_period(row)
        summary = row["name"]
        if approximate_when:
            summary = t["approximate_summary"] % {"summary": summary}
        if row["dates_estimated"]:
            summary = t["estimated_summary"] % {"summary": summary}
        if cancelled:
            summary = t["cancelled_summary"] % {"summary": summary}
        portal = self.portal_url(row["id"])
        url = row["website_url"] or portal
        lines = [t["cancelled_line"]] if cancelled else []
        if approximate_when:
            lines.append(t["approximate_dates"] % {"when": approximate_when})
        if row["dates_estimated"]:
            lines.append(t["estimated_dates"])
        if row["organizer"]:
            lines.append(t["organiser"] % {"name": row["organizer"]})
        description = row["description"]
        if description:
            if len(description) > DESCRIPTION_LIMIT:
                description = description[:DESCRIPTION_LIMIT] + "…"
            lines.append(description)
        if url != portal:
            lines.append(url)
        lines.append(t["portal"] % {"url": portal})
        out = [
            "BEGIN:VEVENT",
            f"UID:{row['ical_uid']}",
            f"DTSTAMP:{utc_stamp(row['updated_at'])}",
            f"DTSTART;VALUE=DATE:{first_day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{last_day + DAY:%Y%m%d}",
            f"SEQUENCE:{row['sequence']}",
            f"SUMMARY:{escape_text(summary)}",
            f"DESCRIPTION:{escape_text(chr(10).join(lines))}",
        ]
        place = self.place(row)
        if place:
            out.append(f"LOCATION:{escape_text(place)}")
        out += [
            f"URL:{url}",
            f"CATEGORIES:{escape_text(self.event_kinds.get(row['kind'], row['kind']))}",
            "TRANSP:TRANSPARENT",
        ]
        if cancelled:
            out.append("STATUS:CANCELLED")
        elif approximate_when or row["dates_estimated"]:
            out.append("STATUS:TENTATIVE")
        if self.mark_private and not row["is_public"]:
            out.append("CLASS:PRIVATE")
        out.append("END:VEVENT")
        return b"".join(fold(line) for line in out)

    def _approximate_period(self, row):
        """(first day, last day, "late June 2026" in the feed's language) of an event known
        only approximately; the period is the model's own (Event.approx_first_day …)."""
        event = Event(
            date_precision=row["date_precision"],
            approx_year=row["approx_year"],
            approx_month=row["approx_month"],
            approx_quarter=row["approx_quarter"],
        )
        with translation.override(self.language):
            when = event.when_display
        return event.approx_first_day, event.approx_last_day, when


_ZONES = {}


def _zone(name):
    zone = _ZONES.get(name)
    if zone is None:
        zone = _ZONES[name] = dt.UTC if name == "UTC" else zoneinfo.ZoneInfo(name)
    return zone

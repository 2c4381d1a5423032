"""The words of a reminder, rendered in the recipient's language."""

import dataclasses
import datetime as dt
import zoneinfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from intl_portal.common.timezones import AOE

# URL names other parts of the portal may give an event's page; the first that exists wins.


@dataclasses.dataclass(frozen=True)
class Message:
    language: str
    subject: str
    title: str
    lines: tuple
    cfp_url: str
    portal_url: str
    preferences_url: str
    close_local: str
    close_utc: str
    time_left: str

    @property
    def text(self):
        body = [*self.lines]
        if self.cfp_url:
            body.append(f"{_label('CFP', self.language)}: {self.cfp_url}")
        body.append(f"{_label('Portal', self.language)}: {self.portal_url}")
        return "\n".join(body)


def _label(which, language):
    with translation.override(language):
        return _("CFP link") if which == "CFP" else _("Portal link")


def time_left_text(delta):
    """'6 days 23 hours', '2 hours 5 minutes', 'less than a minute' (in the active language)."""
    minutes = max(round(delta.total_seconds() / 60), 0)
    days, rest = divmod(minutes, 1440)
    hours, minutes = divmod(rest, 60)
    parts = []
    if days:
        parts.append(ngettext("%(count)d day", "%(count)d days", days) % {"count": days})
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if minutes and not days:
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes})
    if not parts:
        return _("less than a minute")
    return " ".join(parts)


def format_in_zone(instant, zone_name):
    """'2025-06-30 15:59 KST (Asia/Seoul)'; AoE as 'AoE (UTC-12)'; UTC as '… UTC'."""
    local = timezone.localtime(instant, zoneinfo.ZoneInfo(zone_name))
    stamp = local.strftime("%Y-%m-%d %H:%M")
    if zone_name == "UTC":
        return f"{stamp} UTC"
    if zone_name == AOE:
        return f"{stamp} AoE (UTC-12)"
    abbreviation = local.tzname() or ""
    if abbreviation[:1] in "+-":
        offset = local.strftime("%z")
        abbreviation = f"UTC{offset[:3]}:{offset[3:]}"
    return f"{stamp} {abbreviation} ({zone_name})"


def event_portal_url(event):
    return settings.PORTAL_BASE_URL + reverse("events:event_detail", args=[event.pk])


def render_message(*, deadline, language, now, offset=None):
    """The message for `deadline` as seen at `now`, in `language` ('en' or 'zh-hans')."""
    event = deadline.event
    with translation.override(language):
        kind = deadline.get_kind_display()
        what = f"{kind} · {deadline.title}" if deadline.title else str(kind)
        left = time_left_text(deadline.due_at - now)
        close_local = format_in_zone(deadline.due_at, deadline.timezone)
        close_utc = format_in_zone(deadline.due_at, "UTC")
        title = _("%(event)s: %(deadline)s in %(left)s") % {
            "event": event.name,
            "deadline": what,
            "left": left,
        }
        lines = (
            _("Event: %(event)s") % {"event": event.name},
            _("Deadline: %(deadline)s") % {"deadline": what},
            _("Time left: %(left)s") % {"left": left},
            _("Closes: %(local)s") % {"local": close_local},
            _("In UTC: %(utc)s") % {"utc": close_utc},
        )
        if deadline.is_date_only:
            lines += (_("Announced as a date only: it closes at 23:59 of that day."),)
        subject = "[intl_portal] " + title
    return Message(
        language=language,
        subject=subject,
        title=title,
        lines=lines,
        cfp_url=deadline.url or event.cfp_url or event.website_url,
        portal_url=event_portal_url(event),
        preferences_url=settings.PORTAL_BASE_URL + reverse("my_reminders"),
        close_local=close_local,
        close_utc=close_utc,
        time_left=left,
    )


def utc_iso(instant):
    return instant.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def trip_portal_url(participation):
    return settings.PORTAL_BASE_URL + reverse("travel:trip", args=[participation.pk])


def render_travel_message(*, step, language, now):
    """The reminder of a travel step (events/travel) as seen at `now`, in `language`."""
    participation = step.participation
    event = participation.event
    zone = event.timezone or "UTC"
    with translation.override(language):
        what = str(step.get_kind_display())
        left = time_left_text(step.due_at - now)
        due_local = format_in_zone(step.due_at, zone)
        due_utc = format_in_zone(step.due_at, "UTC")
        title = _("%(event)s: %(step)s due in %(left)s") % {"event": event.name, "step": what, "left": left}
        lines = (
            _("Trip: %(event)s (%(traveller)s)") % {"event": event.name, "traveller": participation.member},
            _("Step: %(step)s") % {"step": what},
            _("Time left: %(left)s") % {"left": left},
            _("Due: %(local)s") % {"local": due_local},
            _("In UTC: %(utc)s") % {"utc": due_utc},
        )
        subject = "[intl_portal] " + title
    return Message(
        language=language,
        subject=subject,
        title=title,
        lines=lines,
        cfp_url="",
        portal_url=trip_portal_url(participation),
        preferences_url=settings.PORTAL_BASE_URL + reverse("my_reminders"),
        close_local=due_local,
        close_utc=due_utc,
        time_left=left,
    )

"""The words of a reminder, rendered in the recipient's language."""

import dataclasses
import datetime as dt
import zoneinfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from intl_portal.common.timezones import AOE, zone_abbreviation

# URL names other parts of the portal may give an event's page; the first that exists wins.


@dataclasses.dataclass(frozen=True)
class Message:
    """A rendered message, whatever it says (a deadline reminder, a weekly digest, a test):
    each channel's adapter lays it out in its own format.

    `fields`: key facts as (label, value) pairs; `blocks`: further text as (heading or
    None, lines); `links`: (label, URL) buttons; `data`: the JSON a generic webhook gets."""

    language: str
    kind: str
    subject: str
    title: str
    fields: tuple = ()
    blocks: tuple = ()
    links: tuple = ()
    preferences_url: str = ""
    data: dict = dataclasses.field(default_factory=dict, compare=False)

    @property
    def field_lines(self):
        with translation.override(self.language):
            return tuple(
                _("%(label)s: %(value)s") % {"label": label, "value": value} for label, value in self.fields
            )

    @property
    def lines(self):
        lines = list(self.field_lines)
        for heading, items in self.blocks:
            if heading:
                lines.append(heading)
            lines += [f"· {item}" if heading else item for item in items]
        return tuple(lines)

    @property
    def text(self):
        with translation.override(self.language):
            link_lines = tuple(
                _("%(label)s: %(value)s") % {"label": label, "value": url} for label, url in self.links
            )
        return "\n".join((*self.lines, *link_lines))

    def shortened(self, keep):
        """The message with each block cut to `keep` lines, the cut ones counted."""
        blocks = []
        with translation.override(self.language):
            for heading, items in self.blocks:
                if len(items) > keep:
                    more = len(items) - keep
                    items = (
                        *items[:keep],
                        ngettext("… and %(count)d more", "… and %(count)d more", more) % {"count": more},
                    )
                blocks.append((heading, tuple(items)))
        return dataclasses.replace(self, blocks=tuple(blocks))


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
    return f"{stamp} {zone_abbreviation(local, zone_name)} ({zone_name})"


def event_portal_url(event):
    return settings.PORTAL_BASE_URL + reverse("events:event_detail", args=[event.pk])


BEIJING = "Asia/Shanghai"


def estimated_mark():
    """What follows a deadline copied from last year's edition and not confirmed yet (in the
    active language): its date is a guess."""
    return _(" (estimated from last year)")


def render_message(*, deadline, language, now, offset=None):
    """The reminder for `deadline` as seen at `now`, in `language` ('en' or 'zh-hans')."""
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
        if deadline.due_estimated:
            title += estimated_mark()
        fields = [
            (_("Event"), event.name),
            (_("Deadline"), what),
            (_("Time left"), left),
            (_("Closes"), close_local),
        ]
        if deadline.timezone != BEIJING:
            fields.append((_("Beijing time"), format_in_zone(deadline.due_at, BEIJING)))
        fields.append((_("In UTC"), close_utc))
        notes = ()
        if deadline.due_estimated:
            notes += (
                _(
                    "This date is estimated from last year's edition and not confirmed yet: "
                    "check the organisers' page before relying on it."
                ),
            )
        if deadline.is_date_only:
            notes += (_("Announced as a date only: it closes at 23:59 of that day."),)
        cfp_url = deadline.url or event.cfp_url or event.website_url
        portal_url = event_portal_url(event)
        links = ((_("CFP link"), cfp_url),) if cfp_url else ()
        links += ((_("Portal link"), portal_url),)
        subject = "[intl_portal] " + title
    return Message(
        language=language,
        kind="deadline_reminder",
        subject=subject,
        title=title,
        fields=tuple((str(label), value) for label, value in fields),
        blocks=((None, tuple(str(note) for note in notes)),) if notes else (),
        links=tuple((str(label), url) for label, url in links),
        preferences_url=settings.PORTAL_BASE_URL + reverse("my_reminders"),
        data={
            "type": "deadline_reminder",
            "language": language,
            "subject": subject,
            "event": {"id": event.pk, "name": event.name},
            "deadline": {
                "id": deadline.pk,
                "kind": deadline.kind,
                "title": deadline.title,
                "due_at": utc_iso(deadline.due_at),
                "timezone": deadline.timezone,
                "local": deadline.local_due_at.isoformat(),
                "is_date_only": deadline.is_date_only,
                "estimated": deadline.due_estimated,
            },
            "time_left": left,
            "close_local": close_local,
            "close_utc": close_utc,
            "cfp_url": cfp_url,
            "portal_url": portal_url,
        },
    )


def render_test_message(*, channel_name, language, now):
    """What "test this channel" sends."""
    with translation.override(language):
        title = _("intl_portal: test message")
        fields = (
            (str(_("Channel")), channel_name),
            (str(_("Sent at")), format_in_zone(now, BEIJING)),
        )
        notes = (str(_("If you can read this, deadline reminders and digests will arrive here.")),)
        portal = settings.PORTAL_BASE_URL + reverse("events:calendar")
        links = ((str(_("Portal link")), portal),)
    return Message(
        language=language,
        kind="channel_test",
        subject="[intl_portal] " + title,
        title=str(title),
        fields=fields,
        blocks=((None, notes),),
        links=links,
        data={"type": "channel_test", "language": language, "title": str(title), "channel": channel_name},
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
        fields = (
            (_("Trip"), f"{event.name} ({participation.member})"),
            (_("Step"), what),
            (_("Time left"), left),
            (_("Due"), due_local),
            (_("In UTC"), due_utc),
        )
        trip_url = trip_portal_url(participation)
        links = ((str(_("Portal link")), trip_url),)
        subject = "[intl_portal] " + title
    return Message(
        language=language,
        kind="travel_step_reminder",
        subject=subject,
        title=title,
        fields=tuple((str(label), value) for label, value in fields),
        links=links,
        preferences_url=settings.PORTAL_BASE_URL + reverse("my_reminders"),
        data={
            "type": "travel_step_reminder",
            "language": language,
            "subject": subject,
            "event": {"id": event.pk, "name": event.name},
            "step": {"id": step.pk, "kind": step.kind, "due_at": utc_iso(step.due_at)},
            "time_left": left,
            "due_local": due_local,
            "portal_url": trip_url,
        },
    )

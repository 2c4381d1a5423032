"""Deadlines of an event (CFP open and close, notifications, registration, …).

The instant is stored in UTC; the zone it was announced in is kept beside it, so it
can be shown as announced ("15:59 KST") and in the viewer's zone.
"""

import dataclasses
import zoneinfo

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from intl_portal.common.dates import instant_in_range
from intl_portal.common.fields import BoundedTextField
from intl_portal.common.timezones import validate_zone_name, zone_label

from .calendar_uid import new_calendar_uid


class Deadline(models.Model):
    class Kind(models.TextChoices):
        CFP_OPEN = "cfp_open", _("CFP opens")
        CFP_CLOSE = "cfp_close", _("CFP closes")
        SPEAKER_NOTIFICATION = "speaker_notification", _("Speaker notification")
        REGISTRATION = "registration", _("Registration")
        BOOTH_APPLICATION = "booth_application", _("Booth application")
        TRAVEL_GRANT = "travel_grant", _("Travel grant")
        OTHER = "other", pgettext_lazy("deadline kind", "Other")

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="deadlines"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.CFP_CLOSE)
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Optional, e.g. the track's name.")
    )
    due_at = models.DateTimeField(_("due (UTC)"))
    timezone = models.CharField(
        _("announced time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_zone_name],
        help_text=_("The zone the organisers announced it in; AoE is Etc/GMT+12."),
    )
    is_date_only = models.BooleanField(
        _("date only"), default=False, help_text=_("Announced without a time: 23:59 of that day.")
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    note = BoundedTextField(_("note"), blank=True)
    due_estimated = models.BooleanField(
        _("date estimated from last year"),
        default=False,
        help_text=_("Set on a copy to the next edition until a coordinator confirms the date."),
    )
    # Raised each time the instant moves, so calendar clients replace the old entry.
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    # The calendar UID, fixed for the row's life whatever the site's address becomes.
    ical_uid = models.CharField(
        _("calendar UID"), max_length=255, unique=True, editable=False, default=new_calendar_uid
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["due_at"]
        indexes = [models.Index(fields=["due_at"]), models.Index(fields=["kind", "due_at"])]
        constraints = [instant_in_range("due_at", "deadline_due_in_range")]

    def __str__(self):
        return f"{self.event} · {self.get_kind_display()}"

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def local_due_at(self):
        """The instant in the zone it was announced in."""
        return timezone.localtime(self.due_at, self.tz)

    @property
    def zone_label(self):
        return zone_label(self.timezone)

    @property
    def tracker_source(self):
        """The public tracker record this deadline was taken from (its source's name and the
        rule it states), or None. Read where the deadline is shown, in the reader's language;
        never written into the note. Only a selected link is read (callers select_related
        "tracker_link__source_deadline__listing__source"): no query per deadline."""
        if not Deadline.tracker_link.is_cached(self):
            return None
        try:
            record = self.tracker_link.source_deadline
        except ObjectDoesNotExist:
            return None
        if record is None:
            return None
        return TrackerSource(name=record.listing.source.name, rule=record.rule)


@dataclasses.dataclass(frozen=True)
class TrackerSource:
    name: str
    rule: str

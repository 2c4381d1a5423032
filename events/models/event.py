"""Conferences and other events the group considers, attends or declines."""

import zoneinfo

from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from intl_portal.common.dates import date_in_range
from intl_portal.common.fields import BoundedTextField
from intl_portal.common.timezones import validate_zone_name

from .calendar_uid import new_calendar_uid


class Tag(models.Model):
    slug = models.SlugField(_("code"), max_length=50, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=50)
    name_zh = models.CharField(_("name (Chinese)"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["slug"]

    def __str__(self):
        if (get_language() or "").startswith("zh") and self.name_zh:
            return self.name_zh
        return self.name_en


class Event(models.Model):
    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        SUMMIT = "summit", _("Summit")
        WEBINAR = "webinar", _("Webinar")
        MEETUP = "meetup", _("Meetup")
        WORKSHOP = "workshop", _("Workshop")
        OTHER = "other", pgettext_lazy("event kind", "Other")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        IDEA = "idea", pgettext_lazy("event status", "Idea")
        CONSIDERING = "considering", _("Considering")
        PLANNED = "planned", _("Planned")
        CONFIRMED = "confirmed", pgettext_lazy("event status", "Confirmed")
        DECLINED = "declined", pgettext_lazy("event status", "Declined")
        CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")
        ATTENDED = "attended", pgettext_lazy("event status", "Attended")

    class Priority(models.IntegerChoices):
        HIGH = 1, _("High")
        NORMAL = 2, _("Normal")
        LOW = 3, _("Low")

    # Statuses after which the group is no longer going: no reminders, no booking checks.
    CLOSED_STATUSES = (Status.DECLINED, Status.CANCELLED)

    name = models.CharField(_("name"), max_length=200)
    series = models.CharField(
        _("series"), max_length=100, blank=True, help_text=_("e.g. FOSDEM, COSCUP; editions share it.")
    )
    edition_year = models.PositiveSmallIntegerField(_("edition year"), null=True, blank=True)
    organizer = models.CharField(_("organizer"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CONFERENCE)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.IN_PERSON)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_zone_name],
        help_text=_("IANA name of the place, e.g. Europe/Brussels."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country/region"), blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    website_url = models.URLField(_("website"), max_length=500, blank=True)
    cfp_url = models.URLField(_("CFP page"), max_length=500, blank=True)
    registration_url = models.URLField(_("registration page"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONSIDERING)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Shown to visitors who are not signed in.")
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="events")
    description = BoundedTextField(_("description"), blank=True)
    notes = BoundedTextField(_("internal notes"), blank=True)
    decision_notes = BoundedTextField(_("decision notes"), blank=True)
    alternatives = models.ManyToManyField(
        "self",
        verbose_name=_("either-or alternatives"),
        blank=True,
        symmetrical=True,
        help_text=_("Events of which the group will attend only one (二选一)."),
    )
    review = BoundedTextField(_("post-event review"), blank=True)
    # Raised when the event's dates move or it is cancelled (or revived), so calendar clients
    # replace their copy of its all-day entry and of its deadlines' entries.
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    # The calendar UID, fixed for the row's life whatever the site's address becomes.
    ical_uid = models.CharField(
        _("calendar UID"), max_length=255, unique=True, editable=False, default=new_calendar_uid
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = [F("start_date").asc(nulls_last=True), "name"]
        indexes = [
            models.Index(fields=["start_date", "end_date"]),
            models.Index(fields=["status"]),
            models.Index(fields=["series", "edition_year"]),
        ]
        constraints = [
            date_in_range("start_date", "event_start_in_range"),
            date_in_range("end_date", "event_end_in_range"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=False),
                name="event_end_needs_start",
                violation_error_message=_("An event with an end date needs a start date."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="event_end_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.timezone) if self.timezone else None

    @property
    def last_day(self):
        return self.end_date or self.start_date

    @property
    def is_closed(self):
        return self.status in self.CLOSED_STATUSES

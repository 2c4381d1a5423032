"""Conferences and other events the group considers, attends or declines."""

import calendar as pycalendar
import datetime as dt
import zoneinfo

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from intl_portal.common.dates import date_in_range
from intl_portal.common.day_ranges import day_range
from intl_portal.common.fields import BoundedTextField
from intl_portal.common.timezones import validate_zone_name

from .calendar_uid import new_calendar_uid

# A month as an approximate date names it: "June" in "late June 2026", "6月" in "2026年6月下旬"
# (Django's month names give "六月", which a date in Chinese does not use).
APPROXIMATE_MONTHS = {
    1: pgettext_lazy("approximate date", "January"),
    2: pgettext_lazy("approximate date", "February"),
    3: pgettext_lazy("approximate date", "March"),
    4: pgettext_lazy("approximate date", "April"),
    5: pgettext_lazy("approximate date", "May"),
    6: pgettext_lazy("approximate date", "June"),
    7: pgettext_lazy("approximate date", "July"),
    8: pgettext_lazy("approximate date", "August"),
    9: pgettext_lazy("approximate date", "September"),
    10: pgettext_lazy("approximate date", "October"),
    11: pgettext_lazy("approximate date", "November"),
    12: pgettext_lazy("approximate date", "December"),
}


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

    class DatePrecision(models.TextChoices):
        """How well the dates are known (the plan's "6月底", "11月", "日期未定")."""

        EXACT = "exact", _("Exact dates")
        MONTH = "month", _("A month")
        EARLY_MONTH = "early_month", _("Early in a month")
        MID_MONTH = "mid_month", _("Mid-month")
        LATE_MONTH = "late_month", _("Late in a month")
        QUARTER = "quarter", _("A quarter")
        UNANNOUNCED = "unannounced", _("Not announced yet")

    MONTH_PRECISIONS = (
        DatePrecision.MONTH,
        DatePrecision.EARLY_MONTH,
        DatePrecision.MID_MONTH,
        DatePrecision.LATE_MONTH,
    )

    # Statuses after which the group is no longer going: no reminders, no booking checks.
    CLOSED_STATUSES = (Status.DECLINED, Status.CANCELLED)
    # What the public "where to meet us" window may show: events the group is going to (or
    # went to) or is considering; never an idea, a declined or a cancelled event.
    PUBLIC_STATUSES = (Status.CONSIDERING, Status.PLANNED, Status.CONFIRMED, Status.ATTENDED)

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
    date_precision = models.CharField(
        _("date precision"),
        max_length=20,
        choices=DatePrecision.choices,
        default=DatePrecision.EXACT,
        help_text=_("Exact dates, or only a month, part of a month, a quarter, or not announced yet."),
    )
    approx_year = models.PositiveSmallIntegerField(_("approximate year"), null=True, blank=True)
    approx_month = models.PositiveSmallIntegerField(_("approximate month"), null=True, blank=True)
    approx_quarter = models.PositiveSmallIntegerField(_("approximate quarter"), null=True, blank=True)
    dates_estimated = models.BooleanField(
        _("dates estimated from last year"),
        default=False,
        help_text=_("Set on a copy to the next edition until a coordinator confirms its dates."),
    )
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
    # A member's proposal (列出任何觉得可以参加的活动): who proposed it, why, and what the
    # coordinators answered (shown to the proposer) or which event it duplicated.
    proposed_by = models.ForeignKey(
        "members.Member",
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_events",
    )
    proposal_reason = BoundedTextField(_("why it matters"), blank=True)
    triage_reason = BoundedTextField(_("answer to the proposer"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_proposals",
    )
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
            models.CheckConstraint(
                condition=Q(date_precision="exact") | Q(start_date__isnull=True, end_date__isnull=True),
                name="event_approximate_has_no_exact_dates",
                violation_error_message=_("An event with approximate dates cannot also have exact dates."),
            ),
            models.CheckConstraint(
                condition=~Q(date_precision="exact")
                | Q(approx_year__isnull=True, approx_month__isnull=True, approx_quarter__isnull=True),
                name="event_exact_has_no_approximation",
                violation_error_message=_("An event with exact dates has no approximate month or quarter."),
            ),
            models.CheckConstraint(
                condition=~Q(date_precision__in=["month", "early_month", "mid_month", "late_month"])
                | Q(approx_year__isnull=False, approx_month__isnull=False, approx_quarter__isnull=True),
                name="event_approximate_month_given",
                violation_error_message=_("Give the year and the month of the approximate date."),
            ),
            models.CheckConstraint(
                condition=~Q(date_precision="quarter")
                | Q(approx_year__isnull=False, approx_quarter__isnull=False, approx_month__isnull=True),
                name="event_approximate_quarter_given",
                violation_error_message=_("Give the year and the quarter of the approximate date."),
            ),
            models.CheckConstraint(
                condition=~Q(date_precision="unannounced")
                | Q(approx_month__isnull=True, approx_quarter__isnull=True),
                name="event_unannounced_has_no_month",
                violation_error_message=_("Dates not announced yet have no month or quarter."),
            ),
            models.CheckConstraint(
                condition=Q(approx_year__isnull=True) | Q(approx_year__gte=1990, approx_year__lte=2100),
                name="event_approx_year_in_range",
                violation_error_message=_("Dates must fall between 1990 and 2100."),
            ),
            models.CheckConstraint(
                condition=Q(approx_month__isnull=True) | Q(approx_month__gte=1, approx_month__lte=12),
                name="event_approx_month_valid",
                violation_error_message=_("A month is a number from 1 to 12."),
            ),
            models.CheckConstraint(
                condition=Q(approx_quarter__isnull=True) | Q(approx_quarter__gte=1, approx_quarter__lte=4),
                name="event_approx_quarter_valid",
                violation_error_message=_("A quarter is a number from 1 to 4."),
            ),
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | ~Q(merged_into=F("pk")),
                name="event_not_merged_into_itself",
                violation_error_message=_("An event cannot be a duplicate of itself."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:event_detail", args=[self.pk])

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.timezone) if self.timezone else None

    @property
    def last_day(self):
        return self.end_date or self.start_date

    @property
    def is_closed(self):
        return self.status in self.CLOSED_STATUSES

    @property
    def is_over(self):
        """Attended, or its last day has ended where it takes place (in its zone; without one,
        in the portal's): too late to sign up or answer. The same for every reader and door,
        whatever zone the request runs in."""
        if self.status == self.Status.ATTENDED:
            return True
        today = timezone.localdate(timezone=self.tz or timezone.get_default_timezone())
        return self.last_day is not None and self.last_day < today

    # --- approximate dates ---------------------------------------------------------------

    @property
    def is_approximate(self):
        return self.date_precision != self.DatePrecision.EXACT

    @property
    def approx_first_day(self):
        """The first day of the approximate period (None for exact or unannounced dates)."""
        return self._approx_period()[0]

    @property
    def approx_last_day(self):
        return self._approx_period()[1]

    def _approx_period(self):
        precision, year = self.date_precision, self.approx_year
        if precision in self.MONTH_PRECISIONS and year and self.approx_month:
            last = pycalendar.monthrange(year, self.approx_month)[1]
            first_day, last_day = {
                self.DatePrecision.EARLY_MONTH: (1, 10),
                self.DatePrecision.MID_MONTH: (11, 20),
                self.DatePrecision.LATE_MONTH: (21, last),
            }.get(precision, (1, last))
            return dt.date(year, self.approx_month, first_day), dt.date(year, self.approx_month, last_day)
        if precision == self.DatePrecision.QUARTER and year and self.approx_quarter:
            first_month = (self.approx_quarter - 1) * 3 + 1
            last = pycalendar.monthrange(year, first_month + 2)[1]
            return dt.date(year, first_month, 1), dt.date(year, first_month + 2, last)
        return None, None

    @property
    def sort_date(self):
        """Where the event sits in time: its start, or the start of its approximate period."""
        if self.start_date:
            return self.start_date
        first = self.approx_first_day
        if first:
            return first
        return dt.date(self.approx_year, 12, 31) if self.approx_year else None

    @property
    def triage_answer(self):
        """The coordinators' answer to a proposal: their reason, or for a proposal merged into
        an event already on the calendar without one, where it is (in the reader's language)."""
        if self.triage_reason or not self.merged_into_id:
            return self.triage_reason
        return gettext("Already on the calendar as %(name)s.") % {"name": self.merged_into.name}

    @property
    def when_display(self):
        """The dates as a reader wants them: "June 3 – 5, 2026", "late June 2026" / "2026年6月下旬",
        "Q3 2026" / "2026年第3季度", "2026, dates not announced yet" / "2026年，日期未公布"."""
        precision = self.date_precision
        if precision == self.DatePrecision.EXACT:
            if not self.start_date:
                return gettext("not yet known")
            return day_range(self.start_date, self.end_date, year=True)
        values = {"year": self.approx_year, "quarter": self.approx_quarter}
        if self.approx_month:
            values["month_name"] = APPROXIMATE_MONTHS[self.approx_month]
        if precision == self.DatePrecision.MONTH:
            return pgettext("approximate date", "%(month_name)s %(year)s") % values
        if precision == self.DatePrecision.EARLY_MONTH:
            return pgettext("approximate date", "early %(month_name)s %(year)s") % values
        if precision == self.DatePrecision.MID_MONTH:
            return pgettext("approximate date", "mid-%(month_name)s %(year)s") % values
        if precision == self.DatePrecision.LATE_MONTH:
            return pgettext("approximate date", "late %(month_name)s %(year)s") % values
        if precision == self.DatePrecision.QUARTER:
            return pgettext("approximate date", "Q%(quarter)s %(year)s") % values
        if self.approx_year:
            return pgettext("approximate date", "%(year)s, dates not announced yet") % values
        return pgettext("approximate date", "dates not announced yet")

"""A member's request that an event's dates change ("the organisers announced 12–14 June"),
answered by a coordinator on the triage page."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from intl_portal.common.dates import date_in_range
from intl_portal.common.fields import BoundedTextField
from intl_portal.common.text import labelled

from .event import Event

# The date fields a request carries: the same as an event's (and a proposal's).
DATE_FIELDS = ("date_precision", "start_date", "end_date", "approx_year", "approx_month", "approx_quarter")


class DateChangeRequest(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("date change", "Waiting")
        ACCEPTED = "accepted", pgettext_lazy("date change", "Accepted")
        DECLINED = "declined", pgettext_lazy("date change", "Declined")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="date_change_requests"
    )
    requested_by = models.ForeignKey(
        "members.Member",
        verbose_name=_("asked by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="date_change_requests",
    )
    date_precision = models.CharField(
        _("date precision"),
        max_length=20,
        choices=Event.DatePrecision.choices,
        default=Event.DatePrecision.EXACT,
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    approx_year = models.PositiveSmallIntegerField(_("approximate year"), null=True, blank=True)
    approx_month = models.PositiveSmallIntegerField(_("approximate month"), null=True, blank=True)
    approx_quarter = models.PositiveSmallIntegerField(_("approximate quarter"), null=True, blank=True)
    reason = BoundedTextField(_("why (where the new dates come from)"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    answer = BoundedTextField(_("answer to the member"), blank=True)
    decided_by = models.ForeignKey(
        "members.Member",
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)

    class Meta:
        verbose_name = _("date change request")
        verbose_name_plural = _("date change requests")
        ordering = ["created_at", "pk"]
        constraints = [
            date_in_range("start_date", "datechange_start_in_range"),
            date_in_range("end_date", "datechange_end_in_range"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="datechange_end_after_start",
                violation_error_message=_("The end date is before the start date."),
            ),
            models.UniqueConstraint(
                fields=["event", "requested_by"],
                condition=Q(status="open"),
                name="datechange_one_open_per_member",
                violation_error_message=_(
                    "You already asked for other dates for this event; wait for the answer."
                ),
            ),
        ]

    def __str__(self):
        # The event by name (admin selects it), then the dates asked for.
        return labelled(self.event.name, self.requested_dates.when_display)

    @property
    def requested_dates(self):
        """An unsaved Event holding the requested dates, to show them as events are shown."""
        return Event(**{name: getattr(self, name) for name in DATE_FIELDS})

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

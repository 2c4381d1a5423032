"""Travel readiness: what a passport needs to enter a country, the steps of each trip with
their due dates, and the community's support letters.

The requirement table is seeded from the Passport Index Dataset (see events/travel/seed.py
for the attribution) and edited by coordinators; a trip's steps are computed by
events/travel/timeline.py and written by events/travel/services.py.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from intl_portal.common.dates import date_in_range
from intl_portal.common.fields import BoundedTextField
from intl_portal.common.languages import Language
from intl_portal.common.text import labelled, with_aside


class TravelRequirement(models.Model):
    """What a holder of a passport of `passport` needs to enter `destination`."""

    class Kind(models.TextChoices):
        VISA_FREE = "visa_free", _("Visa free")
        VISA_ON_ARRIVAL = "visa_on_arrival", _("Visa on arrival")
        E_VISA = "e_visa", _("E-visa")
        ETA = "eta", _("Electronic travel authorisation (ETA)")
        VISA_REQUIRED = "visa_required", _("Visa required")
        ENTRY_PERMIT = "entry_permit", _("Entry permit")
        NO_ADMISSION = "no_admission", _("No admission")
        OWN_COUNTRY = "own_country", _("Own country")

    # Kinds for which something must be applied for before travelling, with letters and a fallback.
    APPLICATION_KINDS = (Kind.VISA_REQUIRED, Kind.E_VISA, Kind.ENTRY_PERMIT)

    passport = CountryField(_("passport"))
    destination = CountryField(_("destination"))
    kind = models.CharField(_("requirement"), max_length=20, choices=Kind.choices)
    visa_free_days = models.PositiveSmallIntegerField(
        _("days without a visa"), null=True, blank=True, help_text=_("For visa free: how many days.")
    )
    lead_time_days = models.PositiveSmallIntegerField(
        _("lead time (days)"),
        default=0,
        help_text=_("Apply at least this many days before the event starts, e.g. Schengen 56, US 112."),
    )
    notes = BoundedTextField(_("notes"), blank=True)
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the requirement comes from, e.g. the Passport Index dataset and its date."),
    )
    source_date = models.DateField(_("source date"), null=True, blank=True)
    edited_by_coordinator = models.BooleanField(_("edited by a coordinator"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("travel requirement")
        verbose_name_plural = _("travel requirements")
        ordering = ["passport", "destination"]
        constraints = [
            models.UniqueConstraint(fields=["passport", "destination"], name="travelrequirement_unique_pair"),
            date_in_range("source_date", "travelrequirement_source_date_in_range"),
            models.CheckConstraint(
                condition=Q(lead_time_days__lte=365),
                name="travelrequirement_lead_time_at_most_a_year",
                violation_error_message=_("A lead time is at most 365 days."),
            ),
        ]

    def __str__(self):
        return labelled(f"{self.passport.name} → {self.destination.name}", self.get_kind_display())

    @property
    def needs_application(self):
        return self.kind in self.APPLICATION_KINDS


class TravelStep(models.Model):
    """One step of a trip (a participation that involves travel), with its due date."""

    class Kind(models.TextChoices):
        CHECK_REQUIREMENT = "check_requirement", _("Check the entry requirement")
        INVITATION_LETTER = "invitation_letter", _("Request the organiser's invitation letter")
        SUPPORT_LETTER = "support_letter", _("Issue the community's support letter")
        BUDGET_APPROVED = "budget_approved", _("Get the budget line approved")
        APPLY_VISA = "apply_visa", _("Apply for the visa or permit")
        BOOK_TRAVEL = "book_travel", _("Book travel (refundable until the visa is granted)")
        FALLBACK_DECISION = "fallback_decision", _("Fallback decision: remote talk or another speaker")

    class Owner(models.TextChoices):
        TRAVELLER = "traveller", _("Traveller")
        COORDINATORS = "coordinators", _("Coordinators")

    class State(models.TextChoices):
        OPEN = "open", pgettext_lazy("travel step", "To do")
        DONE = "done", pgettext_lazy("travel step", "Done")
        NOT_NEEDED = "not_needed", pgettext_lazy("travel step", "Not needed")

    participation = models.ForeignKey(
        "events.Participation",
        verbose_name=_("participation"),
        on_delete=models.CASCADE,
        related_name="travel_steps",
    )
    kind = models.CharField(_("step"), max_length=30, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    owner = models.CharField(_("owner"), max_length=20, choices=Owner.choices)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.OPEN)
    due_date = models.DateField(_("due date (event's zone)"))
    # The end of the due date in the event's zone, in UTC: what reminders count back from.
    due_at = models.DateTimeField(_("due (UTC)"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("travel step")
        verbose_name_plural = _("travel steps")
        ordering = ["participation", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["participation", "kind"], name="travelstep_unique_kind"),
            date_in_range("due_date", "travelstep_due_in_range"),
        ]

    def __str__(self):
        return f"{self.participation} · {self.get_kind_display()}"


class SupportLetterTemplate(models.Model):
    """The community's support letter, one text per language, edited by coordinators.

    Placeholders: {traveller}, {passport_number}, {passport_country}, {event}, {city},
    {country}, {start_date}, {end_date}, {role}, {reference}, {date}, {signer}, {organisation}.
    """

    language = models.CharField(_("language"), max_length=10, choices=Language.choices, unique=True)
    organisation = models.CharField(_("organisation"), max_length=200)
    title = models.CharField(_("title"), max_length=200)
    body = BoundedTextField(_("body"), help_text=_("Placeholders in braces, e.g. {traveller}, {event}."))
    signer_name = models.CharField(_("signed by"), max_length=100)
    signer_title = models.CharField(_("signer's title"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("support letter template")
        verbose_name_plural = _("support letter templates")
        ordering = ["language"]

    def __str__(self):
        return with_aside(self.title, self.get_language_display())


class SupportLetter(models.Model):
    """A support letter issued for one trip. The passport number is typed each time the PDF
    is made and never stored."""

    participation = models.ForeignKey(
        "events.Participation",
        verbose_name=_("participation"),
        on_delete=models.CASCADE,
        related_name="support_letters",
    )
    language = models.CharField(_("language"), max_length=10)
    reference = models.CharField(_("reference number"), max_length=40, unique=True)
    signer_name = models.CharField(_("signed by"), max_length=100)
    issued_on = models.DateField(_("date"))
    issued_by = models.ForeignKey(
        "members.Member",
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("support letter")
        verbose_name_plural = _("support letters")
        ordering = ["-issued_on", "-id"]
        constraints = [date_in_range("issued_on", "supportletter_issued_in_range")]

    def __str__(self):
        return self.reference

"""The travel budget: a yearly budget approved by the executive committee / council,
its planned lines, the expenses actually made, and the exchange rates reports use."""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from intl_portal.common.currencies import CURRENCY_CHOICES, REPORTING_CURRENCY, validate_currency
from intl_portal.common.dates import date_in_range
from intl_portal.common.fields import BoundedTextField
from intl_portal.common.text import with_aside

from .history import ExplicitHistory
from .receipts import validate_receipt

MONEY = {"max_digits": 14, "decimal_places": 2}


class Category(models.TextChoices):
    TRAVEL = "travel", _("Travel")
    LODGING = "lodging", _("Lodging")
    REGISTRATION = "registration", pgettext_lazy("expense category", "Registration")
    BOOTH = "booth", pgettext_lazy("expense category", "Booth")
    SWAG = "swag", _("Swag and printing")
    VISA = "visa", _("Visa")
    OTHER = "other", pgettext_lazy("expense category", "Other")


class Budget(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", pgettext_lazy("budget status", "Submitted")
        APPROVED = "approved", pgettext_lazy("budget status", "Approved")
        REJECTED = "rejected", pgettext_lazy("budget status", "Rejected")
        CLOSED = "closed", _("Closed")

    class ApprovalBody(models.TextChoices):
        EXECUTIVE_COMMITTEE = "executive_committee", _("Executive committee")
        COUNCIL = "council", _("Council")
        EXECUTIVE_COMMITTEE_AND_COUNCIL = "both", _("Executive committee and council")

    title = models.CharField(_("title"), max_length=200)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    currency = models.CharField(
        _("currency"),
        max_length=3,
        choices=CURRENCY_CHOICES,
        default=REPORTING_CURRENCY,
        validators=[validate_currency],
    )
    total = models.DecimalField(_("total"), **MONEY)
    planned_person_trips = models.PositiveIntegerField(_("planned person-trips"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    approval_body = models.CharField(
        _("approved by (body)"), max_length=30, choices=ApprovalBody.choices, blank=True
    )
    revision = models.PositiveIntegerField(_("revision"), default=1)
    approved_revision = models.PositiveIntegerField(
        _("last approved revision"),
        null=True,
        blank=True,
        help_text=_("The revision in force while a newer one is drafted or submitted."),
    )
    approved_total = models.DecimalField(
        _("last approved total"), null=True, blank=True, editable=False, **MONEY
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_comment = BoundedTextField(_("decision comment"), blank=True)
    notes = BoundedTextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = ExplicitHistory()

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["-period_start"]
        constraints = [
            date_in_range("period_start", "budget_start_in_range"),
            date_in_range("period_end", "budget_end_in_range"),
            models.CheckConstraint(
                condition=Q(total__gte=0),
                name="budget_total_not_negative",
                violation_error_message=_("The total cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="budget_period_end_after_start",
                violation_error_message=_("The period cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    # Statuses in which the total and the lines may be edited.
    EDITABLE_STATUSES = (Status.DRAFT, Status.REJECTED)

    @property
    def is_editable(self):
        return self.status in self.EDITABLE_STATUSES

    @property
    def awaits_decision(self):
        """Submitted: an approver approves or rejects it next."""
        return self.status == self.Status.SUBMITTED

    @property
    def has_approval(self):
        """True when a revision of this budget has been approved (and it is not withdrawn)."""
        return self.approved_revision is not None


class BudgetLine(models.Model):
    """A planned cost, per event and person where it applies."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", pgettext_lazy("budget line", "Proposed")
        ACCEPTED = "accepted", pgettext_lazy("budget line", "Accepted")

    budget = models.ForeignKey(
        Budget, verbose_name=_("budget"), on_delete=models.CASCADE, related_name="lines"
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budget_lines",
    )
    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="budget_lines",
    )
    participation = models.ForeignKey(
        "events.Participation",
        verbose_name=_("participation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_lines",
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)
    amount = models.DecimalField(_("amount"), **MONEY)
    currency = models.CharField(
        _("currency"),
        max_length=3,
        choices=CURRENCY_CHOICES,
        default=REPORTING_CURRENCY,
        validators=[validate_currency],
    )
    person_trips = models.PositiveIntegerField(_("person-trips"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACCEPTED)
    history = ExplicitHistory()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["budget", "event", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="budgetline_amount_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.get_category_display()} {self.amount} {self.currency}"

    @property
    def shown_description(self):
        """The description as typed; for a line proposed when a trip was confirmed (stored
        without one), what happened, in the reader's language."""
        if self.description or not self.participation_id:
            return self.description
        words = PROPOSED_LINE_WORDS.get(self.category)
        if words is None:
            return self.get_category_display()
        return gettext(words) % {"member": self.member, "event": self.event}


# The words of the lines a confirmed trip proposes, rendered when read (marked here for the
# catalogue, translated in shown_description).
PROPOSED_LINE_WORDS = {
    Category.TRAVEL: gettext_noop("Trip of %(member)s to %(event)s (proposed when confirmed)"),
    Category.VISA: gettext_noop(
        "Visa fee and letter postage of %(member)s for %(event)s (proposed when confirmed)"
    ),
}


def receipt_path(instance, filename):
    """A random name under the year: receipts are private, their names not guessable."""
    extension = Path(filename).suffix.lower()[:10]
    return f"receipts/{instance.spent_on:%Y}/{uuid.uuid4().hex}{extension}"


class Expense(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", pgettext_lazy("expense status", "Submitted")
        APPROVED = "approved", pgettext_lazy("expense status", "Approved")
        REJECTED = "rejected", pgettext_lazy("expense status", "Rejected")
        REIMBURSED = "reimbursed", _("Reimbursed")

    budget = models.ForeignKey(
        Budget,
        verbose_name=_("budget"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="expenses",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="expenses",
    )
    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("member"),
        on_delete=models.PROTECT,
        related_name="expenses",
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    description = models.CharField(_("description"), max_length=300)
    amount = models.DecimalField(_("amount"), **MONEY)
    currency = models.CharField(
        _("currency"), max_length=3, choices=CURRENCY_CHOICES, validators=[validate_currency]
    )
    spent_on = models.DateField(_("spent on"))
    receipt = models.FileField(
        _("receipt"),
        upload_to=receipt_path,
        blank=True,
        max_length=200,
        validators=[validate_receipt],
        help_text=_("PDF, PNG, JPEG or WebP, at most 10 MB."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_comment = BoundedTextField(_("decision comment"), blank=True)
    reimbursed_at = models.DateTimeField(_("reimbursed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    history = ExplicitHistory()

    class Meta:
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        ordering = ["-spent_on", "-id"]
        constraints = [
            date_in_range("spent_on", "expense_spent_on_in_range"),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="expense_amount_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
        ]

    def __str__(self):
        return with_aside(self.description, f"{self.amount} {self.currency}")

    @property
    def shown_description(self):
        """An expense's description is always the submitter's own text."""
        return self.description

    @property
    def awaits_decision(self):
        """Submitted: an approver approves or rejects it next; until then it may be corrected."""
        return self.status == self.Status.SUBMITTED

    @property
    def awaits_reimbursement(self):
        """Approved, not yet paid back."""
        return self.status == self.Status.APPROVED


class ExchangeRate(models.Model):
    """How many units of `quote_currency` one unit of `currency` bought on a day."""

    currency = models.CharField(
        _("currency"), max_length=3, choices=CURRENCY_CHOICES, validators=[validate_currency]
    )
    quote_currency = models.CharField(
        _("into"),
        max_length=3,
        choices=CURRENCY_CHOICES,
        default=REPORTING_CURRENCY,
        validators=[validate_currency],
    )
    date = models.DateField(_("date"))
    rate = models.DecimalField(_("rate"), max_digits=18, decimal_places=8)
    source = models.CharField(_("source"), max_length=200, blank=True)
    history = ExplicitHistory()

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["-date", "currency"]
        constraints = [
            date_in_range("date", "exchangerate_date_in_range"),
            models.UniqueConstraint(
                fields=["currency", "quote_currency", "date"],
                name="exchangerate_one_per_day",
                violation_error_message=_("There is already a rate for this currency on this day."),
            ),
            models.CheckConstraint(
                condition=Q(rate__gt=0),
                name="exchangerate_rate_positive",
                violation_error_message=_("A rate must be positive."),
            ),
            models.CheckConstraint(
                condition=~Q(currency=F("quote_currency")),
                name="exchangerate_two_currencies",
                violation_error_message=_("A rate converts between two different currencies."),
            ),
        ]

    def __str__(self):
        return with_aside(f"1 {self.currency} = {self.rate} {self.quote_currency}", self.date.isoformat())

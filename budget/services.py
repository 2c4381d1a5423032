"""Every write and rule about budgets, planned lines, expenses and exchange rates.

Views, admin actions, the API and commands call these functions and repeat none of their
rules. A refused transition raises ValidationError; a user who may not act raises
PermissionDenied. Every save goes through the model, so django-simple-history records who
changed what and when.
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.permissions import is_approver, is_coordinator, member_of

from .models import Budget, BudgetLine, Category, ExchangeRate, Expense

CENT = Decimal("0.01")


def _require_coordinator(user):
    if not is_coordinator(user):
        raise PermissionDenied(_("Only coordinators may do this."))


def _require_approver(user):
    if not is_approver(user):
        raise PermissionDenied(_("Only budget approvers may decide this."))


def _locked(queryset, pk):
    """Re-read a row under a lock so two decisions cannot both pass the status check."""
    return queryset.select_for_update().get(pk=pk)


def _copy_from(target, source, fields):
    for name in fields:
        setattr(target, name, getattr(source, name))


# --- budgets -----------------------------------------------------------------------------


@transaction.atomic
def budget_submit(*, budget, user, body=""):
    """Draft or rejected → submitted, to the executive committee and/or council (`body`)."""
    _require_coordinator(user)
    current = _locked(Budget.objects, budget.pk)
    if current.status not in Budget.EDITABLE_STATUSES:
        raise ValidationError(
            _("Only a draft or rejected budget can be submitted; this one is %(status)s.")
            % {"status": current.get_status_display()}
        )
    if current.total <= 0:
        raise ValidationError(_("A budget needs a total above zero before it is submitted."))
    if body:
        if body not in Budget.ApprovalBody.values:
            raise ValidationError(_("Unknown approval body: %(body)s") % {"body": body})
        current.approval_body = body
    current.status = Budget.Status.SUBMITTED
    current.submitted_at = timezone.now()
    current.decided_by = None
    current.decided_at = None
    current.decision_comment = ""
    current.save()
    _copy_from(budget, current, [f.attname for f in Budget._meta.concrete_fields])
    return budget


@transaction.atomic
def budget_approve(*, budget, user, comment="", body=""):
    """Submitted → approved: records the approver, the body, the time and the comment."""
    _require_approver(user)
    current = _locked(Budget.objects, budget.pk)
    if current.status != Budget.Status.SUBMITTED:
        raise ValidationError(
            _("Only a submitted budget can be approved; this one is %(status)s.")
            % {"status": current.get_status_display()}
        )
    if body:
        if body not in Budget.ApprovalBody.values:
            raise ValidationError(_("Unknown approval body: %(body)s") % {"body": body})
        current.approval_body = body
    current.status = Budget.Status.APPROVED
    current.decided_by = user
    current.decided_at = timezone.now()
    current.decision_comment = comment or ""
    current.approved_revision = current.revision
    current.approved_total = current.total
    current.save()
    _copy_from(budget, current, [f.attname for f in Budget._meta.concrete_fields])
    return budget


@transaction.atomic
def budget_reject(*, budget, user, comment):
    """Submitted → rejected, with a comment saying why (required)."""
    _require_approver(user)
    if not (comment or "").strip():
        raise ValidationError({"comment": _("Say why the budget is rejected.")})
    current = _locked(Budget.objects, budget.pk)
    if current.status != Budget.Status.SUBMITTED:
        raise ValidationError(
            _("Only a submitted budget can be rejected; this one is %(status)s.")
            % {"status": current.get_status_display()}
        )
    current.status = Budget.Status.REJECTED
    current.decided_by = user
    current.decided_at = timezone.now()
    current.decision_comment = comment.strip()
    current.save()
    _copy_from(budget, current, [f.attname for f in Budget._meta.concrete_fields])
    return budget


@transaction.atomic
def budget_revise(*, budget, user):
    """Approved → a new draft revision. The last approved revision and total stay in force
    (expenses are still covered) until the new revision is approved."""
    _require_coordinator(user)
    current = _locked(Budget.objects, budget.pk)
    if current.status != Budget.Status.APPROVED:
        raise ValidationError(_("Only an approved budget can be revised."))
    current.status = Budget.Status.DRAFT
    current.revision += 1
    current.submitted_at = None
    current.save()
    _copy_from(budget, current, [f.attname for f in Budget._meta.concrete_fields])
    return budget


@transaction.atomic
def budget_close(*, budget, user):
    """Approved → closed at the end of the period: no more lines or expenses."""
    _require_coordinator(user)
    current = _locked(Budget.objects, budget.pk)
    if current.status != Budget.Status.APPROVED:
        raise ValidationError(_("Only an approved budget can be closed."))
    current.status = Budget.Status.CLOSED
    current.save()
    _copy_from(budget, current, [f.attname for f in Budget._meta.concrete_fields])
    return budget


def budget_update(*, budget, user, **fields):
    """Change a budget's fields; the total only while it is a draft (or was rejected)."""
    _require_coordinator(user)
    guarded = {"total", "currency", "planned_person_trips", "period_start", "period_end"}
    if not budget.is_editable and guarded & set(fields):
        raise ValidationError(_("An approved or submitted budget changes only through a new revision."))
    for name, value in fields.items():
        setattr(budget, name, value)
    budget.full_clean()
    budget.save()
    return budget


# --- planned lines -----------------------------------------------------------------------


def _require_editable(budget):
    if not budget.is_editable:
        raise ValidationError(
            _("The budget “%(budget)s” is %(status)s: its lines change only through a new revision.")
            % {"budget": budget, "status": budget.get_status_display()}
        )


def budget_line_create(*, budget, user, **fields):
    _require_coordinator(user)
    _require_editable(budget)
    line = BudgetLine(budget=budget, **fields)
    line.full_clean()
    line.save()
    return line


def budget_line_update(*, line, user, **fields):
    _require_coordinator(user)
    _require_editable(line.budget)
    for name, value in fields.items():
        setattr(line, name, value)
    line.full_clean()
    line.save()
    return line


def budget_line_delete(*, line, user):
    _require_coordinator(user)
    if line.status == BudgetLine.Status.ACCEPTED:
        _require_editable(line.budget)
    line.delete()


def budget_line_accept(*, line, user, **fields):
    """A coordinator accepts a proposed line (possibly edited): it then counts as planned."""
    _require_coordinator(user)
    if line.status != BudgetLine.Status.PROPOSED:
        raise ValidationError(_("This line is not a proposal."))
    _require_editable(line.budget)
    for name, value in fields.items():
        setattr(line, name, value)
    line.status = BudgetLine.Status.ACCEPTED
    line.full_clean()
    line.save()
    return line


def budget_for_day(*, day):
    """The budget a cost on `day` belongs to: not closed, its period covering the day;
    an approved one first, then the most recent."""
    candidates = Budget.objects.filter(period_start__lte=day, period_end__gte=day).exclude(
        status=Budget.Status.CLOSED
    )
    approved = candidates.filter(approved_revision__isnull=False).order_by("-period_start").first()
    return approved or candidates.order_by("-period_start", "-id").first()


def budget_line_propose_for_participation(*, participation):
    """Confirming a participation that needs travel proposes a planned travel line.

    The amount is the budget's planned cost per person-trip (total / planned person-trips);
    a coordinator accepts or edits it. Returns the line, or None when the participation needs
    no travel, already has a line, or no budget covers the event's date.
    """
    if not participation.needs_travel:
        return None
    if BudgetLine.objects.filter(participation=participation).exists():
        return None
    event = participation.event
    day = event.start_date or timezone.localdate()
    budget = budget_for_day(day=day)
    if budget is None:
        return None
    estimate = Decimal("0.00")
    if budget.planned_person_trips:
        estimate = (budget.total / budget.planned_person_trips).quantize(CENT, ROUND_HALF_UP)
    line = BudgetLine(
        budget=budget,
        event=event,
        member=participation.member,
        participation=participation,
        category=Category.TRAVEL,
        description=_("Trip of %(member)s to %(event)s (proposed when confirmed)")
        % {"member": participation.member, "event": event},
        amount=estimate,
        currency=budget.currency,
        person_trips=1,
        status=BudgetLine.Status.PROPOSED,
    )
    line.full_clean()
    line.save()
    return line


# --- expenses ----------------------------------------------------------------------------


def expense_submit(*, user, member=None, budget=None, **fields):
    """A member records an expense (with its receipt). Coordinators may submit for another
    member. The budget defaults to the one covering the day it was spent."""
    own = member_of(user)
    if member is None:
        member = own
    if member is None:
        raise PermissionDenied(_("Only members may submit expenses."))
    if member != own and not is_coordinator(user):
        raise PermissionDenied(_("You may submit expenses only for yourself."))
    expense = Expense(member=member, submitted_by=user, status=Expense.Status.SUBMITTED, **fields)
    if budget is None and expense.spent_on:
        budget = budget_for_day(day=expense.spent_on)
    if budget is not None and budget.status == Budget.Status.CLOSED:
        raise ValidationError({"budget": _("This budget is closed.")})
    expense.budget = budget
    expense.full_clean()
    expense.save()
    return expense


def _decide_expense(*, expense, user, status, comment):
    _require_approver(user)
    current = _locked(Expense.objects.select_related("member"), expense.pk)
    if user.pk is not None and (current.submitted_by_id == user.pk or current.member.user_id == user.pk):
        raise PermissionDenied(_("You cannot decide an expense you submitted or that pays you."))
    if current.status != Expense.Status.SUBMITTED:
        raise ValidationError(
            _("Only a submitted expense can be decided; this one is %(status)s.")
            % {"status": current.get_status_display()}
        )
    current.status = status
    current.decided_by = user
    current.decided_at = timezone.now()
    current.decision_comment = comment
    current.save()
    _copy_from(expense, current, [f.attname for f in Expense._meta.concrete_fields])
    return expense


@transaction.atomic
def expense_approve(*, expense, user, comment=""):
    return _decide_expense(expense=expense, user=user, status=Expense.Status.APPROVED, comment=comment or "")


@transaction.atomic
def expense_reject(*, expense, user, comment):
    if not (comment or "").strip():
        raise ValidationError({"comment": _("Say why the expense is rejected.")})
    return _decide_expense(
        expense=expense, user=user, status=Expense.Status.REJECTED, comment=comment.strip()
    )


@transaction.atomic
def expense_mark_reimbursed(*, expense, user):
    """Approved → reimbursed (the money has been paid back), by a coordinator or approver."""
    if not (is_coordinator(user) or is_approver(user)):
        raise PermissionDenied(_("Only coordinators and approvers may mark reimbursements."))
    current = _locked(Expense.objects, expense.pk)
    if current.status != Expense.Status.APPROVED:
        raise ValidationError(
            _("Only an approved expense can be marked reimbursed; this one is %(status)s.")
            % {"status": current.get_status_display()}
        )
    current.status = Expense.Status.REIMBURSED
    current.reimbursed_at = timezone.now()
    current.save()
    _copy_from(expense, current, [f.attname for f in Expense._meta.concrete_fields])
    return expense


# --- exchange rates ----------------------------------------------------------------------


def exchange_rate_set(*, user, currency, date, rate, quote_currency="CNY", source=""):
    """Enter (or correct) the rate of a day: 1 `currency` = `rate` `quote_currency`."""
    _require_coordinator(user)
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    existing = ExchangeRate.objects.filter(
        currency=currency, quote_currency=quote_currency, date=date
    ).first()
    rate_row = existing or ExchangeRate(currency=currency, quote_currency=quote_currency, date=date)
    rate_row.rate = Decimal(rate)
    rate_row.source = source
    rate_row.full_clean(validate_unique=existing is None)
    rate_row.save()
    return rate_row

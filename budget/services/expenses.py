"""Expenses: a member files what they spent (with its receipt), a coordinator may correct or
withdraw it while it awaits a decision, an approver approves or rejects it (never their
own), and it is marked reimbursed once paid back."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intl_portal.common.records import changed_fields, copy_stored, locked, require, wrong_status
from members.permissions import (
    can_decide,
    can_decide_expense,
    can_manage_budget,
    can_mark_reimbursed,
    can_submit_expense_for,
    member_of,
)

from ..models import Budget, Expense
from ..selectors import budget_for_day
from ._base import ONLY_APPROVERS, ONLY_COORDINATORS, delete, save


def _require_open(budget):
    """No expense is filed against (or moved to) a closed budget."""
    if budget is not None and budget.status == Budget.Status.CLOSED:
        raise ValidationError({"budget": _("This budget is closed.")})


@transaction.atomic
def expense_submit(*, user, member=None, budget=None, **fields):
    """A member records an expense (with its receipt). Coordinators may submit for another
    member. The budget defaults to the one covering the day it was spent."""
    if member is None:
        member = member_of(user)
    if member is None:
        raise PermissionDenied(_("Only members may submit expenses."))
    require(can_submit_expense_for(user, member), _("You may submit expenses only for yourself."))
    expense = Expense(member=member, submitted_by=user, **fields)
    expense.status = Expense.Status.SUBMITTED
    if budget is None and expense.spent_on:
        budget = budget_for_day(day=expense.spent_on)
    if budget is not None:
        budget = locked(budget)  # not closed meanwhile
    _require_open(budget)
    expense.budget = budget
    expense.full_clean()
    save(expense, user)
    return expense


@transaction.atomic
def expense_update(*, expense, user, **fields):
    """A coordinator corrects an expense (amount, budget, receipt, …) while it awaits a
    decision; a decided expense stays as it was decided."""
    require(can_manage_budget(user), ONLY_COORDINATORS)
    current = locked(expense)
    fields = changed_fields(current, fields)
    if not fields:
        return copy_stored(expense, current)
    if not current.awaits_decision:
        raise wrong_status(current, _("Only a submitted expense can be changed; this one is %(status)s."))
    stored_budget_id = current.budget_id
    for name, value in fields.items():
        setattr(current, name, value)
    if fields.get("budget") is not None and fields["budget"].pk != stored_budget_id:
        current.budget = locked(fields["budget"])
        _require_open(current.budget)
    current.full_clean()
    save(current, user)
    return copy_stored(expense, current)


@transaction.atomic
def expense_delete(*, expense, user):
    """A coordinator withdraws an expense filed by mistake; an approved or reimbursed one is
    part of the books and stays."""
    require(can_manage_budget(user), ONLY_COORDINATORS)
    current = locked(expense)
    if current.status not in (Expense.Status.SUBMITTED, Expense.Status.REJECTED):
        raise wrong_status(
            current, _("Only a submitted or rejected expense can be deleted; this one is %(status)s.")
        )
    delete(current, user)


def _decide(*, expense, user, status, comment):
    require(can_decide(user), ONLY_APPROVERS)
    current = locked(expense, Expense.objects.select_related("member"))
    require(
        can_decide_expense(user, current), _("You cannot decide an expense you submitted or that pays you.")
    )
    if not current.awaits_decision:
        raise wrong_status(current, _("Only a submitted expense can be decided; this one is %(status)s."))
    current.status = status
    current.decided_by = user
    current.decided_at = timezone.now()
    current.decision_comment = comment
    save(current, user)
    return copy_stored(expense, current)


@transaction.atomic
def expense_approve(*, expense, user, comment=""):
    return _decide(expense=expense, user=user, status=Expense.Status.APPROVED, comment=comment or "")


@transaction.atomic
def expense_reject(*, expense, user, comment):
    if not (comment or "").strip():
        raise ValidationError({"comment": _("Say why the expense is rejected.")})
    return _decide(expense=expense, user=user, status=Expense.Status.REJECTED, comment=comment.strip())


@transaction.atomic
def expense_mark_reimbursed(*, expense, user):
    """Approved → reimbursed (the money has been paid back), by a coordinator or approver."""
    require(can_mark_reimbursed(user), _("Only coordinators and approvers may mark reimbursements."))
    current = locked(expense)
    if not current.awaits_reimbursement:
        raise wrong_status(
            current, _("Only an approved expense can be marked reimbursed; this one is %(status)s.")
        )
    current.status = Expense.Status.REIMBURSED
    current.reimbursed_at = timezone.now()
    save(current, user)
    return copy_stored(expense, current)

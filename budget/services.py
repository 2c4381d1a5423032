"""Budget workflow: submit, approve and reject budgets; approve, reject and reimburse expenses.

Minimal versions written for the REST API (issue 6); the budget workflow (issue 7) owns
this module and replaces it. Each function raises ValidationError for a refused
transition and PermissionDenied when the user may not make it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from members.roles import is_approver, is_coordinator

from .models import Budget, Expense


def _require(allowed):
    if not allowed:
        raise PermissionDenied(_("You may not make this decision."))


def _require_status(obj, *statuses):
    if obj.status not in statuses:
        raise ValidationError(
            _("Not possible while the status is “%(status)s”.")
            % {"status": obj.get_status_display()},
            code="invalid_transition",
        )


def _require_comment(comment):
    if not (comment or "").strip():
        raise ValidationError({"comment": [_("Give a reason.")]})


def budget_submit(*, budget, user):
    _require(is_coordinator(user))
    _require_status(budget, Budget.Status.DRAFT, Budget.Status.REJECTED)
    budget.status = Budget.Status.SUBMITTED
    budget.submitted_at = timezone.now()
    budget.save(update_fields=["status", "submitted_at"])
    return budget


def _budget_decide(*, budget, user, status, comment):
    _require(is_approver(user))
    _require_status(budget, Budget.Status.SUBMITTED)
    budget.status = status
    budget.decided_by = user
    budget.decided_at = timezone.now()
    budget.decision_comment = comment
    budget.save(update_fields=["status", "decided_by", "decided_at", "decision_comment"])
    return budget


def budget_approve(*, budget, user, comment=""):
    return _budget_decide(budget=budget, user=user, status=Budget.Status.APPROVED, comment=comment)


def budget_reject(*, budget, user, comment):
    _require_comment(comment)
    return _budget_decide(budget=budget, user=user, status=Budget.Status.REJECTED, comment=comment)


def _expense_decide(*, expense, user, status, comment):
    _require(is_approver(user))
    _require_status(expense, Expense.Status.SUBMITTED)
    expense.status = status
    expense.decided_by = user
    expense.decided_at = timezone.now()
    expense.decision_comment = comment
    expense.save(update_fields=["status", "decided_by", "decided_at", "decision_comment"])
    return expense


def expense_approve(*, expense, user, comment=""):
    return _expense_decide(
        expense=expense, user=user, status=Expense.Status.APPROVED, comment=comment
    )


def expense_reject(*, expense, user, comment):
    _require_comment(comment)
    return _expense_decide(
        expense=expense, user=user, status=Expense.Status.REJECTED, comment=comment
    )


def expense_mark_reimbursed(*, expense, user):
    _require(is_approver(user) or is_coordinator(user))
    _require_status(expense, Expense.Status.APPROVED)
    expense.status = Expense.Status.REIMBURSED
    expense.reimbursed_at = timezone.now()
    expense.save(update_fields=["status", "reimbursed_at"])
    return expense

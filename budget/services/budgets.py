"""Budgets: creation, changes, and the approval workflow (draft → submitted → approved or
rejected; approved → a new draft revision, or closed)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intl_portal.common.records import changed_fields, copy_stored, locked, require, wrong_status
from members.permissions import can_decide, can_manage_budget

from ..history import DELETED, record_history
from ..models import Budget
from ._base import ONLY_APPROVERS, ONLY_COORDINATORS, delete, save

# The figures an approval covers: once approved (or submitted), they change only through a
# new revision. Title, notes and the approval body may change at any time.
APPROVED_FIGURES = ("total", "currency", "planned_person_trips", "period_start", "period_end")


def _check_body(budget, body):
    if body:
        if body not in Budget.ApprovalBody.values:
            raise ValidationError(_("Unknown approval body: %(body)s") % {"body": body})
        budget.approval_body = body


@transaction.atomic
def budget_create(*, user, **fields):
    """A coordinator plans a new budget; it starts as a draft, revision 1."""
    require(can_manage_budget(user), ONLY_COORDINATORS)
    budget = Budget(**fields)
    budget.status = Budget.Status.DRAFT
    budget.full_clean()
    save(budget, user)
    return budget


@transaction.atomic
def budget_update(*, budget, user, **fields):
    """Change a budget's fields; its figures (APPROVED_FIGURES) only while it is a draft or
    was rejected."""
    require(can_manage_budget(user), ONLY_COORDINATORS)
    current = locked(budget)
    fields = changed_fields(current, fields)
    if not fields:
        return copy_stored(budget, current)
    figures = [name for name in APPROVED_FIGURES if name in fields]
    if figures and not current.is_editable:
        message = _("An approved or submitted budget changes only through a new revision.")
        raise ValidationError(dict.fromkeys(figures, message))
    for name, value in fields.items():
        setattr(current, name, value)
    current.full_clean()
    save(current, user)
    return copy_stored(budget, current)


@transaction.atomic
def budget_delete(*, budget, user):
    """Only a draft that was never approved and has no expenses may go; an approved budget
    is closed instead (its lines go with it)."""
    require(can_manage_budget(user), ONLY_COORDINATORS)
    current = locked(budget)
    if not current.is_editable or current.has_approval:
        raise ValidationError(
            _("The budget “%(budget)s” was submitted or approved: it is kept (close it instead).")
            % {"budget": current}
        )
    if current.expenses.exists():
        raise ValidationError(
            _("Expenses are recorded against the budget “%(budget)s”: it cannot be deleted.")
            % {"budget": current}
        )
    for line in current.lines.all():  # they go with it
        record_history(line, DELETED, user=user)
    delete(current, user)


@transaction.atomic
def budget_submit(*, budget, user, body=""):
    """Draft or rejected → submitted, to the executive committee and/or council (`body`)."""
    require(can_manage_budget(user), ONLY_COORDINATORS)
    current = locked(budget)
    if not current.is_editable:
        raise wrong_status(
            current, _("Only a draft or rejected budget can be submitted; this one is %(status)s.")
        )
    if current.total <= 0:
        raise ValidationError(_("A budget needs a total above zero before it is submitted."))
    _check_body(current, body)
    current.status = Budget.Status.SUBMITTED
    current.submitted_at = timezone.now()
    current.decided_by = None
    current.decided_at = None
    current.decision_comment = ""
    save(current, user)
    return copy_stored(budget, current)


def _awaiting_decision(budget, user, refusal):
    """The budget re-read under a lock, with the approver recorded; `refusal` (with
    %(status)s) if it is not submitted."""
    require(can_decide(user), ONLY_APPROVERS)
    current = locked(budget)
    if not current.awaits_decision:
        raise wrong_status(current, refusal)
    current.decided_by = user
    current.decided_at = timezone.now()
    return current


@transaction.atomic
def budget_approve(*, budget, user, comment="", body=""):
    """Submitted → approved: records the approver, the body, the time and the comment."""
    current = _awaiting_decision(
        budget, user, _("Only a submitted budget can be approved; this one is %(status)s.")
    )
    _check_body(current, body)
    current.status = Budget.Status.APPROVED
    current.decision_comment = comment or ""
    current.approved_revision = current.revision
    current.approved_total = current.total
    save(current, user)
    return copy_stored(budget, current)


@transaction.atomic
def budget_reject(*, budget, user, comment):
    """Submitted → rejected, with a comment saying why (required)."""
    require(can_decide(user), ONLY_APPROVERS)
    if not (comment or "").strip():
        raise ValidationError({"comment": _("Say why the budget is rejected.")})
    current = _awaiting_decision(
        budget, user, _("Only a submitted budget can be rejected; this one is %(status)s.")
    )
    current.status = Budget.Status.REJECTED
    current.decision_comment = comment.strip()
    save(current, user)
    return copy_stored(budget, current)


@transaction.atomic
def budget_revise(*, budget, user):
    """Approved → a new draft revision. The last approved revision and total stay in force
    (expenses are still covered) until the new revision is approved."""
    require(can_manage_budget(user), ONLY_COORDINATORS)
    current = locked(budget)
    if current.status != Budget.Status.APPROVED:
        raise ValidationError(_("Only an approved budget can be revised."))
    current.status = Budget.Status.DRAFT
    current.revision += 1
    current.submitted_at = None
    save(current, user)
    return copy_stored(budget, current)


@transaction.atomic
def budget_close(*, budget, user):
    """Approved → closed at the end of the period: no more lines or expenses."""
    require(can_manage_budget(user), ONLY_COORDINATORS)
    current = locked(budget)
    if current.status != Budget.Status.APPROVED:
        raise ValidationError(_("Only an approved budget can be closed."))
    current.status = Budget.Status.CLOSED
    save(current, user)
    return copy_stored(budget, current)

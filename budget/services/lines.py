"""Planned lines of a budget. The lock is stated here once: a budget's lines change only
while it is a draft or was rejected (`Budget.is_editable`); once submitted or approved they
change through a new revision. A proposal (a confirmed trip's line) may be discarded at any
time."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intl_portal.common.records import changed_fields, copy_stored, locked, require
from members.permissions import can_manage_budget

from ..models import BudgetLine, Category
from ..rates import CENT
from ..selectors import budget_for_day
from ._base import ONLY_COORDINATORS, delete, save


def _require_editable(budget):
    if not budget.is_editable:
        raise ValidationError(
            _("The budget “%(budget)s” is %(status)s: its lines change only through a new revision.")
            % {"budget": budget, "status": budget.get_status_display()}
        )


def _editable_budget(budget):
    """The budget re-read under a lock (no approval slips in meanwhile), refused if locked."""
    current = locked(budget)
    _require_editable(current)
    return current


@transaction.atomic
def budget_lines_create(*, budget, user, lines):
    """Add planned lines (`lines`: one dict of fields each) to a budget, all or none."""
    require(can_manage_budget(user), ONLY_COORDINATORS)
    current = _editable_budget(budget)
    created = []
    for fields in lines:
        line = BudgetLine(**fields)
        line.budget = current
        line.full_clean()
        save(line, user)  # one by one: a history row each
        created.append(line)
    return created


def budget_line_create(*, budget, user, **fields):
    """Add one planned line to a budget."""
    return budget_lines_create(budget=budget, user=user, lines=[fields])[0]


@transaction.atomic
def budget_line_update(*, line, user, **fields):
    """Change a line (moving it to another budget too): both budgets must be editable."""
    require(can_manage_budget(user), ONLY_COORDINATORS)
    current = locked(line)
    fields = changed_fields(current, fields)
    if not fields:
        return copy_stored(line, current)
    current.budget = _editable_budget(current.budget)
    for name, value in fields.items():
        setattr(current, name, value)
    if fields.get("budget") is not None:
        current.budget = _editable_budget(fields["budget"])
    current.full_clean()
    save(current, user)
    return copy_stored(line, current)


@transaction.atomic
def budget_line_delete(*, line, user):
    """Remove a line; an accepted line of a locked budget stays (a proposal may go)."""
    require(can_manage_budget(user), ONLY_COORDINATORS)
    current = locked(line, BudgetLine.objects.select_related("budget"))
    if current.status == BudgetLine.Status.ACCEPTED:
        _require_editable(current.budget)
    delete(current, user)


@transaction.atomic
def budget_line_accept(*, line, user, **fields):
    """A coordinator accepts a proposed line (possibly edited): it then counts as planned."""
    require(can_manage_budget(user), ONLY_COORDINATORS)
    current = locked(line)
    if current.status != BudgetLine.Status.PROPOSED:
        raise ValidationError(_("This line is not a proposal."))
    current.budget = _editable_budget(current.budget)
    for name, value in fields.items():
        setattr(current, name, value)
    current.status = BudgetLine.Status.ACCEPTED
    current.full_clean()
    save(current, user)
    return copy_stored(line, current)


@transaction.atomic
def budget_line_propose_for_participation(*, participation):
    """Confirming a participation that needs travel proposes a planned travel line.

    The amount is the budget's planned cost per person-trip (total / planned person-trips);
    a coordinator accepts or edits it. Returns the line, or None when the participation needs
    no travel, already has a line, or no budget covers the event's date. Idempotent: the
    covering budget is locked before the check, so confirming twice (even at once) gives
    one line.
    """
    if not participation.needs_travel:
        return None
    event = participation.event
    budget = budget_for_day(day=event.start_date or timezone.localdate())
    if budget is None:
        return None
    budget = locked(budget)
    if BudgetLine.objects.filter(participation=participation).exclude(category=Category.VISA).exists():
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
        description="",  # shown in the reader's language: BudgetLine.shown_description
        amount=estimate,
        currency=budget.currency,
        person_trips=1,
        status=BudgetLine.Status.PROPOSED,
    )
    line.full_clean()
    save(line, None)  # by whoever confirmed (the request's user)
    return line


@transaction.atomic
def budget_line_propose_visa_fee(*, participation):
    """A confirmed trip to a destination that needs a visa or permit gets a proposed line of
    category "visa" (amount 0: a coordinator enters the fee and the letters' postage). Returns
    the line, or None when no budget covers the event's date or the trip already has one.
    Idempotent, like the travel line."""
    event = participation.event
    budget = budget_for_day(day=event.start_date or timezone.localdate())
    if budget is None:
        return None
    budget = locked(budget)
    if BudgetLine.objects.filter(participation=participation, category=Category.VISA).exists():
        return None
    line = BudgetLine(
        budget=budget,
        event=event,
        member=participation.member,
        participation=participation,
        category=Category.VISA,
        description="",  # shown in the reader's language: BudgetLine.shown_description
        amount=Decimal("0.00"),
        currency=budget.currency,
        person_trips=0,
        status=BudgetLine.Status.PROPOSED,
    )
    line.full_clean()
    save(line, None)
    return line

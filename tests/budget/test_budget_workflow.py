import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from budget import services
from budget.models import Budget, BudgetLine, Expense
from events.services import participation_confirm
from tests import factories

pytestmark = pytest.mark.django_db


# --- budgets ---------------------------------------------------------------------------


def test_budget_goes_draft_submitted_approved_with_approver_body_time_comment(coordinator, approver):
    budget = factories.BudgetFactory()

    services.budget_submit(budget=budget, user=coordinator, body="both")
    services.budget_approve(budget=budget, user=approver, comment="OK for 10 person-trips")

    budget.refresh_from_db()
    assert budget.status == Budget.Status.APPROVED
    assert budget.approval_body == "both"
    assert budget.decided_by == approver
    assert budget.decided_at is not None
    assert budget.decision_comment == "OK for 10 person-trips"
    assert (budget.approved_revision, budget.approved_total) == (1, Decimal("88000.00"))


def test_budget_reject_needs_a_comment_and_can_be_resubmitted(coordinator, approver):
    budget = factories.BudgetFactory(status=Budget.Status.SUBMITTED)

    with pytest.raises(ValidationError):
        services.budget_reject(budget=budget, user=approver, comment="  ")
    services.budget_reject(budget=budget, user=approver, comment="Too many trips")
    budget.refresh_from_db()
    assert (budget.status, budget.decision_comment) == (Budget.Status.REJECTED, "Too many trips")

    services.budget_submit(budget=budget, user=coordinator)
    budget.refresh_from_db()
    assert budget.status == Budget.Status.SUBMITTED
    assert budget.decided_by is None


@pytest.mark.parametrize(
    ("status", "call"),
    [
        ("submitted", "budget_submit"),
        ("approved", "budget_submit"),
        ("draft", "budget_approve"),
        ("approved", "budget_approve"),
        ("rejected", "budget_approve"),
        ("draft", "budget_reject"),
        ("draft", "budget_revise"),
        ("submitted", "budget_close"),
    ],
)
def test_budget_refused_transitions_change_nothing(status, call, coordinator, approver):
    budget = factories.BudgetFactory(status=status)
    user = approver if call in {"budget_approve", "budget_reject"} else coordinator
    kwargs = {"comment": "no"} if call == "budget_reject" else {}

    with pytest.raises(ValidationError):
        getattr(services, call)(budget=budget, user=user, **kwargs)

    budget.refresh_from_db()
    assert budget.status == status


def test_only_approvers_decide_and_only_coordinators_submit(coordinator, approver, member_user):
    budget = factories.BudgetFactory(status=Budget.Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.budget_approve(budget=budget, user=coordinator)
    with pytest.raises(PermissionDenied):
        services.budget_reject(budget=budget, user=member_user, comment="no")
    draft = factories.BudgetFactory()
    with pytest.raises(PermissionDenied):
        services.budget_submit(budget=draft, user=approver)
    budget.refresh_from_db()
    draft.refresh_from_db()
    assert (budget.status, draft.status) == ("submitted", "draft")


def test_approved_budget_changes_only_through_a_revision_approved_again(coordinator, approver):
    budget = factories.BudgetFactory()
    line = factories.BudgetLineFactory(budget=budget)
    services.budget_submit(budget=budget, user=coordinator)
    services.budget_approve(budget=budget, user=approver)

    with pytest.raises(ValidationError):
        services.budget_update(budget=budget, user=coordinator, total=Decimal("99000.00"))
    with pytest.raises(ValidationError):
        services.budget_line_update(line=line, user=coordinator, amount=Decimal("1.00"))
    with pytest.raises(ValidationError):
        services.budget_line_create(
            budget=budget,
            user=coordinator,
            category="visa",
            amount=Decimal("500.00"),
            currency="CNY",
        )

    services.budget_revise(budget=budget, user=coordinator)
    services.budget_update(budget=budget, user=coordinator, total=Decimal("99000.00"))
    budget.refresh_from_db()
    # The approved figures stay in force while revision 2 is drafted and submitted.
    assert (budget.status, budget.revision, budget.approved_revision, budget.approved_total) == (
        "draft",
        2,
        1,
        Decimal("88000.00"),
    )
    assert budget.has_approval is True

    services.budget_submit(budget=budget, user=coordinator)
    services.budget_approve(budget=budget, user=approver)
    budget.refresh_from_db()
    assert (budget.approved_revision, budget.approved_total) == (2, Decimal("99000.00"))


def test_closing_an_approved_budget(coordinator):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    services.budget_close(budget=budget, user=coordinator)
    budget.refresh_from_db()
    assert budget.status == Budget.Status.CLOSED


# --- expenses --------------------------------------------------------------------------


def test_member_submits_own_expense_assigned_to_the_covering_budget(member_user):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)

    expense = services.expense_submit(
        user=member_user,
        category="travel",
        description="Flight",
        amount=Decimal("3200.00"),
        currency="CNY",
        spent_on=dt.date(2025, 7, 20),
    )

    assert (expense.member, expense.submitted_by, expense.budget, expense.status) == (
        member_user.member,
        member_user,
        budget,
        Expense.Status.SUBMITTED,
    )


def test_member_cannot_submit_for_someone_else(member_user):
    other = factories.MemberFactory()
    with pytest.raises(PermissionDenied):
        services.expense_submit(
            user=member_user,
            member=other,
            category="travel",
            description="x",
            amount=Decimal("1"),
            currency="CNY",
            spent_on=dt.date(2025, 7, 1),
        )
    assert Expense.objects.count() == 0


def test_expense_approved_then_reimbursed(approver, coordinator, member_user):
    expense = factories.ExpenseFactory(member=member_user.member, submitted_by=member_user)

    services.expense_approve(expense=expense, user=approver, comment="fine")
    services.expense_mark_reimbursed(expense=expense, user=coordinator)

    expense.refresh_from_db()
    assert expense.status == Expense.Status.REIMBURSED
    assert (expense.decided_by, expense.decision_comment) == (approver, "fine")
    assert expense.reimbursed_at is not None


def test_approver_never_approves_an_expense_they_submitted(approver):
    expense = factories.ExpenseFactory(member=approver.member, submitted_by=approver)

    with pytest.raises(PermissionDenied):
        services.expense_approve(expense=expense, user=approver)

    expense.refresh_from_db()
    assert expense.status == Expense.Status.SUBMITTED


def test_approver_cannot_approve_an_expense_paying_themselves(approver, coordinator):
    expense = factories.ExpenseFactory(member=approver.member, submitted_by=coordinator)
    with pytest.raises(PermissionDenied):
        services.expense_approve(expense=expense, user=approver)


def test_non_approver_cannot_decide_an_expense(coordinator, member_user):
    expense = factories.ExpenseFactory()
    for user in (coordinator, member_user):
        with pytest.raises(PermissionDenied):
            services.expense_approve(expense=expense, user=user)
    with pytest.raises(PermissionDenied):
        services.expense_mark_reimbursed(expense=expense, user=member_user)


def test_expense_reject_needs_a_comment(approver):
    expense = factories.ExpenseFactory()
    with pytest.raises(ValidationError):
        services.expense_reject(expense=expense, user=approver, comment="")
    services.expense_reject(expense=expense, user=approver, comment="No receipt")
    expense.refresh_from_db()
    assert expense.status == Expense.Status.REJECTED


@pytest.mark.parametrize(
    ("status", "call"),
    [
        ("approved", "expense_approve"),
        ("rejected", "expense_approve"),
        ("reimbursed", "expense_reject"),
        ("submitted", "expense_mark_reimbursed"),
        ("rejected", "expense_mark_reimbursed"),
        ("reimbursed", "expense_mark_reimbursed"),
    ],
)
def test_expense_refused_transitions_change_nothing(status, call, approver):
    expense = factories.ExpenseFactory(status=status)
    kwargs = {"comment": "no"} if call == "expense_reject" else {}
    with pytest.raises(ValidationError):
        getattr(services, call)(expense=expense, user=approver, **kwargs)
    expense.refresh_from_db()
    assert expense.status == status


# --- proposals from confirmed participations ------------------------------------------------


def test_confirming_a_participation_that_needs_travel_proposes_a_planned_line(coordinator):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    participation = factories.ParticipationFactory(
        status="tentative",
        needs_travel=True,
        event__start_date=dt.date(2025, 12, 8),
        event__end_date=dt.date(2025, 12, 10),
    )

    participation_confirm(user=coordinator, participation=participation)
    participation_confirm(user=coordinator, participation=participation)  # twice: still one line

    line = BudgetLine.objects.get(participation=participation)
    assert (line.budget, line.status, line.category, line.member, line.event) == (
        budget,
        BudgetLine.Status.PROPOSED,
        "travel",
        participation.member,
        participation.event,
    )
    assert (line.amount, line.currency, line.person_trips) == (Decimal("8800.00"), "CNY", 1)


def test_confirming_a_local_participation_proposes_nothing(coordinator):
    factories.BudgetFactory()
    participation = factories.ParticipationFactory(status="tentative", needs_travel=False)
    participation_confirm(user=coordinator, participation=participation)
    assert BudgetLine.objects.count() == 0


def test_coordinator_accepts_a_proposed_line_only_in_an_editable_budget(coordinator):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    line = factories.BudgetLineFactory(budget=budget, status=BudgetLine.Status.PROPOSED)

    with pytest.raises(ValidationError):
        services.budget_line_accept(line=line, user=coordinator)
    services.budget_revise(budget=budget, user=coordinator)
    line.refresh_from_db()
    services.budget_line_accept(line=line, user=coordinator, amount=Decimal("7000.00"))

    line.refresh_from_db()
    assert (line.status, line.amount) == (BudgetLine.Status.ACCEPTED, Decimal("7000.00"))


# --- creating, correcting and deleting ------------------------------------------------------


def test_budget_create_starts_a_draft_and_is_for_coordinators(coordinator, approver):
    fields = {
        "title": "2026",
        "period_start": dt.date(2026, 1, 1),
        "period_end": dt.date(2026, 12, 31),
        "total": Decimal("90000.00"),
    }
    with pytest.raises(PermissionDenied):
        services.budget_create(user=approver, **fields)

    budget = services.budget_create(user=coordinator, status=Budget.Status.APPROVED, **fields)

    assert (budget.status, budget.revision, budget.total) == ("draft", 1, Decimal("90000.00"))


def test_budget_update_refuses_only_figures_that_change(coordinator):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)

    services.budget_update(budget=budget, user=coordinator, total=Decimal("88000.00"), notes="Council met")
    with pytest.raises(ValidationError) as refusal, translation.override("en"):
        services.budget_update(budget=budget, user=coordinator, total=Decimal("1.00"), notes="x")

    assert refusal.value.message_dict == {
        "total": ["An approved or submitted budget changes only through a new revision."]
    }
    budget.refresh_from_db()
    assert (budget.total, budget.notes) == (Decimal("88000.00"), "Council met")


def test_budget_delete_keeps_what_was_approved_or_spent(coordinator):
    approved = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    spent = factories.BudgetFactory()
    factories.ExpenseFactory(budget=spent)
    draft = factories.BudgetFactory()
    factories.BudgetLineFactory(budget=draft)

    for budget in (approved, spent):
        with pytest.raises(ValidationError):
            services.budget_delete(budget=budget, user=coordinator)
    services.budget_delete(budget=draft, user=coordinator)

    assert set(Budget.objects.all()) == {approved, spent}
    assert not BudgetLine.objects.filter(budget_id=draft.pk).exists()


def test_a_line_cannot_leave_a_locked_budget(coordinator):
    locked = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    line = factories.BudgetLineFactory(budget=locked)
    draft = factories.BudgetFactory()

    with pytest.raises(ValidationError):
        services.budget_line_update(line=line, user=coordinator, budget=draft)

    line.refresh_from_db()
    assert line.budget == locked


def test_a_proposal_may_be_discarded_from_a_locked_budget_an_accepted_line_not(coordinator):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    proposal = factories.BudgetLineFactory(budget=budget, status=BudgetLine.Status.PROPOSED)
    accepted = factories.BudgetLineFactory(budget=budget)

    services.budget_line_delete(line=proposal, user=coordinator)
    with pytest.raises(ValidationError):
        services.budget_line_delete(line=accepted, user=coordinator)

    assert list(BudgetLine.objects.all()) == [accepted]


def test_expense_is_corrected_by_coordinators_while_it_awaits_a_decision(coordinator, approver):
    expense = factories.ExpenseFactory()
    with pytest.raises(PermissionDenied):
        services.expense_update(expense=expense, user=approver, amount=Decimal("1.00"))

    services.expense_update(expense=expense, user=coordinator, amount=Decimal("3100.00"))
    services.expense_approve(expense=expense, user=approver)
    with pytest.raises(ValidationError):
        services.expense_update(expense=expense, user=coordinator, amount=Decimal("1.00"))

    expense.refresh_from_db()
    assert (expense.amount, expense.status) == (Decimal("3100.00"), "approved")


@pytest.mark.parametrize(
    ("status", "deleted"),
    [("submitted", True), ("rejected", True), ("approved", False), ("reimbursed", False)],
)
def test_expense_delete_keeps_decided_money(status, deleted, coordinator):
    expense = factories.ExpenseFactory(status=status)
    if deleted:
        services.expense_delete(expense=expense, user=coordinator)
    else:
        with pytest.raises(ValidationError):
            services.expense_delete(expense=expense, user=coordinator)
    assert Expense.objects.filter(pk=expense.pk).exists() is not deleted


def test_confirming_a_participation_twice_proposes_one_line_when_called_directly():
    factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    participation = factories.ParticipationFactory(
        status="confirmed",
        needs_travel=True,
        event__start_date=dt.date(2025, 12, 8),
        event__end_date=dt.date(2025, 12, 10),
    )

    first = services.budget_line_propose_for_participation(participation=participation)
    second = services.budget_line_propose_for_participation(participation=participation)

    assert (first is not None, second) == (True, None)
    assert BudgetLine.objects.filter(participation=participation).count() == 1

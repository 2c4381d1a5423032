"""Workflow transitions through the API's POST actions: the service decides, a refused
transition is a 400, a role that may not is a 403, and approval fields cannot be written
directly."""

from decimal import Decimal

import pytest

from budget.models import Budget, Expense
from members.models import Contribution, Enrolment, StockLevel, SwagRequest
from members.program import services as program
from tests import factories


def test_budget_goes_from_draft_to_approved_through_submit_and_approve(api_as):
    budget = factories.BudgetFactory()
    response = api_as("coordinator").post(f"/api/budgets/{budget.pk}/submit/")
    assert (response.status_code, response.json()["status"]) == (200, "submitted")
    response = api_as("approver").post(
        f"/api/budgets/{budget.pk}/approve/", {"comment": "Agreed by the council"}, format="json"
    )
    assert response.status_code == 200
    budget.refresh_from_db()
    assert (budget.status, budget.decided_by.username, budget.decision_comment) == (
        "approved",
        "approver",
        "Agreed by the council",
    )
    assert response.json()["decided_at"].endswith("Z")


def test_budget_cannot_be_approved_by_a_coordinator(api_as):
    budget = factories.BudgetFactory(status=Budget.Status.SUBMITTED)
    response = api_as("coordinator").post(f"/api/budgets/{budget.pk}/approve/")
    assert response.status_code == 403
    budget.refresh_from_db()
    assert budget.status == "submitted"


def test_approving_a_draft_budget_is_a_400(api_as):
    budget = factories.BudgetFactory()
    response = api_as("approver").post(f"/api/budgets/{budget.pk}/approve/")
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_budget_reject_needs_a_comment(api_as):
    budget = factories.BudgetFactory(status=Budget.Status.SUBMITTED)
    response = api_as("approver").post(f"/api/budgets/{budget.pk}/reject/", {}, format="json")
    assert response.status_code == 400
    assert "comment" in response.json()
    budget.refresh_from_db()
    assert budget.status == "submitted"


def test_budget_status_cannot_be_written_directly(api_as):
    budget = factories.BudgetFactory()
    response = api_as("coordinator").patch(
        f"/api/budgets/{budget.pk}/", {"status": "approved", "title": "2026"}, format="json"
    )
    assert response.status_code == 200
    budget.refresh_from_db()
    assert (budget.status, budget.title) == ("draft", "2026")


def test_expense_approve_reject_and_reimburse(api_as, world):
    expense = factories.ExpenseFactory(member=world["me"])
    rejected = factories.ExpenseFactory(member=world["me"])
    approver = api_as("approver")
    assert approver.post(f"/api/expenses/{expense.pk}/approve/").status_code == 200
    response = approver.post(f"/api/expenses/{rejected.pk}/reject/", {"comment": "No receipt"}, format="json")
    assert response.json()["status"] == "rejected"
    response = api_as("coordinator").post(f"/api/expenses/{expense.pk}/reimburse/")
    assert response.json()["status"] == "reimbursed"
    expense.refresh_from_db()
    assert expense.reimbursed_at is not None


def test_member_cannot_approve_their_own_expense(api_as, world):
    expense = factories.ExpenseFactory(member=world["me"])
    assert api_as("member").post(f"/api/expenses/{expense.pk}/approve/").status_code == 403
    expense.refresh_from_db()
    assert expense.status == Expense.Status.SUBMITTED


def test_anonymous_action_is_a_401(api_as):
    budget = factories.BudgetFactory()
    assert api_as("anonymous").post(f"/api/budgets/{budget.pk}/submit/").status_code == 401


def test_member_applies_and_coordinator_accepts_an_enrolment(api_as, world):
    response = api_as("member").post(
        "/api/ambassadors/", {"track": "translator", "language_pair": "zh→en"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["member"] == world["me"].pk
    enrolment_id = response.json()["id"]
    assert api_as("member").post(f"/api/ambassadors/{enrolment_id}/accept/").status_code == 403
    response = api_as("coordinator").post(f"/api/ambassadors/{enrolment_id}/accept/")
    assert response.json()["status"] == "active"
    assert Enrolment.objects.get(pk=enrolment_id).decided_by.username == "coordinator"


def test_contribution_return_then_accept(api_as, world):
    contribution = factories.ContributionFactory(member=world["me"])
    coordinator = api_as("coordinator")
    response = coordinator.post(
        f"/api/contributions/{contribution.pk}/return/", {"note": "Add the link"}, format="json"
    )
    assert response.json()["status"] == "returned"
    # A returned contribution is accepted only once its author has reworked it.
    response = coordinator.post(f"/api/contributions/{contribution.pk}/accept/", {}, format="json")
    assert response.status_code == 400
    response = api_as("member").patch(
        f"/api/contributions/{contribution.pk}/", {"url_en": "https://example.org/post"}, format="json"
    )
    assert response.json()["status"] == "submitted"
    response = coordinator.post(f"/api/contributions/{contribution.pk}/accept/", {}, format="json")
    assert response.json()["status"] == "accepted"
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.ACCEPTED


def test_contribution_return_needs_a_note(api_as, world):
    contribution = factories.ContributionFactory(member=world["me"])
    response = api_as("coordinator").post(f"/api/contributions/{contribution.pk}/return/")
    assert response.status_code == 400
    assert "note" in response.json()


def test_swag_request_approve_then_ship(api_as, world, coordinator):
    request = world["swag_request"]
    line = request.lines.get()
    store = factories.StockLocationFactory()
    program.stock_record(user=coordinator, variant=line.variant, kind="in", quantity=5, to_location=store)
    coordinator = api_as("coordinator")
    assert coordinator.post(f"/api/swag-requests/{request.pk}/ship/").status_code == 400
    assert coordinator.post(f"/api/swag-requests/{request.pk}/approve/").status_code == 200
    response = coordinator.post(
        f"/api/swag-requests/{request.pk}/ship/", {"tracking_note": "SF123"}, format="json"
    )
    assert (response.json()["status"], response.json()["tracking_note"]) == ("shipped", "SF123")
    request.refresh_from_db()
    assert request.status == SwagRequest.Status.SHIPPED
    # Shipping took the items out of stock.
    assert StockLevel.objects.get(variant=line.variant, location=store).quantity == 5 - line.quantity


@pytest.mark.parametrize("field", ["status", "decided_by", "points", "reviewed_by"])
def test_contribution_approval_fields_are_read_only(api_as, world, field):
    contribution = factories.ContributionFactory(member=world["me"])
    value = {"status": "accepted", "points": 100}.get(field, 1)
    api_as("member").patch(f"/api/contributions/{contribution.pk}/", {field: value}, format="json")
    contribution.refresh_from_db()
    assert (contribution.status, contribution.points, contribution.reviewed_by) == (
        "submitted",
        0,
        None,
    )


def test_approved_budget_figures_and_lines_change_only_through_a_revision(api_as, world):
    budget = world["budget"]
    line = factories.BudgetLineFactory(budget=budget)
    Budget.objects.filter(pk=budget.pk).update(status=Budget.Status.APPROVED)
    coordinator = api_as("coordinator")
    response = coordinator.patch(f"/api/budgets/{budget.pk}/", {"total": "99000.00"}, format="json")
    assert response.status_code == 400
    response = coordinator.patch(f"/api/budget-lines/{line.pk}/", {"amount": "1.00"}, format="json")
    assert response.status_code == 400
    response = coordinator.post(
        "/api/budget-lines/",
        {"budget": budget.pk, "category": "travel", "amount": "100.00", "currency": "CNY"},
        format="json",
    )
    assert response.status_code == 400
    assert coordinator.delete(f"/api/budget-lines/{line.pk}/").status_code == 400
    budget.refresh_from_db()
    line.refresh_from_db()
    assert (budget.total, line.amount, budget.lines.count()) == (Decimal("88000.00"), Decimal("8800.00"), 1)
    # Notes are not figures: they may still change.
    response = coordinator.patch(f"/api/budgets/{budget.pk}/", {"notes": "Council met"}, format="json")
    assert response.status_code == 200

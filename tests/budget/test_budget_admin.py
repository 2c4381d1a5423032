import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from budget.models import Budget, BudgetLine, Expense
from tests import factories

pytestmark = pytest.mark.django_db


def test_admin_budget_change_page_with_line_inlines(coordinator_client):
    budget = factories.BudgetFactory()
    factories.BudgetLineFactory(budget=budget, description="Flight to Taipei")

    response = coordinator_client.get(f"/admin/budget/budget/{budget.pk}/change/")

    assert response.status_code == 200
    assert b"Flight to Taipei" in response.content


def test_admin_submit_action_calls_the_service(coordinator_client):
    budget = factories.BudgetFactory()

    coordinator_client.post(
        "/admin/budget/budget/", {"action": "submit_selected", ACTION_CHECKBOX_NAME: [budget.pk]}
    )

    budget.refresh_from_db()
    assert budget.status == Budget.Status.SUBMITTED


def test_admin_reject_action_asks_for_a_comment_then_rejects(client, approver):
    approver.is_staff = True
    approver.save()
    budget = factories.BudgetFactory(status=Budget.Status.SUBMITTED)
    client.force_login(approver)

    page = client.post(
        "/admin/budget/budget/", {"action": "reject_selected", ACTION_CHECKBOX_NAME: [budget.pk]}
    )
    assert page.status_code == 200
    assert b'name="comment"' in page.content
    client.post(
        "/admin/budget/budget/",
        {
            "action": "reject_selected",
            ACTION_CHECKBOX_NAME: [budget.pk],
            "confirm": "yes",
            "comment": "Halve the booth costs",
        },
    )

    budget.refresh_from_db()
    assert (budget.status, budget.decision_comment) == ("rejected", "Halve the booth costs")


def test_admin_approve_actions_are_hidden_from_coordinators(coordinator_client):
    budget = factories.BudgetFactory(status=Budget.Status.SUBMITTED)
    response = coordinator_client.get("/admin/budget/budget/")
    assert b"approve_selected" not in response.content
    coordinator_client.post(
        "/admin/budget/budget/",
        {"action": "approve_selected", ACTION_CHECKBOX_NAME: [budget.pk], "confirm": "yes"},
    )
    budget.refresh_from_db()
    assert budget.status == Budget.Status.SUBMITTED


def test_admin_expense_approval_refuses_the_submitter(client, approver):
    approver.is_staff = True
    approver.save()
    own = factories.ExpenseFactory(member=approver.member, submitted_by=approver)
    other = factories.ExpenseFactory()
    client.force_login(approver)

    response = client.post(
        "/admin/budget/expense/",
        {
            "action": "approve_selected",
            ACTION_CHECKBOX_NAME: [own.pk, other.pk],
            "confirm": "yes",
            "comment": "",
        },
        follow=True,
    )

    own.refresh_from_db()
    other.refresh_from_db()
    assert (own.status, other.status) == (Expense.Status.SUBMITTED, Expense.Status.APPROVED)
    assert "cannot decide an expense you submitted" in response.content.decode()


def test_admin_lines_of_an_approved_budget_are_read_only(coordinator_client):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    line = factories.BudgetLineFactory(budget=budget)

    response = coordinator_client.post(
        f"/admin/budget/budgetline/{line.pk}/change/",
        {
            "budget": budget.pk,
            "category": "travel",
            "amount": "1.00",
            "currency": "CNY",
            "person_trips": 1,
            "status": "accepted",
        },
    )

    line.refresh_from_db()
    assert line.amount != 1
    assert response.status_code in {200, 403}


def test_admin_accept_proposed_lines_action(coordinator_client):
    line = factories.BudgetLineFactory(status=BudgetLine.Status.PROPOSED)
    coordinator_client.post(
        "/admin/budget/budgetline/", {"action": "accept_selected", ACTION_CHECKBOX_NAME: [line.pk]}
    )
    line.refresh_from_db()
    assert line.status == BudgetLine.Status.ACCEPTED


@pytest.mark.parametrize("path", ["budget", "budgetline", "expense", "exchangerate"])
def test_admin_changelists_render(coordinator_client, path):
    factories.ExpenseFactory()
    factories.ExchangeRateFactory()
    assert coordinator_client.get(f"/admin/budget/{path}/").status_code == 200

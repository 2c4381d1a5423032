import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from budget.models import Budget, Expense
from tests import factories

from .test_budget_receipts import PDF

pytestmark = pytest.mark.django_db


def _expense_post(**extra):
    data = {
        "category": "travel",
        "description": "Flight to Tokyo",
        "amount": "52000",
        "currency": "JPY",
        "spent_on": "2025-12-07",
        "receipt": SimpleUploadedFile("ticket.pdf", PDF, content_type="application/pdf"),
    }
    data.update(extra)
    return data


def test_member_submits_an_expense_with_a_receipt(member_client, member_user):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)

    response = member_client.post("/budget/expenses/new/", _expense_post())

    expense = Expense.objects.get()
    assert response.status_code == 302
    assert (expense.member, expense.budget, expense.amount, expense.currency) == (
        member_user.member,
        budget,
        Decimal("52000.00"),
        "JPY",
    )
    assert expense.receipt.name.startswith("receipts/2025/")
    receipt = member_client.get(f"/budget/expenses/{expense.pk}/receipt/")
    assert receipt.status_code == 200
    assert receipt["Content-Type"] == "application/pdf"
    assert b"".join(receipt.streaming_content) == PDF


def test_expense_with_a_fake_receipt_gets_a_form_error_and_nothing_saved(member_client):
    fake = SimpleUploadedFile("ticket.pdf", b"MZ\x90\x00 not a pdf")

    response = member_client.post("/budget/expenses/new/", _expense_post(receipt=fake))

    assert response.status_code == 400
    assert "receipt" in response.context["form"].errors
    assert Expense.objects.count() == 0


def test_expense_with_an_unknown_currency_is_a_form_error(member_client):
    response = member_client.post("/budget/expenses/new/", _expense_post(currency="XXX"))
    assert response.status_code == 400
    assert Expense.objects.count() == 0


def test_member_sees_only_own_expenses(member_client, member_user):
    mine = factories.ExpenseFactory(member=member_user.member, description="Mine")
    other = factories.ExpenseFactory(description="Someone else's")

    page = member_client.get("/budget/expenses/")

    assert [e.pk for e in page.context["expenses"]] == [mine.pk]
    assert member_client.get(f"/budget/expenses/{other.pk}/").status_code == 404
    assert member_client.get(f"/budget/expenses/{other.pk}/receipt/").status_code == 404


def test_member_cannot_see_budget_reports(member_client):
    budget = factories.BudgetFactory()
    assert member_client.get("/budget/").status_code == 302  # to their expenses
    assert member_client.get(f"/budget/{budget.pk}/").status_code == 403
    assert member_client.get(f"/budget/{budget.pk}/export.csv").status_code == 403


def test_outsider_and_anonymous_are_kept_out(client, outsider):
    assert client.get("/budget/").status_code == 302
    client.force_login(outsider)
    assert client.get("/budget/").status_code == 403
    assert client.get("/budget/expenses/new/").status_code == 403


def test_approver_approves_an_expense_from_the_web_page(client, approver, member_user):
    expense = factories.ExpenseFactory(member=member_user.member, submitted_by=member_user)
    client.force_login(approver)

    page = client.get(f"/budget/expenses/{expense.pk}/")
    assert page.context["can_decide"] is True
    client.post(f"/budget/expenses/{expense.pk}/approve/", {"comment": "ok"})

    expense.refresh_from_db()
    assert (expense.status, expense.decided_by) == ("approved", approver)


def test_web_reject_without_comment_is_refused_with_a_message(client, approver):
    expense = factories.ExpenseFactory()
    client.force_login(approver)

    response = client.post(f"/budget/expenses/{expense.pk}/reject/", {"comment": ""}, follow=True)

    expense.refresh_from_db()
    assert expense.status == "submitted"
    assert "Say why the expense is rejected." in response.content.decode()


def test_member_cannot_approve_by_posting(member_client, member_user):
    expense = factories.ExpenseFactory(member=member_user.member)
    response = member_client.post(f"/budget/expenses/{expense.pk}/approve/")
    assert response.status_code == 403
    expense.refresh_from_db()
    assert expense.status == "submitted"


def test_budget_approved_and_rejected_from_the_web_page(client, approver, coordinator):
    budget = factories.BudgetFactory()
    client.force_login(coordinator)
    client.post(f"/budget/{budget.pk}/submit/", {"body": "council"})
    client.force_login(approver)
    page = client.get(f"/budget/{budget.pk}/")
    assert page.context["can_decide"] is True

    client.post(f"/budget/{budget.pk}/approve/", {"comment": "approved by council"})

    budget.refresh_from_db()
    assert (budget.status, budget.approval_body, budget.decided_by) == (
        "approved",
        "council",
        approver,
    )


def test_report_page_shows_figures_with_currency_and_the_chart(client, approver):
    from tests.budget.budget_data import demo_budget

    budget = demo_budget()
    client.force_login(approver)

    html = client.get(f"/budget/{budget.pk}/").content.decode()

    assert "88,000.00 CNY" in html
    assert "15,140.00 CNY" in html
    assert "2 more person-trips fit" in html
    assert "<svg" in html and "bar-approved" in html
    assert "1 TWD = 0.245 CNY" in html
    assert "style=" not in html  # CSP: no inline styles


def _expenses(size):
    budget = factories.BudgetFactory()
    for _ in range(size):
        factories.ExpenseFactory(budget=budget, event=factories.EventFactory())
    return budget


@pytest.mark.parametrize("size", [2, 15])
def test_expense_list_query_count_is_bounded(size, client, approver, django_assert_max_num_queries):
    _expenses(size)
    client.force_login(approver)
    with django_assert_max_num_queries(6):
        response = client.get("/budget/expenses/")
    assert len(response.context["expenses"]) == size


@pytest.mark.parametrize("size", [2, 15])
def test_budget_report_page_query_count_is_bounded(size, client, approver, django_assert_max_num_queries):
    from .test_budget_report import _budget_of_size

    budget = _budget_of_size(size)
    client.force_login(approver)
    with django_assert_max_num_queries(8):
        response = client.get(f"/budget/{budget.pk}/")
    assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 15])
def test_budget_index_query_count_is_bounded(size, client, coordinator, django_assert_max_num_queries):
    for _ in range(size):
        factories.ExpenseFactory(budget=factories.BudgetFactory())
    factories.ExpenseFactory(budget=None, spent_on=dt.date(2025, 3, 1))
    client.force_login(coordinator)
    with django_assert_max_num_queries(8):
        response = client.get("/budget/")
    assert len(response.context["budgets"]) == size
    assert response.context["uncovered_count"] == size + 1


def test_report_page_in_simplified_chinese(client, approver):
    budget = factories.BudgetFactory()
    client.force_login(approver)
    html = client.get(f"/budget/{budget.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "每人次平均费用" in html
    assert "88,000.00 CNY" in html


def test_receipts_are_reached_only_through_the_protected_route_in_any_mode(
    member_client, member_user, client
):
    from django.test import Client

    factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    member_client.post("/budget/expenses/new/", _expense_post())
    expense = Expense.objects.get()
    api = member_client.get(f"/api/expenses/{expense.pk}/").json()
    assert api["receipt"] == f"http://testserver/budget/expenses/{expense.pk}/receipt/"
    assert member_client.get(api["receipt"]).status_code == 200
    # No public media URL, in demo mode (the test settings load the URLs with DJANGO_DEBUG
    # on, as `make run` does) as in production.
    visitor = Client()
    assert visitor.get(f"/media/{expense.receipt.name}").status_code == 404
    assert member_client.get(f"/media/{expense.receipt.name}").status_code == 404
    # Another member, and a visitor, cannot fetch it.
    other = Client()
    other.force_login(factories.MemberFactory(user=factories.UserFactory(username="other")).user)
    assert other.get(api["receipt"]).status_code == 404
    assert visitor.get(api["receipt"]).status_code in (302, 404)

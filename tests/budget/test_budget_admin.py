from decimal import Decimal

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from budget import services
from budget.models import Budget, BudgetLine, Expense
from tests import factories

from .admin_forms import add_inline_row, admin_form_data, errors_of

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


def test_admin_adds_a_budget_with_its_lines_in_one_post(coordinator_client):
    data = admin_form_data(coordinator_client.get("/admin/budget/budget/add/"))
    data.update(
        title="2026", period_start="2026-01-01", period_end="2026-12-31", total="90000", currency="CNY"
    )
    add_inline_row(
        data, "lines", category="visa", amount="600", currency="CNY", person_trips="0", status="accepted"
    )

    response = coordinator_client.post("/admin/budget/budget/add/", data)

    assert response.status_code == 302
    budget = Budget.objects.get()
    assert (budget.title, budget.status, budget.total) == ("2026", "draft", Decimal("90000.00"))
    assert list(budget.lines.values_list("category", "amount")) == [("visa", Decimal("600.00"))]


def test_admin_refused_row_saves_nothing_of_the_page(coordinator_client):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    url = f"/admin/budget/budget/{budget.pk}/change/"
    data = admin_form_data(coordinator_client.get(url))
    data["notes"] = "Council met"
    add_inline_row(
        data, "lines", category="visa", amount="600", currency="CNY", person_trips="0", status="accepted"
    )

    response = coordinator_client.post(url, data)

    assert response.status_code == 200
    budget.refresh_from_db()
    assert (budget.notes, budget.lines.count()) == ("", 0)


def test_admin_total_of_an_approved_budget_is_a_field_error(coordinator_client):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    url = f"/admin/budget/budget/{budget.pk}/change/"
    data = admin_form_data(coordinator_client.get(url))
    data["total"] = "99000.00"

    response = coordinator_client.post(url, data)

    assert response.context["adminform"].form.errors == {
        "total": ["An approved or submitted budget changes only through a new revision."]
    }
    budget.refresh_from_db()
    assert budget.total == Decimal("88000.00")


def test_admin_budget_add_by_an_approver_is_a_form_error_not_a_403(client, approver):
    approver.is_staff = True
    approver.save()
    client.force_login(approver)
    data = admin_form_data(client.get("/admin/budget/budget/add/"))
    data.update(title="2026", period_start="2026-01-01", period_end="2026-12-31", total="1", currency="CNY")

    response = client.post("/admin/budget/budget/add/", data)

    assert (response.status_code, errors_of(response.context["adminform"].form)) == (
        200,
        ["Only coordinators may do this."],
    )
    assert not Budget.objects.exists()


def test_admin_bulk_delete_goes_through_the_services_all_or_nothing(coordinator_client):
    kept = factories.ExpenseFactory(status=Expense.Status.APPROVED, description="Approved flight")
    withdrawn = factories.ExpenseFactory(description="Filed twice")

    page = coordinator_client.post(
        "/admin/budget/expense/", {"action": "delete_selected", ACTION_CHECKBOX_NAME: [kept.pk, withdrawn.pk]}
    )
    assert b"Are you sure" in page.content
    response = coordinator_client.post(
        "/admin/budget/expense/",
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [kept.pk, withdrawn.pk], "post": "yes"},
        follow=True,
    )

    assert set(Expense.objects.all()) == {kept, withdrawn}  # one refusal: nothing deleted
    assert [str(message) for message in response.context["messages"]] == [
        "Approved flight (3200.00 CNY): Only a submitted or rejected expense can be deleted; "
        "this one is Approved.",
    ]

    response = coordinator_client.post(
        "/admin/budget/expense/",
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [withdrawn.pk], "post": "yes"},
        follow=True,
    )
    assert list(Expense.objects.all()) == [kept]
    assert [str(message) for message in response.context["messages"]] == ["1 deleted."]


def test_admin_expense_add_files_it_for_the_member_under_the_covering_budget(coordinator_client, coordinator):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    member = factories.MemberFactory()
    data = admin_form_data(coordinator_client.get("/admin/budget/expense/add/"))
    data.update(
        member=member.pk,
        category="visa",
        description="Visa",
        amount="80",
        currency="EUR",
        spent_on="2025-07-01",
    )

    assert coordinator_client.post("/admin/budget/expense/add/", data).status_code == 302

    expense = Expense.objects.get()
    assert (expense.member, expense.budget, expense.submitted_by, expense.status) == (
        member,
        budget,
        coordinator,
        "submitted",
    )


def test_admin_revert_to_an_old_version_goes_through_the_service(coordinator_client, coordinator):
    budget = services.budget_create(
        user=coordinator,
        title="2025",
        period_start="2025-01-01",
        period_end="2025-12-31",
        total=Decimal("88000"),
    )
    services.budget_update(budget=budget, user=coordinator, total=Decimal("90000.00"))
    old = budget.history.earliest("history_date")
    Budget.objects.filter(pk=budget.pk).update(status=Budget.Status.APPROVED, approved_revision=1)
    url = f"/admin/budget/budget/{budget.pk}/history/{old.history_id}/"
    data = admin_form_data(coordinator_client.get(url))

    response = coordinator_client.post(url, data)

    assert response.context["adminform"].form.errors == {
        "total": ["An approved or submitted budget changes only through a new revision."]
    }
    budget.refresh_from_db()
    assert budget.total == Decimal("90000.00")


@pytest.mark.parametrize("path", ["expense", "budgetline", "budget"])
def test_admin_saving_a_decided_object_unchanged_is_no_change(coordinator_client, path):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    obj = {
        "expense": lambda: factories.ExpenseFactory(budget=budget, status=Expense.Status.APPROVED),
        "budgetline": lambda: factories.BudgetLineFactory(budget=budget),
        "budget": lambda: budget,
    }[path]()
    url = f"/admin/budget/{path}/{obj.pk}/change/"
    history = obj.history.count()

    response = coordinator_client.post(url, admin_form_data(coordinator_client.get(url)))

    assert response.status_code == 302
    assert obj.history.count() == history


def test_admin_inline_edit_and_delete_on_an_approved_budget_are_refused_on_their_rows(coordinator_client):
    budget = factories.BudgetFactory(status=Budget.Status.APPROVED, approved_revision=1)
    edited = factories.BudgetLineFactory(budget=budget, description="Flight")
    deleted = factories.BudgetLineFactory(budget=budget, description="Hotel")
    url = f"/admin/budget/budget/{budget.pk}/change/"
    data = admin_form_data(coordinator_client.get(url))
    rows = {data[f"lines-{index}-id"]: index for index in range(2)}
    data[f"lines-{rows[edited.pk]}-amount"] = "1.00"
    data[f"lines-{rows[deleted.pk]}-DELETE"] = "on"

    response = coordinator_client.post(url, data)

    refusal = f"The budget “{budget.title}” is Approved: its lines change only through a new revision."
    formset = response.context["inline_admin_formsets"][0].formset
    assert errors_of(formset.forms[rows[edited.pk]]) == [refusal]
    assert formset.non_form_errors() == [refusal]
    assert sorted(BudgetLine.objects.values_list("description", "amount")) == [
        ("Flight", Decimal("8800.00")),
        ("Hotel", Decimal("8800.00")),
    ]

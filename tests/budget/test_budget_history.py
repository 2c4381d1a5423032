import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from budget import services
from budget.models import Budget
from tests import factories

pytestmark = pytest.mark.django_db


def _new_budget(user):
    return services.budget_create(
        user=user,
        title="2025",
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
        total=Decimal("88000.00"),
    )


def test_every_budget_transition_is_kept_with_who_and_old_and_new_values(coordinator, approver, client):
    budget = _new_budget(coordinator)
    services.budget_submit(budget=budget, user=coordinator)
    services.budget_approve(budget=budget, user=approver, comment="ok")

    records = list(budget.history.order_by("history_id"))
    assert [(r.history_type, r.status, r.history_user) for r in records] == [
        ("+", "draft", coordinator),
        ("~", "submitted", coordinator),
        ("~", "approved", approver),
    ]
    delta = records[2].diff_against(records[1])
    changed = {change.field: (change.old, change.new) for change in delta.changes}
    assert changed["status"] == ("submitted", "approved")
    assert changed["decision_comment"] == ("", "ok")


def test_line_and_expense_changes_are_kept(coordinator, approver, member_user):
    budget = factories.BudgetFactory()
    line = services.budget_line_create(
        budget=budget, user=coordinator, category="visa", amount=Decimal("600.00"), currency="CNY"
    )
    services.budget_line_update(line=line, user=coordinator, amount=Decimal("650.00"))
    expense = services.expense_submit(
        user=member_user,
        budget=budget,
        category="visa",
        description="Visa",
        amount=Decimal("80.00"),
        currency="EUR",
        spent_on=dt.date(2025, 7, 1),
    )
    services.expense_approve(expense=expense, user=approver)
    services.budget_line_delete(line=line, user=coordinator)

    assert [(r.history_type, r.amount) for r in line.history.order_by("history_id")] == [
        ("+", Decimal("600.00")),
        ("~", Decimal("650.00")),
        ("-", Decimal("650.00")),
    ]
    assert [r.status for r in expense.history.order_by("history_id")] == ["submitted", "approved"]


def test_history_records_the_user_of_a_web_request(client, approver):
    budget = factories.BudgetFactory(status=Budget.Status.SUBMITTED)
    client.force_login(approver)

    client.post(f"/budget/{budget.pk}/approve/", {"comment": "agreed"})

    record = budget.history.latest("history_date")
    assert (record.status, record.history_user) == ("approved", approver)


def test_history_is_visible_in_admin(client, coordinator, approver):
    budget = _new_budget(coordinator)
    services.budget_submit(budget=budget, user=coordinator)
    client.force_login(coordinator)

    response = client.get(f"/admin/budget/budget/{budget.pk}/history/")

    assert response.status_code == 200
    assert b"Submitted" in response.content


def test_history_is_written_by_the_services_not_by_saving(coordinator):
    budget = factories.BudgetFactory()  # a plain save, as a migration or a fixture would
    assert budget.history.count() == 0

    with pytest.raises(ValidationError):
        services.budget_close(budget=budget, user=coordinator)  # refused: nothing recorded
    services.budget_delete(budget=budget, user=coordinator)

    assert [r.history_type for r in Budget.history.filter(id=budget.pk)] == ["-"]

"""budget.reports.period_money: the year's money for the events' review, converted like the
budget report (the rate of the day or the latest before it; a missing rate is left out and
listed, never guessed)."""

import datetime as dt
from decimal import Decimal

import pytest

from budget.models import Budget, Expense
from budget.period import period_money
from budget.reports import budget_report
from tests import factories

pytestmark = pytest.mark.django_db


def test_period_money_agrees_with_the_budget_report():
    budget = factories.BudgetFactory(
        status=Budget.Status.APPROVED, approved_revision=1, approved_total=Decimal("80000")
    )
    event = factories.EventFactory(start_date=dt.date(2025, 2, 1), end_date=dt.date(2025, 2, 2))
    factories.ExchangeRateFactory(currency="EUR", date=dt.date(2025, 1, 1), rate=Decimal("7.8"))
    factories.ExpenseFactory(
        budget=budget, event=event, amount=Decimal("100"), currency="EUR", status="approved"
    )
    factories.ExpenseFactory(
        budget=budget, event=event, amount=Decimal("50"), currency="USD", status="approved"
    )
    factories.ExpenseFactory(
        budget=budget, amount=Decimal("200"), currency="CNY", status=Expense.Status.SUBMITTED
    )
    factories.ExpenseFactory(
        budget=budget, amount=Decimal("999"), currency="CNY", status=Expense.Status.REJECTED
    )
    money = period_money(event_ids=[event.pk], first=dt.date(2025, 1, 1), last=dt.date(2025, 12, 31))
    report = budget_report(budget=budget)
    assert money.spent == report.approved == Decimal("780.00")
    assert money.pending == report.pending == Decimal("200.00")
    assert money.planned == Decimal("88000.00") and money.approved_budget == Decimal("80000.00")
    assert money.by_event == {event.pk: Decimal("780.00")}
    assert [(c.currency, c.amount) for c in money.missing] == [("USD", Decimal("50.00"))]


def test_period_money_without_a_budget_is_zero_in_cny(django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        money = period_money(event_ids=[], first=dt.date(2025, 1, 1), last=dt.date(2025, 12, 31))
    assert (money.currency, money.planned, money.spent, money.person_trips) == ("CNY", 0, 0, 0)
    assert money.spent_per_person_trip is None

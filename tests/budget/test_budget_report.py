import datetime as dt
from decimal import Decimal

import pytest

from budget.models import Budget, Expense
from budget.reports import budget_report
from tests import factories
from tests.budget.budget_data import demo_budget

pytestmark = pytest.mark.django_db


def test_report_on_demo_budget_matches_hand_computed_figures():
    report = budget_report(budget=demo_budget())

    assert report.currency == "CNY"
    assert report.total == Decimal("88000.00")
    assert report.planned == Decimal("71000.00")
    assert report.proposed == Decimal("8800.00")
    assert report.approved == Decimal("15140.00")
    assert report.reimbursed == Decimal("1500.00")
    assert report.pending == Decimal("2205.00")
    assert report.committed == Decimal("71500.00")
    assert report.remaining == Decimal("70655.00")
    assert report.uncommitted == Decimal("16500.00")
    assert (report.person_trips_used, report.person_trips_planned) == (4, 10)
    assert report.person_trips_in_lines == 7
    assert report.average_cost == Decimal("7175.00")
    assert report.average_is_actual is True
    assert report.forecast_trips == 2


def test_report_breakdowns_by_event_person_and_category():
    report = budget_report(budget=demo_budget())

    by_event = {g.label: (g.planned, g.approved, g.pending, g.person_trips_used) for g in report.by_event}
    assert by_event == {
        "Community Over Code Asia 2025": (
            Decimal("9000.00"),
            Decimal("9500.00"),
            Decimal("0.00"),
            2,
        ),
        "COSCUP 2025": (Decimal("19200.00"), Decimal("5640.00"), Decimal("2205.00"), 2),
        "Open Source Summit Japan 2025": (Decimal("18800.00"), Decimal("0.00"), Decimal("0.00"), 0),
        "FOSDEM 2026": (Decimal("24000.00"), Decimal("0.00"), Decimal("0.00"), 0),
    }
    richard = next(g for g in report.by_person if g.label == "Richard")
    assert (richard.planned, richard.approved, richard.pending) == (
        Decimal("31000.00"),
        Decimal("2880.00"),
        Decimal("2205.00"),
    )
    by_category = {g.key: (g.planned, g.approved, g.pending) for g in report.by_category}
    assert by_category == {
        "travel": (Decimal("65000.00"), Decimal("6840.00"), Decimal("0.00")),
        "lodging": (Decimal("0.00"), Decimal("1500.00"), Decimal("2205.00")),
        "booth": (Decimal("6000.00"), Decimal("6800.00"), Decimal("0.00")),
    }


def test_report_states_each_rate_used_and_reports_the_missing_one():
    report = budget_report(budget=demo_budget())

    assert [(r["currency"], r["date"], r["rate"]) for r in report.rates_used] == [
        ("JPY", dt.date(2025, 12, 1), Decimal("0.04700000")),
        ("TWD", dt.date(2025, 8, 1), Decimal("0.24000000")),
        ("TWD", dt.date(2025, 8, 10), Decimal("0.24500000")),
    ]
    assert [item.obj.description for item in report.missing_rates] == ["OSS Japan ticket"]
    missing = [w.message for w in report.warnings if w.code == "missing_rate"]
    assert missing == [
        "No JPY→CNY rate on or before 2025-11-20: OSS Japan ticket (30,000.00 JPY) is left out of the totals."
    ]


def test_report_warns_when_an_event_spends_more_than_its_planned_lines():
    report = budget_report(budget=demo_budget())

    assert [w.message for w in report.warnings if w.code == "event_over_plan"] == [
        "Community Over Code Asia 2025: expenses (9,500.00 CNY) exceed its planned lines "
        "(9,000.00 CNY) by 500.00 CNY."
    ]
    assert {w.code for w in report.warnings} == {"event_over_plan", "missing_rate"}


def test_report_warns_when_spending_exceeds_the_total():
    budget = factories.BudgetFactory(
        total=Decimal("1000.00"), status=Budget.Status.APPROVED, approved_revision=1
    )
    factories.BudgetLineFactory(budget=budget, amount=Decimal("1200.00"))
    factories.ExpenseFactory(budget=budget, amount=Decimal("900.00"), status=Expense.Status.APPROVED)
    factories.ExpenseFactory(budget=budget, amount=Decimal("200.00"), status=Expense.Status.SUBMITTED)

    codes = [w.code for w in budget_report(budget=budget).warnings]

    assert "planned_over_total" in codes
    assert "spent_and_pending_over_total" in codes
    factories.ExpenseFactory(budget=budget, amount=Decimal("200.00"), status=Expense.Status.APPROVED)
    assert "spent_over_total" in [w.code for w in budget_report(budget=budget).warnings]


def test_report_warns_about_expenses_on_a_budget_never_approved():
    budget = factories.BudgetFactory(status=Budget.Status.SUBMITTED)
    factories.ExpenseFactory(budget=budget)
    factories.ExpenseFactory(budget=budget, status=Expense.Status.REJECTED)

    warnings = [
        w for w in budget_report(budget=budget).warnings if w.code == "expenses_without_approved_budget"
    ]

    assert [w.message for w in warnings] == [
        "1 expense(s) are recorded against this budget, which has no approved revision yet."
    ]


def test_report_uses_planned_average_before_any_trip_is_made():
    budget = factories.BudgetFactory(total=Decimal("88000.00"), planned_person_trips=10)
    factories.BudgetLineFactory(budget=budget, amount=Decimal("8000.00"), person_trips=1)
    factories.BudgetLineFactory(budget=budget, amount=Decimal("10000.00"), person_trips=1)

    report = budget_report(budget=budget)

    assert report.average_is_actual is False
    assert report.average_cost == Decimal("9000.00")
    # uncommitted 88,000 − 18,000 = 70,000; 70,000 // 9,000 = 7
    assert report.forecast_trips == 7


def test_one_taxi_receipt_is_not_the_cost_of_a_person_trip():
    """The issue's case: a plan of 88,000 CNY for 10 person-trips and one approved 350.50 CNY
    taxi receipt for a trip still ahead. Before: "average 350.50, 250 more person-trips fit"."""
    budget = factories.BudgetFactory(total=Decimal("88000.00"), planned_person_trips=10)
    event = factories.EventFactory(start_date=dt.date(2099, 5, 1), end_date=dt.date(2099, 5, 3))
    factories.ExpenseFactory(
        budget=budget, event=event, amount=Decimal("350.50"), currency="CNY", status=Expense.Status.APPROVED
    )
    report = budget_report(budget=budget)
    # The trip is not over: it costs at least the plan's 88,000 / 10 = 8,800.
    assert (report.person_trips_used, report.average_cost, report.average_is_actual) == (
        1,
        Decimal("8800.00"),
        True,
    )
    # Uncommitted 88,000 − 350.50 = 87,649.50; // 8,800 = 9 more (10 with the one made).
    assert report.forecast_trips == 9


def test_a_trip_with_a_planned_line_costs_its_line_until_the_expenses_pass_it():
    budget = factories.BudgetFactory(total=Decimal("88000.00"), planned_person_trips=10)
    event = factories.EventFactory(start_date=dt.date(2025, 8, 9), end_date=dt.date(2025, 8, 10))
    member = factories.MemberFactory()
    factories.BudgetLineFactory(
        budget=budget, event=event, member=member, amount=Decimal("9600.00"), person_trips=1
    )
    factories.ExpenseFactory(
        budget=budget,
        event=event,
        member=member,
        amount=Decimal("350.50"),
        currency="CNY",
        status=Expense.Status.APPROVED,
    )
    report = budget_report(budget=budget)
    # Over, and its line is larger than its expenses: 9,600 for 1; uncommitted 78,400 // 9,600 = 8.
    assert (report.average_cost, report.forecast_trips) == (Decimal("9600.00"), 8)


def _budget_of_size(size):
    budget = factories.BudgetFactory()
    for index in range(size):
        event = factories.EventFactory()
        member = factories.MemberFactory()
        factories.BudgetLineFactory(budget=budget, event=event, member=member, currency="EUR")
        factories.ExpenseFactory(
            budget=budget,
            event=event,
            member=member,
            currency="JPY",
            spent_on=dt.date(2025, 7, 1 + index % 20),
        )
    factories.ExchangeRateFactory(currency="EUR", date=dt.date(2025, 1, 1), rate=Decimal("7.8"))
    factories.ExchangeRateFactory(currency="JPY", date=dt.date(2025, 1, 1), rate=Decimal("0.05"))
    return budget


@pytest.mark.parametrize("size", [2, 20])
def test_report_query_count_does_not_grow_with_the_budget(size, django_assert_num_queries):
    budget = _budget_of_size(size)
    with django_assert_num_queries(3):  # lines, expenses, rates
        report = budget_report(budget=budget)
    assert len(report.by_event) == size

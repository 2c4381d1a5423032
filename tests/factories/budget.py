"""Factories for the budget models."""

import datetime as dt
from decimal import Decimal

import factory

from budget.models import Budget, BudgetLine, Category, ExchangeRate, Expense

from .members import MemberFactory


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Budget

    title = factory.Sequence(lambda n: f"Budget {n}")
    period_start = dt.date(2025, 1, 1)
    period_end = dt.date(2025, 12, 31)
    currency = "CNY"
    total = Decimal("88000.00")
    planned_person_trips = 10


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    budget = factory.SubFactory(BudgetFactory)
    category = Category.TRAVEL
    amount = Decimal("8800.00")
    currency = "CNY"
    person_trips = 1


class ExpenseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expense

    budget = factory.SubFactory(BudgetFactory)
    member = factory.SubFactory(MemberFactory)
    category = Category.TRAVEL
    description = "Flight"
    amount = Decimal("3200.00")
    currency = "CNY"
    spent_on = dt.date(2025, 7, 20)


class ExchangeRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExchangeRate

    currency = "JPY"
    quote_currency = "CNY"
    date = dt.date(2025, 12, 1)
    rate = Decimal("0.04700000")

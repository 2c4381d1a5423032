"""Filters for the budget API (django-filter); an unknown value is a 400."""

import django_filters as filters

from budget.models import Budget, BudgetLine, Category, ExchangeRate, Expense
from intl_portal.common.currencies import CURRENCY_CHOICES


class BudgetFilter(filters.FilterSet):
    status = filters.MultipleChoiceFilter(choices=Budget.Status.choices)
    active_on = filters.DateFilter(method="filter_active_on", label="Covering this day")

    class Meta:
        model = Budget
        fields = ["currency"]

    def filter_active_on(self, queryset, name, value):
        return queryset.filter(period_start__lte=value, period_end__gte=value)


class BudgetLineFilter(filters.FilterSet):
    category = filters.MultipleChoiceFilter(choices=Category.choices)
    status = filters.ChoiceFilter(choices=BudgetLine.Status.choices)

    class Meta:
        model = BudgetLine
        fields = ["budget", "event", "member"]


class ExpenseFilter(filters.FilterSet):
    category = filters.MultipleChoiceFilter(choices=Category.choices)
    status = filters.MultipleChoiceFilter(choices=Expense.Status.choices)
    currency = filters.ChoiceFilter(choices=CURRENCY_CHOICES)
    spent_after = filters.DateFilter(field_name="spent_on", lookup_expr="gte")
    spent_before = filters.DateFilter(field_name="spent_on", lookup_expr="lte")

    class Meta:
        model = Expense
        fields = ["budget", "event", "member"]


class ExchangeRateFilter(filters.FilterSet):
    currency = filters.ChoiceFilter(choices=CURRENCY_CHOICES)
    quote_currency = filters.ChoiceFilter(choices=CURRENCY_CHOICES)
    date_after = filters.DateFilter(field_name="date", lookup_expr="gte")
    date_before = filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = ExchangeRate
        fields = ["date"]

"""API representations of budgets, budget lines, expenses and exchange rates. Money is a
decimal string beside an ISO 4217 currency; approval fields are read-only (they change
through the workflow actions). Shape only: the viewsets save through budget.services."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from budget.models import Budget, BudgetLine, ExchangeRate, Expense
from intl_portal.api.base import CurrentMember, PortalModelSerializer
from intl_portal.common.currencies import CURRENCY_CHOICES
from members.models import Member


class CurrencyField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("“{input}” is not an ISO 4217 currency code.")},
        )
        super().__init__(choices=CURRENCY_CHOICES, **kwargs)


class BudgetLineSerializer(PortalModelSerializer):
    currency = CurrencyField(required=False, default="CNY")

    class Meta:
        model = BudgetLine
        fields = [
            "id",
            "budget",
            "event",
            "member",
            "participation",
            "category",
            "description",
            "amount",
            "currency",
            "person_trips",
            "status",
        ]

    constraint_fields = {"budgetline_amount_not_negative": "amount"}


class NestedBudgetLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = BudgetLine
        fields = [
            "id",
            "event",
            "member",
            "category",
            "description",
            "amount",
            "currency",
            "person_trips",
            "status",
        ]
        read_only_fields = fields


class BudgetSerializer(PortalModelSerializer):
    """A budget with its planned lines. Its status moves only through submit / approve /
    reject."""

    currency = CurrencyField(required=False, default="CNY")
    lines = NestedBudgetLineSerializer(many=True, read_only=True)

    class Meta:
        model = Budget
        fields = [
            "id",
            "title",
            "period_start",
            "period_end",
            "currency",
            "total",
            "planned_person_trips",
            "status",
            "approval_body",
            "revision",
            "submitted_at",
            "decided_by",
            "decided_at",
            "decision_comment",
            "notes",
            "lines",
            "created_at",
        ]
        read_only_fields = [
            "status",
            "revision",
            "submitted_at",
            "decided_by",
            "decided_at",
            "decision_comment",
            "created_at",
        ]

    constraint_fields = {
        "budget_total_not_negative": "total",
        "budget_period_end_after_start": "period_end",
    }


class ExpenseSerializer(PortalModelSerializer):
    """An expense. A member submits their own (member is then always the caller);
    decisions go through approve / reject / reimburse."""

    currency = CurrencyField()
    member = serializers.PrimaryKeyRelatedField(queryset=Member.objects.all(), required=False)

    class Meta:
        model = Expense
        fields = [
            "id",
            "budget",
            "event",
            "member",
            "category",
            "description",
            "amount",
            "currency",
            "spent_on",
            "receipt",
            "status",
            "submitted_by",
            "decided_by",
            "decided_at",
            "decision_comment",
            "reimbursed_at",
            "created_at",
        ]
        read_only_fields = [
            "receipt",
            "status",
            "submitted_by",
            "decided_by",
            "decided_at",
            "decision_comment",
            "reimbursed_at",
            "created_at",
        ]

    receipt = serializers.SerializerMethodField(
        help_text=_("The receipt's protected address (only who may see the expense may fetch it), or null.")
    )

    def get_receipt(self, expense) -> str | None:
        if not expense.receipt:
            return None
        path = reverse("budget:expense_receipt", kwargs={"pk": expense.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path

    # Whose expense: the caller's own unless given (expense_submit decides who may file
    # for whom: a member for themselves, a coordinator for anyone).
    member = serializers.PrimaryKeyRelatedField(queryset=Member.objects.all(), default=CurrentMember())
    constraint_fields = {"expense_amount_not_negative": "amount"}


class ExchangeRateSerializer(PortalModelSerializer):
    currency = CurrencyField()
    quote_currency = CurrencyField(required=False, default="CNY")

    class Meta:
        model = ExchangeRate
        fields = ["id", "currency", "quote_currency", "date", "rate", "source"]

    constraint_fields = {
        "exchangerate_one_per_day": "date",
        "exchangerate_rate_positive": "rate",
        "exchangerate_two_currencies": "quote_currency",
    }

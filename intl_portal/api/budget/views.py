"""REST API for budgets, budget lines, expenses and exchange rates. Workflow transitions
are POST actions that call budget.services; see intl_portal/permissions.py for who may."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from budget import services
from budget.models import Budget, BudgetLine, ExchangeRate, Expense
from intl_portal.api.base import CommentSerializer, PortalViewSet, RequiredCommentSerializer
from intl_portal.api.permissions import (
    MembersOnly,
    MembersReadApproversWrite,
    MembersReadCoordinatorsWrite,
    MembersSubmitCoordinatorsChange,
)

from . import filters, serializers


class BudgetViewSet(PortalViewSet):
    queryset = Budget.objects.prefetch_related(
        Prefetch("lines", queryset=BudgetLine.objects.order_by("event_id", "id"))
    )
    serializer_class = serializers.BudgetSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.BudgetFilter
    search_fields = ["title", "notes"]
    ordering_fields = ["period_start", "title", "status", "created_at"]
    transition_argument = "budget"

    def perform_update(self, serializer):
        # The service keeps an approved or submitted budget's figures locked.
        serializer.instance = services.budget_update(
            budget=serializer.instance, user=self.request.user, **serializer.validated_data
        )

    @extend_schema(request=None, responses=serializers.BudgetSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def submit(self, request, pk=None):
        return self.run_transition(services.budget_submit)

    @extend_schema(request=CommentSerializer, responses=serializers.BudgetSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def approve(self, request, pk=None):
        data = self.action_data(CommentSerializer)
        return self.run_transition(services.budget_approve, comment=data["comment"])

    @extend_schema(request=RequiredCommentSerializer, responses=serializers.BudgetSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def reject(self, request, pk=None):
        data = self.action_data(RequiredCommentSerializer)
        return self.run_transition(services.budget_reject, comment=data["comment"])


class BudgetLineViewSet(PortalViewSet):
    queryset = BudgetLine.objects.all()
    serializer_class = serializers.BudgetLineSerializer
    permission_classes = [MembersReadCoordinatorsWrite]
    filterset_class = filters.BudgetLineFilter
    search_fields = ["description"]
    ordering_fields = ["amount", "category", "id"]

    # Lines of an approved or submitted budget change only through a revision (services).
    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        serializer.instance = services.budget_line_create(
            budget=fields.pop("budget"), user=self.request.user, **fields
        )

    def perform_update(self, serializer):
        serializer.instance = services.budget_line_update(
            line=serializer.instance, user=self.request.user, **serializer.validated_data
        )

    def perform_destroy(self, instance):
        services.budget_line_delete(line=instance, user=self.request.user)


class ExpenseViewSet(PortalViewSet):
    """Expenses: a member sees and submits their own; coordinators and approvers see all."""

    serializer_class = serializers.ExpenseSerializer
    permission_classes = [MembersSubmitCoordinatorsChange]
    filterset_class = filters.ExpenseFilter
    search_fields = ["description"]
    ordering_fields = ["spent_on", "amount", "status", "created_at"]
    transition_argument = "expense"

    def get_queryset(self):
        expenses = Expense.objects.all()
        viewer = self.viewer
        if viewer.is_coordinator or viewer.is_approver:
            return expenses
        if viewer.member is None:
            return expenses.none()
        return expenses.filter(member=viewer.member)

    def perform_create(self, serializer):
        # The service picks the budget covering the day and checks who may submit for whom.
        serializer.instance = services.expense_submit(user=self.request.user, **serializer.validated_data)

    @extend_schema(request=CommentSerializer, responses=serializers.ExpenseSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def approve(self, request, pk=None):
        data = self.action_data(CommentSerializer)
        return self.run_transition(services.expense_approve, comment=data["comment"])

    @extend_schema(request=RequiredCommentSerializer, responses=serializers.ExpenseSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def reject(self, request, pk=None):
        data = self.action_data(RequiredCommentSerializer)
        return self.run_transition(services.expense_reject, comment=data["comment"])

    @extend_schema(request=None, responses=serializers.ExpenseSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MembersOnly])
    def reimburse(self, request, pk=None):
        return self.run_transition(services.expense_mark_reimbursed)


class ExchangeRateViewSet(PortalViewSet):
    queryset = ExchangeRate.objects.all()
    serializer_class = serializers.ExchangeRateSerializer
    permission_classes = [MembersReadApproversWrite]
    filterset_class = filters.ExchangeRateFilter
    search_fields = ["source"]
    ordering_fields = ["date", "currency"]

"""REST API for budgets, budget lines, expenses and exchange rates. Every write — create,
update, delete and the workflow actions — is one call to budget.services, which decides;
the serializers check shape only. Who may call what: ./permissions.py."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action

from budget import services
from budget.models import Budget, BudgetLine, ExchangeRate
from budget.selectors import expenses_visible_to
from budget.writes import BudgetLineWrites, BudgetWrites, ExchangeRateWrites, ExpenseWrites
from intl_portal.api.base import CommentSerializer, PortalViewSet, RequiredCommentSerializer
from intl_portal.api.permissions import MembersOnly

from . import filters, serializers
from .permissions import BudgetPermission, ExchangeRatePermission, ExpensePermission


class BudgetViewSet(BudgetWrites, PortalViewSet):
    queryset = Budget.objects.prefetch_related(
        Prefetch("lines", queryset=BudgetLine.objects.order_by("event_id", "id"))
    )
    serializer_class = serializers.BudgetSerializer
    permission_classes = [BudgetPermission]
    filterset_class = filters.BudgetFilter
    search_fields = ["title", "notes"]
    ordering_fields = ["period_start", "title", "status", "created_at"]
    transition_argument = "budget"

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


class BudgetLineViewSet(BudgetLineWrites, PortalViewSet):
    queryset = BudgetLine.objects.all()
    serializer_class = serializers.BudgetLineSerializer
    permission_classes = [BudgetPermission]
    filterset_class = filters.BudgetLineFilter
    search_fields = ["description"]
    ordering_fields = ["amount", "category", "id"]


class ExpenseViewSet(ExpenseWrites, PortalViewSet):
    """Expenses: a member sees and submits their own; coordinators and approvers see all."""

    serializer_class = serializers.ExpenseSerializer
    permission_classes = [ExpensePermission]
    filterset_class = filters.ExpenseFilter
    search_fields = ["description"]
    ordering_fields = ["spent_on", "amount", "status", "created_at"]
    transition_argument = "expense"

    def get_queryset(self):
        return expenses_visible_to(user=self.request.user)

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


class ExchangeRateViewSet(ExchangeRateWrites, PortalViewSet):
    """Rates are entered and corrected through services.exchange_rate_set, as in the admin."""

    queryset = ExchangeRate.objects.all()
    serializer_class = serializers.ExchangeRateSerializer
    permission_classes = [ExchangeRatePermission]
    filterset_class = filters.ExchangeRateFilter
    search_fields = ["source"]
    ordering_fields = ["date", "currency"]

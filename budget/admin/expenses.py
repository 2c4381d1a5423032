"""Expenses: filed, corrected and withdrawn through the services, decided by actions."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from intl_portal.common.admin import InUseChoicesFilter, ServiceHistoryAdmin, service_action

from .. import services
from ..models import Expense
from ..selectors import expenses_visible_to
from ..templatetags.budget_tags import money
from ..writes import ExpenseWrites
from .decisions import DecidedByApprovers, decision_action


class BudgetFilter(admin.RelatedFieldListFilter):
    """By budget, the expenses outside any budget named as such rather than "-"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_value_display = _("no budget")


@admin.register(Expense)
class ExpenseAdmin(ExpenseWrites, DecidedByApprovers, ServiceHistoryAdmin):
    list_display = (
        "spent_on",
        "description",
        "member",
        "event",
        "amount_display",
        "status",
        "submitted_by",
    )
    list_filter = ("status", "category", ("budget", BudgetFilter), ("currency", InUseChoicesFilter))
    list_select_related = ("member", "event", "budget", "submitted_by")
    search_fields = ("description", "member__display_name", "event__name")
    date_hierarchy = "spent_on"
    readonly_fields = (
        "status",
        "submitted_by",
        "decided_by",
        "decided_at",
        "decision_comment",
        "reimbursed_at",
        "created_at",
    )
    actions = ["approve_selected", "reject_selected", "reimburse_selected"]
    history_list_display = ("status", "amount", "currency")

    def get_queryset(self, request):
        queryset = expenses_visible_to(user=request.user)
        ordering = self.get_ordering(request)
        return queryset.order_by(*ordering) if ordering else queryset

    @admin.display(description=_("amount"), ordering="amount")
    def amount_display(self, obj):
        return money(obj.amount, obj.currency)

    approve_selected = decision_action(
        _("Approve"),
        _("Approve expenses"),
        lambda request, expense, comment: services.expense_approve(
            expense=expense, user=request.user, comment=comment
        ),
        _("%(count)s expense(s) approved."),
    )
    reject_selected = decision_action(
        _("Reject"),
        _("Reject expenses"),
        lambda request, expense, comment: services.expense_reject(
            expense=expense, user=request.user, comment=comment
        ),
        _("%(count)s expense(s) rejected."),
    )
    reimburse_selected = service_action(
        _("Mark reimbursed"),
        lambda request, expense: services.expense_mark_reimbursed(expense=expense, user=request.user),
        _("%(count)s expense(s) marked reimbursed."),
    )

"""Budgets with their planned lines (an inline), and the planned lines on their own."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from intl_portal.common.admin import ServiceHistoryAdmin, ServiceInline, service_action
from intl_portal.common.day_ranges import day_range

from .. import services
from ..models import Budget, BudgetLine
from ..templatetags.budget_tags import money
from ..writes import BudgetLineWrites, BudgetWrites
from .decisions import DecidedByApprovers, decision_action


class BudgetLineInline(BudgetLineWrites, ServiceInline):
    model = BudgetLine
    extra = 0
    fields = (
        "event",
        "member",
        "category",
        "description",
        "amount",
        "currency",
        "person_trips",
        "status",
    )
    raw_id_fields = ("participation",)
    show_change_link = True


@admin.register(Budget)
class BudgetAdmin(BudgetWrites, DecidedByApprovers, ServiceHistoryAdmin):
    list_display = (
        "title",
        "period",
        "status",
        "total_display",
        "report_link",
    )
    list_filter = ("status", "approval_body")
    search_fields = ("title",)
    inlines = [BudgetLineInline]
    actions = [
        "submit_selected",
        "approve_selected",
        "reject_selected",
        "revise_selected",
        "close_selected",
    ]
    history_list_display = ("status", "revision", "total")
    workflow_fields = (
        "status",
        "revision",
        "submitted_at",
        "decided_by",
        "decided_at",
        "decision_comment",
        "approved_revision",
        "approved_total",
        "created_at",
    )
    readonly_fields = workflow_fields
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "period_start",
                    "period_end",
                    "currency",
                    "total",
                    "planned_person_trips",
                    "approval_body",
                    "notes",
                )
            },
        ),
        (_("Workflow"), {"fields": workflow_fields}),
    )

    @admin.display(description=_("Period"), ordering="period_start")
    def period(self, obj):
        return day_range(obj.period_start, obj.period_end, year=True)

    @admin.display(description=_("total"), ordering="total")
    def total_display(self, obj):
        return money(obj.total, obj.currency)

    @admin.display(description=_("report"))
    def report_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("budget:budget_detail", args=[obj.pk]), _("report"))

    submit_selected = service_action(
        _("Submit for approval"),
        lambda request, budget: services.budget_submit(budget=budget, user=request.user),
        _("%(count)s budget(s) submitted."),
    )
    approve_selected = decision_action(
        _("Approve"),
        _("Approve budgets"),
        lambda request, budget, comment: services.budget_approve(
            budget=budget, user=request.user, comment=comment
        ),
        _("%(count)s budget(s) approved."),
    )
    reject_selected = decision_action(
        _("Reject"),
        _("Reject budgets"),
        lambda request, budget, comment: services.budget_reject(
            budget=budget, user=request.user, comment=comment
        ),
        _("%(count)s budget(s) rejected."),
    )
    revise_selected = service_action(
        _("Start a revision"),
        lambda request, budget: services.budget_revise(budget=budget, user=request.user),
        _("%(count)s budget(s) reopened as a new revision."),
    )
    close_selected = service_action(
        _("Close"),
        lambda request, budget: services.budget_close(budget=budget, user=request.user),
        _("%(count)s budget(s) closed."),
    )


@admin.register(BudgetLine)
class BudgetLineAdmin(BudgetLineWrites, ServiceHistoryAdmin):
    list_display = (
        "budget",
        "event",
        "member",
        "category",
        "amount_display",
        "person_trips",
        "status",
    )
    list_filter = ("status", "category", "budget")
    list_select_related = ("budget", "event", "member")
    search_fields = ("description", "event__name", "member__display_name")
    raw_id_fields = ("participation",)
    actions = ["accept_selected"]

    @admin.display(description=_("amount"), ordering="amount")
    def amount_display(self, obj):
        return money(obj.amount, obj.currency)

    accept_selected = service_action(
        _("Accept the proposed lines"),
        lambda request, line: services.budget_line_accept(line=line, user=request.user),
        _("%(count)s line(s) accepted."),
    )

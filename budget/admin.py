"""The coordinators' main tool: budgets with their lines, expenses, exchange rates.

Workflow changes go through budget.services (admin actions), so the same rules hold as on
the web pages and in the API. History (who, when, old and new values) is on each object's
"History" page (django-simple-history).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from members.permissions import is_approver

from . import services
from .models import Budget, BudgetLine, ExchangeRate, Expense
from .templatetags.budget_tags import money

GUARDED_BUDGET_FIELDS = ("total", "currency", "planned_person_trips", "period_start", "period_end")


def _run(modeladmin, request, queryset, call, done):
    """Call a service for each selected object; report each refusal, count the successes."""
    count = 0
    for obj in queryset:
        try:
            call(obj)
        except (ValidationError, PermissionDenied) as error:
            text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            modeladmin.message_user(request, f"{obj}: {text}", messages.ERROR)
        else:
            count += 1
    if count:
        modeladmin.message_user(request, done % {"count": count}, messages.SUCCESS)


def _with_comment(modeladmin, request, queryset, action, title, call, done):
    """An action that first asks for a comment (required to reject) on an intermediate page."""
    if request.POST.get("confirm"):
        comment = request.POST.get("comment", "")
        _run(modeladmin, request, queryset, lambda obj: call(obj, comment), done)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "queryset": queryset,
        "action": action,
        "opts": modeladmin.model._meta,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/budget/decision_comment.html", context)


class BudgetLineInline(admin.TabularInline):
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
    autocomplete_fields = ()
    raw_id_fields = ("participation",)
    show_change_link = True

    def _locked(self, obj):
        return obj is not None and not obj.is_editable

    def has_add_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_delete_permission(request, obj)


@admin.register(Budget)
class BudgetAdmin(SimpleHistoryAdmin):
    list_display = (
        "title",
        "period_start",
        "period_end",
        "status",
        "revision",
        "total_display",
        "approval_body",
        "decided_by",
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
    base_readonly = (
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
        (_("Workflow"), {"fields": base_readonly}),
    )

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_editable:
            return self.base_readonly + GUARDED_BUDGET_FIELDS
        return self.base_readonly

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not is_approver(request.user):
            actions.pop("approve_selected", None)
            actions.pop("reject_selected", None)
        return actions

    @admin.display(description=_("total"), ordering="total")
    def total_display(self, obj):
        return money(obj.total, obj.currency)

    @admin.display(description=_("report"))
    def report_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("budget:budget_detail", args=[obj.pk]), _("report"))

    @admin.action(description=_("Submit for approval"))
    def submit_selected(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda budget: services.budget_submit(budget=budget, user=request.user),
            _("%(count)s budget(s) submitted."),
        )

    @admin.action(description=_("Approve"))
    def approve_selected(self, request, queryset):
        return _with_comment(
            self,
            request,
            queryset,
            "approve_selected",
            _("Approve budgets"),
            lambda budget, comment: services.budget_approve(
                budget=budget, user=request.user, comment=comment
            ),
            _("%(count)s budget(s) approved."),
        )

    @admin.action(description=_("Reject"))
    def reject_selected(self, request, queryset):
        return _with_comment(
            self,
            request,
            queryset,
            "reject_selected",
            _("Reject budgets"),
            lambda budget, comment: services.budget_reject(budget=budget, user=request.user, comment=comment),
            _("%(count)s budget(s) rejected."),
        )

    @admin.action(description=_("Start a revision"))
    def revise_selected(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda budget: services.budget_revise(budget=budget, user=request.user),
            _("%(count)s budget(s) reopened as a new revision."),
        )

    @admin.action(description=_("Close"))
    def close_selected(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda budget: services.budget_close(budget=budget, user=request.user),
            _("%(count)s budget(s) closed."),
        )


@admin.register(BudgetLine)
class BudgetLineAdmin(SimpleHistoryAdmin):
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

    def _locked(self, obj):
        return obj is not None and obj.status == BudgetLine.Status.ACCEPTED and not obj.budget.is_editable

    def has_change_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if obj.status == BudgetLine.Status.ACCEPTED and not obj.budget.is_editable:
            raise PermissionDenied(_("The budget is locked; start a revision first."))
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Accept the proposed lines"))
    def accept_selected(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda line: services.budget_line_accept(line=line, user=request.user),
            _("%(count)s line(s) accepted."),
        )


@admin.register(Expense)
class ExpenseAdmin(SimpleHistoryAdmin):
    list_display = (
        "spent_on",
        "description",
        "member",
        "event",
        "amount_display",
        "status",
        "budget",
        "submitted_by",
    )
    list_filter = ("status", "category", "budget", "currency")
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

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not is_approver(request.user):
            actions.pop("approve_selected", None)
            actions.pop("reject_selected", None)
        return actions

    @admin.display(description=_("amount"), ordering="amount")
    def amount_display(self, obj):
        return money(obj.amount, obj.currency)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.submitted_by = request.user
            if obj.budget_id is None:
                obj.budget = services.budget_for_day(day=obj.spent_on)
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Approve"))
    def approve_selected(self, request, queryset):
        return _with_comment(
            self,
            request,
            queryset,
            "approve_selected",
            _("Approve expenses"),
            lambda expense, comment: services.expense_approve(
                expense=expense, user=request.user, comment=comment
            ),
            _("%(count)s expense(s) approved."),
        )

    @admin.action(description=_("Reject"))
    def reject_selected(self, request, queryset):
        return _with_comment(
            self,
            request,
            queryset,
            "reject_selected",
            _("Reject expenses"),
            lambda expense, comment: services.expense_reject(
                expense=expense, user=request.user, comment=comment
            ),
            _("%(count)s expense(s) rejected."),
        )

    @admin.action(description=_("Mark reimbursed"))
    def reimburse_selected(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda expense: services.expense_mark_reimbursed(expense=expense, user=request.user),
            _("%(count)s expense(s) marked reimbursed."),
        )


@admin.register(ExchangeRate)
class ExchangeRateAdmin(SimpleHistoryAdmin):
    list_display = ("date", "currency", "quote_currency", "rate", "source")
    list_filter = ("currency", "quote_currency")
    date_hierarchy = "date"
    search_fields = ("currency", "source")

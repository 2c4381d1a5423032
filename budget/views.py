"""Budget pages: thin callers of budget.services and budget.reports."""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from intl_portal.common.forms import add_refusal
from members.permissions import (
    can_decide,
    can_decide_expense,
    can_manage_budget,
    can_mark_reimbursed,
    can_see_budgets,
    can_see_expenses,
    is_member,
)

from . import services
from .charts import bar_chart
from .exports import report_csv, report_xlsx
from .forms import BudgetSubmitForm, DecisionForm, ExpenseForm, LineImportForm
from .imports import COLUMNS, budget_lines_import
from .models import Budget, Expense
from .receipts import receipt_content_type
from .reports import budget_report
from .selectors import budgets_for_list, expenses_visible_to, expenses_without_approved_budget


def _require_budget_viewer(user):
    if not can_see_budgets(user):
        raise PermissionDenied(_("Only coordinators and approvers see budgets."))


def _transition(request, calls, action, done):
    """Run the service `calls[action]`; its refusal, or `done[action]` (what happened, said
    as a sentence in the reader's language), is the message the object's page shows next."""
    if action not in calls:
        raise Http404
    try:
        calls[action]()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done[action])


@login_required
def index(request):
    """Budgets for coordinators and approvers; a member lands on their expenses."""
    if not can_see_budgets(request.user):
        if not can_see_expenses(request.user):
            raise PermissionDenied
        return redirect("budget:expense_list")
    budgets = list(budgets_for_list())
    uncovered = expenses_without_approved_budget()
    return render(
        request,
        "budget/budget_list.html",
        {
            "budgets": budgets,
            "uncovered": list(uncovered[:20]),
            "uncovered_count": uncovered.count(),
        },
    )


@login_required
def budget_detail(request, pk):
    _require_budget_viewer(request.user)
    budget = get_object_or_404(Budget.objects.select_related("decided_by__member"), pk=pk)
    report = budget_report(budget=budget)
    chart_by = request.GET.get("chart", "event")
    groups = {
        "event": report.by_event,
        "person": report.by_person,
        "category": report.by_category,
    }.get(chart_by, report.by_event)
    return render(
        request,
        "budget/budget_detail.html",
        {
            "budget": budget,
            "report": report,
            "chart": bar_chart(groups=groups, currency=report.currency),
            "chart_by": chart_by if chart_by in {"event", "person", "category"} else "event",
            # The rate columns only when some amount is not in the budget's currency.
            "converted": bool(report.rates_used or report.missing_rates),
            "can_decide": can_decide(request.user) and budget.awaits_decision,
            "can_edit": can_manage_budget(request.user),
            "decision_form": DecisionForm(),
            "submit_form": BudgetSubmitForm(initial={"body": budget.approval_body or None}),
        },
    )


@require_POST
@login_required
def budget_action(request, pk, action):
    budget = get_object_or_404(Budget, pk=pk)
    comment = request.POST.get("comment", "")
    calls = {
        "submit": lambda: services.budget_submit(
            budget=budget, user=request.user, body=request.POST.get("body", "")
        ),
        "approve": lambda: services.budget_approve(budget=budget, user=request.user, comment=comment),
        "reject": lambda: services.budget_reject(budget=budget, user=request.user, comment=comment),
        "revise": lambda: services.budget_revise(budget=budget, user=request.user),
        "close": lambda: services.budget_close(budget=budget, user=request.user),
    }
    done = {
        "submit": _("The budget is submitted for approval."),
        "approve": _("The budget is approved."),
        "reject": _("The budget is rejected."),
        "revise": _("The budget is back in draft: revise it and submit it again."),
        "close": _("The budget is closed."),
    }
    _transition(request, calls, action, done)
    return redirect("budget:budget_detail", pk=budget.pk)


@login_required
def budget_export(request, pk, fmt):
    _require_budget_viewer(request.user)
    budget = get_object_or_404(Budget, pk=pk)
    report = budget_report(budget=budget)
    name = slugify(budget.title) or f"budget-{budget.pk}"
    if fmt == "csv":
        response = HttpResponse(report_csv(report=report), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    if fmt == "xlsx":
        response = HttpResponse(
            report_xlsx(report=report),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    raise Http404


@login_required
def budget_import(request, pk):
    if not can_manage_budget(request.user):
        raise PermissionDenied
    budget = get_object_or_404(Budget, pk=pk)
    form = LineImportForm(request.POST or None, request.FILES or None)
    result = None
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            result = budget_lines_import(budget=budget, user=request.user, file=form.cleaned_data["file"])
        except ValidationError as error:
            form.add_error("file", error.messages)
            status = 400
        else:
            if result.ok:
                messages.success(
                    request,
                    _("%(count)s planned line(s) imported.") % {"count": len(result.created)},
                )
                return redirect("budget:budget_detail", pk=budget.pk)
            status = 400
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "budget/line_import.html",
        {"budget": budget, "form": form, "result": result, "columns": COLUMNS},
        status=status,
    )


@login_required
def expense_list(request):
    if not can_see_expenses(request.user):
        raise PermissionDenied
    expenses = expenses_visible_to(user=request.user)
    status = request.GET.get("status", "")
    if status in Expense.Status.values:
        expenses = expenses.filter(status=status)
    return render(
        request,
        "budget/expense_list.html",
        {
            "expenses": expenses[:500],
            "status": status,
            "statuses": Expense.Status.choices,
            "sees_all": can_see_budgets(request.user),
        },
    )


@login_required
def expense_create(request):
    form = ExpenseForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                expense = services.expense_submit(user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("Your expense is submitted for approval."))
                return redirect("budget:expense_detail", pk=expense.pk)
        status = 400
    elif not is_member(request.user):
        raise PermissionDenied
    return render(request, "budget/expense_form.html", {"form": form}, status=status)


def _visible_expense(request, pk):
    return get_object_or_404(expenses_visible_to(user=request.user), pk=pk)


@login_required
def expense_detail(request, pk):
    expense = _visible_expense(request, pk)
    user = request.user
    return render(
        request,
        "budget/expense_detail.html",
        {
            "expense": expense,
            "history": expense.history.select_related("history_user__member").order_by("-history_date")[:20],
            "can_decide": can_decide_expense(user, expense) and expense.awaits_decision,
            "can_reimburse": can_mark_reimbursed(user) and expense.awaits_reimbursement,
            "decision_form": DecisionForm(),
        },
    )


@require_POST
@login_required
def expense_action(request, pk, action):
    expense = _visible_expense(request, pk)
    comment = request.POST.get("comment", "")
    calls = {
        "approve": lambda: services.expense_approve(expense=expense, user=request.user, comment=comment),
        "reject": lambda: services.expense_reject(expense=expense, user=request.user, comment=comment),
        "reimburse": lambda: services.expense_mark_reimbursed(expense=expense, user=request.user),
    }
    done = {
        "approve": _("The expense is approved."),
        "reject": _("The expense is rejected."),
        "reimburse": _("The expense is marked as reimbursed."),
    }
    _transition(request, calls, action, done)
    return redirect("budget:expense_detail", pk=expense.pk)


@login_required
def expense_receipt(request, pk):
    """Receipts are private: served only to who may see the expense."""
    expense = _visible_expense(request, pk)
    if not expense.receipt:
        raise Http404
    try:
        content_type = receipt_content_type(expense.receipt)
        handle = expense.receipt.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type)
    suffix = Path(expense.receipt.name).suffix
    response["Content-Disposition"] = f'inline; filename="receipt-{expense.pk}{suffix}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response

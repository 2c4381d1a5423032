"""Reads that several callers share: the budget pages, the admin, the API, the exports and
the services. One selector per visibility question: `expenses_visible_to` is the only
place that says which expenses a viewer may see."""

from django.db.models import Count, Q

from members.permissions import can_see_budgets, member_of

from .models import Budget, Expense


def expenses_visible_to(*, user):
    """The expenses `user` may see: every one for coordinators and approvers, their own for
    a member, none for anyone else. Pages, receipts, the admin and the API all ask this."""
    queryset = Expense.objects.select_related(
        "member", "event", "budget", "submitted_by__member", "decided_by__member"
    )
    if can_see_budgets(user):
        return queryset
    member = member_of(user)
    if member is None:
        return queryset.none()
    return queryset.filter(member=member)


def budgets_for_list():
    """Budgets with their counts, for the index page (one query)."""
    return Budget.objects.select_related("decided_by__member").annotate(
        line_count=Count("lines", distinct=True),
        pending_count=Count("expenses", filter=Q(expenses__status=Expense.Status.SUBMITTED), distinct=True),
    )


def expenses_without_approved_budget():
    """Expenses (not rejected) that no approved budget covers."""
    return (
        Expense.objects.exclude(status=Expense.Status.REJECTED)
        .filter(Q(budget__isnull=True) | Q(budget__approved_revision__isnull=True))
        .select_related("member", "event", "budget")
    )


def budget_for_day(*, day):
    """The budget a cost on `day` belongs to: not closed, its period covering the day;
    an approved one first, then the most recent."""
    candidates = Budget.objects.filter(period_start__lte=day, period_end__gte=day).exclude(
        status=Budget.Status.CLOSED
    )
    approved = candidates.filter(approved_revision__isnull=False).order_by("-period_start").first()
    return approved or candidates.order_by("-period_start", "-id").first()

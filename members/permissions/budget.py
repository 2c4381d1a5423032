"""Budgets, expenses and exchange rates: who sees, plans, decides and reimburses."""

from .roles import is_approver, is_coordinator, is_member, member_of


def can_see_budgets(user):
    """Budgets, their reports and exports, and every member's expenses: coordinators and
    approvers."""
    return is_coordinator(user) or is_approver(user)


def can_manage_budget(user):
    """Plan and keep the books: create and change budgets and their planned lines (by hand,
    by import, by accepting proposals), submit, revise and close a budget, correct or
    withdraw an expense. Coordinators."""
    return is_coordinator(user)


def can_decide(user):
    """Approve or reject a budget, or an expense (see can_decide_expense). Approvers."""
    return is_approver(user)


def can_decide_expense(user, expense):
    """An approver decides an expense, never one they submitted or that pays them."""
    if not can_decide(user):
        return False
    return user.pk not in {expense.submitted_by_id, expense.member.user_id}


def can_mark_reimbursed(user):
    """Record that an approved expense was paid back: coordinators and approvers."""
    return is_coordinator(user) or is_approver(user)


def can_see_expenses(user):
    """Who has an expense page at all: members (their own expenses) and whoever sees every
    expense (budget.selectors.expenses_visible_to says which)."""
    return is_member(user) or can_see_budgets(user)


def can_submit_expense_for(user, member):
    """A member submits their own expenses; a coordinator submits for anyone."""
    if member is None:
        return False
    own = member_of(user)
    return (own is not None and own.pk == member.pk) or can_manage_budget(user)


def can_set_exchange_rates(user):
    """Enter, correct or delete the exchange rates reports convert with: coordinators and
    approvers."""
    return is_coordinator(user) or is_approver(user)

"""Who may call the budget endpoints, asked of the predicates in members.permissions. These
are the door's first gate (401 / 403 before any work); the services decide each act."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from members.permissions import (
    can_manage_budget,
    can_see_expenses,
    can_set_exchange_rates,
    is_member,
)


class BudgetPermission(BasePermission):
    """Members read budgets and their lines; coordinators plan them."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return is_member(request.user)
        return can_manage_budget(request.user)


class ExpensePermission(BasePermission):
    """Whoever has expenses to see reads them (expenses_visible_to says which) and submits;
    coordinators correct and withdraw them."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS or request.method == "POST":
            return can_see_expenses(request.user)
        return can_manage_budget(request.user)


class ExchangeRatePermission(BasePermission):
    """Members read the rates; coordinators and approvers enter them."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return is_member(request.user)
        return can_set_exchange_rates(request.user)

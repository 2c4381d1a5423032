"""What the site menu offers a signed-in person, decided once when they log in and kept in
their session, so that no page pays a query for it. Only the menu reads it: every page
still asks the predicates (a role changed meanwhile shows in the menu at the next log-in)."""

from .permissions import can_see_budgets, can_see_expenses

# "overview": the budget overview (coordinators, approvers); "expenses": their own expenses
# (members); "none": neither (a log-in without a person). Missing (a session from before):
# the overview's address, which sends a member on to their expenses.
BUDGET_ITEM = "menu_budget"


def remember_menu(sender, request, user, **kwargs):
    """user_logged_in receiver: which budget item templates/base.html shows."""
    if request is not None and hasattr(request, "session"):
        if can_see_budgets(user):
            request.session[BUDGET_ITEM] = "overview"
        else:
            request.session[BUDGET_ITEM] = "expenses" if can_see_expenses(user) else "none"

"""Every write and rule about budgets, planned lines, expenses and exchange rates, one module
per concept. Callers import the package (`from budget import services`) and call
`services.<verb>`; the names below are the whole public surface.

Pages, the admin, the API, the line import and events (a confirmed trip proposes a line)
call these functions and repeat none of their rules. A refused change raises
ValidationError; a user who may not act raises PermissionDenied (asked of the predicates in
members.permissions). Each save and delete writes its history row explicitly (who, when,
old and new values; budget/history.py), inside the service's transaction.
"""

from .budgets import (
    budget_approve,
    budget_close,
    budget_create,
    budget_delete,
    budget_reject,
    budget_revise,
    budget_submit,
    budget_update,
)
from .exchange_rates import exchange_rate_delete, exchange_rate_set
from .expenses import (
    expense_approve,
    expense_delete,
    expense_mark_reimbursed,
    expense_reject,
    expense_submit,
    expense_update,
)
from .lines import (
    budget_line_accept,
    budget_line_create,
    budget_line_delete,
    budget_line_propose_for_participation,
    budget_line_propose_visa_fee,
    budget_line_update,
    budget_lines_create,
)

__all__ = [
    "budget_approve",
    "budget_close",
    "budget_create",
    "budget_delete",
    "budget_line_accept",
    "budget_line_create",
    "budget_line_delete",
    "budget_line_propose_for_participation",
    "budget_line_propose_visa_fee",
    "budget_line_update",
    "budget_lines_create",
    "budget_reject",
    "budget_revise",
    "budget_submit",
    "budget_update",
    "exchange_rate_delete",
    "exchange_rate_set",
    "expense_approve",
    "expense_delete",
    "expense_mark_reimbursed",
    "expense_reject",
    "expense_submit",
    "expense_update",
]

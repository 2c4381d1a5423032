"""The coordinators' main tool: budgets with their lines, expenses, exchange rates.

Every save, delete and action goes through budget.services (named once per model in
budget/writes.py, as for the API), so the same rules hold as on the web pages and in the
API; a refusal is a form error on the form or inline row that caused it
(intl_portal.common.admin). History (who, when, old and new values) is on each object's
"History" page (django-simple-history).
"""

from . import budgets, exchange_rates, expenses  # noqa: F401  (registers the ModelAdmins)

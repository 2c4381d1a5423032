"""The plan's budget: 88,000 CNY for ten person-trips in 2025, submitted to the executive
committee and council ("按此上报执委会/理事会审批") and, in demo mode, approved by the demo's
approver; and the next year's, submitted and waiting for the approver. Together they show
the whole approval flow: draft → submitted → approved, and one submitted still to decide."""

import datetime as dt
from decimal import Decimal

from budget import services
from budget.models import Budget
from members.permissions import OPERATOR

TITLE = "2025 国际接轨组预算"
NEXT_TITLE = "2026 国际接轨组预算"
BOTH = Budget.ApprovalBody.EXECUTIVE_COMMITTEE_AND_COUNCIL


def _submitted(title, year, notes):
    """The budget, created as a draft and submitted once; a later run leaves it as it is
    (it must not add a history entry, nor undo a coordinator's or an approver's acts)."""
    budget = Budget.objects.filter(title=title).first()
    if budget is not None:
        return budget
    budget = services.budget_create(
        user=OPERATOR,
        title=title,
        period_start=dt.date(year, 1, 1),
        period_end=dt.date(year, 12, 31),
        currency="CNY",
        total=Decimal("88000.00"),
        planned_person_trips=10,
        approval_body=BOTH,
        notes=notes,
    )
    return services.budget_submit(budget=budget, user=OPERATOR, body=BOTH)


def load_budget(*, approver=None):
    """`approver`: the demo's approver log-in (demo mode), who approves the 2025 budget."""
    budget = _submitted(TITLE, 2025, "共计人民币 88000（10 人次），按此上报执委会/理事会审批。")
    if approver is not None and budget.status == Budget.Status.SUBMITTED:
        services.budget_approve(
            budget=budget,
            user=approver,
            comment="执委会与理事会同意：共计人民币 88000（10 人次）。",
            body=BOTH,
        )
    _submitted(NEXT_TITLE, 2026, "按 2025 年预算延续：共计人民币 88000（10 人次），待执委会/理事会审批。")

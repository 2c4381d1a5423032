"""The plan's budget: 88,000 CNY for ten person-trips in 2025, a draft to submit."""

import datetime as dt
from decimal import Decimal

from budget import services
from budget.models import Budget
from members.permissions import OPERATOR

TITLE = "2025 国际接轨组预算"


def load_budget():
    # Created once: a second run must not add a history entry, nor undo a coordinator's edits.
    if Budget.objects.filter(title=TITLE).exists():
        return
    services.budget_create(
        user=OPERATOR,
        title=TITLE,
        **{
            "period_start": dt.date(2025, 1, 1),
            "period_end": dt.date(2025, 12, 31),
            "currency": "CNY",
            "total": Decimal("88000.00"),
            "planned_person_trips": 10,
            "approval_body": Budget.ApprovalBody.EXECUTIVE_COMMITTEE_AND_COUNCIL,
            "notes": "共计人民币 88000（10 人次），按此上报执委会/理事会审批。",
        },
    )

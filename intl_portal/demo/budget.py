"""The plan's budget: 88,000 CNY for ten person-trips in 2025, a draft to submit."""

import datetime as dt
from decimal import Decimal

from budget.models import Budget


def load_budget():
    # get_or_create: a second run must not add a history entry, nor undo a coordinator's edits.
    # TODO(one-door): budget.services.budget_create (a draft; no user when loaded outside demo
    # mode, so the service must accept a system caller)
    Budget.objects.get_or_create(
        title="2025 国际接轨组预算",
        defaults={
            "period_start": dt.date(2025, 1, 1),
            "period_end": dt.date(2025, 12, 31),
            "currency": "CNY",
            "total": Decimal("88000.00"),
            "planned_person_trips": 10,
            "approval_body": Budget.ApprovalBody.EXECUTIVE_COMMITTEE_AND_COUNCIL,
            "notes": "共计人民币 88000（10 人次），按此上报执委会/理事会审批。",
        },
    )

"""The demo-like budget the report tests check by hand: 88,000 CNY for 10 person-trips.

Hand-computed figures (CNY):
  planned lines   3,000 + 6,000 (CoC Asia) + 2 × 40,000 TWD × 0.24 = 2 × 9,600 (COSCUP)
                  + 2 × 200,000 JPY × 0.047 = 2 × 9,400 (OSS Japan) + 2 × 12,000 (FOSDEM)
                  = 71,000.00, 7 person-trips in lines; one proposed line of 8,800 not counted
  approved        1,200 + 1,500 (reimbursed) + 6,800 + 12,000 TWD × 0.24 = 2,880
                  + 11,500 TWD × 0.24 = 2,760 → 15,140.00
  pending         9,000 TWD × 0.245 (rate of 2025-08-10) = 2,205.00
                  (30,000 JPY on 2025-11-20: no JPY rate before 2025-12-01 → left out, reported)
  rejected        300 CNY taxi, not counted
  committed       CoC max(9,000, 9,500) + COSCUP max(19,200, 7,845) + OSS Japan 18,800
                  + FOSDEM 24,000 = 71,500.00
  remaining       88,000 − 15,140 − 2,205 = 70,655.00
  uncommitted     88,000 − 71,500 = 16,500.00
  person-trips    used 4 (Ted, Xiaoming at CoC Asia; Richard, Xu Yin at COSCUP) of 10
  average         per person-trip, over the events someone travelled to (both over):
                  CoC Asia max(planned 9,000, approved 9,500) = 9,500 for max(1 planned, 2 used) = 2
                  + COSCUP max(planned 19,200, approved + pending 7,845) = 19,200 for 2
                  = 28,700 / 4 = 7,175.00 → 16,500 // 7,175 = 2 more person-trips
"""

import datetime as dt
from decimal import Decimal

from budget.models import Budget, BudgetLine, Expense
from tests import factories


def demo_budget(*, approver=None):
    budget = factories.BudgetFactory(
        title="2025-26 international outreach",
        period_start=dt.date(2025, 7, 1),
        period_end=dt.date(2026, 6, 30),
        total=Decimal("88000.00"),
        planned_person_trips=10,
        status=Budget.Status.APPROVED,
        approval_body=Budget.ApprovalBody.EXECUTIVE_COMMITTEE_AND_COUNCIL,
        approved_revision=1,
        approved_total=Decimal("88000.00"),
        decided_by=approver,
    )
    people = {
        name: factories.MemberFactory(display_name=name)
        for name in ("Ted", "Xiaoming", "Richard", "Xu Yin", "Emily", "Jiangbo")
    }
    coc = factories.EventFactory(
        name="Community Over Code Asia 2025",
        start_date=dt.date(2025, 7, 25),
        end_date=dt.date(2025, 7, 27),
        city="Beijing",
    )
    coscup = factories.EventFactory(
        name="COSCUP 2025",
        start_date=dt.date(2025, 8, 9),
        end_date=dt.date(2025, 8, 10),
        city="Taipei",
        country="TW",
        timezone="Asia/Taipei",
    )
    ossj = factories.EventFactory(
        name="Open Source Summit Japan 2025",
        start_date=dt.date(2025, 12, 8),
        end_date=dt.date(2025, 12, 10),
        city="Tokyo",
        country="JP",
        timezone="Asia/Tokyo",
    )
    fosdem = factories.EventFactory(
        name="FOSDEM 2026",
        start_date=dt.date(2026, 1, 31),
        end_date=dt.date(2026, 2, 1),
        city="Brussels",
        country="BE",
        timezone="Europe/Brussels",
    )
    for currency, day, rate in (
        ("TWD", dt.date(2025, 8, 1), "0.24"),
        ("TWD", dt.date(2025, 8, 10), "0.245"),
        ("JPY", dt.date(2025, 12, 1), "0.047"),
    ):
        factories.ExchangeRateFactory(currency=currency, date=day, rate=Decimal(rate))

    def line(event, who, category, amount, currency="CNY", trips=1, **extra):
        return factories.BudgetLineFactory(
            budget=budget,
            event=event,
            member=people[who],
            category=category,
            amount=Decimal(amount),
            currency=currency,
            person_trips=trips,
            description=f"{category} {who}",
            **extra,
        )

    line(coc, "Ted", "travel", "3000")
    line(coc, "Xiaoming", "booth", "6000", trips=0)
    line(coscup, "Richard", "travel", "40000", "TWD")
    line(coscup, "Xu Yin", "travel", "40000", "TWD")
    line(ossj, "Richard", "travel", "200000", "JPY")
    line(ossj, "Emily", "travel", "200000", "JPY")
    line(fosdem, "Jiangbo", "travel", "12000")
    line(fosdem, "Richard", "travel", "12000")
    line(fosdem, "Ted", "travel", "8800", status=BudgetLine.Status.PROPOSED)

    def expense(event, who, category, description, amount, currency, day, status):
        return factories.ExpenseFactory(
            budget=budget,
            event=event,
            member=people[who],
            category=category,
            description=description,
            amount=Decimal(amount),
            currency=currency,
            spent_on=day,
            status=status,
        )

    S = Expense.Status
    expense(
        coc,
        "Ted",
        "travel",
        "Train Shanghai–Beijing",
        "1200",
        "CNY",
        dt.date(2025, 7, 24),
        S.APPROVED,
    )
    expense(coc, "Ted", "lodging", "Hotel Beijing", "1500", "CNY", dt.date(2025, 7, 27), S.REIMBURSED)
    expense(coc, "Xiaoming", "booth", "Booth materials", "6800", "CNY", dt.date(2025, 7, 20), S.APPROVED)
    expense(
        coscup,
        "Richard",
        "travel",
        "Flight Shanghai–Taipei",
        "12000",
        "TWD",
        dt.date(2025, 8, 8),
        S.APPROVED,
    )
    expense(
        coscup,
        "Richard",
        "lodging",
        "Hotel Taipei",
        "9000",
        "TWD",
        dt.date(2025, 8, 11),
        S.SUBMITTED,
    )
    expense(
        coscup,
        "Xu Yin",
        "travel",
        "Flight Xiamen–Taipei",
        "11500",
        "TWD",
        dt.date(2025, 8, 8),
        S.APPROVED,
    )
    expense(
        ossj,
        "Richard",
        "registration",
        "OSS Japan ticket",
        "30000",
        "JPY",
        dt.date(2025, 11, 20),
        S.SUBMITTED,
    )
    expense(coc, "Ted", "travel", "Taxi", "300", "CNY", dt.date(2025, 7, 26), S.REJECTED)
    return budget

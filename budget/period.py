"""The money of the budgets covering a period (the events' year in review asks, with event
ids: this module never imports events). Converted like the budget report (RateBook)."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from intl_portal.common.currencies import REPORTING_CURRENCY

from .models import Budget, Expense
from .rates import CENT, ZERO, RateBook
from .reports import SPENT_STATUSES

# The events app asks with event ids (this module never imports events). The money is the
# budgets covering the period, as their own reports count it: planned is their totals,
# approved their approved totals, spent their approved or reimbursed expenses (pending: the
# submitted ones); each amount converted like the budget report does (RateBook: the rate of
# the day, or the latest before it) into the first budget's currency. Per event: the spent
# part of those expenses tied to each of the given events.


@dataclass
class PeriodMoney:
    currency: str
    planned: Decimal
    approved_budget: Decimal
    spent: Decimal
    pending: Decimal
    planned_person_trips: int
    by_event: dict  # event id → spent (converted), for the events asked about
    trips_by_event: dict  # event id → person-trips (distinct people with an approved expense)
    person_trips: int  # distinct (person, event) pairs with an approved expense, any event
    trip_spending: Decimal  # approved expenses tied to an event
    missing: list  # Conversions left out of the totals
    rates_used: list

    @property
    def spent_per_person_trip(self):
        """What the trips made cost on average, looking back: approved expenses tied to an
        event over the person-trips made. (The budget report's average looks ahead: it also
        counts what is planned for events not over, see trips.trip_costs.)"""
        if not self.person_trips:
            return None
        return (self.trip_spending / self.person_trips).quantize(CENT, ROUND_HALF_UP)


def period_money(*, event_ids, first, last):
    """Planned, approved and spent money of the budgets covering a period, and the spent part
    per event (2 queries: the budgets joined to their expenses, the rates)."""
    rows = (
        Budget.objects.filter(period_start__lte=last, period_end__gte=first)
        .exclude(status=Budget.Status.REJECTED, approved_revision__isnull=True)
        .order_by("period_start", "id", "expenses__spent_on", "expenses__id")
        .values_list(
            "id",
            "currency",
            "total",
            "approved_total",
            "approved_revision",
            "period_start",
            "planned_person_trips",
            "expenses__status",
            "expenses__event_id",
            "expenses__member_id",
            "expenses__amount",
            "expenses__currency",
            "expenses__spent_on",
        )
    )
    budgets, expenses = {}, []
    for budget_id, code, total, approved_total, approved_revision, start, trips, *expense in rows:
        budgets.setdefault(budget_id, (code, total, approved_total, approved_revision, start, trips))
        if expense[0] is not None and expense[0] != Expense.Status.REJECTED:
            expenses.append(expense)
    budget_rows = list(budgets.values())
    currency = budget_rows[0][0] if budget_rows else REPORTING_CURRENCY
    days = [row[4] for row in budget_rows] + [expense[5] for expense in expenses]
    book = RateBook(
        target=currency,
        currencies={row[0] for row in budget_rows} | {expense[4] for expense in expenses},
        until=max([timezone.localdate(), *days]),
    )
    missing, rates_used = [], {}

    def converted(amount, code, day):
        conversion = book.convert(amount, code, day)
        if conversion.missing:
            missing.append(conversion)
            return ZERO
        if conversion.rate is not None:
            rates_used[(code, conversion.rate_date)] = conversion.rate
        return conversion.converted

    wanted_events = set(event_ids)
    planned = approved_budget = spent = pending = ZERO
    for code, total, approved_total, approved_revision, start, _trips in budget_rows:
        planned += converted(total, code, start)
        if approved_revision is not None and approved_total is not None:
            approved_budget += converted(approved_total, code, start)
    by_event, trips, all_trips, trip_spending = {}, {}, set(), ZERO
    for status, event_id, member_id, amount, code, day in expenses:
        amount = converted(amount, code, day)
        if status not in SPENT_STATUSES:
            pending += amount
            continue
        spent += amount
        if event_id is not None:
            all_trips.add((member_id, event_id))
            trip_spending += amount
        if event_id in wanted_events:
            by_event[event_id] = by_event.get(event_id, ZERO) + amount
            trips.setdefault(event_id, set()).add(member_id)
    return PeriodMoney(
        currency=currency,
        planned=planned,
        approved_budget=approved_budget,
        spent=spent,
        pending=pending,
        planned_person_trips=sum(row[5] for row in budget_rows),
        by_event=by_event,
        trips_by_event={event_id: len(people) for event_id, people in trips.items()},
        person_trips=len(all_trips),
        trip_spending=trip_spending,
        missing=missing,
        rates_used=[
            {"currency": code, "date": day, "rate": rate, "target": currency}
            for (code, day), rate in sorted(rates_used.items())
        ],
    )

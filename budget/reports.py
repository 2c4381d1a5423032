"""The budget report: what is planned, spent, pending, committed and left, and what to worry
about. Every amount is converted to the budget's currency with a stored rate (the rate of the
day, or the latest before it); an amount without a rate is left out of the totals and listed.

Definitions (shown on the page too):
- planned: accepted planned lines (proposed lines are listed apart and not counted);
- approved: expenses approved or reimbursed; pending: expenses submitted, not yet decided;
- committed: per event, the larger of its planned lines and its approved + pending expenses;
- remaining: total − approved − pending; uncommitted: total − committed;
- person-trips used: distinct (person, event) pairs with an approved expense;
- average cost per person-trip: a person-trip is a trip, not an expense row. Over the events
  someone has travelled to (an approved expense), each event's cost — the larger of its
  planned lines and its approved + pending expenses, and, while the event is not over, at
  least the plan's average for each of its person-trips — divided by its person-trips (the
  larger of planned and used). Before any trip: planned / planned person-trips (the plan's
  average);
- forecast: how many more person-trips the uncommitted money pays at that average.
"""

from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Budget, BudgetLine, Category, Expense
from .rates import CENT, ZERO, RateBook
from .trips import plan_average, trip_costs

SPENT_STATUSES = (Expense.Status.APPROVED, Expense.Status.REIMBURSED)


@dataclass
class Group:
    """One row of a breakdown (an event, a person or a category)."""

    key: object
    label: str
    planned: Decimal = ZERO
    approved: Decimal = ZERO
    pending: Decimal = ZERO
    person_trips_planned: int = 0
    trips: set = field(default_factory=set)
    ended: bool = False  # an event group whose event is over

    @property
    def spent_and_pending(self):
        return self.approved + self.pending

    @property
    def committed(self):
        return max(self.planned, self.spent_and_pending)

    @property
    def left(self):
        return self.planned - self.approved - self.pending

    @property
    def person_trips_used(self):
        return len(self.trips)


@dataclass
class Item:
    """A planned line or an expense with its conversion."""

    obj: object
    conversion: object

    @property
    def converted(self):
        return self.conversion.converted


@dataclass
class ReportWarning:
    code: str
    message: str


@dataclass
class BudgetReport:
    budget: Budget
    currency: str
    total: Decimal
    planned: Decimal
    proposed: Decimal
    approved: Decimal
    reimbursed: Decimal
    pending: Decimal
    committed: Decimal
    person_trips_planned: int
    person_trips_in_lines: int
    person_trips_used: int
    trip_spending: Decimal
    trip_costs: Decimal
    trips_costed: int
    by_event: list
    by_person: list
    by_category: list
    lines: list
    proposed_lines: list
    expenses: list
    missing_rates: list
    rates_used: list
    warnings: list = field(default_factory=list)

    @property
    def remaining(self):
        return self.total - self.approved - self.pending

    @property
    def uncommitted(self):
        return self.total - self.committed

    @property
    def average_actual(self):
        """The average over the events someone travelled to (see the module's definition)."""
        if not self.trips_costed:
            return None
        return (self.trip_costs / self.trips_costed).quantize(CENT, ROUND_HALF_UP)

    @property
    def average_planned(self):
        return plan_average(
            planned=self.planned,
            trips_in_lines=self.person_trips_in_lines,
            total=self.total,
            trips_planned=self.person_trips_planned,
        )

    @property
    def average_cost(self):
        return self.average_actual if self.average_actual is not None else self.average_planned

    @property
    def average_is_actual(self):
        return self.average_actual is not None

    @property
    def forecast_trips(self):
        """More person-trips the uncommitted money pays at the average cost (None: unknown)."""
        average = self.average_cost
        if not average:
            return None
        if self.uncommitted <= 0:
            return 0
        return int(self.uncommitted // average)

    @property
    def person_trips_left(self):
        return self.person_trips_planned - self.person_trips_used


def _line_day(line):
    """Planned lines convert at the rate of the event's first day (or today's rate)."""
    if line.event_id and line.event.start_date:
        return line.event.start_date
    return timezone.localdate()


def _group(groups, key, label):
    if key not in groups:
        groups[key] = Group(key=key, label=label)
    return groups[key]


def budget_report(*, budget):
    """Build the report of one budget (a constant number of queries, whatever its size)."""
    lines = list(
        BudgetLine.objects.filter(budget=budget)
        .select_related("event", "member")
        .order_by("event__start_date", "event__name", "id")
    )
    expenses = list(
        Expense.objects.filter(budget=budget).select_related("event", "member").order_by("spent_on", "id")
    )
    today = timezone.localdate()
    days = [_line_day(line) for line in lines] + [expense.spent_on for expense in expenses]
    book = RateBook(
        target=budget.currency,
        currencies={obj.currency for obj in [*lines, *expenses]},
        until=max([today, *days]),
    )

    by_event, by_person, by_category = OrderedDict(), OrderedDict(), OrderedDict()
    for value, label in Category.choices:
        _group(by_category, value, str(label))
    no_event, no_person = _("(no event)"), _("(no person)")

    def event_group(obj):
        group = _group(by_event, obj.event_id, obj.event.name if obj.event_id else no_event)
        group.ended = bool(obj.event_id and obj.event.last_day and obj.event.last_day < today)
        return group

    def groups_of(obj):
        return (
            event_group(obj),
            _group(by_person, obj.member_id, str(obj.member) if obj.member_id else no_person),
            _group(by_category, obj.category, obj.get_category_display()),
        )

    missing, rates_used = [], {}
    planned = proposed = ZERO
    person_trips_in_lines = 0
    line_items, proposed_items = [], []
    for line in lines:
        conversion = book.convert(line.amount, line.currency, _line_day(line))
        item = Item(line, conversion)
        if conversion.missing:
            missing.append(item)
        elif conversion.rate is not None:
            rates_used[(line.currency, conversion.rate_date)] = conversion.rate
        if line.status == BudgetLine.Status.PROPOSED:
            proposed_items.append(item)
            proposed += conversion.converted or ZERO
            continue
        line_items.append(item)
        person_trips_in_lines += line.person_trips
        if conversion.missing:
            continue
        planned += conversion.converted
        for group in groups_of(line):
            group.planned += conversion.converted
            group.person_trips_planned += line.person_trips

    approved = reimbursed = pending = trip_spending = ZERO
    trips = set()
    expense_items = []
    for expense in expenses:
        conversion = book.convert(expense.amount, expense.currency, expense.spent_on)
        item = Item(expense, conversion)
        expense_items.append(item)
        if expense.status == Expense.Status.REJECTED:
            continue
        if conversion.missing:
            missing.append(item)
            continue
        if conversion.rate is not None:
            rates_used[(expense.currency, conversion.rate_date)] = conversion.rate
        amount = conversion.converted
        if expense.status in SPENT_STATUSES:
            approved += amount
            if expense.status == Expense.Status.REIMBURSED:
                reimbursed += amount
            if expense.event_id:
                trips.add((expense.member_id, expense.event_id))
                trip_spending += amount
            for group in groups_of(expense):
                group.approved += amount
                if expense.event_id:
                    group.trips.add((expense.member_id, expense.event_id))
        else:
            pending += amount
            for group in groups_of(expense):
                group.pending += amount

    floor = plan_average(
        planned=planned,
        trips_in_lines=person_trips_in_lines,
        total=budget.total,
        trips_planned=budget.planned_person_trips,
    )
    costs, costed = trip_costs(by_event.values(), floor=floor)
    report = BudgetReport(
        budget=budget,
        currency=budget.currency,
        total=budget.total,
        planned=planned,
        proposed=proposed,
        approved=approved,
        reimbursed=reimbursed,
        pending=pending,
        committed=sum((group.committed for group in by_event.values()), ZERO),
        person_trips_planned=budget.planned_person_trips,
        person_trips_in_lines=person_trips_in_lines,
        person_trips_used=len(trips),
        trip_spending=trip_spending,
        trip_costs=costs,
        trips_costed=costed,
        by_event=list(by_event.values()),
        by_person=sorted(by_person.values(), key=lambda group: group.label.lower()),
        by_category=[
            group for group in by_category.values() if group.planned or group.approved or group.pending
        ],
        lines=line_items,
        proposed_lines=proposed_items,
        expenses=expense_items,
        missing_rates=missing,
        rates_used=[
            {"currency": currency, "date": day, "rate": rate, "target": budget.currency}
            for (currency, day), rate in sorted(rates_used.items(), key=lambda kv: (kv[0][0], kv[0][1]))
        ],
    )
    report.warnings = report_warnings(report=report)
    return report


def _money(amount, currency):
    return f"{amount:,.2f} {currency}"


def report_warnings(*, report):
    """What a treasurer must look at: overruns, unapproved spending, missing rates."""
    budget, currency = report.budget, report.currency
    warnings = []
    if report.planned > report.total:
        warnings.append(
            ReportWarning(
                "planned_over_total",
                _("The planned lines (%(planned)s) exceed the budget's total (%(total)s) by %(over)s.")
                % {
                    "planned": _money(report.planned, currency),
                    "total": _money(report.total, currency),
                    "over": _money(report.planned - report.total, currency),
                },
            )
        )
    if report.approved > report.total:
        warnings.append(
            ReportWarning(
                "spent_over_total",
                _("Approved expenses (%(spent)s) exceed the budget's total (%(total)s) by %(over)s.")
                % {
                    "spent": _money(report.approved, currency),
                    "total": _money(report.total, currency),
                    "over": _money(report.approved - report.total, currency),
                },
            )
        )
    elif report.approved + report.pending > report.total:
        warnings.append(
            ReportWarning(
                "spent_and_pending_over_total",
                _(
                    "Approved and pending expenses together (%(amount)s) would exceed the budget's "
                    "total (%(total)s) by %(over)s."
                )
                % {
                    "amount": _money(report.approved + report.pending, currency),
                    "total": _money(report.total, currency),
                    "over": _money(report.approved + report.pending - report.total, currency),
                },
            )
        )
    for group in report.by_event:
        if group.spent_and_pending > group.planned:
            warnings.append(
                ReportWarning(
                    "event_over_plan",
                    _("%(event)s: expenses (%(spent)s) exceed its planned lines (%(planned)s) by %(over)s.")
                    % {
                        "event": group.label,
                        "spent": _money(group.spent_and_pending, currency),
                        "planned": _money(group.planned, currency),
                        "over": _money(group.spent_and_pending - group.planned, currency),
                    },
                )
            )
    if not budget.has_approval:
        count = sum(1 for item in report.expenses if item.obj.status != Expense.Status.REJECTED)
        if count:
            warnings.append(
                ReportWarning(
                    "expenses_without_approved_budget",
                    _(
                        "%(count)s expense(s) are recorded against this budget, which has no "
                        "approved revision yet."
                    )
                    % {"count": count},
                )
            )
    for item in report.missing_rates:
        obj, conversion = item.obj, item.conversion
        warnings.append(
            ReportWarning(
                "missing_rate",
                _(
                    "No %(currency)s→%(target)s rate on or before %(day)s: %(what)s "
                    "(%(amount)s) is left out of the totals."
                )
                % {
                    "currency": conversion.currency,
                    "target": conversion.target,
                    "day": conversion.day.isoformat(),
                    "what": obj.shown_description or obj.get_category_display(),
                    "amount": _money(conversion.amount, conversion.currency),
                },
            )
        )
    if report.person_trips_planned and report.person_trips_used > report.person_trips_planned:
        warnings.append(
            ReportWarning(
                "trips_over_plan",
                _("%(used)s person-trips used, more than the %(planned)s planned.")
                % {"used": report.person_trips_used, "planned": report.person_trips_planned},
            )
        )
    return warnings

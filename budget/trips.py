"""The cost of a person-trip, as the budget report counts it: the plan's average, and what
the events someone travelled to cost (see the definitions in reports.py)."""

from decimal import ROUND_HALF_UP

from .rates import CENT, ZERO


def plan_average(*, planned, trips_in_lines, total, trips_planned):
    """The plan's cost per person-trip: its planned lines over their person-trips, else the
    budget's total over its planned person-trips (None: no person-trip planned)."""
    if trips_in_lines:
        return (planned / trips_in_lines).quantize(CENT, ROUND_HALF_UP)
    if trips_planned:
        return (total / trips_planned).quantize(CENT, ROUND_HALF_UP)
    return None


def trip_costs(groups, *, floor):
    """(cost, person-trips) over the event groups someone travelled to: each event costs the
    larger of its planned lines and its approved + pending expenses, and while it is not
    over at least `floor` (the plan's average) per person-trip."""
    cost, count = ZERO, 0
    for group in groups:
        if group.key is None or not group.trips:
            continue
        trips = max(group.person_trips_planned, len(group.trips))
        event_cost = max(group.planned, group.spent_and_pending)
        if not group.ended and floor:
            event_cost = max(event_cost, floor * trips)
        cost += event_cost
        count += trips
    return cost, count

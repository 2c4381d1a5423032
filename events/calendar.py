"""The calendar pages' reads: a month's grid of days (events and the deadlines due each day)
and a year's list of events by month, approximate dates included."""

import calendar as pycalendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from .models import Event
from .selectors import ends_on_or_after


@dataclass
class CalendarEntry:
    event: Event | None
    # "single", "start", "middle" or "end": multi-day events span their days.
    position: str
    # On the first day of the event's run in a week row: how many days of that row it
    # covers (its name is written once across them); 0 on the other days.
    run: int = 0


@dataclass
class CalendarDay:
    date: dt.date
    in_month: bool
    is_today: bool
    entries: list = field(default_factory=list)
    deadlines: list = field(default_factory=list)  # due this day in the viewer's zone
    # The entries in their lanes for the grid: an event keeps one height over all its days
    # in a week, a lane free that day holds a spacer (an entry without an event).
    lanes: list = field(default_factory=list)


def events_between(*, events, first, last):
    """Events overlapping the days first..last, in date order (one query)."""
    return list(
        events.filter(start_date__lte=last).filter(ends_on_or_after(first)).order_by("start_date", "name")
    )


def deadlines_by_day(*, deadlines, events, first, last, zone, include_closed=False):
    """The `deadlines` of `events` due on the days first..last in `zone` (the viewer's), by
    that day: {date: [deadline, …]} in time order, events joined (one query). Deadlines of
    declined or cancelled events are left out unless `include_closed`, as on the CFP board."""
    start = dt.datetime.combine(first, dt.time.min, tzinfo=zone)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    rows = deadlines.filter(event__in=events, due_at__gte=start, due_at__lt=end).select_related("event")
    if not include_closed:
        rows = rows.exclude(event__status__in=Event.CLOSED_STATUSES)
    by_day = defaultdict(list)
    for deadline in rows.order_by("due_at", "pk"):
        by_day[deadline.due_at.astimezone(zone).date()].append(deadline)
    return by_day


def event_month_grid(*, events, year, month, today):
    """Weeks (Monday first) of CalendarDay for a month, each day listing its events.

    One query whatever the number of events. Returns (weeks, events_in_month).
    """
    weeks, in_month, _approximate = event_month(events=events, year=year, month=month, today=today)
    return weeks, in_month


def event_month(*, events, year, month, today, deadlines=None, zone=None, include_closed=False):
    """What the month page shows: its weeks (Monday first) of CalendarDay, each day listing
    its events and, when `deadlines` (the viewer's visible ones) and `zone` are given, the
    deadlines due that day in `zone`; the events in the month; and the events known only
    approximately in it (as event_month_approximate).

    One query for the events (dated and approximate together), one for the deadlines.
    Returns (weeks, events_in_month, approximate_events).
    """
    weeks_of_dates = pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks_of_dates[0][0], weeks_of_dates[-1][-1]
    rows = events.filter(
        (Q(start_date__lte=last) & ends_on_or_after(first)) | _approximately_in(year, month)
    ).order_by("start_date", "name")
    overlapping, approximate = [], []
    for event in rows:
        (approximate if event.start_date is None else overlapping).append(event)
    approximate.sort(key=lambda event: (event.approx_first_day, event.name))
    due = {}
    if deadlines is not None:
        due = deadlines_by_day(
            deadlines=deadlines,
            events=events,
            first=first,
            last=last,
            zone=zone,
            include_closed=include_closed,
        )
    by_day = defaultdict(list)
    lanes = {}
    for week in weeks_of_dates:
        lanes.update(_week_lanes(week, overlapping, by_day))
    weeks = [
        [
            CalendarDay(
                date=day,
                in_month=day.month == month,
                is_today=day == today,
                entries=by_day[day],
                deadlines=due.get(day, []),
                lanes=lanes[day],
            )
            for day in week
        ]
        for week in weeks_of_dates
    ]
    month_first = dt.date(year, month, 1)
    month_last = dt.date(year, month, pycalendar.monthrange(year, month)[1])
    in_month = [e for e in overlapping if e.start_date <= month_last and e.last_day >= month_first]
    return weeks, in_month, approximate


def _week_lanes(week, events, by_day):
    """Lay the `events` (in start order) over one week row of the grid: each in the lowest
    lane free on all its days of the week, longer runs first among those starting together.
    Adds each day's entries to `by_day`; returns {date: [entry or spacer, …]} by lane."""
    first, last = week[0], week[-1]
    in_week = [event for event in events if event.start_date <= last and event.last_day >= first]
    in_week.sort(key=lambda event: (max(event.start_date, first), -(event.last_day - event.start_date).days))
    lane_ends, placed = [], []  # the last day taken in each lane; (lane, event, from, to)
    for event in in_week:
        begin, end = max(event.start_date, first), min(event.last_day, last)
        lane = next((index for index, taken in enumerate(lane_ends) if taken < begin), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(end)
        lane_ends[lane] = end
        placed.append((lane, event, begin, end))
    days = {day: [] for day in week}
    for lane, event, begin, end in placed:
        day = begin
        while day <= end:
            entry = CalendarEntry(
                event=event,
                position=_position(event, day),
                run=(end - begin).days + 1 if day == begin else 0,
            )
            by_day[day].append(entry)
            row = days[day]
            row.extend(CalendarEntry(event=None, position="spacer") for _ in range(lane + 1 - len(row)))
            row[lane] = entry
            day += dt.timedelta(days=1)
    return days


def _position(event, day):
    if event.start_date == event.last_day:
        return "single"
    if day == event.start_date:
        return "start"
    if day == event.last_day:
        return "end"
    return "middle"


def event_year_list(*, events, year):
    """The events of a year by month: [(first_of_month, [events])], tags prefetched (2 queries).

    Events with approximate dates join the month of their period (a quarter: its first
    month), after the exactly dated ones of that month; events whose dates are not announced
    yet (but whose year is known) come last, under the key None."""
    rows = (
        events.filter(Q(start_date__year=year) | Q(start_date__isnull=True, approx_year=year))
        .order_by("start_date", "name")
        .prefetch_related("tags")
    )
    months = defaultdict(list)
    undated = []
    for event in rows:
        day = event.start_date or event.approx_first_day
        if day is None:
            undated.append(event)
        else:
            months[day.replace(day=1)].append(event)
    for month_events in months.values():
        month_events.sort(key=lambda event: (event.is_approximate, event.sort_date, event.name))
    result = sorted(months.items())
    if undated:
        result.append((None, undated))
    return result


def event_month_approximate(*, events, year, month):
    """Events known only approximately whose period overlaps the month (a month, part of it,
    or its quarter), in period order: the grid shows them above its weeks (one query)."""
    rows = events.filter(_approximately_in(year, month))
    return sorted(rows, key=lambda event: (event.approx_first_day, event.name))


def _approximately_in(year, month):
    quarter = (month - 1) // 3 + 1
    return Q(start_date__isnull=True, approx_year=year) & (
        Q(date_precision__in=Event.MONTH_PRECISIONS, approx_month=month)
        | Q(date_precision=Event.DatePrecision.QUARTER, approx_quarter=quarter)
    )

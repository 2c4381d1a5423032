"""A working group's history at any size, made in a few dozen bulk queries: the data of
bench/pages.py and of the pages' query-count tests at two sizes.

The group follows about 150 events a year (one every `SPACING_DAYS`), half of `count` behind
today and half ahead, so more events means more years of history and of plans, at the same
density per month. Everything that accumulates with the years grows with `count`: four
deadlines per event (CFP opens, CFP closes, speaker notification, registration), the member's
participations, goals and action items, proposals waiting for triage, volunteers, requests
for a new due date, contributions to the ambassador program, budget lines and expenses.
"""

import datetime as dt
import itertools
from decimal import Decimal

from django.utils import timezone

from budget.models import Budget, BudgetLine, Category, Expense
from events.models import ActionItem, Deadline, Event, Goal, Participation, Tag
from members.models import Contribution, Enrolment, Member

SPACING_DAYS = 2.4
ZONES = ("Asia/Seoul", "Europe/Brussels", "America/Los_Angeles", "Asia/Shanghai", "Etc/GMT+12")
# (kind, days before the event's start, hour in UTC)
DEADLINE_PLAN = (
    (Deadline.Kind.CFP_OPEN, 150, 0),
    (Deadline.Kind.CFP_CLOSE, 90, 15),
    (Deadline.Kind.SPEAKER_NOTIFICATION, 60, 9),
    (Deadline.Kind.REGISTRATION, 14, 23),
)


def _start_of(index, count, today):
    return today + dt.timedelta(days=round((index - count // 2) * SPACING_DAYS))


def make_history(count, *, member, today=None, others=20):
    """`count` events around `today` with all that comes with them (see the module's text);
    `member` takes part in every second event. Returns the events in date order."""
    today = today or timezone.localdate()
    people = Member.objects.bulk_create(
        [Member(display_name=f"History member {n}", email=f"history{n}@example.org") for n in range(others)]
    )
    tags = [Tag.objects.get_or_create(slug=slug, defaults={"name_en": slug})[0] for slug in ("ai", "rust")]
    events = Event.objects.bulk_create(
        [
            Event(
                name=f"Conf {index} {('Asia', 'Europe', 'Americas')[index % 3]}",
                start_date=_start_of(index, count, today),
                end_date=_start_of(index, count, today) + dt.timedelta(days=index % 3),
                country=("CN", "JP", "BE", "US")[index % 4],
                city="Somewhere",
                status=(
                    Event.Status.IDEA
                    if index % 20 == 7
                    else (Event.Status.PLANNED if index % 2 else Event.Status.CONFIRMED)
                ),
                proposed_by=people[index % others] if index % 20 == 7 else None,
                is_public=index % 5 != 3,
                notes="internal",
                cfp_url="https://example.org/cfp",
            )
            for index in range(count)
        ]
    )
    Event.tags.through.objects.bulk_create(
        [Event.tags.through(event=event, tag=tags[index % 2]) for index, event in enumerate(events)]
    )
    Event.alternatives.through.objects.bulk_create(
        [
            Event.alternatives.through(from_event=one, to_event=other)
            for first, second in itertools.pairwise(events[::10])
            for one, other in ((first, second), (second, first))
        ]
    )
    Deadline.objects.bulk_create(
        [
            Deadline(
                event=event,
                kind=kind,
                due_at=dt.datetime.combine(
                    event.start_date - dt.timedelta(days=before), dt.time(hour), dt.UTC
                ),
                timezone=ZONES[index % len(ZONES)],
                is_public=index % 7 != 2,
            )
            for index, event in enumerate(events)
            for kind, before, hour in DEADLINE_PLAN
        ]
    )
    mine = events[::2]
    Goal.objects.bulk_create([Goal(event=event, kind=Goal.Kind.TALK, owner=member) for event in mine])
    Participation.objects.bulk_create(
        [
            Participation(
                event=event,
                member=member,
                role=Participation.Role.SPEAKER,
                status=Participation.Status.CONFIRMED if index % 3 else Participation.Status.TENTATIVE,
            )
            for index, event in enumerate(mine)
        ]
        + [
            Participation(
                event=event,
                member=people[index % others],
                role=Participation.Role.ATTENDEE,
                status=Participation.Status.PROPOSED,
            )
            for index, event in enumerate(events)
            if index % 20 == 3
        ]
    )
    ActionItem.objects.bulk_create(
        [
            ActionItem(
                event=event,
                owner=member,
                title=f"Prepare {event.name}",
                due_date=event.start_date - dt.timedelta(days=7),
                status=ActionItem.Status.DONE if event.start_date < today else ActionItem.Status.OPEN,
                requested_due_date=event.start_date if index % 10 == 4 else None,
            )
            for index, event in enumerate(mine)
        ]
    )
    _program(events, people, today)
    _budget(events, people, today)
    return events


def _program(events, people, today):
    """Every member enrolled for this year; a contribution accepted at every third event."""
    Enrolment.objects.bulk_create(
        [
            Enrolment(
                member=person,
                track="ambassador" if n % 2 else "translator",
                status=Enrolment.Status.ACTIVE,
                term_start=today.replace(month=1, day=1),
                term_end=today.replace(month=12, day=31),
                show_publicly=True,
            )
            for n, person in enumerate(people)
        ]
    )
    reviewed = lambda event: dt.datetime.combine(event.start_date, dt.time(12), dt.UTC)  # noqa: E731
    Contribution.objects.bulk_create(
        [
            Contribution(
                member=people[index % len(people)],
                kind=Contribution.Kind.TRANSLATED_ARTICLE,
                title_en=f"Notes from {event.name}",
                event=event,
                status=Contribution.Status.ACCEPTED,
                points=10,
                reviewed_at=reviewed(event),
                show_publicly=True,
            )
            for index, event in enumerate(events)
            if index % 3 == 0 and event.start_date <= today
        ]
    )


def _budget(events, people, today):
    """This year's budget, a travel line for every third event of the year, an approved
    expense for every sixth."""
    budget = Budget.objects.create(
        title=f"Travel {today.year}",
        period_start=today.replace(month=1, day=1),
        period_end=today.replace(month=12, day=31),
        currency="CNY",
        total=Decimal("880000.00"),
        planned_person_trips=100,
    )
    of_year = [event for event in events if event.start_date.year == today.year]
    BudgetLine.objects.bulk_create(
        [
            BudgetLine(
                budget=budget,
                event=event,
                member=people[index % len(people)],
                category=Category.TRAVEL,
                amount=Decimal("8800.00"),
                currency="CNY",
                person_trips=1,
                status=BudgetLine.Status.ACCEPTED,
            )
            for index, event in enumerate(of_year)
            if index % 3 == 0
        ]
    )
    Expense.objects.bulk_create(
        [
            Expense(
                budget=budget,
                event=event,
                member=people[index % len(people)],
                category=Category.TRAVEL,
                description="Flight",
                amount=Decimal("3200.00"),
                currency="CNY",
                spent_on=event.start_date,
                status=Expense.Status.APPROVED,
            )
            for index, event in enumerate(of_year)
            if index % 6 == 0
        ]
    )
    return budget

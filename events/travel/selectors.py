"""Who may see which trip, and the coordinators' travel board (red / amber / green)."""

import dataclasses
import datetime as dt

from django.db.models import Prefetch, Q

from members.permissions import can_see_travel_board, is_coordinator, member_of

from ..models import Event, Participation, TravelRequirement
from ..models.travel import TravelStep
from ..reminders.planning import TRIP_STATUSES

AMBER_WITHIN = dt.timedelta(days=14)
RED, AMBER, GREEN, WAITING = "red", "amber", "green", "waiting"


def trips():
    return (
        Participation.objects.filter(needs_travel=True, status__in=TRIP_STATUSES)
        .exclude(event__status__in=Event.CLOSED_STATUSES)
        .select_related("event", "member")
        .prefetch_related(Prefetch("travel_steps", queryset=TravelStep.objects.order_by("position", "pk")))
    )


def trips_visible_to(*, user):
    """Trips (participations with travel) whose personal data the user may see: their own,
    or every trip for coordinators."""
    if is_coordinator(user):
        return trips()
    member = member_of(user)
    if member is None:
        return Participation.objects.none()
    return trips().filter(member=member)


def participation_visible_to(*, user, pk):
    """A participation whose travel the user may see (any status, so a declined trip's page
    still opens), or None."""
    queryset = Participation.objects.select_related("event", "member")
    if not is_coordinator(user):
        member = member_of(user)
        if member is None:
            return None
        queryset = queryset.filter(member=member)
    return queryset.filter(pk=pk).first()


@dataclasses.dataclass
class TripState:
    participation: Participation
    steps: list
    colour: str
    late: list
    soon: list
    requirement: TravelRequirement | None


def trip_state(participation, *, now, requirement=None):
    steps = list(participation.travel_steps.all())
    open_steps = [s for s in steps if s.state == TravelStep.State.OPEN]
    late = [s for s in open_steps if s.due_at < now]
    soon = [s for s in open_steps if now <= s.due_at < now + AMBER_WITHIN]
    if participation.event.start_date is None:
        colour = WAITING
    elif late or participation.visa_status == Participation.VisaStatus.REFUSED:
        colour = RED
    elif soon or requirement is None:
        colour = AMBER
    else:
        colour = GREEN
    return TripState(participation, steps, colour, late, soon, requirement)


def requirements_for(participations):
    """{(passport, destination): TravelRequirement} for a list of trips, in one query."""
    pairs = {(p.member.passport_country, p.event.country) for p in participations}
    pairs = {pair for pair in pairs if all(pair)}
    if not pairs:
        return {}
    condition = Q()
    for passport, destination in pairs:
        condition |= Q(passport=passport, destination=destination)
    return {(r.passport.code, r.destination.code): r for r in TravelRequirement.objects.filter(condition)}


def travel_board(*, user, now):
    """Every upcoming trip (or one waiting for dates) with its state, the worst first; for
    coordinators only (an empty list for anyone else)."""
    if not can_see_travel_board(user):
        return []
    today = now.date()
    rows = list(
        trips().filter(Q(event__start_date__gte=today - dt.timedelta(days=1)) | Q(event__start_date=None))
    )
    requirements = requirements_for(rows)
    states = [
        trip_state(
            p, now=now, requirement=requirements.get((p.member.passport_country.code, p.event.country.code))
        )
        for p in rows
    ]
    order = {RED: 0, AMBER: 1, GREEN: 2, WAITING: 3}
    states.sort(
        key=lambda s: (order[s.colour], s.participation.event.start_date or dt.date.max, s.participation.pk)
    )
    return states


def steps_visible_to(*, user):
    """Travel steps of the trips whose personal data the user may see."""
    steps = TravelStep.objects.select_related("participation").order_by("participation", "position", "pk")
    if is_coordinator(user):
        return steps
    member = member_of(user)
    if member is None:
        return TravelStep.objects.none()
    return steps.filter(participation__member=member)

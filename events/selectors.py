"""Reads that several callers share, with the joins they need."""

from collections import defaultdict

from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce

from .models import Event, Participation


def double_bookings(*, member_ids=None):
    """Members booked at overlapping events: {member_id: [(event, other_event), …]}.

    Only confirmed or attended participations at events that are not declined or
    cancelled count; one query whatever the number of members.
    """
    going = (
        Participation.objects.filter(status__in=Participation.GOING_STATUSES, event__start_date__isnull=False)
        .exclude(event__status__in=Event.CLOSED_STATUSES)
        .select_related("event")
        .order_by("member_id", "event__start_date")
    )
    if member_ids is not None:
        going = going.filter(member_id__in=member_ids)
    events_by_member = defaultdict(dict)
    for participation in going:
        events_by_member[participation.member_id][participation.event_id] = participation.event
    clashes = {}
    for member_id, events in events_by_member.items():
        ordered = sorted(events.values(), key=lambda event: event.start_date)
        pairs = []
        for index, event in enumerate(ordered):
            for other in ordered[index + 1 :]:
                if other.start_date > event.last_day:
                    break
                pairs.append((event, other))
        if pairs:
            clashes[member_id] = pairs
    return clashes


def _going_participations():
    return (
        Participation.objects.filter(status__in=Participation.GOING_STATUSES, event__start_date__isnull=False)
        .exclude(event__status__in=Event.CLOSED_STATUSES)
        .annotate(last_day=Coalesce("event__end_date", "event__start_date"))
    )


def annotate_double_booked(members):
    """Annotate a Member queryset with `is_double_booked` (overlapping confirmed events),
    in the same query, so a list of members costs nothing extra."""
    overlapping = (
        _going_participations()
        .filter(member_id=OuterRef("member_id"))
        .exclude(event_id=OuterRef("event_id"))
        .filter(event__start_date__lte=OuterRef("last_day"), last_day__gte=OuterRef("event__start_date"))
    )
    clashing = _going_participations().filter(member_id=OuterRef("pk")).filter(Exists(overlapping))
    return members.annotate(is_double_booked=Exists(clashing))

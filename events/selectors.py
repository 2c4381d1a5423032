"""Reads that several callers share, with the joins they need."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, Max, Min, OuterRef, Q
from django.db.models.functions import Coalesce

from members.models import Member
from members.permissions import can_see_internal_events

from .models import (
    ActionItem,
    Deadline,
    DiscoveredEntry,
    Event,
    EventComment,
    Goal,
    Idea,
    IdeaSupport,
    Participation,
    Tag,
)


def _going_participations():
    """Participations that count for double-booking: confirmed or attended, at dated events
    that are not declined or cancelled. Both readers below start from this one rule."""
    return (
        Participation.objects.filter(status__in=Participation.GOING_STATUSES, event__start_date__isnull=False)
        .exclude(event__status__in=Event.CLOSED_STATUSES)
        .annotate(last_day=Coalesce("event__end_date", "event__start_date"))
    )


def double_bookings(*, member_ids=None):
    """Members booked at overlapping events: {member_id: [(event, other_event), …]}.

    One query whatever the number of members; annotate_double_booked answers the same
    question inside a Member query (tests pin that the two agree).
    """
    going = _going_participations().select_related("event").order_by("member_id", "event__start_date")
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


# --- what a viewer may see -------------------------------------------------------------------
# Members (and coordinators) see everything; anyone else sees the group's public window:
# public events and their public deadlines, nothing internal. Pages, feeds, the API and
# the admin all start from these four.


def public_events():
    """The events anyone may see ("where to meet us"): public ones the group is going to,
    went to or is considering (Event.PUBLIC_STATUSES); never an idea, a declined or a
    cancelled event, even one marked public."""
    return Event.objects.filter(is_public=True, status__in=Event.PUBLIC_STATUSES)


def public_deadlines():
    """The deadlines anyone may see: public ones of public events (as public_events)."""
    return Deadline.objects.filter(
        is_public=True, event__is_public=True, event__status__in=Event.PUBLIC_STATUSES
    )


def events_visible_to(*, user):
    if can_see_internal_events(user):
        return Event.objects.all()
    return public_events()


def deadlines_visible_to(*, user):
    if can_see_internal_events(user):
        return Deadline.objects.all()
    return public_deadlines()


# --- who is involved ---------------------------------------------------------------------------


def events_involving(*, member):
    """The events a member takes part in: any participation not declined. `member` is a
    Member or its id. The calendar's "mine", a member's plan and personal feeds use it."""
    taking_part = Participation.objects.filter(member=member).exclude(status=Participation.Status.DECLINED)
    return Event.objects.filter(pk__in=taking_part.values("event_id"))


# --- filters shared by the calendar and the CFP board ----------------------------------------


def ends_on_or_after(day):
    """Events whose last day is `day` or later (an event without an end lasts one day)."""
    return Q(end_date__gte=day) | Q(end_date__isnull=True, start_date__gte=day)


def event_filter(*, events, status="", country="", kind="", tag="", priority=None, member_id=None):
    """Narrow an Event queryset by the calendar's filters; empty values do not filter.

    `member_id` keeps the events that member takes part in (any participation that is
    not declined). Stays one queryset: callers add their own joins and ordering.
    """
    if status:
        events = events.filter(status=status)
    if country:
        events = events.filter(country=country)
    if kind:
        events = events.filter(kind=kind)
    if tag:
        events = events.filter(pk__in=Event.tags.through.objects.filter(tag__slug=tag).values("event_id"))
    if priority:
        events = events.filter(priority=priority)
    if member_id:
        events = events.filter(pk__in=events_involving(member=member_id).values("pk"))
    return events


def event_filter_choices(*, events):
    """Tags and countries to offer in the filter form: two queries."""
    countries = list(
        events.exclude(country="").order_by("country").values_list("country", flat=True).distinct()
    )
    tags = list(Tag.objects.all())
    return {"countries": countries, "tags": tags}


@dataclass(frozen=True)
class Timeline:
    """Where the filtered events lie in time, relative to `today` (one query)."""

    upcoming: int
    first_upcoming: dt.date | None
    latest_start: dt.date | None


def event_timeline(*, events, today):
    summary = events.aggregate(
        upcoming=Count("pk", filter=ends_on_or_after(today)),
        first_upcoming=Min("start_date", filter=Q(start_date__gte=today)),
        latest_start=Max("start_date"),
    )
    return Timeline(**summary)


# --- CFP board ------------------------------------------------------------------------------


def deadline_board(*, deadlines, events, now, include_closed=False, overdue_limit=50):
    """Deadlines of `events`: upcoming ones by time left (a queryset: the page windows it),
    then the most recent overdue ones (a list, one query).

    Deadlines of declined or cancelled events are left out unless `include_closed`.
    Returns (upcoming, overdue).
    """
    rows = deadlines.filter(event__in=events).select_related("event")
    if not include_closed:
        rows = rows.exclude(event__status__in=Event.CLOSED_STATUSES)
    upcoming = rows.filter(due_at__gte=now).order_by("due_at", "pk")
    overdue = list(rows.filter(due_at__lt=now).order_by("-due_at", "-pk")[:overdue_limit])
    return upcoming, overdue


# --- event page -----------------------------------------------------------------------------


@dataclass
class EventPage:
    event: Event
    alternatives: list
    deadlines: list
    goals: list
    participations: list
    action_items: list
    # Proposals a coordinator merged into this event as duplicates: who proposed it again, why.
    merged_proposals: list
    member_view: bool

    @property
    def overdue_count(self):
        return sum(1 for item in self.action_items if item.is_overdue)


def event_page(*, pk, user):
    """Everything an event's page shows, or None when the viewer may not see the event.

    Members: six queries (event with its alternatives and comment count, tags, deadlines
    with their tracker sources, goals, participations, action items), a seventh only when
    proposals were merged into it; the comments have their own page. The public:
    public deadlines and secured goals only, no people, no action items (four queries).
    """
    member_view = can_see_internal_events(user)
    alternative_ids = Event.alternatives.through.objects.filter(from_event_id=pk).values("to_event_id")
    rows = list(
        events_visible_to(user=user)
        .filter(Q(pk=pk) | Q(pk__in=alternative_ids))
        .select_related("proposed_by")
        .annotate(
            comment_count=Count("comments"),
            has_merged_proposals=Exists(Event.objects.filter(merged_into=OuterRef("pk"))),
            has_tracker_entries=Exists(DiscoveredEntry.objects.filter(event=OuterRef("pk"))),
        )
        .prefetch_related("tags")
    )
    event = next((row for row in rows if row.pk == pk), None)
    if event is None:
        return None
    deadlines = (
        deadlines_visible_to(user=user)
        .filter(event=event)
        .select_related("tracker_link__source_deadline__listing__source")
        .order_by("due_at")
    )
    goals = Goal.objects.filter(event=event).select_related("owner").order_by("kind", "pk")
    participations, action_items, merged_proposals = [], [], []
    if member_view:
        participations = list(
            Participation.objects.filter(event=event)
            .select_related("member")
            .order_by("role", "member__display_name")
        )
        for row in participations:  # the page's event, not a query per row
            row.event = event
        action_items = _open_first(ActionItem.objects.filter(event=event).select_related("owner"))
        if event.has_merged_proposals:
            merged = event.merged_proposals.select_related("proposed_by").order_by("created_at")
            merged_proposals = list(merged)
    else:
        goals = goals.filter(status__in=[Goal.Status.SECURED, Goal.Status.DONE])
    return EventPage(
        event=event,
        alternatives=[row for row in rows if row.pk != pk],
        deadlines=list(deadlines),
        goals=list(goals),
        participations=participations,
        action_items=action_items,
        merged_proposals=merged_proposals,
        member_view=member_view,
    )


def assignable_members():
    """Whom a coordinator may make a goal's owner on the event page: active members, by
    name (one query)."""
    return list(Member.objects.filter(active=True).order_by("display_name"))


def _open_first(action_items):
    """Open and in-progress action items first, each part in due-date order."""
    finished = (ActionItem.Status.DONE, ActionItem.Status.DROPPED)
    return sorted(action_items, key=lambda item: item.status in finished)


# --- ideas and comments ----------------------------------------------------------------------


def ideas_for(*, member):
    """Ideas and open topics with their +1 count and whether `member` supports each (one query)."""
    own_support = IdeaSupport.objects.filter(idea=OuterRef("pk"), member=member)
    return list(
        Idea.objects.select_related("proposer", "event")
        .annotate(support_count=Count("supports"), supported=Exists(own_support))
        .order_by("-support_count", "-created_at")
    )


def event_comments(*, event):
    """An event's comments with their authors, oldest first (one query)."""
    return list(EventComment.objects.filter(event=event).select_related("author"))

"""Lists that grow with the years, windowed: a member's plan (/me/ and a member's page) and
the coordinators' triage queue. Each list is one page of rows with its total in the same
query (intl_portal.common.paging), so a page costs the same queries and about the same time
with 300 events or 5,000."""

import datetime as dt
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    Aggregate,
    BooleanField,
    Case,
    CharField,
    Count,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import QueryDict

from intl_portal.common.paging import ListWindow, count_bound, list_window, page_number, total_of, window_of
from members.models import Contribution, RoleAssignment

from .models import ActionItem, DateChangeRequest, Deadline, Event, Goal, Idea, IdeaSupport, Participation
from .selectors import events_involving
from .triage.selectors import member_requests

PLAN_PAGE = 20
# A plan's lists are counted this far ("1–20 of more than 100"): the count of a long-serving
# member's deadlines or events would otherwise read their whole history on every visit.
PLAN_COUNTED = 100
TRIAGE_PAGE = 20
MERGE_CANDIDATES = 15
MERGE_WINDOW = dt.timedelta(days=21)


def _open_first_order():
    finished = (ActionItem.Status.DONE, ActionItem.Status.DROPPED)
    return [
        Case(When(status__in=finished, then=Value(1)), default=Value(0)),
        F("due_date").asc(nulls_last=True),
        "pk",
    ]


# --- a member's plan ------------------------------------------------------------------------


@dataclass
class MemberPlan:
    participations: ListWindow
    proposals: ListWindow | list
    ideas: list
    date_changes: list
    upcoming_deadlines: ListWindow
    recent_deadlines: list
    action_items: ListWindow
    contributions: ListWindow
    roles: list


def _participations(member, today):
    """Upcoming events soonest first, then those with dates not known yet, then past ones,
    the most recent first."""
    part = Case(
        When(event__start_date__isnull=True, then=Value(1)),
        When(
            Q(event__end_date__gte=today) | Q(event__end_date__isnull=True, event__start_date__gte=today),
            then=0,
        ),
        default=Value(2),
    )
    soonest = Case(When(part_order=0, then=F("event__start_date")))
    return (
        Participation.objects.filter(member=member)
        .select_related("event")
        .alias(part_order=part)
        .order_by("part_order", soonest.asc(), F("event__start_date").desc(), "event__name", "role")
    )


def _deadlines(member, *, now, query, size, recent_limit):
    """The deadlines of the member's events: a page of upcoming ones by time left, and on the
    first page the `recent_limit` latest past ones, and the number of upcoming ones (counted
    up to PLAN_COUNTED): one query."""
    rows = Deadline.objects.filter(event__in=events_involving(member=member).values("pk")).exclude(
        event__status__in=Event.CLOSED_STATUSES
    )
    upcoming = ExpressionWrapper(Q(due_at__gte=now), output_field=BooleanField())
    page = page_number(query, "deadlines")
    offset = (page - 1) * size
    bound = count_bound(page=page, size=size, up_to=PLAN_COUNTED)
    # The page's ids and the latest past ones' are picked from narrow rows in due-date order
    # (the index), then read whole with the number of upcoming ones: one query.
    coming_ids = rows.filter(due_at__gte=now).order_by("due_at", "pk").values("pk")[offset : offset + size]
    past_ids = rows.filter(due_at__lt=now).order_by("-due_at", "-pk").values("pk")[:recent_limit]
    if page > 1:
        picked = Q(pk__in=coming_ids)
    elif connection.features.supports_slicing_ordering_in_compound:  # one list of ids: no scan
        picked = Q(pk__in=coming_ids.union(past_ids, all=True))
    else:
        picked = Q(pk__in=coming_ids) | Q(pk__in=past_ids)
    found = list(
        Deadline.objects.filter(picked)  # the picked ids already passed `rows`' conditions
        .select_related("event")
        .annotate(
            is_upcoming=upcoming,
            upcoming_total=total_of(rows.filter(due_at__gte=now).order_by("due_at"), up_to=bound),
        )
    )
    coming = sorted((row for row in found if row.is_upcoming), key=lambda row: (row.due_at, row.pk))[:size]
    past = sorted((row for row in found if not row.is_upcoming), key=lambda row: (row.due_at, row.pk))[::-1]
    window = window_of(
        coming,
        found[0].upcoming_total if found else None,
        page=page,
        size=size,
        param="deadlines",
        query=query,
        anchor="deadlines",
        bound=bound,
    )
    return window, past


def member_plan(*, member, now, query=None, recent_limit=5, with_proposals=False, size=PLAN_PAGE):
    """A member's events and roles, the events they proposed (and what became of them), the
    deadlines of their events, their action items and ambassador contributions, each list a
    window of `size` rows (the page asked in `query`, a QueryDict) counted up to
    PLAN_COUNTED: seven queries, and about the same time, whatever the numbers."""
    query = query if query is not None else QueryDict()
    today = now.date()
    participations = list_window(
        _participations(member, today),
        query=query,
        param="events",
        size=size,
        anchor="events",
        count_up_to=PLAN_COUNTED,
    )
    proposals, ideas, date_changes = [], [], []
    if with_proposals:  # the member's own page only: one more query (a union of the three)
        proposals, ideas, date_changes = member_requests(member=member)
    upcoming, recent = _deadlines(member, now=now, query=query, size=size, recent_limit=recent_limit)
    action_items = list_window(
        ActionItem.objects.filter(owner=member).select_related("event").order_by(*_open_first_order()),
        query=query,
        param="actions",
        size=size,
        count_up_to=PLAN_COUNTED,
        anchor="actions",
    )
    contributions = list_window(
        Contribution.objects.filter(member=member).select_related("event").order_by("-created_at", "-pk"),
        query=query,
        param="contributions",
        size=size,
        count_up_to=PLAN_COUNTED,
        anchor="contributions",
    )
    roles = list(
        RoleAssignment.objects.filter(member=member)
        .filter(Q(term_end__isnull=True) | Q(term_end__gte=today))
        .select_related("role")
        .order_by("term_start")
    )
    return MemberPlan(
        participations=participations,
        proposals=proposals,
        ideas=ideas,
        date_changes=date_changes,
        upcoming_deadlines=upcoming,
        recent_deadlines=recent,
        action_items=action_items,
        contributions=contributions,
        roles=roles,
    )


# --- coordinators' triage ---------------------------------------------------------------------


class _Joined(Aggregate):
    """The values of a column joined with commas (GROUP_CONCAT; STRING_AGG on PostgreSQL)."""

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s)"

    def as_postgresql(self, compiler, connection, **extra):
        template = "%(function)s(%(expressions)s, ',')"
        return self.as_sql(compiler, connection, function="STRING_AGG", template=template, **extra)


@dataclass
class TriageQueue:
    proposals: ListWindow
    volunteers: ListWindow
    due_date_requests: ListWindow
    date_changes: ListWindow
    ideas: ListWindow


def triage_queue(*, query=None, size=TRIAGE_PAGE):
    """What waits for a coordinator's answer: proposed events, volunteers, requests for a new
    due date or for an event's other dates, new ideas, each a window of `size`; on each
    proposal, `merge_candidates`: the events it may duplicate (same name, or starting within
    three weeks of it). Six queries whatever their number (the proposals' goals' kinds are a
    column of the proposals' query)."""
    query = query if query is not None else QueryDict()
    goal_kinds = (
        Goal.objects.filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(kinds=_Joined("kind", output_field=CharField()))
        .values("kinds")
    )
    proposals = list_window(
        Event.objects.filter(status=Event.Status.IDEA, proposed_by__isnull=False)
        .select_related("proposed_by")
        .annotate(goal_kinds=Subquery(goal_kinds))
        .order_by("created_at", "pk"),
        query=query,
        param="proposals",
        size=size,
        anchor="proposals",
    )
    volunteers = list_window(
        Participation.objects.filter(status=Participation.Status.PROPOSED)
        .select_related("member", "event")
        .order_by("created_at", "pk"),
        query=query,
        param="volunteers",
        size=size,
        anchor="volunteers",
    )
    requests = list_window(
        ActionItem.objects.filter(requested_due_date__isnull=False)
        .select_related("owner", "event")
        .order_by("requested_due_date", "pk"),
        query=query,
        param="requests",
        size=size,
        anchor="due-dates",
    )
    date_changes = list_window(
        DateChangeRequest.objects.filter(status=DateChangeRequest.Status.OPEN)
        .select_related("event", "requested_by")
        .order_by("created_at", "pk"),
        query=query,
        param="dates",
        size=size,
        anchor="date-changes",
    )
    supports = (
        IdeaSupport.objects.filter(idea=OuterRef("pk"))
        .order_by()
        .values("idea")
        .annotate(n=Count("pk"))
        .values("n")
    )
    ideas = list_window(
        Idea.objects.filter(status=Idea.Status.PROPOSED)
        .select_related("proposer", "event")
        .annotate(support_count=Coalesce(Subquery(supports), 0))
        .order_by("created_at", "pk"),
        query=query,
        param="ideas",
        size=size,
        anchor="ideas",
    )
    candidates = merge_candidates(proposals.items)
    for proposal in proposals:
        proposal.merge_candidates = candidates[proposal.pk]
        kinds = sorted(set((proposal.goal_kinds or "").split(",")) - {""})
        proposal.goal_list = [Goal(event=proposal, kind=kind) for kind in kinds]
    return TriageQueue(
        proposals=proposals,
        volunteers=volunteers,
        due_date_requests=requests,
        date_changes=date_changes,
        ideas=ideas,
    )


def merge_targets():
    """The events a proposal may be merged into (any of them, by number)."""
    return Event.objects.filter(merged_into__isnull=True).exclude(status=Event.Status.IDEA)


def merge_candidates(proposals):
    """{proposal id: up to MERGE_CANDIDATES events it may duplicate}: the same name, or dated
    within three weeks of it, closest first (one query for all of them)."""
    if not proposals:
        return {}
    near = Q(name__in=[proposal.name for proposal in proposals])
    for proposal in proposals:
        day = proposal.start_date or proposal.approx_first_day
        if day:
            near |= Q(start_date__range=(day - MERGE_WINDOW, day + MERGE_WINDOW))
    rows = list(merge_targets().filter(near).order_by("start_date", "name"))
    found = {}
    for proposal in proposals:
        day = proposal.start_date or proposal.approx_first_day
        fits = [
            event
            for event in rows
            if event.name.casefold() == proposal.name.casefold()
            or (day and event.start_date and abs(event.start_date - day) <= MERGE_WINDOW)
        ]
        fits.sort(
            key=lambda event: (event.name.casefold() != proposal.name.casefold(), _distance(event, day))
        )
        found[proposal.pk] = fits[:MERGE_CANDIDATES]
    return found


def _distance(event, day):
    if day is None or event.start_date is None:
        return dt.timedelta.max
    return abs(event.start_date - day)

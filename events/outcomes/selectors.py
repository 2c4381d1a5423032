"""The year in review, read once for the page and both exports (a fixed number of queries
whatever the number of events), and next year's plan.

Visibility, the one rule: members see every event of the year; the public version (a
visitor, or a member asking for it) sees only public events, no names of people or
contacts, no reviews' text and no decision notes, and only the contributions their authors
allowed on the public program page. Money is shown to whoever sees budgets, never publicly.
"""

import datetime as dt
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from budget.period import period_money
from budget.rates import CENT
from members.models import Contribution, ContributionPublication
from members.permissions import can_see_internal_events, can_see_year_money, is_coordinator

from ..models import Event, EventReview, Goal, Outcome, OutcomeContact, Participation
from ..selectors import public_events
from .regions import REGION_ORDER, region_label, region_of

TALK_KINDS = (Goal.Kind.TALK, Goal.Kind.KEYNOTE, Goal.Kind.LIGHTNING_TALK)
WON = (Goal.Status.SECURED, Goal.Status.DONE)
DECLINED_EVENT = (Event.Status.DECLINED, Event.Status.CANCELLED)


def _count(queryset, ref):
    """A correlated COUNT subquery (no join, so counts never multiply each other)."""
    counted = queryset.filter(**{ref: OuterRef("pk")}).order_by().values(ref).annotate(n=Count("pk"))
    return Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), Value(0))


def year_events(*, events, year):
    """The year's events (dated in the year, or undated editions of the year) with their
    counts, in one query."""
    goals = Goal.objects.all()
    return (
        events.filter(Q(start_date__year=year) | Q(start_date__isnull=True, edition_year=year))
        .select_related("outcome_review")
        .annotate(
            talks_wanted=_count(goals.filter(kind__in=TALK_KINDS), "event"),
            talks_won=_count(goals.filter(kind__in=TALK_KINDS, status__in=WON), "event"),
            booths_wanted=_count(goals.filter(kind=Goal.Kind.BOOTH), "event"),
            booths_won=_count(goals.filter(kind=Goal.Kind.BOOTH, status__in=WON), "event"),
            goals_declined=_count(goals.filter(status=Goal.Status.DECLINED), "event"),
            contacts_made=_count(OutcomeContact.objects.all(), "outcome__goal__event"),
            press_pieces=_count(
                Outcome.objects.filter(goal__kind=Goal.Kind.COVERAGE).exclude(url=""), "goal__event"
            ),
            interview_pieces=_count(
                Outcome.contributions.through.objects.filter(
                    contribution__status=Contribution.Status.ACCEPTED
                ),
                "outcome__goal__event",
            ),
            outcomes_recorded=_count(Outcome.objects.all(), "goal__event"),
        )
        .order_by("start_date", "name")
    )


def attended(event, today):
    """The group went: marked attended, or confirmed and over."""
    if event.status == Event.Status.ATTENDED:
        return True
    return event.status == Event.Status.CONFIRMED and event.last_day is not None and event.last_day < today


def _per(amount, count):
    if not count or amount is None:
        return None
    return (amount / count).quantize(CENT, ROUND_HALF_UP)


@dataclass
class EventRow:
    event: object
    region: str
    region_label: str
    month: int | None
    went: bool
    review: object  # EventReview or None (None in the public version)
    cost: Decimal | None = None
    person_trips: int = 0
    people: list = field(default_factory=list)  # (name, role label)


@dataclass
class YearReview:
    year: int
    public: bool
    show_money: bool
    rows: list
    by_region: list  # [(label, [EventRow…])]
    by_month: list  # [(month or None, count)]
    declined: list  # EventRow
    goals_declined: int
    talks_wanted: int
    talks_won: int
    booths_wanted: int
    booths_won: int
    people: list  # [(name, [role labels])], empty in the public version
    roles: list  # [(role label, count of person-trips)]
    person_count: int
    publications: list  # [(language label, channel label, count)]
    pieces_published: int
    contacts_made: int
    money: object | None
    go_again: list = field(default_factory=list)

    @property
    def went(self):
        return [row for row in self.rows if row.went]

    @property
    def spent(self):
        return self.money.spent if self.money else None

    @property
    def cost_per_talk(self):
        return _per(self.spent, self.talks_won)

    @property
    def cost_per_piece(self):
        return _per(self.spent, self.pieces_published)

    @property
    def cost_per_contact(self):
        return _per(self.spent, self.contacts_made)

    @property
    def cost_per_person_trip(self):
        return self.money.spent_per_person_trip if self.money else None


def review_is_public(*, user, public=False):
    """The public version: asked for, or the viewer is not a member. (A coordinator is
    asked first: their groups are read anyway for the money, their member row is not.)"""
    return public or not (is_coordinator(user) or can_see_internal_events(user))


def year_review(*, year, user, public=False, today=None):
    """The year in review as `user` may see it (public=True: the public version)."""
    today = today or timezone.localdate()
    public = review_is_public(user=user, public=public)
    show_money = not public and can_see_year_money(user)
    events = public_events() if public else Event.objects.all()
    rows = []
    for event in year_events(events=events, year=year):
        region = region_of(event)
        review = None if public else getattr(event, "outcome_review", None)
        rows.append(
            EventRow(
                event=event,
                region=region,
                region_label=str(region_label(region)),
                month=event.start_date.month if event.start_date else None,
                went=attended(event, today),
                review=review,
            )
        )
    by_id = {row.event.pk: row for row in rows}
    went = [row for row in rows if row.went]

    participations = (
        Participation.objects.filter(
            event_id__in=[row.event.pk for row in went], status__in=Participation.GOING_STATUSES
        )
        .select_related("member")
        .order_by("member__display_name", "role")
    )
    people, roles, trips = OrderedDict(), Counter(), set()
    for participation in participations:
        label = str(participation.get_role_display())
        name = participation.member.localized_name
        if not public:
            by_id[participation.event_id].people.append((name, label))
        people.setdefault(name, [])
        if label not in people[name]:
            people[name].append(label)
        roles[label] += 1
        trips.add(participation.member_id)

    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    publications = ContributionPublication.objects.filter(
        published_at__date__range=(first, last), contribution__status=Contribution.Status.ACCEPTED
    )
    if public:
        publications = publications.filter(contribution__show_publicly=True)
    published = list(publications.values_list("contribution_id", "language", "channel"))
    languages = dict(ContributionPublication.Language.choices)
    channels = dict(ContributionPublication.Channel.choices)
    by_language_channel = Counter((language, channel) for _id, language, channel in published)
    press = sum(row.event.press_pieces for row in went)

    money = None
    if show_money:
        money = period_money(event_ids=[row.event.pk for row in rows], first=first, last=last)
        for row in rows:
            row.cost = money.by_event.get(row.event.pk)
            row.person_trips = money.trips_by_event.get(row.event.pk, 0)

    regions = OrderedDict((key, []) for key in REGION_ORDER)
    for row in went:
        regions[row.region].append(row)
    months = Counter(row.month for row in went)
    return YearReview(
        year=year,
        public=public,
        show_money=show_money,
        rows=rows,
        by_region=[(str(region_label(key)), found) for key, found in regions.items() if found],
        by_month=[(month, months.get(month, 0)) for month in range(1, 13)]
        + ([(None, months[None])] if months.get(None) else []),
        declined=[row for row in rows if row.event.status in DECLINED_EVENT],
        goals_declined=sum(row.event.goals_declined for row in rows),
        talks_wanted=sum(row.event.talks_wanted for row in rows),
        talks_won=sum(row.event.talks_won for row in rows),
        booths_wanted=sum(row.event.booths_wanted for row in rows),
        booths_won=sum(row.event.booths_won for row in rows),
        people=[] if public else list(people.items()),
        roles=sorted(roles.items()),
        person_count=len(trips),
        publications=sorted(
            (str(languages.get(language, language)), str(channels.get(channel, channel)), count)
            for (language, channel), count in by_language_channel.items()
        ),
        pieces_published=len({contribution for contribution, _l, _c in published}) + press,
        contacts_made=sum(row.event.contacts_made for row in went),
        money=money,
        go_again=[
            row for row in rows if row.review is not None and row.review.go_again == EventReview.GoAgain.YES
        ],
    )


def event_cost(*, event, user):
    """The event's approved expenses converted into its budget's currency, for whoever sees
    budgets (None otherwise, or for an undated event): (amount, currency, person-trips)."""
    if not can_see_year_money(user) or event.start_date is None:
        return None
    money = period_money(event_ids=[event.pk], first=event.start_date, last=event.last_day)
    return (
        money.by_event.get(event.pk, Decimal("0.00")),
        money.currency,
        money.trips_by_event.get(event.pk, 0),
    )


def next_year_plan(*, year):
    """Events of `year` whose review says go again (yes first, then maybe), each with its
    next edition if one is already in the calendar (same series, a later edition year)."""
    reviews = (
        EventReview.objects.filter(
            go_again__in=(EventReview.GoAgain.YES, EventReview.GoAgain.MAYBE),
        )
        .filter(Q(event__start_date__year=year) | Q(event__start_date__isnull=True, event__edition_year=year))
        .select_related("event")
        .order_by("-go_again", "event__start_date", "event__name")
    )
    reviews = list(reviews)
    series = {r.event.series for r in reviews if r.event.series}
    later = {}
    for event in Event.objects.filter(series__in=series, edition_year__gt=year).order_by("edition_year"):
        later.setdefault(event.series, event)
    return [(review, later.get(review.event.series) if review.event.series else None) for review in reviews]

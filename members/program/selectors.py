"""Reads of the ambassador program shared by pages, admin and API: each returns its rows
with a fixed number of queries, whatever the number of members or contributions. One
selector per visibility question (which swag requests a viewer may see)."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils import timezone

from members.models import (
    Contribution,
    ContributionPublication,
    Enrolment,
    Reward,
    StockLevel,
    StockLocation,
    StockMovement,
    SwagRequest,
    SwagRequestLine,
    SwagVariant,
)
from members.permissions import can_manage_program, member_of

# Kinds that are bilingual by nature: they always need both languages.
BILINGUAL_KINDS = (
    Contribution.Kind.TRANSLATED_ARTICLE,
    Contribution.Kind.TALK_TRANSLATION,
    Contribution.Kind.INTERVIEW,
)
LISTED_STATUSES = (Enrolment.Status.ACTIVE, Enrolment.Status.PAUSED, Enrolment.Status.ENDED)
FAR_FUTURE = dt.date(9999, 12, 31)


@dataclass
class ContributorRow:
    member: object
    enrolments: list = field(default_factory=list)
    contributions: list = field(default_factory=list)  # the ones to show
    points: int = 0
    accepted_count: int = 0

    @property
    def tracks(self):
        return sorted({e.get_track_display() for e in self.enrolments}, key=str)


def _in_terms(day, enrolments):
    return any((e.term_start or dt.date.min) <= day <= (e.term_end or FAR_FUTURE) for e in enrolments)


def _accepted_around_terms(enrolments):
    """Contributions accepted from a day before the earliest term's start to a day after the
    latest term's end (unbounded on a side where a term is open): the database leaves out the
    years before, _in_terms then decides exactly in the site's zone."""
    starts = [e.term_start for e in enrolments]
    ends = [e.term_end for e in enrolments]
    bound = Q()
    if starts and None not in starts:
        first = dt.datetime.combine(min(starts) - dt.timedelta(days=1), dt.time.min, dt.UTC)
        bound &= Q(reviewed_at__isnull=True) | Q(reviewed_at__gte=first)
    if ends and None not in ends:
        last = dt.datetime.combine(max(ends) + dt.timedelta(days=2), dt.time.min, dt.UTC)
        bound &= Q(reviewed_at__isnull=True) | Q(reviewed_at__lt=last)
    return bound


def program_contributors(*, on=None, public=False):
    """This term's contributors: members whose enrolment term covers `on` (default today),
    with their accepted contributions in their term and the points those earned.

    public=True keeps only what members allow: enrolments marked show_publicly, and of those
    members only the contributions marked show_publicly (the points are the member's total).
    """
    on = on or timezone.localdate()
    enrolments = (
        Enrolment.objects.filter(status__in=LISTED_STATUSES)
        .filter(Q(term_start__isnull=True) | Q(term_start__lte=on))
        .filter(Q(term_end__isnull=True) | Q(term_end__gte=on))
        .select_related("member")
        .order_by("member__display_name", "track")
    )
    if public:
        enrolments = enrolments.filter(show_publicly=True)
    rows = {}
    for enrolment in enrolments:
        rows.setdefault(enrolment.member_id, ContributorRow(member=enrolment.member))
        rows[enrolment.member_id].enrolments.append(enrolment)
    if not rows:
        return []
    contributions = (
        Contribution.objects.filter(member_id__in=rows, status=Contribution.Status.ACCEPTED)
        .filter(_accepted_around_terms([e for row in rows.values() for e in row.enrolments]))
        .select_related("event")
        .prefetch_related(
            Prefetch("publications", queryset=ContributionPublication.objects.order_by("channel"))
        )
        .order_by("-reviewed_at")
    )
    for contribution in contributions:
        row = rows[contribution.member_id]
        accepted_on = timezone.localdate(contribution.reviewed_at) if contribution.reviewed_at else on
        if not _in_terms(accepted_on, row.enrolments):
            continue
        row.points += contribution.points
        row.accepted_count += 1
        if contribution.show_publicly or not public:
            row.contributions.append(contribution)
    return sorted(rows.values(), key=lambda r: (-r.points, r.member.display_name))


def member_certificate(*, member):
    """What a certificate states: tracks and terms, accepted contributions, points, rewards."""
    enrolments = list(member.enrolments.filter(status__in=LISTED_STATUSES).order_by("term_start", "track"))
    contributions = list(
        member.contributions.filter(status=Contribution.Status.ACCEPTED)
        .select_related("event")
        .order_by("reviewed_at")
    )
    rewards = list(Reward.objects.filter(member=member).exclude(kind=Reward.Kind.SWAG).order_by("awarded_at"))
    return {
        "member": member,
        "enrolments": enrolments,
        "contributions": contributions,
        "points": sum(c.points for c in contributions),
        "rewards": rewards,
        "issued_on": timezone.localdate(),
        # Nothing to certify: no accepted contribution and no honour (an enrolment alone is not).
        "is_empty": not contributions and not rewards,
    }


def member_program(*, member):
    """A member's own enrolments, contributions (any state) and rewards, and whether a
    certificate has anything to state (as member_certificate's is_empty)."""
    contributions = list(member.contributions.select_related("event").prefetch_related("publications"))
    rewards = list(member.rewards.select_related("swag_request"))
    return {
        "enrolments": list(member.enrolments.all()),
        "contributions": contributions,
        "rewards": rewards,
        "has_certificate": any(c.status == Contribution.Status.ACCEPTED for c in contributions)
        or any(r.kind != Reward.Kind.SWAG for r in rewards),
    }


def review_queue():
    return {
        "enrolments": list(
            Enrolment.objects.filter(status=Enrolment.Status.APPLIED)
            .select_related("member")
            .order_by("created_at")
        ),
        "contributions": list(
            Contribution.objects.filter(status=Contribution.Status.SUBMITTED)
            .select_related("member", "event")
            .prefetch_related("publications")
            .order_by("created_at")
        ),
    }


def content_calendar(*, start, end):
    """Publications planned or done between two instants, in time order, with the
    publications still without a date after them."""
    rows = ContributionPublication.objects.select_related("contribution__member").exclude(
        contribution__status=Contribution.Status.RETURNED
    )
    dated = rows.filter(
        Q(published_at__gte=start, published_at__lt=end)
        | Q(published_at__isnull=True, planned_for__gte=start, planned_for__lt=end)
    )
    dated = sorted(dated, key=lambda p: p.published_at or p.planned_for)
    undated = list(rows.filter(published_at__isnull=True, planned_for__isnull=True))
    return {"dated": dated, "undated": undated}


def missing_second_language():
    """Bilingual pairs still missing one language: [(contribution, [what is missing])].

    A contribution is a bilingual pair when its kind is bilingual by nature or when it is
    published anywhere. Missing: a title, or a publication, in one of the two languages."""
    zh, en = ContributionPublication.Language.CHINESE, ContributionPublication.Language.ENGLISH
    candidates = (
        Contribution.objects.exclude(status=Contribution.Status.RETURNED)
        .filter(Q(kind__in=BILINGUAL_KINDS) | Q(publications__isnull=False))
        .distinct()
        .select_related("member")
        .prefetch_related("publications")
        .order_by("-created_at")
    )
    result = []
    for contribution in candidates:
        languages = {p.language for p in contribution.publications.all()}
        missing = []
        if not contribution.title_zh:
            missing.append("title_zh")
        if not contribution.title_en:
            missing.append("title_en")
        if languages and zh not in languages:
            missing.append("publication_zh")
        if languages and en not in languages:
            missing.append("publication_en")
        if missing:
            result.append((contribution, missing))
    return result


def stock_table():
    """Stock of each active variant at each place: (locations, [(variant, [qty…], total)])."""
    locations = list(StockLocation.objects.select_related("holder"))
    variants = SwagVariant.objects.filter(item__active=True).select_related("item").prefetch_related("levels")
    table = []
    for variant in variants:
        by_place = {level.location_id: level.quantity for level in variant.levels.all()}
        quantities = [by_place.get(location.pk, 0) for location in locations]
        table.append((variant, quantities, sum(quantities)))
    return locations, table


def swag_requests_visible_to(user):
    """The swag requests a user may see, newest first, with their lines: coordinators see
    every request; a member the ones they asked for or receive; anyone else none. (The
    address on them is a separate question: members.permissions.can_see_swag_address.)"""
    requests = (
        SwagRequest.objects.select_related("requested_by", "recipient", "event", "ship_from")
        .prefetch_related(Prefetch("lines", queryset=SwagRequestLine.objects.select_related("variant__item")))
        .order_by("-created_at")
    )
    if can_manage_program(user):
        return requests
    member = member_of(user)
    if member is None:
        return requests.none()
    return requests.filter(Q(requested_by=member) | Q(recipient=member))


def stock_levels_from_log():
    """{(variant_id, location_id): quantity} recomputed from the whole movement log."""
    totals = defaultdict(int)
    movements = StockMovement.objects.only(
        "kind", "quantity", "from_location_id", "to_location_id", "variant_id"
    )
    for movement in movements.iterator():
        for location_id, delta in movement.level_changes:
            totals[(movement.variant_id, location_id)] += delta
    return {key: value for key, value in totals.items() if value}


def stock_mismatches():
    """Levels that disagree with the log: {(variant_id, location_id): (stored, derived)}."""
    derived = stock_levels_from_log()
    stored = {
        (level.variant_id, level.location_id): level.quantity
        for level in StockLevel.objects.all()
        if level.quantity
    }
    return {
        key: (stored.get(key, 0), derived.get(key, 0))
        for key in set(derived) | set(stored)
        if stored.get(key, 0) != derived.get(key, 0)
    }

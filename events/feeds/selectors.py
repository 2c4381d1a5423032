"""Reads behind the calendar feeds: query filters, what each feed holds, and its state
(the validators ETag and Last-Modified), each in one query whatever the feed's size.

What a feed may show is not decided here: it is `events.selectors.events_visible_to` /
`deadlines_visible_to` — the rule the pages and the API use — asked for the feed's
viewer: the public for the public feeds, the feed's member for a personal feed.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import Case, Count, IntegerField, Q, Subquery, Value, When
from django.utils.translation import gettext as _
from django_countries import countries

from intl_portal.common.languages import LANGUAGE_CODES

from ..models import CalendarFeed, CalendarRevision, Deadline, Event, Participation, Tag
from ..selectors import deadlines_visible_to, events_visible_to

FILTER_NAMES = ("country", "status", "kind", "tag", "lang")
# Bump when the feeds' text changes shape, so cached bodies and ETags are renewed.
FEED_FORMAT_VERSION = "3"

_EVENT_TEXT_FIELDS = (
    "id",
    "name",
    "start_date",
    "end_date",
    "city",
    "country",
    "venue",
    "format",
    "website_url",
    "status",
    "is_public",
    "sequence",
    "updated_at",
)
# What a deadline's VEVENT shows (ical.FeedWriter.deadline), read with .values().
DEADLINE_FIELDS = (
    "id",
    "ical_uid",
    "kind",
    "title",
    "due_at",
    "timezone",
    "is_date_only",
    "url",
    "is_public",
    "due_estimated",
    "sequence",
    "updated_at",
    "event",
    "event__cfp_url",
    *(f"event__{name}" for name in _EVENT_TEXT_FIELDS if name != "id"),
    "event__id",
)
# What an event's all-day VEVENT shows (ical.FeedWriter.event).
EVENT_FIELDS = (
    *_EVENT_TEXT_FIELDS,
    "ical_uid",
    "kind",
    "organizer",
    "description",
    "dates_estimated",
    "date_precision",
    "approx_year",
    "approx_month",
    "approx_quarter",
)


def history_start(now):
    """The oldest instant the feeds still show (CALENDAR_FEED_HISTORY_DAYS before now)."""
    return now - dt.timedelta(days=settings.CALENDAR_FEED_HISTORY_DAYS)


@dataclass(frozen=True)
class FeedFilters:
    countries: tuple = ()
    statuses: tuple = ()
    kinds: tuple = ()
    tags: tuple = ()
    language: str = ""

    def key(self):
        return "|".join(",".join(values) for values in (self.countries, self.statuses, self.kinds, self.tags))


def _values(params, name):
    values = []
    for raw in params.getlist(name):
        values.extend(part.strip() for part in raw.split(",") if part.strip())
    return tuple(dict.fromkeys(values))


def feed_filters_from_params(*, params):
    """Parse a feed's query string (a QueryDict). Raises ValidationError with one plain
    message for an unknown parameter or value; may run one query (tags)."""
    unknown = sorted(set(params) - set(FILTER_NAMES))
    if unknown:
        raise ValidationError(
            _("Unknown parameter “%(name)s”; feeds accept %(names)s.")
            % {"name": unknown[0], "names": ", ".join(FILTER_NAMES)}
        )
    country_codes = tuple(code.upper() for code in _values(params, "country"))
    for code in country_codes:
        if code not in countries:
            raise ValidationError(
                _("Unknown country “%(value)s”; use ISO 3166 codes such as JP or CN.") % {"value": code}
            )
    statuses = _values(params, "status")
    _check_choices(statuses, Event.Status.values, _("status"))
    kinds = _values(params, "kind")
    _check_choices(kinds, Deadline.Kind.values, _("deadline kind"))
    tags = _values(params, "tag")
    if tags:
        known = set(Tag.objects.filter(slug__in=tags).values_list("slug", flat=True))
        missing = [slug for slug in tags if slug not in known]
        if missing:
            raise ValidationError(_("Unknown tag “%(value)s”.") % {"value": missing[0]})
    languages = _values(params, "lang")
    language = languages[0].lower() if languages else ""
    if len(languages) > 1 or (language and language not in LANGUAGE_CODES):
        raise ValidationError(
            _("Unknown language “%(value)s”; use en or zh-hans.") % {"value": ",".join(languages)}
        )
    return FeedFilters(countries=country_codes, statuses=statuses, kinds=kinds, tags=tags, language=language)


def _check_choices(values, allowed, label):
    for value in values:
        if value not in allowed:
            raise ValidationError(
                _("Unknown %(label)s “%(value)s”; use one of %(allowed)s.")
                % {"label": label, "value": value, "allowed": ", ".join(allowed)}
            )


def _event_q(filters, prefix=""):
    q = Q()
    if filters.countries:
        q &= Q(**{f"{prefix}country__in": filters.countries})
    if filters.statuses:
        q &= Q(**{f"{prefix}status__in": filters.statuses})
    if filters.tags:
        tagged = Event.tags.through.objects.filter(tag__slug__in=filters.tags).values("event_id")
        q &= Q(**{f"{prefix}id__in": tagged})
    return q


def _my_event_ids(member_id):
    return (
        Participation.objects.filter(member_id=member_id)
        .exclude(status=Participation.Status.DECLINED)
        .values("event_id")
    )


def feed_viewer(*, feed=None):
    """Whose eyes a feed sees with: anyone's for the public feeds (they are cached and
    served alike to every caller), the feed's member's for a personal feed (its token is
    the credential; feed_for_token gives only feeds of an active member with a login)."""
    return AnonymousUser() if feed is None else feed.member.user


def feed_deadlines(*, filters, now, feed=None):
    """Deadlines a feed holds: those its viewer may see (the public window for the public
    feed; internal ones too for a member's feed) and not older than the feeds' history,
    narrowed by the filters and the personal feed's choices. Not evaluated."""
    deadlines = deadlines_visible_to(user=feed_viewer(feed=feed)).filter(
        _event_q(filters, "event__"), due_at__gte=history_start(now)
    )
    if filters.kinds:
        deadlines = deadlines.filter(kind__in=filters.kinds)
    if feed is not None:
        if feed.kinds:
            deadlines = deadlines.filter(kind__in=feed.kinds)
        if feed.scope == CalendarFeed.Scope.MINE:
            deadlines = deadlines.filter(event_id__in=_my_event_ids(feed.member_id))
    return deadlines


def _approximate_q():
    """Events known only approximately, to a month, part of one or a quarter: the feeds show
    them as all-day entries over that period, marked approximate. "Not announced yet" has
    no period and stays out."""
    month = Q(date_precision__in=Event.MONTH_PRECISIONS, approx_month__isnull=False)
    quarter = Q(date_precision=Event.DatePrecision.QUARTER, approx_quarter__isnull=False)
    return Q(start_date__isnull=True, approx_year__isnull=False) & (month | quarter)


def _in_window_q(first_day):
    """Events not over before `first_day`: by their last day, or, for approximate ones, by
    their year (a period ends by 31 December of its year)."""
    dated = Q(end_date__gte=first_day) | Q(end_date__isnull=True, start_date__gte=first_day)
    return dated | (_approximate_q() & Q(approx_year__gte=first_day.year))


def feed_events(*, filters, now, feed=None):
    """Events a feed holds as all-day entries: those its viewer may see, with dates or an
    approximate period, whose last day (or year) is within the feeds' history.
    The `kind` filter keeps events with a deadline of that kind that the viewer may see
    too (an internal deadline never puts a public event in the public feed). Not evaluated."""
    viewer = feed_viewer(feed=feed)
    first_day = history_start(now).date()
    events = events_visible_to(user=viewer).filter(_event_q(filters), _in_window_q(first_day))
    if filters.kinds:
        with_kind = deadlines_visible_to(user=viewer).filter(kind__in=filters.kinds).values("event_id")
        events = events.filter(id__in=with_kind)
    if feed is not None and feed.scope == CalendarFeed.Scope.MINE:
        events = events.filter(id__in=_my_event_ids(feed.member_id))
    return events


# Each kind of row a feed holds: its fields, its order, and what makes a row change.
DEADLINE_ROWS = {
    "fields": DEADLINE_FIELDS,
    "order": ("due_at", "id"),
    "changed": ("updated_at", "event__updated_at"),
    "instant": "due_at",
}
EVENT_ROWS = {
    "fields": EVENT_FIELDS,
    "order": ("start_date", "id"),
    "changed": ("updated_at",),
    "instant": None,
}


def feed_rows(queryset, rows, *, only_ids=None):
    """The rows (dictionaries) of a feed's queryset in feed order, or those of `only_ids`."""
    if only_ids is not None:
        queryset = queryset.filter(pk__in=only_ids)
    return list(queryset.order_by(*rows["order"]).values(*rows["fields"]))


def feed_order(queryset, rows, *, saved_since, passed_between=None):
    """The feed's row ids in order, each with whether it must be rendered again: saved (or
    its event saved) since `saved_since`, or, for deadlines, due within `passed_between`
    (it has just become past and loses its alarms). One query; no dates are read."""
    stale = Q()
    for name in rows["changed"]:
        stale |= Q(**{f"{name}__gte": saved_since})
    if passed_between is not None and rows["instant"]:
        since, until = passed_between
        stale |= Q(**{f"{rows['instant']}__gt": since, f"{rows['instant']}__lte": until})
    flag = Case(When(stale, then=Value(1)), default=Value(0), output_field=IntegerField())
    ordered = queryset.order_by(*rows["order"]).annotate(_stale=flag).values_list("id", "_stale")
    # Read as the database sends it: 20,000 (int, int) rows need no per-value conversion.
    sql, params = ordered.query.sql_with_params()
    with connections[ordered.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass(frozen=True)
class FeedState:
    etag: str
    last_modified: dt.datetime


def _count(queryset):
    """A scalar subquery counting `queryset`'s rows."""
    return Subquery(queryset.order_by().values(_all=Value(1)).annotate(n=Count("pk")).values("n")[:1])


def feed_state(*, parts, now, deadlines=None, events=None):
    """The feed's validators (ETag, Last-Modified) in one cheap query, whatever its size.

    What a feed shows changes when (a) a deadline, event, participation or event tag is
    saved or deleted through the ORM — the revision moves (revision.py); (b) rows are made
    or removed without the ORM's signals (a bulk insert, a raw fix) — the table's row count
    changes; (c) time passes — a deadline becomes past and loses its alarms, or a row leaves
    the history window — the number of rows before now, or before the window, changes.
    None of these needs the feed's own filters, so each is an index-only count; a change
    elsewhere changes the ETag too, and the body is then brought up to date entry by entry
    (assembly.py). `parts` are the other things the body depends on (filters, language, a
    personal feed's settings).

    None while the revision has never started (nothing saved through the ORM yet): the
    caller starts it (services.calendar_revision_touch) and asks again."""
    start = history_start(now)
    counts = {}
    if deadlines is not None:
        counts["d_rows"] = _count(Deadline.objects.all())
        counts["d_past"] = _count(Deadline.objects.filter(due_at__lte=now))
        counts["d_out"] = _count(Deadline.objects.filter(due_at__lt=start))
    if events is not None:
        first_day = start.date()
        ended = ~_in_window_q(first_day)
        counts["e_rows"] = _count(Event.objects.all())
        counts["e_out"] = _count(Event.objects.filter(ended))
    row = CalendarRevision.objects.filter(pk=1).values("changed_at", **counts).first()
    if row is None:
        return None
    lines = [FEED_FORMAT_VERSION, *map(str, parts), *(f"{key}={row[key]}" for key in sorted(row))]
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:32]
    return FeedState(etag=f'"{digest}"', last_modified=row["changed_at"].replace(microsecond=0))


def feed_for_token(*, token):
    """The personal feed with this token, or None when the token is unknown or its
    member is no longer active (one query)."""
    feed = (
        CalendarFeed.objects.select_related("member", "member__user")
        .filter(token=token, member__active=True)
        .first()
    )
    if feed is None or feed.member.user is None or not feed.member.user.is_active:
        return None
    return feed

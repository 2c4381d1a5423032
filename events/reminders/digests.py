"""The weekly digest: planned into the reminder outbox, composed when it is sent.

Each group channel with the digest on, and each member who asked for it (by e-mail or on
their own chat bot), gets one outbox row a week (`kind="digest"`, `period` = the Monday of
that week in the recipient's zone), due at the channel's day and time (default Monday
10:00 Asia/Shanghai; members: Monday 10:00 in their own zone). Rows are unique per
recipient and week, so planners racing create one row, and the dispatcher's claim, lease
and retry rules make it go out once. Its words are composed at the moment it is sent,
from the data as it is then; a week with nothing to say sends nothing.
"""

import dataclasses
import datetime as dt
import zoneinfo

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from intl_portal.common.places import place_text
from intl_portal.common.text import with_aside

from ..models import ActionItem, Deadline, Event, Participation, TravelStep
from ..models.reminder_settings import DIGEST_DEFAULT_TIME, ReminderChannel, ReminderPreference, Weekday
from ..models.reminders import Reminder, Via
from ..selectors import public_deadlines, public_events
from .messages import Message, estimated_mark, format_in_zone, time_left_text

# A digest whose moment passed longer ago than this (the dispatcher was down) is skipped:
# next week's will say it.
DIGEST_GRACE = dt.timedelta(hours=12)
DEADLINES_AHEAD = dt.timedelta(days=14)
EVENTS_AHEAD_DAYS = 30
ACTIONS_AHEAD_DAYS = 7
TRAVEL_AHEAD = dt.timedelta(days=14)
MAX_ITEMS = 30  # per section; the channel's size limit may cut further
# Events still waiting for a coordinator's decision.
TRIAGE_STATUSES = (Event.Status.IDEA,)
PLANNED_STATUSES = (Event.Status.CONSIDERING, Event.Status.PLANNED, Event.Status.CONFIRMED)


@dataclasses.dataclass(frozen=True)
class Schedule:
    weekday: int
    time: dt.time
    zone: str

    def week_of(self, instant):
        """The Monday (local date) of the week `instant` falls in, in this zone."""
        local = timezone.localtime(instant, zoneinfo.ZoneInfo(self.zone)).date()
        return local - dt.timedelta(days=local.weekday())

    def moment(self, period):
        """The digest's instant (UTC) in the week that starts on `period`."""
        day = period + dt.timedelta(days=self.weekday)
        local = dt.datetime.combine(day, self.time, tzinfo=zoneinfo.ZoneInfo(self.zone))
        return local.astimezone(dt.UTC)


def channel_schedule(channel):
    return Schedule(channel.digest_weekday, channel.digest_time, channel.timezone)


def member_schedule(member):
    return Schedule(Weekday.MONDAY, DIGEST_DEFAULT_TIME, member.timezone or "Asia/Shanghai")


def member_digest_vias(preference):
    """The means by which a member asked for the digest."""
    vias = []
    if preference.digest_by_email:
        vias.append(Via.EMAIL)
    if preference.digest_by_chat and preference.chat_kind and preference.chat_url:
        vias.append(preference.chat_kind)
    return vias


def digest_label(period):
    with translation.override("en"):
        return f"Weekly digest, week of {period:%Y-%m-%d}"


def _recipients(*, channel=None, member=None):
    """[(channel or None, member or None, via, schedule)] of everyone who gets the digest
    (or of one channel, or one member)."""
    found = []
    channels = ReminderChannel.objects.filter(active=True, digest=True)
    preferences = ReminderPreference.objects.filter(
        Q(digest_by_email=True) | Q(digest_by_chat=True), member__active=True
    ).select_related("member")
    if channel is not None or member is not None:
        channels = channels.filter(pk=channel.pk) if channel is not None else channels.none()
        preferences = preferences.filter(member=member) if member is not None else preferences.none()
    for group in channels:
        found.append((group, None, group.kind, channel_schedule(group)))
    for preference in preferences:
        for via in member_digest_vias(preference):
            found.append((None, preference.member, via, member_schedule(preference.member)))
    return found


def digests_plan(*, now, channel=None, member=None):
    """Create the outbox rows of this week's and next week's digests that do not exist yet
    (a week whose moment passed more than DIGEST_GRACE ago is left out), for everyone or for
    one channel or member. Returns how many were created. Safe to run from several
    dispatchers at once."""
    wanted = {}
    for group, person, via, schedule in _recipients(channel=channel, member=member):
        this_week = schedule.week_of(now)
        for period in (this_week, this_week + dt.timedelta(days=7)):
            moment = schedule.moment(period)
            if moment < now - DIGEST_GRACE:
                continue
            key = (group.pk if group else None, person.pk if person else None, via, period)
            wanted[key] = moment
    if not wanted:
        return 0
    existing = set(
        Reminder.objects.filter(kind=Reminder.Kind.DIGEST, period__in={key[3] for key in wanted}).values_list(
            "channel_id", "member_id", "via", "period"
        )
    )
    # A channel's row does not depend on its via (a channel's kind may have changed).
    existing_channels = {(c, p) for c, _m, _v, p in existing if c is not None}
    rows = [
        Reminder(
            kind=Reminder.Kind.DIGEST,
            channel_id=channel_id,
            member_id=member_id,
            via=via,
            period=period,
            send_at=moment,
            not_before=moment,
            label=digest_label(period),
        )
        for (channel_id, member_id, via, period), moment in wanted.items()
        if (channel_id, member_id, via, period) not in existing
        and (channel_id is None or (channel_id, period) not in existing_channels)
    ]
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def digests_unplan(*, channel=None, member=None):
    """Drop the pending digest rows of a channel or member whose digest settings changed:
    the next pass plans them again at the new day and time."""
    rows = Reminder.objects.filter(kind=Reminder.Kind.DIGEST, state=Reminder.State.PENDING)
    if channel is not None:
        rows = rows.filter(channel=channel)
    if member is not None:
        rows = rows.filter(member=member)
    return rows.delete()[0]


def digest_schedule(row):
    """The schedule a digest row follows now, or None when its recipient no longer wants it
    (the reason for the outbox)."""
    if row.channel_id is not None:
        channel = row.channel
        if not channel.active:
            return None, "channel inactive"
        if not channel.digest:
            return None, "digest turned off"
        return channel_schedule(channel), ""
    preference = getattr(row.member, "reminder_preference", None)
    if preference is None or row.via not in member_digest_vias(preference):
        return None, "digest turned off"
    return member_schedule(row.member), ""


# --- the words -------------------------------------------------------------------------------


@dataclasses.dataclass
class DigestContent:
    deadlines: list
    events: list
    actions: list
    proposals: list
    # A member's own travel steps; a group sees only how many are due and late (whose trip
    # needs a visa is personal: the traveller's and the coordinators' to know).
    travel_steps: list = dataclasses.field(default_factory=list)
    travel_due: int = 0
    travel_late: int = 0

    def __bool__(self):
        return bool(
            self.deadlines
            or self.events
            or self.actions
            or self.proposals
            or self.travel_steps
            or self.travel_due
        )


def _open_steps(now):
    return TravelStep.objects.filter(
        state=TravelStep.State.OPEN,
        due_at__lte=now + TRAVEL_AHEAD,
        participation__needs_travel=True,
        participation__status__in=(Participation.Status.TENTATIVE, Participation.Status.CONFIRMED),
    ).exclude(participation__event__status__in=Event.CLOSED_STATUSES)


def digest_content(*, now, zone, public_only=False, member=None):
    """What the digest says at `now` (the recipient's `zone` gives "today"). Six queries
    whatever the number of rows. `public_only`: public events and deadlines, no names,
    no action items, proposals or travel (for groups with partners). `member`: a member's
    own digest, which lists their own travel steps."""
    today = timezone.localtime(now, zoneinfo.ZoneInfo(zone)).date()
    deadlines = (
        Deadline.objects.filter(due_at__gt=now, due_at__lte=now + DEADLINES_AHEAD)
        .exclude(event__status__in=(*Event.CLOSED_STATUSES, *TRIAGE_STATUSES))
        .select_related("event")
        .order_by("due_at", "pk")
    )
    events = Event.objects.filter(
        status__in=PLANNED_STATUSES,
        start_date__gte=today,
        start_date__lte=today + dt.timedelta(days=EVENTS_AHEAD_DAYS),
    ).order_by("start_date", "name")
    if public_only:
        # The public window is the one rule of events.selectors (as the pages and feeds).
        deadlines = deadlines.filter(pk__in=public_deadlines().values("pk"))
        events = events.filter(pk__in=public_events().values("pk"))
        actions, proposals = [], []
    else:
        going = (
            Participation.objects.exclude(status=Participation.Status.DECLINED)
            .select_related("member")
            .order_by("member__display_name", "role")
        )
        events = events.prefetch_related(Prefetch("participations", queryset=going, to_attr="going"))
        actions = list(
            ActionItem.objects.filter(
                status__in=(ActionItem.Status.OPEN, ActionItem.Status.IN_PROGRESS),
                due_date__lte=today + dt.timedelta(days=ACTIONS_AHEAD_DAYS),
            )
            .select_related("owner", "event")
            .order_by("due_date", "pk")[:MAX_ITEMS]
        )
        proposals = list(Event.objects.filter(status__in=TRIAGE_STATUSES).order_by("-created_at")[:MAX_ITEMS])
    travel_steps, travel_due, travel_late = [], 0, 0
    if member is not None:
        travel_steps = list(
            _open_steps(now)
            .filter(participation__member=member, owner=TravelStep.Owner.TRAVELLER)
            .select_related("participation__event")
            .order_by("due_at", "pk")[:MAX_ITEMS]
        )
    elif not public_only:
        counts = _open_steps(now).aggregate(due=Count("pk"), late=Count("pk", filter=Q(due_at__lt=now)))
        travel_due, travel_late = counts["due"], counts["late"]
    return DigestContent(
        deadlines=list(deadlines[:MAX_ITEMS]),
        events=list(events[:MAX_ITEMS]),
        actions=actions,
        proposals=proposals,
        travel_steps=travel_steps,
        travel_due=travel_due,
        travel_late=travel_late,
    ), today


def _place(event):
    if event.format == Event.Format.ONLINE:
        return _("online")
    country = event.country.name if event.country else ""
    return place_text(event.city, country)


def _dates(event):
    if event.end_date and event.end_date != event.start_date:
        return f"{event.start_date:%Y-%m-%d} – {event.end_date:%Y-%m-%d}"
    return f"{event.start_date:%Y-%m-%d}"


def render_digest(*, content, today, period, language, now, public_only=False):
    """The digest as a Message in `language`, or None when there is nothing to say."""
    if not content:
        return None
    base = settings.PORTAL_BASE_URL
    with translation.override(language):
        blocks = []
        if content.deadlines:
            blocks.append(
                (
                    _("Deadlines closing in the next 14 days"),
                    tuple(
                        _("%(event)s · %(deadline)s: %(close)s (%(left)s left)")
                        % {
                            "event": d.event.name,
                            "deadline": d.title or d.get_kind_display(),
                            "close": format_in_zone(d.due_at, d.timezone),
                            "left": time_left_text(d.due_at - now),
                        }
                        + (estimated_mark() if d.due_estimated else "")
                        for d in content.deadlines
                    ),
                )
            )
        if content.events:
            lines = []
            for event in content.events:
                line = " · ".join(part for part in (event.name, _dates(event), _place(event)) if part)
                if not public_only:
                    people = [
                        with_aside(
                            p.member.display_name,
                            p.get_role_display()
                            + (_(", tentative") if p.status == Participation.Status.TENTATIVE else ""),
                        )
                        for p in event.going
                    ]
                    line += " — " + (
                        _("who goes: %(people)s") % {"people": _(", ").join(people)}
                        if people
                        else _("nobody is signed up yet")
                    )
                lines.append(line)
            blocks.append((_("Events starting in the next 30 days"), tuple(lines)))
        if content.actions:
            lines = []
            for item in content.actions:
                owner = item.owner.display_name if item.owner else _("no owner")
                when = (_("overdue since %(date)s") if item.due_date < today else _("due %(date)s")) % {
                    "date": f"{item.due_date:%Y-%m-%d}"
                }
                where = f" · {item.event.name}" if item.event else ""
                lines.append(f"{item.title}{where} · {owner} · {when}")
            blocks.append((_("Action items due or overdue"), tuple(lines)))
        if content.travel_steps:
            lines = []
            for step in content.travel_steps:
                zone_of_event = zoneinfo.ZoneInfo(step.participation.event.timezone or "UTC")
                due = f"{timezone.localtime(step.due_at, zone_of_event):%Y-%m-%d}"
                late = step.due_at < now
                when = (_("late since %(date)s") if late else _("due %(date)s")) % {"date": due}
                lines.append(f"{step.get_kind_display()} · {step.participation.event.name} · {when}")
            blocks.append((_("Your travel steps"), tuple(lines)))
        if content.travel_due:
            summary = ngettext(
                "%(count)d step of the group's trips is due in the next 14 days, %(late)d of them late.",
                "%(count)d steps of the group's trips are due in the next 14 days, %(late)d of them late.",
                content.travel_due,
            ) % {"count": content.travel_due, "late": content.travel_late}
            blocks.append((_("Travel steps"), (summary, _("Coordinators: see the travel board."))))
        if content.proposals:
            blocks.append(
                (
                    ngettext(
                        "%(count)d proposed event awaits triage",
                        "%(count)d proposed events await triage",
                        len(content.proposals),
                    )
                    % {"count": len(content.proposals)},
                    tuple(event.name for event in content.proposals),
                )
            )
        title = _("Weekly digest: the week of %(date)s") % {"date": f"{period:%Y-%m-%d}"}
        links = (
            (_("Calendar"), base + reverse("events:calendar")),
            (_("CFP deadlines"), base + reverse("events:cfp_board")),
        )
        blocks = tuple((str(heading), tuple(str(line) for line in lines)) for heading, lines in blocks)
        return Message(
            language=language,
            kind="weekly_digest",
            subject="[intl_portal] " + title,
            title=title,
            blocks=blocks,
            links=tuple((str(label), url) for label, url in links),
            preferences_url=base + reverse("my_reminders"),
            data={
                "type": "weekly_digest",
                "language": language,
                "week_of": f"{period:%Y-%m-%d}",
                "title": title,
                "sections": [{"heading": heading, "items": list(lines)} for heading, lines in blocks],
            },
        )

"""Which reminder rows should exist, and bringing the outbox in line with that.

The services that change what reminders depend on call these functions explicitly,
inside their own transaction, so the rows commit or roll back with the change:
- events' services — a deadline set, moved or deleted, an event's status, its participants
  and goal owners: `reminders_plan_deadlines`, `reminders_plan_event`,
  `reminders_cancel_for_deadline`;
- reminders' services — a member's preferences: `reminders_plan_member`; a group channel
  or the defaults: `reminders_plan_all`, run once by a Celery task after the commit.
No model signal calls them.

Rows follow who should hear of a deadline and how they asked to hear (preferences,
channels, defaults), not a member's contact details: the dispatcher resolves the e-mail
address and the `active` flag when it sends, and skips with a reason a row it cannot
deliver. Changing a member's address or active flag therefore needs no re-plan.
"""

import datetime as dt
from collections import defaultdict

from django.db.models import Q
from django.utils import timezone, translation

from members.groups import COORDINATORS
from members.models import Member

from ..models import Deadline, Event, Goal, Participation, TravelStep
from ..models.reminder_settings import ReminderChannel, ReminderDefaults, ReminderPreference
from ..models.reminders import Reminder, Via, parse_offsets

State = Reminder.State
# Goals whose owner no longer needs to hear about the event's deadlines.
_GOAL_CLOSED = (Goal.Status.DECLINED, Goal.Status.DROPPED)


def deadline_label(deadline):
    with translation.override("en"):
        return f"{deadline.event.name} · {deadline.get_kind_display()}"[:300]


def event_recipient_ids(*, event_ids):
    """{event_id: {member_id, …}}: participants, goal owners and followers (before mutes)."""
    recipients = defaultdict(set)
    rows = (
        Participation.objects.filter(event_id__in=event_ids)
        .exclude(status=Participation.Status.DECLINED)
        .values_list("event_id", "member_id")
    )
    for event_id, member_id in rows:
        recipients[event_id].add(member_id)
    rows = (
        Goal.objects.filter(event_id__in=event_ids, owner__isnull=False)
        .exclude(status__in=_GOAL_CLOSED)
        .values_list("event_id", "owner_id")
    )
    for event_id, member_id in rows:
        recipients[event_id].add(member_id)
    follows = ReminderPreference.followed_events.through.objects.filter(event_id__in=event_ids)
    for event_id, member_id in follows.values_list("event_id", "reminderpreference__member_id"):
        recipients[event_id].add(member_id)
    return recipients


def _desired_rows(deadlines, now):
    """{key: (deadline, member_id_or_None, channel_or_None, via, offset)} for live deadlines."""
    live = [d for d in deadlines if d.due_at > now and d.event.status not in Event.CLOSED_STATUSES]
    if not live:
        return {}
    event_ids = {d.event_id for d in live}
    recipients = event_recipient_ids(event_ids=event_ids)
    member_ids = set().union(*recipients.values()) if recipients else set()
    preferences = {
        pref.member_id: pref for pref in ReminderPreference.objects.filter(member_id__in=member_ids)
    }
    muted = set(
        ReminderPreference.muted_events.through.objects.filter(
            event_id__in=event_ids, reminderpreference__member_id__in=member_ids
        ).values_list("event_id", "reminderpreference__member_id")
    )
    default_offsets = ReminderDefaults.load().offset_list
    channels = list(ReminderChannel.objects.filter(active=True, send_reminders=True))

    wanted = {}
    for deadline in live:
        for member_id in recipients.get(deadline.event_id, ()):
            if (deadline.event_id, member_id) in muted:
                continue
            pref = preferences.get(member_id)
            offsets = (pref and parse_offsets(pref.offsets)) or default_offsets
            vias = []
            if pref is None or pref.by_email:
                vias.append(Via.EMAIL)  # the address is looked up when sending
            if pref is not None and pref.chat_kind and pref.chat_url:
                vias.append(pref.chat_kind)
            for via in vias:
                for offset in offsets:
                    key = ("m", deadline.pk, member_id, via, offset)
                    wanted[key] = (deadline, member_id, None, via, offset)
        for channel in channels:
            if channel.public_only and not (deadline.is_public and deadline.event.is_public):
                continue
            for offset in parse_offsets(channel.offsets) or default_offsets:
                key = ("c", deadline.pk, channel.pk, channel.kind, offset)
                wanted[key] = (deadline, None, channel, channel.kind, offset)
    return wanted


def _row_key(row):
    if row.member_id is not None:
        return ("m", row.deadline_id, row.member_id, row.via, row.offset)
    return ("c", row.deadline_id, row.channel_id, row.via, row.offset)


def reminders_plan_deadlines(*, deadlines, now=None):
    """Create, move, re-arm and cancel outbox rows so they match `deadlines` as they are now.

    Pending rows move with a moved deadline; a row already sent, skipped or failed is
    sent again only when its deadline moved and its new moment is still ahead; rows
    nobody wants any more (declined event, removed participant, muted event, …) are
    cancelled. Returns (created, updated, cancelled).
    """
    now = now or timezone.now()
    deadlines = [d for d in deadlines if d.pk]
    if not deadlines:
        return (0, 0, 0)
    wanted = _desired_rows(deadlines, now)
    existing = {
        _row_key(row): row for row in Reminder.objects.filter(deadline_id__in=[d.pk for d in deadlines])
    }
    labels = {}

    def new_row(entry, moment):
        deadline, member_id, channel, via, offset = entry
        if deadline.pk not in labels:
            labels[deadline.pk] = deadline_label(deadline)
        return Reminder(
            deadline=deadline,
            member_id=member_id,
            channel=channel,
            via=via,
            offset=offset,
            deadline_due_at=deadline.due_at,
            send_at=moment,
            not_before=moment,
            label=labels[deadline.pk],
        )

    return _reconcile(wanted, existing, now=now, due_of=lambda e: (e[0].due_at, e[4]), new_row=new_row)


def _reconcile(wanted, existing, *, now, due_of, new_row):
    """Create, move, re-arm and cancel outbox rows so that `existing` ({key: row}) matches
    `wanted` ({key: entry}). `due_of(entry)` gives (the instant counted back from, offset);
    `new_row(entry, moment)` an unsaved row. Pending rows move with a moved instant; a row
    sent, skipped or failed is sent again only when its instant moved and its new moment is
    still ahead; a cancelled row wanted again is re-armed; rows nobody wants any more are
    cancelled. Returns (created, updated, cancelled)."""
    to_create, to_update, to_cancel = [], [], []
    for key, entry in wanted.items():
        due_at, offset = due_of(entry)
        moment = due_at - offset
        row = existing.get(key)
        if row is None:
            to_create.append(new_row(entry, moment))
            continue
        moved = row.deadline_due_at != due_at
        if row.state == State.PENDING and moved:
            pass
        elif row.state == State.CANCELLED:
            row.attempts, row.last_error = 0, ""
        elif row.state in (State.SENT, State.SKIPPED, State.FAILED) and moved and moment > now:
            row.attempts, row.last_error, row.sent_at = 0, "", None
        else:
            continue
        row.state = State.PENDING
        row.deadline_due_at, row.send_at, row.not_before = due_at, moment, moment
        row.updated_at = now
        to_update.append(row)
    for key, row in existing.items():
        if key not in wanted and row.state == State.PENDING:
            to_cancel.append(row.pk)
    if to_create:
        Reminder.objects.bulk_create(to_create, ignore_conflicts=True)
    if to_update:
        Reminder.objects.bulk_update(
            to_update,
            [
                "state",
                "deadline_due_at",
                "send_at",
                "not_before",
                "attempts",
                "last_error",
                "sent_at",
                "updated_at",
            ],
        )
    if to_cancel:
        Reminder.objects.filter(pk__in=to_cancel, state=State.PENDING).update(
            state=State.CANCELLED, updated_at=now
        )
    return (len(to_create), len(to_update), len(to_cancel))


def _deadlines(queryset):
    return list(queryset.select_related("event"))


def reminders_plan_event(*, event_id, now=None):
    return reminders_plan_deadlines(deadlines=_deadlines(Deadline.objects.filter(event_id=event_id)), now=now)


def reminders_plan_member(*, member_id, now=None):
    """Re-plan every deadline that may concern one member (after their preferences changed)."""
    now = now or timezone.now()
    follows = ReminderPreference.followed_events.through.objects.filter(
        reminderpreference__member_id=member_id
    ).values("event_id")
    event_filter = (
        Q(event__participations__member_id=member_id)
        | Q(event__goals__owner_id=member_id)
        | Q(event_id__in=follows)
    )
    ids = set(Deadline.objects.filter(event_filter, due_at__gt=now).values_list("pk", flat=True)) | set(
        Reminder.objects.filter(
            member_id=member_id, state=State.PENDING, kind=Reminder.Kind.DEADLINE
        ).values_list("deadline_id", flat=True)
    )
    planned = reminders_plan_deadlines(deadlines=_deadlines(Deadline.objects.filter(pk__in=ids)), now=now)
    steps = _travel_steps(
        TravelStep.objects.filter(
            Q(participation__member_id=member_id)
            | Q(reminders__member_id=member_id, reminders__state=State.PENDING)
        ).distinct()
    )
    travel = reminders_plan_travel_steps(steps=steps, now=now)
    return tuple(a + b for a, b in zip(planned, travel, strict=True))


def _travel_steps(queryset):
    return list(queryset.select_related("participation__event", "participation__member"))


def reminders_plan_all(*, now=None):
    """Re-plan every future deadline (after the defaults or a group channel changed)."""
    now = now or timezone.now()
    pending = Reminder.objects.filter(state=State.PENDING, kind=Reminder.Kind.DEADLINE).values("deadline_id")
    deadlines = Deadline.objects.filter(Q(due_at__gt=now) | Q(pk__in=pending))
    return reminders_plan_deadlines(deadlines=_deadlines(deadlines), now=now)


def reminders_cancel_for_deadline(*, deadline_id, now=None):
    """Cancel what is still to be sent for a deadline (it is being deleted)."""
    return Reminder.objects.filter(deadline_id=deadline_id, state__in=(State.PENDING, State.SENDING)).update(
        state=State.CANCELLED, updated_at=now or timezone.now()
    )


# --- travel steps (events/travel) ------------------------------------------------------------

# Reminders before a travel step's due date: a week ahead and the day before.
TRAVEL_STEP_OFFSETS = (dt.timedelta(days=7), dt.timedelta(days=1))
# Participations that are trips (with travel): only these have live travel steps.
TRIP_STATUSES = (Participation.Status.TENTATIVE, Participation.Status.CONFIRMED)


def travel_step_label(step):
    with translation.override("en"):
        return f"{step.participation.event.name} · {step.get_kind_display()}"[:300]


def coordinator_member_ids():
    """The members who are coordinators (their log-in is in the group, or a superuser)."""
    return set(
        Member.objects.filter(Q(user__groups__name=COORDINATORS) | Q(user__is_superuser=True)).values_list(
            "pk", flat=True
        )
    )


def _step_is_live(step, now):
    participation = step.participation
    return (
        step.state == TravelStep.State.OPEN
        and step.due_at > now
        and participation.needs_travel
        and participation.status in TRIP_STATUSES
        and participation.event.status not in Event.CLOSED_STATUSES
    )


def reminders_plan_travel_steps(*, steps, now=None):
    """Bring the outbox in line with `steps` (TravelStep rows with participation, member and
    event loaded): the owner hears of an open step a week and a day before it is due (the
    traveller for their steps, every coordinator for the coordinators'), by the means their
    preferences ask for, in their language (resolved when sending). Same rules as deadlines:
    pending rows move with the step, a sent row is sent again only if the step moved and its
    new moment is ahead, rows nobody wants any more are cancelled."""
    now = now or timezone.now()
    steps = [s for s in steps if s.pk]
    if not steps:
        return (0, 0, 0)
    live = [s for s in steps if _step_is_live(s, now)]
    coordinators = (
        coordinator_member_ids() if any(s.owner == TravelStep.Owner.COORDINATORS for s in live) else set()
    )
    recipients = {
        s.pk: ({s.participation.member_id} if s.owner == TravelStep.Owner.TRAVELLER else coordinators)
        for s in live
    }
    member_ids = set().union(*recipients.values()) if recipients else set()
    preferences = {p.member_id: p for p in ReminderPreference.objects.filter(member_id__in=member_ids)}
    wanted = {}
    for step in live:
        for member_id in recipients[step.pk]:
            pref = preferences.get(member_id)
            vias = []
            if pref is None or pref.by_email:
                vias.append(Via.EMAIL)
            if pref is not None and pref.chat_kind and pref.chat_url:
                vias.append(pref.chat_kind)
            for via in vias:
                for offset in TRAVEL_STEP_OFFSETS:
                    wanted[(step.pk, member_id, via, offset)] = (step, member_id, via, offset)
    existing = {
        (row.travel_step_id, row.member_id, row.via, row.offset): row
        for row in Reminder.objects.filter(travel_step_id__in=[s.pk for s in steps])
    }

    def new_row(entry, moment):
        step, member_id, via, offset = entry
        return Reminder(
            travel_step=step,
            member_id=member_id,
            via=via,
            offset=offset,
            deadline_due_at=step.due_at,
            send_at=moment,
            not_before=moment,
            label=travel_step_label(step),
        )

    return _reconcile(wanted, existing, now=now, due_of=lambda e: (e[0].due_at, e[3]), new_row=new_row)


def reminders_cancel_for_travel_steps(*, step_ids, now=None):
    """Cancel what is still to be sent for travel steps (they are being deleted)."""
    return Reminder.objects.filter(
        travel_step_id__in=step_ids, state__in=(State.PENDING, State.SENDING)
    ).update(state=State.CANCELLED, updated_at=now or timezone.now())

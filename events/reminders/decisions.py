"""What to do with one due outbox row, decided at the moment of sending: send it, skip it
(with the reason), cancel it, let it wait for its moved moment, or record it failed.

The rules: a row for a deleted deadline, a closed event, a muted event or an inactive channel
is cancelled; a member without an address or no longer active is skipped; a deadline or digest
that moved waits for its new moment; a reminder whose moment passed longer ago than the grace
period (unless it is the last one before the deadline), or after which a later one is already
due, no longer matters — it is skipped, or failed if tries to deliver it failed until then.
"""

from django.db.models import Q

from ..models import Event, Participation, TravelStep
from ..models.reminder_settings import ReminderPreference
from ..models.reminders import Reminder, Via
from .digests import DIGEST_GRACE, digest_schedule

State = Reminder.State

SEND, SKIP, CANCEL, WAIT, FAIL = "send", "skip", "cancel", "wait", "fail"
# Reasons recorded (in `last_error`, state "skipped") for a member's row that cannot go out.
SKIP_INACTIVE = "member inactive"
SKIP_NO_ADDRESS = "member has no e-mail address"


def decision_context(rows):
    """What the decisions need about a batch, in two queries: mutes and siblings."""
    pairs = {(r.deadline.event_id, r.member_id) for r in rows if r.deadline and r.member_id}
    muted = set()
    if pairs:
        muted = set(
            ReminderPreference.muted_events.through.objects.filter(
                event_id__in={p[0] for p in pairs},
                reminderpreference__member_id__in={p[1] for p in pairs},
            ).values_list("event_id", "reminderpreference__member_id")
        )
    deadline_ids = {r.deadline_id for r in rows if r.deadline_id}
    member_ids = {r.member_id for r in rows if r.member_id}
    channel_ids = {r.channel_id for r in rows if r.channel_id}
    siblings = {}
    step_ids = {r.travel_step_id for r in rows if r.travel_step_id}
    if step_ids:
        query = Reminder.objects.filter(
            member_id__in=member_ids,
            travel_step_id__in=step_ids,
            state__in=(State.PENDING, State.SENDING, State.SENT),
            offset__lt=max(r.offset for r in rows),
        ).values_list("travel_step_id", "member_id", "via", "offset", "send_at")
        for step_id, member_id, via, offset, send_at in query:
            siblings.setdefault(("t", step_id, member_id, via), []).append((offset, send_at))
    if deadline_ids:
        query = Reminder.objects.filter(
            Q(member_id__in=member_ids) | Q(channel_id__in=channel_ids),
            deadline_id__in=deadline_ids,
            state__in=(State.PENDING, State.SENDING, State.SENT),
            offset__lt=max(r.offset for r in rows),
        ).values_list("deadline_id", "member_id", "channel_id", "via", "offset", "send_at")
        for deadline_id, member_id, channel_id, via, offset, send_at in query:
            key = (deadline_id, member_id, channel_id, via)
            siblings.setdefault(key, []).append((offset, send_at))
    return muted, siblings


def _sibling_key(row):
    if row.travel_step_id is not None:
        return ("t", row.travel_step_id, row.member_id, row.via)
    return (row.deadline_id, row.member_id, row.channel_id, row.via)


def due_instant(row):
    """The instant the row counts back from, as it is now (its deadline's or travel step's)."""
    if row.travel_step_id is not None:
        return row.travel_step.due_at
    return row.deadline.due_at


def _decide_travel(row, *, now, grace, siblings):
    """The same decision for a travel step's row: the step must still be open and its trip on."""
    step = row.travel_step
    participation = step.participation
    if participation.event.status in Event.CLOSED_STATUSES:
        return CANCEL, f"event {participation.event.status}"
    if step.state != TravelStep.State.OPEN:
        return CANCEL, f"travel step {step.state}"
    trips = (Participation.Status.TENTATIVE, Participation.Status.CONFIRMED)
    if participation.status not in trips or not participation.needs_travel:
        return CANCEL, "no longer a trip"
    return _decide_timing(row, due_at=step.due_at, now=now, grace=grace, siblings=siblings)


def decide(row, *, now, grace, max_attempts, muted, siblings):
    """(SEND | SKIP | CANCEL | WAIT | FAIL, reason) for one claimed or due row."""
    if row.kind == Reminder.Kind.DIGEST:
        return _decide_digest(row, now=now)
    if row.kind == Reminder.Kind.MENTION:
        return _decide_mention(row)
    if row.travel_step_id is not None:
        if not row.member.active:
            return SKIP, SKIP_INACTIVE
        if row.via == Via.EMAIL and not row.member.email:
            return SKIP, SKIP_NO_ADDRESS
        return _decide_travel(row, now=now, grace=grace, siblings=siblings)
    deadline = row.deadline
    if deadline is None:
        return CANCEL, "deadline deleted"
    if deadline.event.status in Event.CLOSED_STATUSES:
        return CANCEL, f"event {deadline.event.status}"
    if row.member_id is not None:
        if (deadline.event_id, row.member_id) in muted:
            return CANCEL, "event muted"
        # Planning ignores contact details: they are resolved here, at the moment of sending.
        if not row.member.active:
            return SKIP, SKIP_INACTIVE
        if row.via == Via.EMAIL and not row.member.email:
            return SKIP, SKIP_NO_ADDRESS
    elif not row.channel.active:
        return CANCEL, "channel inactive"
    return _decide_timing(row, due_at=deadline.due_at, now=now, grace=grace, siblings=siblings)


def _decide_timing(row, *, due_at, now, grace, siblings):
    if due_at <= now:
        return _stopped_mattering(row, "deadline passed")
    if due_at != row.deadline_due_at and due_at - row.offset > now:
        return WAIT, "deadline moved"
    later = siblings.get(_sibling_key(row), ())
    if any(send_at <= now for offset, send_at in later if offset < row.offset):
        return _stopped_mattering(row, "a later reminder is already due")
    is_last = not any(offset < row.offset for offset, _send_at in later)
    if now - row.send_at > grace and not is_last:
        return _stopped_mattering(row, "moment passed more than the grace period ago")
    return SEND, ""


def _decide_digest(row, *, now):
    schedule, reason = digest_schedule(row)
    if schedule is None:
        return CANCEL, reason
    if row.member_id is not None:
        if not row.member.active:
            return SKIP, SKIP_INACTIVE
        if row.via == Via.EMAIL and not row.member.email:
            return SKIP, SKIP_NO_ADDRESS
    moment = schedule.moment(row.period)
    if moment != row.send_at and moment > now:
        return WAIT, "digest moved"
    if now - min(moment, row.send_at) > DIGEST_GRACE:
        return _stopped_mattering(row, "moment passed more than 12 hours ago")
    return SEND, ""


def _decide_mention(row):
    """A mention goes out at once unless its comment was removed (the event's mute does not
    hold it back: see reminders/mentions.py)."""
    if row.comment_id is None:
        return CANCEL, "comment removed"
    if not row.member.active:
        return SKIP, SKIP_INACTIVE
    if row.via == Via.EMAIL and not row.member.email:
        return SKIP, SKIP_NO_ADDRESS
    return SEND, ""


def wait_moment(row):
    """When a row that must wait (its deadline, travel step or digest moved) is due again."""
    if row.kind == Reminder.Kind.DIGEST:
        return digest_schedule(row)[0].moment(row.period)
    return due_instant(row) - row.offset


def _stopped_mattering(row, reason):
    """A row no longer worth sending: skipped, or failed (with the last error, for admin)
    when tries to deliver it failed until then."""
    if row.attempts and row.last_error:
        return FAIL, f"not delivered ({reason}) after {row.attempts} attempts; last error: {row.last_error}"
    return SKIP, reason

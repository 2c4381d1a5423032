"""One dispatch pass over the outbox: claim due rows, decide, send, record.

Claiming: in a short transaction, SELECT … FOR UPDATE SKIP LOCKED picks due rows
(pending and due, or left in "sending" by a dispatcher whose lease expired), and a
conditional UPDATE marks them "sending" with this pass's token and a lease. Sending
happens outside any transaction; each row is then marked sent (or retried, failed)
only if it still carries this pass's token. Two dispatchers never hold the same row;
a dispatcher killed after claiming leaves its rows to be taken up once the lease ends.
"""

import dataclasses
import datetime as dt
import logging
import smtplib
import time
import uuid

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from ..models import Event, Participation, TravelStep
from ..models.reminders import Reminder, ReminderDefaults, ReminderPreference, Via
from . import channels, pacing
from .channels.email import send_email
from .digests import DIGEST_GRACE, digest_content, digest_schedule, digests_plan, render_digest
from .health import mark_dispatch_done
from .messages import render_message, render_travel_message

logger = logging.getLogger(__name__)
State = Reminder.State

SEND, SKIP, CANCEL, WAIT, FAIL = "send", "skip", "cancel", "wait", "fail"
# Reasons recorded (in `last_error`, state "skipped") for a member's row that cannot go out.
SKIP_INACTIVE = "member inactive"
SKIP_NO_ADDRESS = "member has no e-mail address"


@dataclasses.dataclass
class DispatchResult:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    cancelled: int = 0
    retried: int = 0
    deferred: int = 0  # waiting for a channel's rate limit

    def line(self):
        return f"sent={self.sent} failed={self.failed} skipped={self.skipped} cancelled={self.cancelled}"


def lease_duration():
    return dt.timedelta(seconds=getattr(settings, "REMINDER_LEASE_SECONDS", 300))


def retry_backoff(attempts):
    """1, 2, 4, 8 min, then every 15 min: a server that is back is used again soon."""
    return dt.timedelta(seconds=min(60 * 2 ** max(attempts - 1, 0), 15 * 60))


def idempotency_key(row):
    """A stable key for the message of one outbox row (and one deadline instant): a receiver
    that sees it twice (a dispatcher killed between sending and recording) drops the copy."""
    if row.kind == Reminder.Kind.DIGEST:
        return f"digest-{row.pk}-{row.period:%Y%m%d}"
    return f"reminder-{row.pk}-{int(row.deadline_due_at.timestamp())}"


def _due(now):
    return Q(state=State.PENDING, not_before__lte=now) | Q(state=State.SENDING, lease_until__lte=now)


def _with_relations(queryset):
    return queryset.select_related(
        "deadline__event",
        "member__reminder_preference",
        "channel",
        "travel_step__participation__event",
        "travel_step__participation__member",
    )


def claim_due(*, now, token, batch_size, lease):
    """Mark up to `batch_size` due rows as ours; returns them (with their relations)."""
    with transaction.atomic():
        ids = list(
            Reminder.objects.select_for_update(skip_locked=True)
            .filter(_due(now))
            .order_by("not_before", "pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not ids:
            return []
        Reminder.objects.filter(_due(now), pk__in=ids).update(
            state=State.SENDING,
            claim_token=token,
            lease_until=now + lease,
            updated_at=timezone.now(),
        )
    return list(
        _with_relations(Reminder.objects.filter(pk__in=ids, claim_token=token, state=State.SENDING)).order_by(
            "not_before", "pk"
        )
    )


def _context(rows):
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


def _language(row):
    if row.member_id is not None:
        return row.member.preferred_language or settings.LANGUAGE_CODE
    return row.channel.language or settings.LANGUAGE_CODE


class NothingToSay(Exception):
    """A digest with nothing in it this week: it is skipped, not sent."""


def render(row, *, now):
    """The row's message in its recipient's language; NothingToSay for an empty digest."""
    language = _language(row)
    if row.travel_step_id is not None:
        return render_travel_message(step=row.travel_step, language=language, now=now)
    if row.kind != Reminder.Kind.DIGEST:
        return render_message(deadline=row.deadline, language=language, now=now)
    schedule, _reason = digest_schedule(row)
    public_only = row.channel_id is not None and row.channel.public_only
    content, today = digest_content(
        now=now, zone=schedule.zone, public_only=public_only, member=row.member if row.member_id else None
    )
    message = render_digest(
        content=content, today=today, period=row.period, language=language, now=now, public_only=public_only
    )
    if message is None:
        raise NothingToSay
    return message


@dataclasses.dataclass(frozen=True)
class Target:
    via: str
    url: str = ""
    secret: str = ""
    address: str = ""


def target(row):
    """Where the row goes: an e-mail address, or a robot's URL and secret."""
    if row.via == Via.EMAIL:
        address = row.member.email if row.member_id is not None else row.channel.email
        return Target(row.via, address=address)
    if row.member_id is not None:
        pref = getattr(row.member, "reminder_preference", None)
        url, secret = (pref.chat_url, pref.chat_secret) if pref else ("", "")
    else:
        url, secret = row.channel.url, row.channel.secret
    return Target(row.via, url=url, secret=secret)


def deliver(message, to, *, now, key="", email=None, extra=None):
    """Send a rendered message to one target; raises channels.DeliveryError (Throttled when
    the channel says we are too fast). `email` is the pass's _MailLink (opened on first
    use); `extra`: fields a generic webhook's JSON gets besides the message's."""
    if to.via == Via.EMAIL:
        link = email or _MailLink()
        try:
            return send_email(
                address=to.address, message=message, connection=link.connection(), idempotency_key=key
            )
        except channels.DeliveryError:
            link.broken()
            raise
    if not to.url:
        raise channels.DeliveryError("no webhook URL", transient=False)
    if extra:
        message = dataclasses.replace(message, data=message.data | extra)
    return channels.adapter(to.via).send(
        url=to.url, secret=to.secret, message=message, now=now, idempotency_key=key
    )


class _MailLink:
    """The pass's SMTP connection, opened when the first e-mail goes out. When the server
    cannot be reached, the pass stops trying it: the e-mails after it are put back for
    later without an attempt counted (nothing was tried), and the other channels go on."""

    def __init__(self):
        self._connection = None
        self.down = None  # the error that made the server unreachable in this pass

    def connection(self):
        if self.down is not None:
            raise channels.DeliveryError(self.down, transient=True, tried=False)
        if self._connection is None:
            connection = get_connection()
            try:
                connection.open()
            except (smtplib.SMTPException, OSError) as exc:
                self.down = f"mail server unreachable: {type(exc).__name__}: {exc}"
                raise channels.DeliveryError(self.down, transient=True) from exc
            self._connection = connection
        return self._connection

    def broken(self):
        """After a failed send the connection may be unusable: the next e-mail reopens it."""
        self.close()

    def close(self):
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception:  # closing a dead connection: nothing left to do
                logger.debug("closing the SMTP connection failed", exc_info=True)
            self._connection = None


def _finish(row, token, **fields):
    """Record a result, only if the row is still ours."""
    fields.setdefault("lease_until", None)
    fields["updated_at"] = timezone.now()
    return Reminder.objects.filter(pk=row.pk, claim_token=token, state=State.SENDING).update(**fields)


def reminders_dispatch(*, now=None, dry_run=False, batch_size=200, stdout=None):
    """Run one pass at `now` (default: the clock). Returns a DispatchResult."""
    fixed_now = now
    started = time.monotonic()

    def clock():
        base = fixed_now or timezone.now()
        return base + dt.timedelta(seconds=time.monotonic() - started) if fixed_now else base

    defaults = ReminderDefaults.load()
    grace, max_attempts = defaults.grace_period, defaults.max_attempts
    result = DispatchResult()
    if dry_run:
        return _dry_run(now=clock(), grace=grace, max_attempts=max_attempts, result=result, stdout=stdout)
    digests_plan(now=clock())
    token = uuid.uuid4().hex
    lease = lease_duration()
    email = _MailLink()
    try:
        while True:
            rows = claim_due(now=clock(), token=token, batch_size=batch_size, lease=lease)
            if not rows:
                break
            _dispatch_batch(
                rows,
                token,
                clock=clock,
                lease=lease,
                grace=grace,
                max_attempts=max_attempts,
                email=email,
                result=result,
            )
    finally:
        email.close()
    mark_dispatch_done()
    return result


def _dispatch_batch(rows, token, *, clock, lease, grace, max_attempts, email, result):
    claimed_at = time.monotonic()
    muted, siblings = _context(rows)
    for index, row in enumerate(rows):
        if time.monotonic() - claimed_at > lease.total_seconds() / 2:
            Reminder.objects.filter(
                pk__in=[r.pk for r in rows[index:]], claim_token=token, state=State.SENDING
            ).update(lease_until=clock() + lease)
            claimed_at = time.monotonic()
        at = clock()
        verdict, reason = decide(
            row, now=at, grace=grace, max_attempts=max_attempts, muted=muted, siblings=siblings
        )
        if verdict == CANCEL:
            result.cancelled += _finish(row, token, state=State.CANCELLED, last_error=reason)
        elif verdict == SKIP:
            result.skipped += _finish(row, token, state=State.SKIPPED, last_error=reason)
        elif verdict == WAIT:
            moment = wait_moment(row)
            moved = {"deadline_due_at": due_instant(row)} if row.kind == Reminder.Kind.DEADLINE else {}
            _finish(row, token, state=State.PENDING, send_at=moment, not_before=moment, **moved)
        elif verdict == FAIL:
            result.failed += _finish(row, token, state=State.FAILED, last_error=reason[:2000])
        else:
            _send_one(row, token, at=at, email=email, max_attempts=max_attempts, result=result)


def _send_one(row, token, *, at, email, max_attempts, result):
    """Send one row and record the outcome at once (a dispatcher killed after a send can
    repeat at most that one message, which carries its idempotency key). A chat robot's
    rate limit makes the row wait for its turn, without an attempt counted."""
    to = None
    try:
        message = render(row, now=at)
        to = target(row)
        if to.url:
            turn = pacing.pace_reserve(via=to.via, url=to.url, now=at, spread=row.pk)
            if turn is not None:
                _finish(row, token, state=State.PENDING, not_before=turn)
                result.deferred += 1
                return
        extra = None
        if row.kind == Reminder.Kind.DEADLINE:
            extra = {"reminder_id": row.pk, "offset_seconds": int(row.offset.total_seconds())}
        deliver(message, to, now=at, key=idempotency_key(row), email=email, extra=extra)
    except NothingToSay:
        result.skipped += _finish(row, token, state=State.SKIPPED, last_error="nothing to say this week")
    except channels.Throttled as exc:
        until = at + exc.retry_after
        pacing.pace_block(via=to.via, url=to.url, until=until)
        error = _redacted(exc, to)
        _finish(row, token, state=State.PENDING, last_error=error, not_before=until)
        result.deferred += 1
        logger.warning("reminder %s via %s throttled until %s: %s", row.pk, row.via, until, error)
    except channels.DeliveryError as exc:
        error = _redacted(exc, to)
        tried = F("attempts") + 1 if exc.tried else F("attempts")
        if exc.transient:
            # Retried, with backoff, for as long as the reminder matters (decide()).
            _finish(
                row,
                token,
                state=State.PENDING,
                last_error=error,
                attempts=tried,
                not_before=at + retry_backoff(row.attempts + 1),
            )
            result.retried += 1
        else:
            result.failed += _finish(row, token, state=State.FAILED, last_error=error, attempts=tried)
        logger.warning("reminder %s via %s failed: %s", row.pk, row.via, error)
    except Exception as exc:  # a bug in rendering or a backend: record it, retry a few times
        logger.exception("reminder %s via %s crashed", row.pk, row.via)
        error = _redacted(repr(exc), to)
        if row.attempts + 1 < max_attempts:
            _finish(
                row,
                token,
                state=State.PENDING,
                last_error=error,
                attempts=F("attempts") + 1,
                not_before=at + retry_backoff(row.attempts + 1),
            )
            result.retried += 1
        else:
            result.failed += _finish(
                row, token, state=State.FAILED, last_error=error, attempts=F("attempts") + 1
            )
    else:
        now = timezone.now()
        result.sent += _finish(
            row, token, state=State.SENT, sent_at=now, last_error="", attempts=F("attempts") + 1
        )


def _redacted(error, to):
    """An error as recorded and logged: the channel's secrets masked, at most 2,000 characters."""
    text = str(error)
    if to is not None:
        text = channels.redact(text, url=to.url, secret=to.secret)
    return text[:2000]


def _dry_run(*, now, grace, max_attempts, result, stdout):
    rows = list(_with_relations(Reminder.objects.filter(_due(now))).order_by("not_before", "pk"))
    for start in range(0, len(rows), 500):
        batch = rows[start : start + 500]
        muted, siblings = _context(batch)
        for row in batch:
            verdict, reason = decide(
                row, now=now, grace=grace, max_attempts=max_attempts, muted=muted, siblings=siblings
            )
            if verdict == SEND:
                result.sent += 1
            elif verdict == SKIP:
                result.skipped += 1
            elif verdict == CANCEL:
                result.cancelled += 1
            elif verdict == FAIL:
                result.failed += 1
            if stdout is not None:
                recipient = row.member or row.channel
                stdout.write(
                    f"{verdict} #{row.pk} {row.label} → {recipient} via {row.via} "
                    f"({row.offset_label}) {reason}".rstrip()
                )
    return result

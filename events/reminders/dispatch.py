"""One dispatch pass over the outbox: claim due rows, decide, send, record.

Claiming: in a short transaction, SELECT … FOR UPDATE SKIP LOCKED picks due rows
(pending and due, or left in "sending" by a dispatcher whose lease expired), and a
conditional UPDATE marks them "sending" with this pass's token and a lease. Sending
happens outside any transaction; each row is then marked sent (or retried, failed)
only if it still carries this pass's token. Two dispatchers never hold the same row;
a dispatcher killed after claiming leaves its rows to be taken up once the lease ends.
What to do with each row is decided in decisions.py; sending it is delivery.py's.
"""

import dataclasses
import datetime as dt
import logging
import time
import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from ..models.reminder_settings import ReminderDefaults
from ..models.reminders import Reminder
from . import channels, pacing
from .decisions import CANCEL, FAIL, SEND, SKIP, WAIT, decide, decision_context, due_instant, wait_moment
from .delivery import MailLink, NothingToSay, deliver, redacted, render, target
from .digests import digests_plan
from .health import mark_dispatch_done

logger = logging.getLogger(__name__)
State = Reminder.State


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
    if row.kind == Reminder.Kind.MENTION:
        return f"mention-{row.pk}"
    return f"reminder-{row.pk}-{int(row.deadline_due_at.timestamp())}"


def _due(now):
    return Q(state=State.PENDING, not_before__lte=now) | Q(state=State.SENDING, lease_until__lte=now)


def _with_relations(queryset):
    return queryset.select_related(
        "deadline__event",
        "member__reminder_preference",
        "channel",
        "comment__event",
        "comment__author",
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
    email = MailLink()
    memo = {}  # deadline reminders rendered in this pass (delivery.render)
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
                memo=memo,
            )
    finally:
        email.close()
    mark_dispatch_done()
    return result


def _dispatch_batch(rows, token, *, clock, lease, grace, max_attempts, email, result, memo):
    claimed_at = time.monotonic()
    muted, siblings = decision_context(rows)
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
            _send_one(row, token, at=at, email=email, max_attempts=max_attempts, result=result, memo=memo)


def _send_one(row, token, *, at, email, max_attempts, result, memo):
    """Send one row and record the outcome at once (a dispatcher killed after a send can
    repeat at most that one message, which carries its idempotency key). A chat robot's
    rate limit makes the row wait for its turn, without an attempt counted."""
    to = None
    try:
        message = render(row, now=at, memo=memo)
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
        error = redacted(exc, to)
        _finish(row, token, state=State.PENDING, last_error=error, not_before=until)
        result.deferred += 1
        logger.warning("reminder %s via %s throttled until %s: %s", row.pk, row.via, until, error)
    except channels.DeliveryError as exc:
        error = redacted(exc, to)
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
        error = redacted(repr(exc), to)
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


def _dry_run(*, now, grace, max_attempts, result, stdout):
    rows = list(_with_relations(Reminder.objects.filter(_due(now))).order_by("not_before", "pk"))
    for start in range(0, len(rows), 500):
        batch = rows[start : start + 500]
        muted, siblings = decision_context(batch)
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

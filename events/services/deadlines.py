"""Deadlines: the instant as announced, moves that raise the calendar SEQUENCE, and the
reminders that follow a deadline (planned, moved or cancelled in the same transaction)."""

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intl_portal.common.dates import require_in_range
from intl_portal.common.records import assign, save_clean
from intl_portal.common.timezones import normalize_zone_name

from ..models import Deadline
from ..reminders.planning import reminders_cancel_for_deadline, reminders_plan_deadlines
from ..travel.services import travel_timelines_sync_event
from .base import require_manager

# A date-only deadline closes at the last minute of its day, in its zone.
DATE_ONLY_TIME = dt.time(23, 59)


def deadline_instant(*, local, zone, date_only=False):
    """The UTC instant of a deadline announced as `local` (a date, or a naive or aware
    datetime) in `zone` (an IANA name or "AoE"). Returns (instant_in_utc, zone_name)."""
    require_in_range(local, "due_at")  # before any zone arithmetic that could overflow
    zone_name = normalize_zone_name(zone)
    tz = zoneinfo.ZoneInfo(zone_name)
    if date_only or not isinstance(local, dt.datetime):
        day = local.date() if isinstance(local, dt.datetime) else local
        local = dt.datetime.combine(day, DATE_ONLY_TIME)
    if local.tzinfo is not None:
        # An aware value keeps its instant; only the announced zone is recorded.
        return local.astimezone(dt.UTC), zone_name
    return local.replace(tzinfo=tz).astimezone(dt.UTC), zone_name


def _raise_sequence_if_moved(deadline):
    """A stored deadline whose instant changes gets a higher SEQUENCE, so calendar clients
    replace the entry; a sequence the caller already raised is kept. Returns True if moved."""
    if deadline.pk is None:
        return False
    stored = Deadline.objects.filter(pk=deadline.pk).values("due_at", "sequence").first()
    if stored is None or stored["due_at"] == deadline.due_at:
        return False
    deadline.sequence = max(deadline.sequence, stored["sequence"] + 1)
    return True


@transaction.atomic
def deadline_set(*, user, event, kind, local, zone, date_only=False, deadline=None, **fields):
    """Create a deadline, or update `deadline`, from the time as it was announced.

    Raises ValidationError for an unknown zone or an invalid field, and saves nothing.
    In the same transaction: a moved instant raises the SEQUENCE, and the deadline's
    reminders are planned (created, moved or cancelled) once.
    """
    require_manager(user)
    return _deadline_write(
        event=event, kind=kind, local=local, zone=zone, date_only=date_only, deadline=deadline, **fields
    )


@transaction.atomic
def deadline_set_from_source(*, deadline, local, zone, date_only=False):
    """Move a deadline because the public tracker it was adopted from moved it (the tracker
    sync, events/trackers/services.py, calls this; no user acts). The same rule as
    deadline_set: the instant as announced, SEQUENCE raised, reminders re-planned."""
    return _deadline_write(
        event=deadline.event,
        kind=deadline.kind,
        local=local,
        zone=zone,
        date_only=date_only,
        deadline=deadline,
    )


def _deadline_write(*, event, kind, local, zone, date_only, deadline, **fields):
    due_at, zone_name = deadline_instant(local=local, zone=zone, date_only=date_only)
    if deadline is None:
        deadline = Deadline(event=event)
    deadline.event = event
    deadline.kind = kind
    deadline.due_at = due_at
    deadline.timezone = zone_name
    deadline.is_date_only = bool(date_only or not isinstance(local, dt.datetime))
    assign(deadline, fields)
    if _raise_sequence_if_moved(deadline) and "due_estimated" not in fields:
        deadline.due_estimated = False  # a date set by hand is no longer last year's estimate
    save_clean(deadline)
    reminders_plan_deadlines(deadlines=[deadline])
    # A speaker notification moves the steps that wait for the talk's acceptance.
    travel_timelines_sync_event(event_id=event.pk)
    return deadline


@transaction.atomic
def deadline_confirm_date(*, user, deadline):
    """A coordinator confirms a deadline copied to the next edition: its date is no longer
    "estimated from last year". Feeds show it without the mark (updated_at moves), and its
    reminders, rendered when sent, no longer say it is an estimate."""
    require_manager(user)
    if not deadline.due_estimated:
        raise ValidationError(_("This deadline's date is not estimated."))
    deadline.due_estimated = False
    deadline.save(update_fields=["due_estimated", "updated_at"])
    return deadline


@transaction.atomic
def deadline_delete(*, user, deadline):
    """Delete a deadline; its reminders still to be sent are cancelled in the same transaction."""
    require_manager(user)
    reminders_cancel_for_deadline(deadline_id=deadline.pk)
    event_id = deadline.event_id
    deadline.delete()
    travel_timelines_sync_event(event_id=event_id)

"""Every write and business rule about events, deadlines, goals and participations.

Views, admin, API, tasks and commands call these functions; none of them repeats a rule.
"""

import datetime as dt
import re
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intl_portal.common.timezones import normalize_zone_name

from .models import Deadline, Event, Goal, Participation
from .reminders.planning import reminders_plan_event

# A date-only deadline closes at the last minute of its day, in its zone.
DATE_ONLY_TIME = dt.time(23, 59)


def deadline_instant(*, local, zone, date_only=False):
    """The UTC instant of a deadline announced as `local` (a date, or a naive or aware
    datetime) in `zone` (an IANA name or "AoE"). Returns (instant_in_utc, zone_name)."""
    zone_name = normalize_zone_name(zone)
    tz = zoneinfo.ZoneInfo(zone_name)
    if date_only or not isinstance(local, dt.datetime):
        day = local.date() if isinstance(local, dt.datetime) else local
        local = dt.datetime.combine(day, DATE_ONLY_TIME)
    if local.tzinfo is not None:
        # An aware value keeps its instant; only the announced zone is recorded.
        return local.astimezone(dt.UTC), zone_name
    return local.replace(tzinfo=tz).astimezone(dt.UTC), zone_name


@transaction.atomic
def deadline_set(*, event, kind, local, zone, date_only=False, deadline=None, **fields):
    """Create a deadline, or update `deadline`, from the time as it was announced.

    Raises ValidationError for an unknown zone. A moved instant raises the sequence
    (deadline_moved, before every save), so calendar clients replace the entry.
    """
    due_at, zone_name = deadline_instant(local=local, zone=zone, date_only=date_only)
    if deadline is None:
        deadline = Deadline(event=event)
    deadline.event = event
    deadline.kind = kind
    deadline.due_at = due_at
    deadline.timezone = zone_name
    deadline.is_date_only = bool(date_only or not isinstance(local, dt.datetime))
    for name, value in fields.items():
        setattr(deadline, name, value)
    deadline.full_clean()
    deadline.save()
    return deadline


def deadline_moved(*, deadline, update_fields=None):
    """Raise the sequence of a deadline whose instant differs from the stored one.

    Runs before every save of a Deadline (see EventsConfig.ready), so admin, API and
    deadline_set all follow it; a sequence already raised by the caller is kept.
    Returns True when the deadline moved.
    """
    if deadline._state.adding or deadline.pk is None:
        return False
    stored = Deadline.objects.filter(pk=deadline.pk).values("due_at", "sequence").first()
    if stored is None or stored["due_at"] == deadline.due_at:
        return False
    if deadline.sequence <= stored["sequence"]:
        deadline.sequence = stored["sequence"] + 1
        if update_fields is not None and "sequence" not in update_fields:
            # save(update_fields=…) would drop the new sequence: write it beside.
            Deadline.objects.filter(pk=deadline.pk).update(sequence=deadline.sequence)
    return True


@transaction.atomic
def deadline_delete(*, deadline):
    """Delete a deadline; its reminders still to be sent are cancelled in the same transaction."""
    deadline.delete()


@transaction.atomic
def event_set_status(*, event, status):
    """Move an event to a status (confirm, decline, …)."""
    if status not in Event.Status.values:
        raise ValidationError(_("Unknown event status: %(status)s") % {"status": status})
    event.status = status
    event.save(update_fields=["status", "updated_at"])
    return event


def event_confirm(*, event):
    return event_set_status(event=event, status=Event.Status.CONFIRMED)


def event_decline(*, event):
    return event_set_status(event=event, status=Event.Status.DECLINED)


def _shift_year(day, years):
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without it
        return day.replace(year=day.year + years, day=28)


def _next_edition_name(event, years):
    if event.edition_year and str(event.edition_year) in event.name:
        return event.name.replace(str(event.edition_year), str(event.edition_year + years))
    match = re.search(r"(19|20)\d\d", event.name)
    if match:
        year = int(match.group(0))
        return event.name[: match.start()] + str(year + years) + event.name[match.end() :]
    return f"{event.name} ({_('next edition')})"


@transaction.atomic
def event_copy_to_next_edition(*, event, years=1):
    """Copy an event to its next edition: status 'considering', dates shifted by a year,
    goals and deadlines copied without their outcomes, nobody signed up yet."""
    copy = Event.objects.create(
        name=_next_edition_name(event, years),
        series=event.series,
        edition_year=(event.edition_year + years) if event.edition_year else None,
        organizer=event.organizer,
        kind=event.kind,
        format=event.format,
        start_date=_shift_year(event.start_date, years),
        end_date=_shift_year(event.end_date, years),
        timezone=event.timezone,
        city=event.city,
        country=event.country,
        venue=event.venue,
        website_url=event.website_url,
        cfp_url=event.cfp_url,
        registration_url=event.registration_url,
        status=Event.Status.CONSIDERING,
        priority=event.priority,
        is_public=event.is_public,
        description=event.description,
    )
    copy.tags.set(event.tags.all())
    Goal.objects.bulk_create(
        Goal(event=copy, kind=goal.kind, owner=goal.owner, details=goal.details) for goal in event.goals.all()
    )
    new_deadlines = []
    for deadline in event.deadlines.all():
        local = deadline.local_due_at.replace(tzinfo=None)
        due_at, _zone = deadline_instant(local=_shift_year(local, years), zone=deadline.timezone)
        new_deadlines.append(
            Deadline(
                event=copy,
                kind=deadline.kind,
                title=deadline.title,
                due_at=due_at,
                timezone=deadline.timezone,
                is_date_only=deadline.is_date_only,
                is_public=deadline.is_public,
                url=deadline.url,
            )
        )
    Deadline.objects.bulk_create(new_deadlines)
    # bulk_create sends no signals: plan the copy's reminders here, in this transaction.
    reminders_plan_event(event_id=copy.pk)
    return copy


def participation_set_status(*, participation, status):
    if status not in Participation.Status.values:
        raise ValidationError(_("Unknown participation status: %(status)s") % {"status": status})
    participation.status = status
    participation.save(update_fields=["status", "updated_at"])
    return participation


def participation_confirm(*, participation):
    from budget.services import budget_line_propose_for_participation  # no import cycle

    with transaction.atomic():
        participation_set_status(participation=participation, status=Participation.Status.CONFIRMED)
        # A confirmed trip that needs travel gets a proposed planned line in the budget.
        budget_line_propose_for_participation(participation=participation)
    return participation

"""Events: creating, changing, moving through their statuses, copying to the next edition,
deleting; and the group's tags."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intl_portal.common.dates import shift_years
from intl_portal.common.records import assign, save_clean
from intl_portal.common.timezones import normalize_zone_name

from ..models import Deadline, Event, Goal, Tag
from ..reminders.planning import reminders_cancel_for_deadline, reminders_plan_event
from ..travel.services import travel_steps_cancel_for_event, travel_timelines_sync_event
from .base import require_manager
from .deadlines import deadline_instant

# --- events -----------------------------------------------------------------------------------


def _canonical_zone(fields):
    """An event's zone is stored as its IANA name ("AoE" → Etc/GMT+12), whichever door gave it."""
    if fields.get("timezone"):
        try:
            fields["timezone"] = normalize_zone_name(fields["timezone"])
        except ValidationError as error:
            raise ValidationError({"timezone": error.messages}) from error


def _set_relations(event, tags, alternatives):
    if tags is not None:
        event.tags.set(tags)
    if alternatives is not None:
        event.alternatives.set(alternatives)


@transaction.atomic
def event_create(*, user, tags=(), alternatives=(), **fields):
    """Create an event (status, if given, is where it starts: nothing to remind yet)."""
    require_manager(user)
    status = fields.get("status", Event.Status.CONSIDERING)
    if status not in Event.Status.values:
        raise ValidationError({"status": _("Unknown event status: %(status)s") % {"status": status}})
    _canonical_zone(fields)
    event = save_clean(Event(**fields))
    _set_relations(event, tags, alternatives)
    return event


@transaction.atomic
def event_update(*, user, event, tags=None, alternatives=None, **fields):
    """Change an event's fields (and, given, its tags and alternatives). A new status goes
    through event_set_status, which re-plans the reminders of the event's deadlines."""
    require_manager(user)
    stored = (
        Event.objects.filter(pk=event.pk)
        .values("status", "start_date", "end_date", "sequence", "timezone", "country")
        .get()
    )
    stored_status = stored["status"]
    status = fields.pop("status", stored_status)
    _canonical_zone(fields)
    assign(event, fields)
    event.status = stored_status
    event.sequence = max(event.sequence, stored["sequence"])
    if (event.start_date, event.end_date) != (stored["start_date"], stored["end_date"]):
        event.sequence += 1  # moved: calendar clients replace their copy
        if "dates_estimated" not in fields:
            event.dates_estimated = False  # dates set by hand are no longer last year's estimate
    save_clean(event)
    _set_relations(event, tags, alternatives)
    if status != stored_status:
        event_set_status(user=user, event=event, status=status)
    elif (event.start_date, event.timezone, event.country) != (
        stored["start_date"],
        stored["timezone"],
        stored["country"],
    ):
        travel_timelines_sync_event(event_id=event.pk)  # moved: the trips' steps move with it
    return event


@transaction.atomic
def event_set_status(*, user, event, status):
    """Move an event to a status (every status change comes here). Its deadlines'
    reminders are re-planned once: a declined or cancelled event sends none."""
    require_manager(user)
    if status not in Event.Status.values:
        raise ValidationError({"status": _("Unknown event status: %(status)s") % {"status": status}})
    cancelled = Event.Status.CANCELLED
    fields = ["status", "updated_at"]
    if (event.status == cancelled) != (status == cancelled):
        # Cancelled or revived: every feed entry of the event changes its STATUS.
        event.sequence = Event.objects.filter(pk=event.pk).values_list("sequence", flat=True).get() + 1
        fields.append("sequence")
    event.status = status
    event.save(update_fields=fields)
    reminders_plan_event(event_id=event.pk)
    travel_timelines_sync_event(event_id=event.pk)
    return event


def event_confirm(*, user, event):
    require_manager(user)
    return event_set_status(user=user, event=event, status=Event.Status.CONFIRMED)


def event_decline(*, user, event):
    require_manager(user)
    return event_set_status(user=user, event=event, status=Event.Status.DECLINED)


@transaction.atomic
def event_confirm_dates(*, user, event):
    """A coordinator confirms the dates of a copied edition: no longer "estimated from last
    year". Its deadlines keep their own estimate (deadline_confirm_date), each confirmed
    when the organisers announce it."""
    require_manager(user)
    if not event.dates_estimated:
        raise ValidationError(_("The dates of %(name)s are not estimated.") % {"name": event.name})
    event.dates_estimated = False
    event.save(update_fields=["dates_estimated", "updated_at"])
    return event


@transaction.atomic
def event_delete(*, user, event):
    """Delete an event with its deadlines, goals and participations; the reminders still to
    be sent for its deadlines are cancelled in the same transaction."""
    require_manager(user)
    for deadline_id in Deadline.objects.filter(event=event).values_list("pk", flat=True):
        reminders_cancel_for_deadline(deadline_id=deadline_id)
    travel_steps_cancel_for_event(event_id=event.pk)
    event.delete()


# --- next edition -----------------------------------------------------------------------------


def _next_edition_name(event, years):
    if event.edition_year and str(event.edition_year) in event.name:
        return event.name.replace(str(event.edition_year), str(event.edition_year + years))
    match = re.search(r"(19|20)\d\d", event.name)
    if match:
        year = int(match.group(0))
        return event.name[: match.start()] + str(year + years) + event.name[match.end() :]
    return f"{event.name} ({_('next edition')})"


@transaction.atomic
def event_copy_to_next_edition(*, user, event, years=1):
    """Copy an event to its next edition: status 'considering', dates shifted by a year,
    goals and deadlines copied without their outcomes, nobody signed up yet. The copy's
    reminders are planned in the same transaction, as for any new deadline."""
    require_manager(user)
    if event.series and event.edition_year:
        existing = Event.objects.filter(series=event.series, edition_year=event.edition_year + years).first()
        if existing is not None:
            raise ValidationError(
                _("%(series)s %(year)s is already on the calendar: %(name)s (/events/%(pk)s/).")
                % {
                    "series": event.series,
                    "year": existing.edition_year,
                    "name": existing.name,
                    "pk": existing.pk,
                },
                code="edition_exists",
                params={"event_id": existing.pk},
            )
    copy = Event.objects.create(
        name=_next_edition_name(event, years),
        series=event.series,
        edition_year=(event.edition_year + years) if event.edition_year else None,
        organizer=event.organizer,
        kind=event.kind,
        format=event.format,
        start_date=shift_years(event.start_date, years),
        end_date=shift_years(event.end_date, years),
        date_precision=event.date_precision,
        dates_estimated=True,
        approx_year=(event.approx_year + years) if event.approx_year else None,
        approx_month=event.approx_month,
        approx_quarter=event.approx_quarter,
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
        due_at, _zone = deadline_instant(local=shift_years(local, years), zone=deadline.timezone)
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
                due_estimated=True,
            )
        )
    Deadline.objects.bulk_create(new_deadlines)
    reminders_plan_event(event_id=copy.pk)
    return copy


# --- tags -------------------------------------------------------------------------------------


@transaction.atomic
def tag_create(*, user, **fields):
    require_manager(user)
    return save_clean(Tag(**fields))


@transaction.atomic
def tag_update(*, user, tag, **fields):
    require_manager(user)
    assign(tag, fields)
    return save_clean(tag)


@transaction.atomic
def tag_delete(*, user, tag):
    require_manager(user)
    tag.delete()

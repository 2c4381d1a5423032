"""Every write about travel readiness: the requirement table, each trip's steps (kept in line
with the event, the member's passport and the requirement) and the passport country. The
community's support letters are written by letter_services.py.

The events services call travel_timelines_sync_event inside their own transaction whenever
an event's dates, zone, country or status, its speaker notification or its participations
change; the steps' reminders are planned in the same call.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from budget.services import budget_line_propose_visa_fee
from intl_portal.common.records import assign, delete_record, require, save_clean
from members.permissions import (
    can_change_travel_step,
    can_manage_travel,
)
from members.services.people import member_set_passport_country

from ..models import Deadline, Event, Participation, TravelRequirement
from ..models.travel import TravelStep
from ..reminders.planning import (
    TRIP_STATUSES,
    reminders_cancel_for_travel_steps,
    reminders_plan_travel_steps,
)
from .timeline import plan_trip

# --- computing a trip ----------------------------------------------------------------------------


def is_trip(participation):
    return (
        participation.needs_travel
        and participation.status in TRIP_STATUSES
        and participation.event.status not in Event.CLOSED_STATUSES
    )


def event_zone(event):
    return event.tz or dt.UTC


def day_end_instant(day, zone):
    """The end of a day (23:59) in a zone, as an instant in UTC (like a date-only deadline)."""
    return dt.datetime.combine(day, dt.time(23, 59), tzinfo=zone).astimezone(dt.UTC)


def requirement_for(participation):
    """The TravelRequirement for the traveller's passport and the event's country, or None."""
    passport = participation.member.passport_country
    destination = participation.event.country
    if not passport or not destination:
        return None
    return TravelRequirement.objects.filter(passport=passport, destination=destination).first()


def notification_date(participation):
    """For a speaker: the day (event's zone) the earliest speaker notification is due, or None."""
    if participation.role != Participation.Role.SPEAKER:
        return None
    due_at = (
        Deadline.objects.filter(event_id=participation.event_id, kind=Deadline.Kind.SPEAKER_NOTIFICATION)
        .order_by("due_at")
        .values_list("due_at", flat=True)
        .first()
    )
    if due_at is None:
        return None
    return due_at.astimezone(event_zone(participation.event)).date()


def trip_plan(participation, requirement=None):
    """The plan (events.travel.timeline.Plan) of a trip, or None while the event has no dates."""
    event = participation.event
    if event.start_date is None:
        return None
    requirement = requirement if requirement is not None else requirement_for(participation)
    return plan_trip(
        start=event.start_date,
        requirement_kind=requirement.kind if requirement else None,
        lead_time_days=requirement.lead_time_days if requirement else 0,
        notification=notification_date(participation),
    )


# --- keeping the steps in line -------------------------------------------------------------------


def _delete_steps(steps, now):
    ids = [step.pk for step in steps]
    if ids:
        reminders_cancel_for_travel_steps(step_ids=ids, now=now)
        TravelStep.objects.filter(pk__in=ids).delete()


@transaction.atomic
def travel_timeline_sync(*, participation, now=None):
    """Create, re-date and remove the steps of one participation so they follow its plan, then
    plan their reminders. Not a trip (no travel, not tentative or confirmed, event declined or
    cancelled) or no dates yet ("waiting for dates"): no steps. A step's state is kept when it
    is re-dated. Returns the steps."""
    now = now or timezone.now()
    participation = Participation.objects.select_related("event", "member").get(pk=participation.pk)
    existing = {step.kind: step for step in TravelStep.objects.filter(participation=participation)}
    plan = trip_plan(participation) if is_trip(participation) else None
    if plan is None:
        _delete_steps(existing.values(), now)
        return []
    zone = event_zone(participation.event)
    wanted = {planned.kind: planned for planned in plan.steps}
    _delete_steps([step for kind, step in existing.items() if kind not in wanted], now)
    steps = []
    for kind, planned in wanted.items():
        step = existing.get(kind) or TravelStep(participation=participation, kind=kind)
        due_at = day_end_instant(planned.due_date, zone)
        if (step.pk, step.due_date, step.due_at, step.owner, step.position) != (
            step.pk or -1,
            planned.due_date,
            due_at,
            planned.owner,
            planned.position,
        ):
            step.due_date, step.due_at = planned.due_date, due_at
            step.owner, step.position = planned.owner, planned.position
            step.save()
        step.participation = participation
        steps.append(step)
    reminders_plan_travel_steps(steps=steps, now=now)
    return sorted(steps, key=lambda step: step.position)


def travel_timelines_sync_event(*, event_id, now=None):
    """Re-plan every participation's steps of one event (its dates, zone, country, status or
    speaker notification changed, or someone joined or left)."""
    for participation in Participation.objects.filter(event_id=event_id).select_related("event", "member"):
        travel_timeline_sync(participation=participation, now=now)


def travel_timelines_sync_member(*, member_id, now=None):
    for participation in Participation.objects.filter(member_id=member_id):
        travel_timeline_sync(participation=participation, now=now)


def travel_steps_cancel_for_event(*, event_id, now=None):
    """The event is being deleted: cancel what is still to be sent for its travel steps."""
    ids = list(TravelStep.objects.filter(participation__event_id=event_id).values_list("pk", flat=True))
    reminders_cancel_for_travel_steps(step_ids=ids, now=now)


def travel_steps_cancel_for_participation(*, participation_id, now=None):
    ids = list(TravelStep.objects.filter(participation_id=participation_id).values_list("pk", flat=True))
    reminders_cancel_for_travel_steps(step_ids=ids, now=now)


def travel_visa_fee_propose(*, participation):
    """A confirmed trip whose destination needs a visa or permit for the traveller's passport
    proposes a budget line of category "visa" (budget.services), once."""
    participation = Participation.objects.select_related("event", "member").get(pk=participation.pk)
    if participation.status != Participation.Status.CONFIRMED or not is_trip(participation):
        return None
    requirement = requirement_for(participation)
    if requirement is None or not requirement.needs_application:
        return None
    return budget_line_propose_visa_fee(participation=participation)


# --- steps ---------------------------------------------------------------------------------------


@transaction.atomic
def travel_step_set_state(*, user, step, state, note=None, now=None):
    """Mark a step done, not needed or to do again; its reminders follow."""
    now = now or timezone.now()
    if state not in TravelStep.State.values:
        raise ValidationError({"state": _("Unknown step state: %(state)s") % {"state": state}})
    step = (
        TravelStep.objects.select_for_update()
        .select_related("participation__event", "participation__member")
        .get(pk=step.pk)
    )
    if not can_change_travel_step(user, step):
        raise PermissionDenied(
            _("Only the traveller (for their own steps) and coordinators may change this step.")
        )
    step.state = state
    step.done_at = now if state == TravelStep.State.DONE else None
    if note is not None:
        step.note = note
    save_clean(step)
    reminders_plan_travel_steps(steps=[step], now=now)
    return step


# --- the requirement table -----------------------------------------------------------------------

REQUIREMENT_FIELDS = ("passport", "destination", "kind", "visa_free_days", "lead_time_days", "notes")


def _require_coordinator(user):
    require(can_manage_travel(user), _("Only coordinators may change the travel requirements."))


def _resync_pair(passport, destination):
    trips = Participation.objects.filter(member__passport_country=passport, event__country=destination)
    for participation in trips.select_related("event", "member"):
        travel_timeline_sync(participation=participation)


@transaction.atomic
def travel_requirement_create(*, user, **fields):
    _require_coordinator(user)
    # No source text: "entered by a coordinator" is said in the reader's language (trip page).
    requirement = TravelRequirement(edited_by_coordinator=True, source="")
    assign(requirement, {k: v for k, v in fields.items() if k in REQUIREMENT_FIELDS})
    save_clean(requirement, conflict=_("This passport and destination already have a requirement."))
    _resync_pair(requirement.passport, requirement.destination)
    return requirement


@transaction.atomic
def travel_requirement_update(*, user, requirement, **fields):
    """Change a requirement (kind, days, lead time, notes); the trips it concerns are re-planned."""
    _require_coordinator(user)
    stored = TravelRequirement.objects.filter(pk=requirement.pk).values("passport", "destination").get()
    assign(requirement, {k: v for k, v in fields.items() if k in REQUIREMENT_FIELDS})
    requirement.edited_by_coordinator = True
    save_clean(requirement, conflict=_("This passport and destination already have a requirement."))
    _resync_pair(stored["passport"], stored["destination"])
    _resync_pair(requirement.passport, requirement.destination)
    return requirement


@transaction.atomic
def travel_requirement_delete(*, user, requirement):
    _require_coordinator(user)
    pair = (requirement.passport, requirement.destination)
    delete_record(requirement)
    _resync_pair(*pair)


@transaction.atomic
def travel_requirements_import(*, user, rows):
    """Bring the table in line with a newer dataset (rows from events.travel.seed.requirement_rows):
    new pairs are added, the others take the new requirement, lead time and date, except rows
    a coordinator edited, which are kept. The trips concerned are re-planned.
    Returns (created, updated, kept)."""
    _require_coordinator(user)
    stored = {(r.passport.code, r.destination.code): r for r in TravelRequirement.objects.all()}
    created = updated = kept = 0
    changed = []
    for row in rows:
        pair = (row["passport"], row["destination"])
        requirement = stored.get(pair)
        if requirement is not None and requirement.edited_by_coordinator:
            kept += 1
            continue
        if requirement is None:
            requirement = TravelRequirement()
            created += 1
        else:
            updated += 1
        assign(requirement, row)
        save_clean(requirement)
        changed.append(pair)
    for pair in changed:
        _resync_pair(*pair)
    return created, updated, kept


# --- the traveller's passport country ------------------------------------------------------------


@transaction.atomic
def traveller_passport_country_set(*, user, member, passport_country):
    """Record a member's passport country (the member or a coordinator); their trips are
    re-planned for it."""
    member = member_set_passport_country(member=member, user=user, passport_country=passport_country)
    travel_timelines_sync_member(member_id=member.pk)
    return member

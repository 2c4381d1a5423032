"""Who goes to an event in which role, and how far along their trip is.

Every change of a participation's status goes through participation_set_status, which
dispatches to participation_confirm / participation_decline / the plain move: confirming
a trip that needs travel proposes its budget line (budget.services), and every act
re-plans the event's reminders once, in its transaction. `user` is who acts: the rules
of members.permissions decide (can_manage_events, can_confirm_participation).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from budget.services import budget_line_propose_for_participation
from intl_portal.common.records import assign, save_clean
from members.permissions import (
    can_answer_participation,
    can_change_trip,
    can_confirm_participation,
    can_volunteer,
    can_withdraw_participation,
    is_coordinator,
    member_of,
)

from ..models import Participation
from ..reminders.planning import reminders_plan_event
from ..travel.services import (
    travel_steps_cancel_for_participation,
    travel_timelines_sync_event,
    travel_visa_fee_propose,
)
from .base import require_manager

Status = Participation.Status


def _replan(*event_ids):
    for event_id in dict.fromkeys(event_ids):
        reminders_plan_event(event_id=event_id)
        travel_timelines_sync_event(event_id=event_id)


def _require_active(member):
    if not member.active:
        raise ValidationError(
            {"member": _("%(name)s is not an active member.") % {"name": member.display_name}}
        )


def _require_known_status(status):
    if status not in Status.values:
        raise ValidationError({"status": _("Unknown participation status: %(status)s") % {"status": status}})


def _require_known_role(fields):
    role = fields.get("role")
    if role is not None and role not in Participation.Role.values:
        raise ValidationError({"role": _("Unknown role: %(role)s") % {"role": role}})


def _require_may_move(user, participation):
    if not can_confirm_participation(user, participation):
        raise PermissionDenied(_("Only coordinators may confirm or decline participations."))


def _stored(participation):
    return Participation.objects.filter(pk=participation.pk).values("status", "member_id", "event_id").get()


@transaction.atomic
def participation_create(*, user, event, member, status=Status.PROPOSED, **fields):
    """Sign a member up for an event in a role. It starts proposed; another `status` is a
    move through participation_set_status (so a trip created confirmed proposes its line)."""
    require_manager(user)
    _require_known_status(status)
    _require_known_role(fields)
    _require_active(member)
    participation = Participation(event=event, member=member, status=Status.PROPOSED)
    assign(participation, fields)
    save_clean(participation)
    if status != Status.PROPOSED:
        return participation_set_status(user=user, participation=participation, status=status)
    _replan(participation.event_id)
    return participation


@transaction.atomic
def participation_update(*, user, participation, **fields):
    """Change a participation's fields; a new status goes through participation_set_status.
    Giving it to another member who is no longer active is refused."""
    require_manager(user)
    stored = _stored(participation)
    status = fields.pop("status", stored["status"])
    _require_known_status(status)
    _require_known_role(fields)
    assign(participation, fields)
    if participation.member_id != stored["member_id"]:
        _require_active(participation.member)
    participation.status = stored["status"]
    save_clean(participation, conflict=_("This member already has this role at this event."))
    if status != stored["status"]:
        participation_set_status(user=user, participation=participation, status=status)
        if stored["event_id"] != participation.event_id:
            _replan(stored["event_id"])
    else:
        _replan(stored["event_id"], participation.event_id)
    return participation


@transaction.atomic
def participation_delete(*, user, participation):
    require_manager(user)
    event_id = participation.event_id
    travel_steps_cancel_for_participation(participation_id=participation.pk)
    participation.delete()
    _replan(event_id)


@transaction.atomic
def participation_set_status(*, user, participation, status):
    """Move a participation to `status`: the one door for every status change."""
    _require_known_status(status)
    act = _STATUS_ACTS.get(status)
    if act is not None:
        return act(user=user, participation=participation)
    return _move(user=user, participation=participation, status=status)


@transaction.atomic
def participation_confirm(*, user, participation):
    """Confirm a trip: an inactive member's is refused; one that needs travel gets a
    proposed planned line in the budget (once, however often it is confirmed)."""
    _require_active(participation.member)
    _move(user=user, participation=participation, status=Status.CONFIRMED)
    budget_line_propose_for_participation(participation=participation)
    travel_visa_fee_propose(participation=participation)
    return participation


@transaction.atomic
def participation_decline(*, user, participation):
    return _move(user=user, participation=participation, status=Status.DECLINED)


def _move(*, user, participation, status):
    _require_may_move(user, participation)
    participation.status = status
    participation.save(update_fields=["status", "updated_at"])
    _replan(participation.event_id)
    return participation


_STATUS_ACTS = {Status.CONFIRMED: participation_confirm, Status.DECLINED: participation_decline}


# --- members acting for themselves, coordinators triaging ----------------------------------

# What the traveller may change on their own participation (My trip).
TRIP_FIELDS = frozenset({"needs_travel", "needs_visa", "invitation_letter", "visa_status", "trip_report"})
# What a member may volunteer as.
VOLUNTEER_ROLES = frozenset(Participation.Role.values) - {Participation.Role.HOST}


def _role_label(role):
    return dict(Participation.Role.choices).get(role, role)


@transaction.atomic
def participation_volunteer(*, user, event, role, note=""):
    """A member offers to go to an event in a role: a proposed participation of their own.
    A second entry for the same role, an unknown role, a closed event or one that is over is
    refused."""
    if not can_volunteer(user):
        raise PermissionDenied(_("Only members may volunteer."))
    _require_known_role({"role": role})
    if event.is_closed or event.merged_into_id:
        raise ValidationError(_("This event is not going ahead; nobody can sign up for it."))
    if event.is_over:
        raise ValidationError(_("This event is over; nobody can sign up for it any more."))
    member = member_of(user)
    _require_active(member)
    if Participation.objects.filter(event=event, member=member, role=role).exists():
        raise ValidationError(
            {"role": _("You are already down for this event as %(role)s.") % {"role": _role_label(role)}}
        )
    participation = Participation(event=event, member=member, role=role, notes=note, status=Status.PROPOSED)
    save_clean(participation, conflict=_("You are already down for this event in this role."))
    _replan(event.pk)
    return participation


def _locked_open(participation, user, predicate, refusal):
    row = Participation.objects.select_for_update().select_related("member").get(pk=participation.pk)
    if not predicate(user, row):
        raise PermissionDenied(refusal)
    return row


def _require_not_over(row, user):
    """Once the event is over, a member's own answer or withdrawal comes too late: what
    happened is for the coordinators to record."""
    if row.event.is_over and not is_coordinator(user):
        raise ValidationError(_("This event is over; a coordinator records who went."))


@transaction.atomic
def participation_answer(*, user, participation, answer):
    """The member confirms ("confirm") or declines ("decline") their own proposed or
    tentative participation, until the event is over; a coordinator may answer for anyone."""
    if answer not in ("confirm", "decline"):
        raise ValidationError({"answer": _("Answer confirm or decline.")})
    row = _locked_open(
        participation,
        user,
        can_answer_participation,
        _("You may answer only for your own participation, while it is proposed or tentative."),
    )
    _require_not_over(row, user)
    status = Status.CONFIRMED if answer == "confirm" else Status.DECLINED
    if is_coordinator(user):
        participation_set_status(user=user, participation=row, status=status)
    else:
        # The member's own answer: the same moves, without the coordinators' right.
        if status == Status.CONFIRMED:
            _require_active(row.member)
        row.status = status
        row.save(update_fields=["status", "updated_at"])
        _replan(row.event_id)
        if status == Status.CONFIRMED:
            budget_line_propose_for_participation(participation=row)
    participation.status = row.status
    return row


@transaction.atomic
def participation_withdraw(*, user, participation):
    """Take back a participation before it is confirmed and before the event is over (the row
    goes; one may volunteer again)."""
    row = _locked_open(
        participation,
        user,
        can_withdraw_participation,
        _("You may withdraw only your own participation, before it is confirmed."),
    )
    _require_not_over(row, user)
    if row.status not in (Status.PROPOSED, Status.TENTATIVE):
        raise ValidationError(_("A confirmed participation cannot be withdrawn; decline it instead."))
    event_id = row.event_id
    row.delete()
    _replan(event_id)


@transaction.atomic
def participation_update_trip(*, user, participation, **fields):
    """My trip: the traveller (or a coordinator) updates the travel steps and the report."""
    unknown = set(fields) - TRIP_FIELDS
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    row = _locked_open(participation, user, can_change_trip, _("This is someone else's trip."))
    assign(row, fields)
    save_clean(row)
    _replan(row.event_id)
    return row


@transaction.atomic
def participation_triage(*, user, participation, decision, note=""):
    """A coordinator answers a volunteer: "tentative" or "confirmed" accepts, "declined"
    declines with a note the member sees."""
    require_manager(user)
    if decision not in (Status.TENTATIVE, Status.CONFIRMED, Status.DECLINED):
        raise ValidationError({"decision": _("Unknown decision: %(decision)s") % {"decision": decision}})
    if decision == Status.DECLINED and not (note or "").strip():
        raise ValidationError({"note": _("Say why, for the member who volunteered.")})
    row = Participation.objects.select_for_update().select_related("member").get(pk=participation.pk)
    if row.status != Status.PROPOSED:
        raise ValidationError(_("This volunteer entry was already answered."))
    row.answer_note = (note or "").strip()
    row.save(update_fields=["answer_note", "updated_at"])
    participation_set_status(user=user, participation=row, status=decision)
    return row

"""Enrolments: a member applies to a track; a coordinator accepts or declines the
application and ends the term at the handover. Whether the member is listed on the public
page is their consent, theirs to change at any time."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intl_portal.common.records import (
    assign,
    changed_fields,
    check_field_names,
    copy_stored,
    delete_record,
    locked,
    locked_in,
    refuse_fields,
    require,
    save_clean,
)
from members.models import Enrolment
from members.permissions import can_act_for, can_change_enrolment, can_manage_program
from members.services.records import acting_member

# Fields only coordinators set: the term is decided with the application.
COORDINATOR_FIELDS = {"member", "term_start", "term_end"}
EDITABLE_FIELDS = (
    "member",
    "track",
    "region",
    "language_pair",
    "motivation",
    "show_publicly",
    "term_start",
    "term_end",
)


def _already_open():
    # The words of the model's constraint (enrolment_one_open_per_track), which full_clean
    # checks first; this one answers a concurrent second application the same way.
    return ValidationError(_("This member already has an open enrolment in this track."))


@transaction.atomic
def enrolment_apply(
    *,
    user,
    track,
    member=None,
    region="",
    language_pair="",
    motivation="",
    show_publicly=False,
    term_start=None,
    term_end=None,
):
    """A member applies to a track for themselves (a coordinator may apply on someone's
    behalf, and give the term)."""
    member = acting_member(user=user, member=member)
    if not can_manage_program(user):
        refuse_fields({name for name, value in (("term_start", term_start), ("term_end", term_end)) if value})
    enrolment = Enrolment(
        member=member,
        track=track,
        region=region,
        language_pair=language_pair,
        motivation=motivation,
        show_publicly=show_publicly,
        term_start=term_start,
        term_end=term_end,
    )
    return save_clean(enrolment, conflict=_already_open())  # a concurrent second application


@transaction.atomic
def enrolment_update(*, enrolment, user, **fields):
    """Change an enrolment: the member their application while it is undecided, and their
    consent (show_publicly) at any time; coordinators anything but its status."""
    require(can_act_for(user, enrolment.member), _("Only the member may change this."))
    check_field_names(fields, EDITABLE_FIELDS)
    row = locked(enrolment)
    changed = changed_fields(row, fields)
    if not can_manage_program(user):
        refuse_fields(changed.keys() & COORDINATOR_FIELDS)
    if not can_change_enrolment(user, row, fields=changed):
        raise ValidationError(_("A decided enrolment can no longer be edited."))
    assign(row, changed)
    if changed:
        save_clean(row, conflict=_already_open())
    return copy_stored(enrolment, row)


def enrolment_set_consent(*, enrolment, user, show_publicly):
    """The member (or a coordinator) decides whether the enrolment is listed publicly."""
    return enrolment_update(enrolment=enrolment, user=user, show_publicly=bool(show_publicly))


@transaction.atomic
def enrolment_withdraw(*, enrolment, user):
    """The member withdraws an undecided application (a coordinator deletes any enrolment)."""
    require(can_act_for(user, enrolment.member), _("Only the member may change this."))
    if not can_change_enrolment(user, enrolment):
        raise ValidationError(_("A decided enrolment can no longer be edited."))
    delete_record(enrolment)


@transaction.atomic
def enrolment_accept(*, enrolment, user, term_start=None, term_end=None):
    """applied → active. The term starts today unless given or already set."""
    require(can_manage_program(user))
    row = locked_in(
        enrolment,
        allowed=(Enrolment.Status.APPLIED,),
        refusal=_("Only an application can be accepted; this enrolment is %(status)s."),
    )
    row.status = Enrolment.Status.ACTIVE
    row.term_start = term_start or row.term_start or timezone.localdate()
    row.term_end = term_end or row.term_end
    row.decided_by = user
    row.decided_at = timezone.now()
    save_clean(row)
    return copy_stored(enrolment, row)


@transaction.atomic
def enrolment_reject(*, enrolment, user, note=""):
    """applied → rejected, with an optional note to the applicant."""
    require(can_manage_program(user))
    row = locked_in(
        enrolment,
        allowed=(Enrolment.Status.APPLIED,),
        refusal=_("Only an application can be rejected; this enrolment is %(status)s."),
    )
    row.status = Enrolment.Status.REJECTED
    row.decision_note = note
    row.decided_by = user
    row.decided_at = timezone.now()
    row.save()
    return copy_stored(enrolment, row)


@transaction.atomic
def enrolment_end(*, enrolment, user, term_end=None):
    """active or paused → ended (the term handover)."""
    require(can_manage_program(user))
    row = locked_in(
        enrolment,
        allowed=(Enrolment.Status.ACTIVE, Enrolment.Status.PAUSED),
        refusal=_("Only an active or paused enrolment can end."),
    )
    row.status = Enrolment.Status.ENDED
    row.term_end = term_end or row.term_end or timezone.localdate()
    save_clean(row)
    return copy_stored(enrolment, row)

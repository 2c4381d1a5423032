"""The group's working notes: action items, ideas and open topics, external contacts."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intl_portal.common.dates import require_in_range
from intl_portal.common.records import assign, locked_in, require, save_clean
from members.permissions import (
    can_change_idea,
    can_close_action_item,
    can_decide_idea,
    can_propose_idea,
    can_triage,
    member_of,
)

from ..models import ActionItem, Contact, Idea
from .base import require_manager

# --- action items -----------------------------------------------------------------------------


@transaction.atomic
def action_item_create(*, user, **fields):
    require_manager(user)
    return save_clean(ActionItem(**fields))


@transaction.atomic
def action_item_update(*, user, action_item, **fields):
    require_manager(user)
    assign(action_item, fields)
    return save_clean(action_item)


@transaction.atomic
def action_item_delete(*, user, action_item):
    require_manager(user)
    action_item.delete()


def _locked_own_item(user, action_item):
    row = ActionItem.objects.select_for_update().get(pk=action_item.pk)
    if not can_close_action_item(user, row):
        raise PermissionDenied(_("You may act only on your own action items."))
    return row


@transaction.atomic
def action_item_complete(*, user, action_item, outcome=""):
    """The owner (or a coordinator) marks an item done, with a short outcome."""
    row = _locked_own_item(user, action_item)
    if row.is_finished:
        raise ValidationError(_("This action item is already closed."))
    row.status = ActionItem.Status.DONE
    row.outcome = (outcome or "").strip()
    row.requested_due_date, row.due_date_request_note = None, ""
    save_clean(row)
    action_item.status, action_item.outcome = row.status, row.outcome
    return row


@transaction.atomic
def action_item_request_due_date(*, user, action_item, due_date, note=""):
    """The owner asks for a new due date; a coordinator answers on the triage page."""
    row = _locked_own_item(user, action_item)
    if row.is_finished:
        raise ValidationError(_("This action item is already closed."))
    if due_date is None:
        raise ValidationError({"due_date": _("Give the new due date.")})
    require_in_range(due_date, "due_date")
    if row.due_date and due_date <= row.due_date:
        raise ValidationError({"due_date": _("A new due date comes after the current one.")})
    row.requested_due_date = due_date
    row.due_date_request_note = (note or "").strip()
    save_clean(row)
    return row


@transaction.atomic
def action_item_decide_due_date(*, user, action_item, accept):
    """A coordinator grants (the due date moves) or refuses a requested due date."""
    require(can_triage(user), _("Only coordinators may triage proposals."))
    row = ActionItem.objects.select_for_update().get(pk=action_item.pk)
    if row.requested_due_date is None:
        raise ValidationError(_("Nobody asked for a new due date for this item."))
    if accept:
        row.due_date = row.requested_due_date
    row.requested_due_date, row.due_date_request_note = None, ""
    save_clean(row)
    return row


# --- ideas and open topics ----------------------------------------------------------------------


def _check_idea(user, idea, fields, stored):
    """A member proposes ideas as themselves and may not decide them; coordinators may."""
    if can_decide_idea(user):
        return
    errors = {}
    if "status" in fields and fields["status"] != stored.get("status", Idea.Status.PROPOSED):
        errors["status"] = [_("Only coordinators can set this field.")]
    own = member_of(user)
    proposer = fields.get("proposer")
    if proposer is not None and proposer != own:
        errors["proposer"] = [_("You can only do this for yourself.")]
    if errors:
        raise ValidationError(errors)


def _check_parent(idea):
    node = idea.parent
    while node is not None:
        if idea.pk is not None and node.pk == idea.pk:
            raise ValidationError({"parent": _("An idea cannot be part of itself.")})
        node = node.parent


@transaction.atomic
def idea_propose(*, user, **fields):
    """A member proposes an idea or open topic, as themselves (a coordinator may name
    another proposer and set its status)."""
    if not can_propose_idea(user):
        raise PermissionDenied(_("Only members may propose ideas."))
    _check_idea(user, None, fields, {})
    if not can_decide_idea(user):
        fields["proposer"] = member_of(user)
    idea = Idea(**fields)
    _check_parent(idea)
    return save_clean(idea)


@transaction.atomic
def idea_update(*, user, idea, **fields):
    """Change an idea: its proposer while it is undecided, a coordinator always."""
    stored = Idea.objects.filter(pk=idea.pk).values("status", "proposer_id").get()
    if not can_change_idea(user, _as_stored(idea, stored)):
        raise PermissionDenied(_("You may change only your own ideas, while they are undecided."))
    _check_idea(user, idea, fields, stored)
    if not can_decide_idea(user):
        fields.pop("proposer", None)
    assign(idea, fields)
    _check_parent(idea)
    return save_clean(idea)


@transaction.atomic
def idea_withdraw(*, user, idea):
    """Delete an idea: its proposer while it is undecided, a coordinator always."""
    stored = Idea.objects.filter(pk=idea.pk).values("status", "proposer_id").get()
    if not can_change_idea(user, _as_stored(idea, stored)):
        raise PermissionDenied(_("You may withdraw only your own ideas, while they are undecided."))
    idea.delete()


def _new_idea(idea):
    return locked_in(
        idea,
        allowed={Idea.Status.PROPOSED},
        refusal=_("This idea was already answered (it is %(status)s)."),
    )


@transaction.atomic
def idea_accept(*, user, idea, reason=""):
    """A coordinator takes a new idea up (→ accepted); `reason` is shown to its proposer."""
    require(can_triage(user), _("Only coordinators may answer new ideas."))
    row = _new_idea(idea)
    row.status, row.triage_reason = Idea.Status.ACCEPTED, (reason or "").strip()
    row.save(update_fields=["status", "triage_reason"])
    idea.status, idea.triage_reason = row.status, row.triage_reason
    return row


@transaction.atomic
def idea_decline(*, user, idea, reason):
    """A coordinator declines a new idea with a reason its proposer sees (required)."""
    require(can_triage(user), _("Only coordinators may answer new ideas."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why, for the member who proposed it.")})
    row = _new_idea(idea)
    row.status, row.triage_reason = Idea.Status.REJECTED, reason.strip()
    row.save(update_fields=["status", "triage_reason"])
    idea.status, idea.triage_reason = row.status, row.triage_reason
    return row


def _as_stored(idea, stored):
    """The idea as it is in the database (a door may already have changed the instance)."""
    return Idea(pk=idea.pk, status=stored["status"], proposer_id=stored["proposer_id"])


# --- contacts -----------------------------------------------------------------------------------


@transaction.atomic
def contact_create(*, user, events=(), **fields):
    require_manager(user)
    contact = save_clean(Contact(**fields))
    contact.events.set(events)
    return contact


@transaction.atomic
def contact_update(*, user, contact, events=None, **fields):
    require_manager(user)
    assign(contact, fields)
    save_clean(contact)
    if events is not None:
        contact.events.set(events)
    return contact


@transaction.atomic
def contact_delete(*, user, contact):
    require_manager(user)
    contact.delete()

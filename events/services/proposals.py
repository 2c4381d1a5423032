"""Members propose events (status idea, the proposer recorded); coordinators triage them:
accept (→ considering), decline with a reason the proposer sees, or merge a duplicate
into the event it repeats."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intl_portal.common.records import locked_in, require, save_clean
from members.permissions import can_propose_event, can_triage, member_of

from ..models import Event, Goal
from .events import event_set_status

# What a member may give when proposing an event, in the order the doors show it;
# everything else is the coordinators'.
PROPOSAL_FIELDS = (
    "name",
    "website_url",
    "format",
    "city",
    "country",
    "date_precision",
    "start_date",
    "end_date",
    "approx_year",
    "approx_month",
    "approx_quarter",
    "proposal_reason",
)

Precision = Event.DatePrecision


def dates_normalized(fields):
    """Keep only the date fields that fit the precision (a form may send them all): exact
    dates need a start; a month needs its year and month; a quarter its year and quarter."""
    precision = fields.get("date_precision") or Precision.EXACT
    keep = {
        Precision.EXACT: {"start_date", "end_date"},
        Precision.QUARTER: {"approx_year", "approx_quarter"},
        Precision.UNANNOUNCED: {"approx_year"},
    }.get(precision, {"approx_year", "approx_month"})
    for name in ("start_date", "end_date", "approx_year", "approx_month", "approx_quarter"):
        if name not in keep:
            fields[name] = None
    errors = {}
    for name in sorted(keep - {"end_date"}):
        if precision != Precision.UNANNOUNCED and fields.get(name) in (None, ""):
            errors[name] = _("This field is required for these dates.")
    if errors:
        raise ValidationError(errors)
    fields["date_precision"] = precision
    return fields


def _require_triage(user):
    require(can_triage(user), _("Only coordinators may triage proposals."))


@transaction.atomic
def event_propose(*, user, goals=(), **fields):
    """A member proposes an event: it enters as an internal idea, with them as proposer and
    the goals they want (talk, booth, …) as wanted goals. Bad input saves nothing."""
    require(can_propose_event(user), _("Only members may propose events."))
    unknown = set(fields) - set(PROPOSAL_FIELDS)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    unknown_goals = [kind for kind in goals if kind not in Goal.Kind.values]
    if unknown_goals:
        raise ValidationError({"goals": _("Unknown goal: %(kind)s") % {"kind": ", ".join(unknown_goals)}})
    dates_normalized(fields)
    if fields.get("format") == Event.Format.ONLINE:
        fields["city"], fields["country"] = "", ""
    event = save_clean(
        Event(
            status=Event.Status.IDEA,
            is_public=False,
            proposed_by=member_of(user),
            **fields,
        )
    )
    for kind in dict.fromkeys(goals):
        save_clean(Goal(event=event, kind=kind))
    return event


def _open_proposal(event):
    return locked_in(
        event,
        allowed={Event.Status.IDEA},
        refusal=_("This proposal was already answered (it is %(status)s)."),
    )


@transaction.atomic
def event_proposal_accept(*, user, event, reason=""):
    """Take a proposed event into consideration; `reason` is shown to the proposer."""
    _require_triage(user)
    row = _open_proposal(event)
    row.triage_reason = reason
    row.save(update_fields=["triage_reason", "updated_at"])
    event_set_status(user=user, event=row, status=Event.Status.CONSIDERING)
    event.status, event.triage_reason = row.status, row.triage_reason
    return row


@transaction.atomic
def event_proposal_decline(*, user, event, reason):
    """Decline a proposed event with a reason its proposer sees (a reason is required)."""
    _require_triage(user)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why, for the member who proposed it.")})
    row = _open_proposal(event)
    row.triage_reason = reason.strip()
    row.save(update_fields=["triage_reason", "updated_at"])
    event_set_status(user=user, event=row, status=Event.Status.DECLINED)
    event.status, event.triage_reason = row.status, row.triage_reason
    return row


@transaction.atomic
def event_proposal_merge(*, user, event, into, reason=""):
    """The proposal repeats an event already on the calendar: it is declined as a duplicate
    of `into` (its proposer is pointed there). The event's page lists its merged proposals,
    who made them and why, in the reader's language (nothing is written into its notes)."""
    _require_triage(user)
    if into is None or into.pk == event.pk:
        raise ValidationError({"into": _("Choose another event to merge this proposal into.")})
    if into.merged_into_id is not None:
        raise ValidationError({"into": _("That event is itself a merged duplicate.")})
    row = _open_proposal(event)
    row.merged_into = into
    # Without a reason, the answer says where it is, in the reader's language (Event.triage_answer).
    row.triage_reason = reason.strip()
    row.save(update_fields=["merged_into", "triage_reason", "updated_at"])
    event_set_status(user=user, event=row, status=Event.Status.DECLINED)
    event.status, event.merged_into_id, event.triage_reason = row.status, into.pk, row.triage_reason
    return row

"""Members ask for an event's dates to change (new exact dates or an approximate date, with
where they come from); coordinators accept — the event's dates change through event_update,
so its SEQUENCE rises and its reminders and trips move as on any date edit — or decline with
a reason the member sees on their plan."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intl_portal.common.records import locked_in, require, save_clean
from members.permissions import can_request_date_change, can_triage, can_withdraw_date_change, member_of

from ..models import DateChangeRequest, Event
from ..models.date_change import DATE_FIELDS
from .events import event_update
from .proposals import dates_normalized

Status = DateChangeRequest.Status


def _same_as_event(event, fields):
    return all(getattr(event, name) == fields.get(name) for name in DATE_FIELDS)


@transaction.atomic
def date_change_request(*, user, event, reason, **dates):
    """A member asks for `event`'s dates to become `dates` (the proposal's date fields),
    saying why. One open request per member and event; bad dates save nothing."""
    require(can_request_date_change(user), _("Only members may ask for other dates."))
    unknown = set(dates) - set(DATE_FIELDS)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    if event is None or not Event.objects.filter(pk=event.pk).exists():
        raise ValidationError({"event": _("There is no such event.")})
    if event.status in Event.CLOSED_STATUSES or event.merged_into_id is not None:
        raise ValidationError(_("This event is closed: its dates no longer change."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say where the new dates come from.")})
    dates = dates_normalized(dict(dates))
    start, end = dates.get("start_date"), dates.get("end_date")
    if start and end and end < start:
        raise ValidationError({"end_date": _("The end date is before the start date.")})
    if _same_as_event(event, dates):
        raise ValidationError(_("The event already has these dates."))
    member = member_of(user)
    duplicate = _("You already asked for other dates for this event; wait for the answer.")
    if DateChangeRequest.objects.filter(event=event, requested_by=member, status=Status.OPEN).exists():
        raise ValidationError(duplicate)
    return save_clean(
        DateChangeRequest(event=event, requested_by=member, reason=reason, **dates), conflict=duplicate
    )


def _open(date_change):
    return locked_in(
        date_change, allowed={Status.OPEN}, refusal=_("This request was already answered (it is %(status)s).")
    )


def _answered(row, date_change, *, user, status, answer):
    row.status, row.answer = status, answer
    row.decided_by, row.decided_at = member_of(user), timezone.now()
    row.save(update_fields=["status", "answer", "decided_by", "decided_at"])
    for name in ("status", "answer", "decided_by_id", "decided_at"):
        setattr(date_change, name, getattr(row, name))
    return row


@transaction.atomic
def date_change_accept(*, user, date_change, reason=""):
    """A coordinator accepts: the event takes the requested dates (a normal date edit)."""
    require(can_triage(user), _("Only coordinators may answer requests for other dates."))
    row = _open(date_change)
    event = Event.objects.select_for_update().get(pk=row.event_id)
    dates = {name: getattr(row, name) for name in DATE_FIELDS}
    event_update(user=user, event=event, **dates)
    return _answered(row, date_change, user=user, status=Status.ACCEPTED, answer=(reason or "").strip())


@transaction.atomic
def date_change_decline(*, user, date_change, reason):
    """A coordinator declines, saying why (the member sees it on their plan)."""
    require(can_triage(user), _("Only coordinators may answer requests for other dates."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why, for the member who asked.")})
    row = _open(date_change)
    return _answered(row, date_change, user=user, status=Status.DECLINED, answer=reason.strip())


@transaction.atomic
def date_change_withdraw(*, user, date_change):
    """The member takes back their request while it waits (a coordinator may remove any)."""
    if not can_withdraw_date_change(user, date_change):
        raise PermissionDenied(_("You may withdraw only your own requests, while they wait."))
    if not can_triage(user):
        _open(date_change)
    date_change.delete()

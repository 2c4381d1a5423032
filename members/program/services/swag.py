"""Swag requests: a member (or a coordinator) asks for items to be mailed; a coordinator
approves or declines, then ships, which takes the items out of stock in the same
transaction. The same variant asked twice is one line with the quantities added up,
whichever door the request comes through."""

from collections import defaultdict

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
from members.models import StockLocation, StockMovement, SwagRequest, SwagRequestLine
from members.permissions import (
    can_cancel_swag_request,
    can_change_swag_request,
    can_manage_program,
    member_of,
)
from members.services.records import acting_member

from .stock import stock_record

REQUEST_FIELDS = (
    "requested_by",
    "recipient",
    "recipient_name",
    "address",
    "phone",
    "reason",
    "event",
    "note",
    "ship_from",
    "tracking_note",
)
COORDINATOR_FIELDS = {"requested_by", "ship_from", "tracking_note"}
OPEN_STATUSES = (SwagRequest.Status.REQUESTED, SwagRequest.Status.APPROVED)


def merged_lines(lines):
    """{variant: quantity} from [(variant, quantity), …]: a variant given twice is one line
    with the quantities added up; every quantity must be positive, and one item at least."""
    merged = defaultdict(int)
    for variant, quantity in lines:
        if quantity is None or quantity <= 0:
            raise ValidationError({"lines": [_("Each quantity must be positive.")]})
        merged[variant] += quantity
    if not merged:
        raise ValidationError({"lines": [_("Ask for at least one item.")]})
    return dict(merged)


def _store_lines(request, merged):
    request.lines.all().delete()
    SwagRequestLine.objects.bulk_create(
        [SwagRequestLine(request=request, variant=variant, quantity=q) for variant, q in merged.items()]
    )


def _requester(user, requested_by, recipient):
    if requested_by is not None:
        return acting_member(user=user, member=requested_by, field="requested_by")
    own = member_of(user)
    if own is None and can_manage_program(user):
        own = recipient  # a coordinator without a member profile, asking for someone
    if own is None:
        return acting_member(user=user, member=None, field="requested_by")
    return own


@transaction.atomic
def swag_request_create(
    *,
    user,
    recipient_name,
    address,
    reason,
    lines,
    requested_by=None,
    phone="",
    recipient=None,
    event=None,
    note="",
    ship_from=None,
):
    """A member or coordinator asks for items to be mailed. `lines`: [(variant, quantity), …].
    Who asks and where it ships from are the coordinators' to choose."""
    requester = _requester(user, requested_by, recipient)
    if not can_manage_program(user):
        refuse_fields({"ship_from"} if ship_from is not None else set())
    request = SwagRequest(
        requested_by=requester,
        recipient=recipient,
        recipient_name=recipient_name,
        address=address,
        phone=phone,
        reason=reason,
        event=event,
        note=note,
        ship_from=ship_from,
    )
    request.full_clean()
    merged = merged_lines(lines)
    request.save()
    _store_lines(request, merged)
    return request


@transaction.atomic
def swag_request_update(*, request, user, lines=None, **fields):
    """The requester changes their request while it is new; coordinators change any, and
    note how it was shipped. The items change only while the request is open (not
    shipped, declined or cancelled)."""
    require(can_cancel_swag_request(user, request), _("Only the requester may change this request."))
    check_field_names(fields, REQUEST_FIELDS)
    row = locked(request)
    if not can_change_swag_request(user, row):
        raise ValidationError(_("Only a new request can be changed."))
    changed = changed_fields(row, fields)
    if not can_manage_program(user):
        refuse_fields(changed.keys() & COORDINATOR_FIELDS)
    assign(row, changed)
    merged = None if lines is None else merged_lines(lines)
    if merged is not None and _line_counts(merged) == dict(row.lines.values_list("variant_id", "quantity")):
        merged = None  # the same items: no change
    if merged is not None and row.status not in OPEN_STATUSES:
        raise ValidationError({"lines": [_("The items of a closed request no longer change.")]})
    save_clean(row)
    if merged is not None:
        _store_lines(row, merged)
    return copy_stored(request, row)


def _line_counts(merged):
    return {variant.pk: quantity for variant, quantity in merged.items()}


@transaction.atomic
def swag_request_delete(*, request, user):
    """The requester deletes their request while it is new; coordinators any that has not
    shipped (a shipped one stays, with the stock movements it caused)."""
    require(can_cancel_swag_request(user, request), _("Only the requester may change this request."))
    row = locked(request)
    if not can_change_swag_request(user, row):
        raise ValidationError(_("Only a new request can be changed."))
    if row.status == SwagRequest.Status.SHIPPED:
        raise ValidationError(_("A shipped request stays on record."))
    delete_record(row)


@transaction.atomic
def swag_request_approve(*, request, user, ship_from=None):
    """requested → approved (a coordinator); optionally choose where it ships from."""
    require(can_manage_program(user))
    row = locked_in(
        request,
        allowed=(SwagRequest.Status.REQUESTED,),
        refusal=_("Only a new request can be approved; this one is %(status)s."),
    )
    row.status = SwagRequest.Status.APPROVED
    row.decided_by = user
    if ship_from is not None:
        row.ship_from = ship_from
    row.save()
    return copy_stored(request, row)


@transaction.atomic
def swag_request_reject(*, request, user, note=""):
    require(can_manage_program(user))
    row = locked_in(request, allowed=OPEN_STATUSES, refusal=_("Only an open request can be rejected."))
    row.status = SwagRequest.Status.REJECTED
    row.decided_by = user
    if note:
        row.note = f"{row.note}\n{note}".strip()
    row.save()
    return copy_stored(request, row)


def _ship_location(request):
    if request.ship_from_id:
        return request.ship_from
    locations = list(StockLocation.objects.all()[:2])
    if len(locations) == 1:
        return locations[0]
    raise ValidationError({"ship_from": _("Choose the place the items ship from.")})


@transaction.atomic
def swag_request_ship(*, request, user, tracking_note=""):
    """approved → shipped: every line leaves the stock ('out' movements) in this transaction.

    The request row is locked first (no double shipping), then the stock levels in variant
    order (no deadlock between two requests); not enough stock refuses the whole shipment.
    """
    require(can_manage_program(user))
    row = locked_in(
        request,
        allowed=(SwagRequest.Status.APPROVED,),
        refusal=_("Only an approved request can be shipped; this one is %(status)s."),
    )
    location = _ship_location(row)
    for line in row.lines.select_related("variant__item").order_by("variant_id"):
        stock_record(
            user=user,
            variant=line.variant,
            kind=StockMovement.Kind.OUT,
            quantity=line.quantity,
            from_location=location,
            request=row,
            note=_("Shipped to %(name)s") % {"name": row.recipient_name},
        )
    row.status = SwagRequest.Status.SHIPPED
    row.ship_from = location
    row.shipped_at = timezone.now()
    row.tracking_note = tracking_note
    row.save()
    return copy_stored(request, row)


@transaction.atomic
def swag_request_cancel(*, request, user):
    """The requester (or a coordinator) withdraws a request that has not shipped."""
    require(can_cancel_swag_request(user, request), _("Only the requester may cancel this request."))
    row = locked_in(request, allowed=OPEN_STATUSES, refusal=_("Only an open request can be cancelled."))
    row.status = SwagRequest.Status.CANCELLED
    row.save()
    return copy_stored(request, row)

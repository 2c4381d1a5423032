"""The swag stock: where it is kept, and the movement log from which the levels are derived.

Stock levels change only together with a StockMovement row, in the same transaction, with
the level rows locked (select_for_update), so two coordinators shipping the last shirt at
once cannot oversell: the second one finds zero and is refused."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from intl_portal.common.records import check_field_names, create_record, delete_record, require, update_record
from members.models import StockLevel, StockLocation, StockMovement
from members.permissions import can_manage_program

LOCATION_FIELDS = ("name", "holder", "address")


def _change_level(*, variant_id, location_id, delta):
    """Add delta to one stock level, under a row lock; refuse to go below zero."""
    level = (
        StockLevel.objects.select_for_update().filter(variant_id=variant_id, location_id=location_id).first()
    )
    if level is None:
        if delta < 0:
            raise ValidationError(_("Not enough stock: %(needed)s needed, 0 left.") % {"needed": -delta})
        try:
            with transaction.atomic():
                StockLevel.objects.create(variant_id=variant_id, location_id=location_id, quantity=delta)
            return
        except IntegrityError:  # created concurrently: lock it and carry on below
            level = StockLevel.objects.select_for_update().get(variant_id=variant_id, location_id=location_id)
    if level.quantity + delta < 0:
        raise ValidationError(
            _("Not enough stock of %(variant)s at %(location)s: %(needed)s needed, %(left)s left.")
            % {
                "variant": level.variant,
                "location": level.location,
                "needed": -delta,
                "left": level.quantity,
            }
        )
    level.quantity += delta
    level.save(update_fields=["quantity"])


def _check_movement(movement):
    kind = movement.kind
    errors = {}
    if kind in (StockMovement.Kind.IN, StockMovement.Kind.CORRECTION) and not movement.to_location_id:
        errors["to_location"] = _("Say where the stock is.")
    if kind in (StockMovement.Kind.OUT, StockMovement.Kind.MOVE) and not movement.from_location_id:
        errors["from_location"] = _("Say where the stock leaves from.")
    if kind == StockMovement.Kind.MOVE and movement.from_location_id == movement.to_location_id:
        errors["to_location"] = _("A move needs two different places.")
    if kind == StockMovement.Kind.CORRECTION and movement.quantity == 0:
        errors["quantity"] = _("A correction of zero changes nothing.")
    if kind != StockMovement.Kind.CORRECTION and (movement.quantity or 0) <= 0:
        errors["quantity"] = _("The quantity must be positive.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def stock_record(
    *,
    user,
    variant,
    kind,
    quantity,
    from_location=None,
    to_location=None,
    note="",
    request=None,
):
    """Record one movement (in, out, moved, correction) and update the derived levels with it.
    The log is append-only: a mistake is undone with a correction."""
    require(can_manage_program(user))
    movement = StockMovement(
        variant=variant,
        kind=kind,
        quantity=quantity,
        from_location=from_location,
        to_location=to_location,
        note=note,
        request=request,
        created_by=user,
    )
    _check_movement(movement)
    movement.full_clean()
    # Lock in a fixed order (location id) so two moves in opposite directions cannot deadlock.
    for location_id, delta in sorted(movement.level_changes):
        _change_level(variant_id=variant.pk, location_id=location_id, delta=delta)
    movement.save()
    return movement


@transaction.atomic
def stock_location_create(*, user, **fields):
    """A place where swag is kept (a room, a warehouse), and who holds it."""
    require(can_manage_program(user))
    check_field_names(fields, LOCATION_FIELDS)
    return create_record(StockLocation, fields)


@transaction.atomic
def stock_location_update(*, location, user, **fields):
    require(can_manage_program(user))
    check_field_names(fields, LOCATION_FIELDS)
    return update_record(location, fields)


@transaction.atomic
def stock_location_delete(*, location, user):
    """Delete a place no movement ever used (the log keeps its places: PROTECT)."""
    require(can_manage_program(user))
    delete_record(location)

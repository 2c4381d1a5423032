"""The swag catalogue: items and their variants (e.g. T-shirt sizes). An item without
variants has one, labelled ''. Coordinators keep it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from intl_portal.common.records import check_field_names, create_record, delete_record, require, update_record
from members.models import SwagItem, SwagVariant
from members.permissions import can_manage_program

ITEM_FIELDS = ("name_en", "name_zh", "description", "active")


def _labels(labels):
    cleaned = [(label or "").strip() for label in labels]
    if len(set(cleaned)) != len(cleaned):
        raise ValidationError({"variant_labels": [_("Each variant label must be different.")]})
    return cleaned


def _add_variants(item, labels):
    existing = set(item.variants.values_list("label", flat=True))
    for label in labels:
        if label not in existing:
            create_record(SwagVariant, {"item": item, "label": label})


@transaction.atomic
def swag_item_create(*, user, variant_labels=None, **fields):
    """A new item with its variants (without `variant_labels`, one unlabelled variant)."""
    require(can_manage_program(user))
    check_field_names(fields, ITEM_FIELDS)
    labels = _labels([""] if variant_labels is None else variant_labels)
    item = create_record(SwagItem, fields)
    _add_variants(item, labels)
    return item


@transaction.atomic
def swag_item_update(*, item, user, variant_labels=None, **fields):
    """Change an item; `variant_labels` adds the variants it does not have yet (a variant
    already requested or moved is never removed here)."""
    require(can_manage_program(user))
    check_field_names(fields, ITEM_FIELDS)
    labels = None if variant_labels is None else _labels(variant_labels)
    update_record(item, fields)
    if labels is not None:
        _add_variants(item, labels)
    return item


@transaction.atomic
def swag_item_delete(*, item, user):
    """Delete an item none of whose variants was ever requested or moved (otherwise:
    ValidationError; make it inactive instead)."""
    require(can_manage_program(user))
    delete_record(item)


@transaction.atomic
def swag_variant_create(*, user, item, label=""):
    require(can_manage_program(user))
    return create_record(SwagVariant, {"item": item, "label": (label or "").strip()})


@transaction.atomic
def swag_variant_update(*, variant, user, **fields):
    require(can_manage_program(user))
    check_field_names(fields, ("item", "label"))
    return update_record(variant, fields)


@transaction.atomic
def swag_variant_delete(*, variant, user):
    """Delete a variant never requested or moved (otherwise: ValidationError)."""
    require(can_manage_program(user))
    delete_record(variant)

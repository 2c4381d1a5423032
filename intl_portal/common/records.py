"""What every app's services share to write a row: refusing a caller without the right or a
row in the wrong status, re-reading a row under a lock, the fields a call really changes,
refusing fields the caller may not set, and plain create / update / delete with the
model's own validation. Not a service itself: the functions here decide nothing, the
services call them with their app's predicates and messages."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _


def require(allowed, message=None):
    """Raise PermissionDenied unless a predicate (members.permissions) said yes."""
    if not allowed:
        raise PermissionDenied(str(message or _("Only coordinators may do this.")))


def wrong_status(instance, message):
    """The refusal of a transition from the instance's status (`message` may name it as
    %(status)s); the caller raises it."""
    return ValidationError(message % {"status": instance.get_status_display()})


def locked(instance, queryset=None):
    """Re-read the instance's row under a lock, so two decisions cannot both pass a status
    check and the caller's unsaved changes (a form already applied them) are not trusted.
    `queryset` (of the instance's model) may add select_related."""
    if queryset is None:
        queryset = type(instance)._default_manager
    return queryset.select_for_update().get(pk=instance.pk)


def locked_in(instance, *, allowed, refusal):
    """Lock the row and refuse (ValidationError) unless its status is one of `allowed`;
    `refusal` may name the current status as %(status)s."""
    row = locked(instance)
    if row.status not in allowed:
        raise wrong_status(row, refusal)
    return row


def copy_stored(target, source):
    """Bring the caller's object up to date with `source`, the row the service saved."""
    for field in type(source)._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))
    target._state.adding = False
    target._state.db = source._state.db
    return target


def changed_fields(instance, fields):
    """The fields (name → value) whose value differs from the instance's: a form may send
    every field, and re-saving what is stored is no change (and needs no right to change it)."""
    return {name: value for name, value in fields.items() if getattr(instance, name) != value}


def assign(instance, fields, *, skip=()):
    """Set `fields` on `instance` (many-to-many fields and `skip` are left to the caller)."""
    for name, value in fields.items():
        if name not in skip:
            setattr(instance, name, value)
    return instance


def refuse_fields(names, message=None):
    """A ValidationError naming each field the caller may not set."""
    if names:
        text = message or _("Only coordinators can set this field.")
        raise ValidationError({name: [text] for name in sorted(names)})


def check_field_names(fields, allowed):
    """A service takes only the fields it knows; anything else is a programming error."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")


def save_clean(instance, *, conflict=None):
    """Validate like a model form does (fields, clean(), constraints), then save; a unique
    conflict found only by the database (a concurrent write) becomes the same
    ValidationError as one found by full_clean."""
    instance.full_clean()
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as error:
        raise ValidationError(conflict or _("This conflicts with data already stored.")) from error
    return instance


def create_record(model, fields):
    return save_clean(model(**fields))


def update_record(instance, fields):
    return save_clean(assign(instance, fields))


def delete_record(instance):
    """Delete a row; a row other records still refer to is refused with a ValidationError."""
    try:
        with transaction.atomic():
            instance.delete()
    except (ProtectedError, RestrictedError) as error:
        raise ValidationError(_("This cannot be deleted while other records still refer to it.")) from error

"""What the members app's services share: row locks, the fields a call really changes, a
refusal of fields the caller may not set, and plain create / update / delete with the
model's own validation. Not a service itself: the functions here decide nothing."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from members.permissions import can_act_for, member_of


def require(allowed, message=None):
    """Raise PermissionDenied unless a predicate said yes."""
    if not allowed:
        raise PermissionDenied(message or _("Only coordinators may do this."))


def locked(instance):
    """Re-read a row under a lock, so a transition is checked on its latest state."""
    return type(instance).objects.select_for_update().get(pk=instance.pk)


def locked_in(instance, *, allowed, refusal):
    """Lock the row and refuse (ValidationError) unless its status is one of `allowed`;
    `refusal` may name the current status as %(status)s."""
    row = locked(instance)
    if row.status not in allowed:
        raise ValidationError(refusal % {"status": row.get_status_display()})
    return row


def refresh(instance, source):
    """Copy the stored values of `source` (the locked row) onto the caller's instance."""
    for field in instance._meta.concrete_fields:
        setattr(instance, field.attname, getattr(source, field.attname))
    return instance


def changed_fields(instance, fields):
    """The names among `fields` whose value differs from the instance's."""
    return {name for name, value in fields.items() if getattr(instance, name) != value}


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
    """full_clean, then save; a unique conflict found only by the database (a concurrent
    write) becomes the same ValidationError as one found by full_clean."""
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
    for name, value in fields.items():
        setattr(instance, name, value)
    return save_clean(instance)


def delete_record(instance):
    """Delete a row; a row other records still refer to is refused with a ValidationError."""
    try:
        with transaction.atomic():
            instance.delete()
    except (ProtectedError, RestrictedError) as error:
        raise ValidationError(_("This cannot be deleted while other records still refer to it.")) from error


def acting_member(*, user, member=None, field="member"):
    """The member a user acts for: themselves unless they name someone. A member naming
    someone else is refused on that field (a coordinator may name anyone); a user who is
    no member at all may not act (PermissionDenied)."""
    own = member_of(user)
    member = member if member is not None else own
    if member is None:
        require(can_act_for(user, None), _("Only members of the group may do this."))
        raise ValidationError({field: [_("This field is required.")]})
    if not can_act_for(user, member):
        require(own is not None, _("Only members of the group may do this."))
        raise ValidationError({field: [_("You can only do this for yourself.")]})
    return member

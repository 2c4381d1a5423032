"""What every budget service shares: refusing a user without the right or an object in the
wrong status, and re-reading a row under a lock before checking its status."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from ..history import CHANGED, CREATED, DELETED, record_history

ONLY_COORDINATORS = _("Only coordinators may do this.")
ONLY_APPROVERS = _("Only budget approvers may decide this.")


def deny_unless(allowed, message):
    """Raise PermissionDenied with `message` unless a predicate of members.permissions said yes."""
    if not allowed:
        raise PermissionDenied(str(message))


def wrong_status(obj, message):
    """The refusal of a transition from obj's status (`message` names it as %(status)s)."""
    return ValidationError(message % {"status": obj.get_status_display()})


def locked(queryset, pk):
    """Re-read a row under a lock, so two decisions cannot both pass the status check and a
    caller's unsaved changes to the object (a form already applied them) are not trusted."""
    return queryset.select_for_update().get(pk=pk)


def changes(current, fields):
    """The fields whose value differs from the stored row's: a form may send every field,
    and re-saving what is stored is no change (and needs no right to change it)."""
    return {name: value for name, value in fields.items() if getattr(current, name) != value}


def copy_fields(target, source):
    """Bring the caller's object up to date with the row the service saved."""
    for field in type(source)._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))
    target._state.adding = False
    target._state.db = source._state.db
    return target


def save(obj, user):
    """Save `obj` and record it in its history (created or changed, by `user`)."""
    kind = CREATED if obj._state.adding else CHANGED
    obj.save()
    record_history(obj, kind, user=user)
    return obj


def delete(obj, user):
    """Record the deletion of `obj` in its history (by `user`), then delete it."""
    record_history(obj, DELETED, user=user)
    obj.delete()

"""Small helpers every events service uses."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from members.permissions import can_manage_events


def require_manager(user):
    """Refuse a write about the calendar's data to anyone but a coordinator."""
    if not can_manage_events(user):
        raise PermissionDenied(_("Only coordinators may change the calendar."))


def assign(instance, fields, *, skip=()):
    """Set `fields` on `instance` (many-to-many fields and `skip` are left to the caller)."""
    for name, value in fields.items():
        if name not in skip:
            setattr(instance, name, value)


def save_valid(instance):
    """Validate like a model form does (fields, clean(), constraints), then save."""
    instance.full_clean()
    instance.save()
    return instance

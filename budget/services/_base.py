"""What only the budget services share: their refusals' wording and saving or deleting a row
together with its history. The generic helpers (require, locked, changed_fields,
copy_stored, wrong_status, …) are in intl_portal.common.records."""

from django.utils.translation import gettext_lazy as _

from ..history import CHANGED, CREATED, DELETED, record_history

ONLY_COORDINATORS = _("Only coordinators may do this.")
ONLY_APPROVERS = _("Only budget approvers may decide this.")


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

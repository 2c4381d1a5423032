"""The budget's history (who changed what, when, old and new values), written by the
services themselves: no model signal writes a row.

django-simple-history keeps the history tables and their pages; `ExplicitHistory` is its
HistoricalRecords without the post_save / pre_delete / post_delete receivers it would
connect, and `record_history` is what a service calls after each save and before each
delete.
"""

from django.db.models import signals
from simple_history.models import HistoricalRecords

CREATED, CHANGED, DELETED = "+", "~", "-"


class ExplicitHistory(HistoricalRecords):
    """HistoricalRecords whose rows are written by record_history only."""

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if sender is not self.cls:
            return
        # The library connects its receivers while it builds the history model; take them
        # off again, the services record instead.
        signals.post_save.disconnect(self.post_save, sender=sender)
        signals.pre_delete.disconnect(self.pre_delete, sender=sender)
        signals.post_delete.disconnect(self.post_delete, sender=sender)
        sender._explicit_history = self


def record_history(instance, kind, *, user=None):
    """Write one history row of `instance` as it now is: `kind` CREATED, CHANGED or DELETED
    (before the delete). Without `user`, the request's user (the history middleware); the
    Operator (members.permissions) is nobody to record."""
    if user is not None and user.is_authenticated and user.pk is not None:
        instance._history_user = user
    try:
        type(instance)._explicit_history.create_historical_record(instance, kind)
    finally:
        instance.__dict__.pop("_history_user", None)

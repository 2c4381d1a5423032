"""The calendar feeds' cache revision: any save or delete of what the feeds show moves the
revision, so a conditional GET never answers 304 after a deadline disappeared.

These receivers only bump a cache version (no domain rows); a moved deadline's SEQUENCE
is raised by events.services.deadline_set itself.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .feed_services import calendar_revision_touch
from .models import Deadline, Event, Participation

for _model in (Deadline, Event, Participation):
    name = _model.__name__
    post_save.connect(calendar_revision_touch, sender=_model, dispatch_uid=f"calendar_save_{name}")
    post_delete.connect(calendar_revision_touch, sender=_model, dispatch_uid=f"calendar_del_{name}")


@receiver(m2m_changed, sender=Event.tags.through, dispatch_uid="calendar_rev_tags")
def _event_tags_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        calendar_revision_touch()

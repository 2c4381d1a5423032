"""The calendar feeds' cache revision: the one kind of model receiver the portal keeps.

These receivers only move `CalendarRevision.changed_at`, the version that the feeds'
validators (ETag, Last-Modified) and their cached bodies are keyed on; they write no
domain rows. A deletion leaves no `updated_at` behind, so without this version a
conditional GET could answer 304 after a deadline disappeared, whoever deleted it
(admin, API, a service, the shell). A moved deadline's SEQUENCE is raised by
events.services.deadline_set itself, not here.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from ..models import Deadline, Event, Participation
from .services import calendar_revision_touch


def _row_changed(sender, **kwargs):
    calendar_revision_touch()


for _model in (Deadline, Event, Participation):
    name = _model.__name__
    post_save.connect(_row_changed, sender=_model, dispatch_uid=f"calendar_save_{name}")
    post_delete.connect(_row_changed, sender=_model, dispatch_uid=f"calendar_del_{name}")


@receiver(m2m_changed, sender=Event.tags.through, dispatch_uid="calendar_rev_tags")
def _event_tags_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        calendar_revision_touch()

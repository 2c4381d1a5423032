"""Receivers that keep calendar feeds honest whoever saves: admin, API, services, shell.

A moved deadline gets a higher SEQUENCE (the rule is events.services.deadline_moved);
any save or delete of what the feeds show moves the feeds' revision, so a conditional
GET never answers 304 after a deadline disappeared.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from .feed_services import calendar_revision_touch
from .models import Deadline, Event, Participation
from .services import deadline_moved


@receiver(pre_save, sender=Deadline, dispatch_uid="calendar_deadline_moved")
def _deadline_moved(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw:
        deadline_moved(deadline=instance, update_fields=update_fields)


for _model in (Deadline, Event, Participation):
    name = _model.__name__
    post_save.connect(calendar_revision_touch, sender=_model, dispatch_uid=f"calendar_save_{name}")
    post_delete.connect(calendar_revision_touch, sender=_model, dispatch_uid=f"calendar_del_{name}")


@receiver(m2m_changed, sender=Event.tags.through, dispatch_uid="calendar_rev_tags")
def _event_tags_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        calendar_revision_touch()
